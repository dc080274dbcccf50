export const id = 754;
export const ids = [754];
export const modules = {

/***/ 7485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSender),
/* harmony export */   KX: () => (/* binding */ formatMailbox),
/* harmony export */   ug: () => (/* binding */ parseAddresses)
/* harmony export */ });
/* harmony import */ var nodemailer_lib_addressparser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2844);
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9354);
/* harmony import */ var _read_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8215);



/** "Name <address>" or "address". */
function formatMailbox(m) {
    return m.name ? `${m.name} <${m.address}>` : m.address;
}
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
/** Parses a comma- or newline-separated address list ("Name <a@b>", "a@b"). */
function parseAddresses(value, input) {
    const result = [];
    for (const line of value.split(/\r?\n/)) {
        if (!line.trim())
            continue;
        for (const entry of (0,nodemailer_lib_addressparser__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A)(line, { flatten: true })) {
            const address = (entry.address ?? '').trim();
            const name = (entry.name ?? '').replace(/[\r\n]+/g, ' ').trim();
            if (!address) {
                throw new _input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `'${name || line.trim()}' is not an e-mail address.`);
            }
            if (!ADDRESS.test(address))
                throw new _input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `'${address}' is not a valid e-mail address.`);
            result.push({ name, address });
        }
    }
    return result;
}
function singleMailbox(value, input) {
    const list = parseAddresses(value, input);
    if (list.length !== 1)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, 'must be exactly one address.');
    return list[0];
}
/**
 * The From mailbox and the mailbox that sends: the one SMTP authenticates as, the one Graph posts
 * for (`/users/{mailbox}/sendMail`). The From address unless `smtp-user` (or its transport-neutral
 * alias `mailbox`) says otherwise.
 */
function parseSender(get) {
    const from = singleMailbox((0,_read_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .required */ .mw)(get('from'), 'from'), 'from');
    const smtpUserInput = get('smtp-user');
    const mailboxInput = get('mailbox');
    const smtpUser = smtpUserInput ? singleMailbox(smtpUserInput, 'smtp-user').address : undefined;
    const mailbox = mailboxInput ? singleMailbox(mailboxInput, 'mailbox').address : undefined;
    if (smtpUser && mailbox && smtpUser.toLowerCase() !== mailbox.toLowerCase()) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('mailbox', `is another name for 'smtp-user': give one of them, not two different mailboxes.`);
    }
    return { from, smtpUser: smtpUser ?? mailbox ?? from.address };
}


/***/ }),

/***/ 4811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ messageFacts)
/* harmony export */ });
/* harmony import */ var _inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7485);

/** The rows describing a message, shared by the log and the summary; Bcc shows only a count. */
function messageFacts(settings, message) {
    const rows = [
        ['Subject', message.subject],
        ['From', (0,_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMailbox */ .KX)(settings.from)]
    ];
    if (settings.to.length)
        rows.push(['To', settings.to.map(_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMailbox */ .KX).join(', ')]);
    if (settings.cc.length)
        rows.push(['Cc', settings.cc.map(_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMailbox */ .KX).join(', ')]);
    if (settings.bcc.length)
        rows.push(['Bcc', `${settings.bcc.length} hidden recipient(s)`]);
    if (settings.replyTo.length)
        rows.push(['Reply-To', settings.replyTo.map(_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMailbox */ .KX).join(', ')]);
    rows.push(['Parts', message.html === undefined ? 'text' : 'text + HTML']);
    return rows;
}


/***/ }),

/***/ 6754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compileMessageTemplates: () => (/* binding */ compileMessageTemplates),
  prepareMessage: () => (/* binding */ prepareMessage)
});

// EXTERNAL MODULE: ./src/message/facts.ts
var facts = __webpack_require__(4811);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/shared/run-info.ts
var run_info = __webpack_require__(6781);
;// CONCATENATED MODULE: ./src/message/context.ts


// The run's jobs, failed steps and annotations: the shape run-info reads from the GitHub API.

/** Reads the event payload the runner wrote; a missing or broken file yields an empty object. */
function readEventPayload(env) {
    const file = env.GITHUB_EVENT_PATH;
    if (!file)
        return {};
    try {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
    }
    catch {
        return {};
    }
}
/** Builds the template context from the runner's environment and the event payload. Pure. */
function buildContext(env, event, jobStatus, extra = {}) {
    const v = (name, fallback = '') => env[name] ?? fallback;
    const serverUrl = v('GITHUB_SERVER_URL', 'https://github.com').replace(/\/+$/, '');
    const repository = v('GITHUB_REPOSITORY');
    const ref = v('GITHUB_REF');
    const refName = v('GITHUB_REF_NAME') || ref.replace(/^refs\/(heads|tags)\//, '');
    const runId = v('GITHUB_RUN_ID');
    const attempt = v('GITHUB_RUN_ATTEMPT', '1');
    const repositoryUrl = repository ? `${serverUrl}/${repository}` : serverUrl;
    const sha = v('GITHUB_SHA');
    return {
        github: {
            repository,
            repository_owner: v('GITHUB_REPOSITORY_OWNER') || repository.split('/')[0] || '',
            sha,
            ref,
            ref_name: refName,
            ref_type: v('GITHUB_REF_TYPE') || (ref.startsWith('refs/tags/') ? 'tag' : ref ? 'branch' : ''),
            head_ref: v('GITHUB_HEAD_REF'),
            base_ref: v('GITHUB_BASE_REF'),
            workflow: v('GITHUB_WORKFLOW'),
            job: v('GITHUB_JOB'),
            run_id: runId,
            run_number: v('GITHUB_RUN_NUMBER'),
            run_attempt: attempt,
            actor: v('GITHUB_ACTOR'),
            triggering_actor: v('GITHUB_TRIGGERING_ACTOR') || v('GITHUB_ACTOR'),
            event_name: v('GITHUB_EVENT_NAME'),
            server_url: serverUrl,
            api_url: v('GITHUB_API_URL', 'https://api.github.com'),
            event
        },
        job: { status: jobStatus },
        runner: { os: v('RUNNER_OS'), name: v('RUNNER_NAME') },
        run_url: runId
            ? `${repositoryUrl}/actions/runs/${runId}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`
            : repositoryUrl,
        repository_url: repositoryUrl,
        commit_url: sha ? `${repositoryUrl}/commit/${sha}` : repositoryUrl,
        vars: extra.vars ?? {},
        run: extra.run ?? (0,run_info/* emptyRunInfo */.h)()
    };
}
const RELEASE_ANNOUNCEMENTS = new Set(['published', 'created', 'prereleased', 'released', '']);
/**
 * Which default message fits the event (its name and `action`) and the job status. Here rather
 * than in render.ts so that the action can tell, before Liquid loads, whether the message will
 * show the run's jobs (and start reading them).
 */
function messageKind(eventName, action, jobStatus) {
    const status = jobStatus.trim().toLowerCase();
    if (eventName === 'release' && (status === '' || status === 'success') && RELEASE_ANNOUNCEMENTS.has(action)) {
        return 'release';
    }
    if (status === 'failure' || status === 'cancelled' || status === 'success')
        return status;
    switch (eventName) {
        case 'push':
            return 'push';
        case 'pull_request':
        case 'pull_request_target':
            return 'pull_request';
        case 'workflow_dispatch':
            return 'workflow_dispatch';
        case 'schedule':
            return 'schedule';
        default:
            return 'generic';
    }
}

;// CONCATENATED MODULE: ./src/message/outside-text.ts
/**
 * Text the runner filled in. A migrated `body: ${{ github.event.head_commit.message }}` reaches
 * the action as the commit message itself, which Liquid then reads as template source: a commit
 * message with `{{` or `{%` could fail to parse (and cost the mail), render to something else,
 * or run a loop its author chose. The author cannot wrap text the runner substituted in
 * `{% raw %}`, so the action does it: every string of the event that holds Liquid markup and
 * occurs verbatim in an inline input is shown as written. What remains is the author's.
 */
const MARKUP = /\{[{%]/;
/** Bounds the walk over a hostile payload (a push of 2,000 commits has far fewer strings). */
const MAX_NODES = 200_000;
const MAX_DEPTH = 64;
/** Every string of the event that holds Liquid markup, once per text, with its simplest path. */
function eventTextsWithMarkup(event) {
    const byText = new Map();
    let nodes = 0;
    const walk = (value, path, depth) => {
        if (++nodes > MAX_NODES || depth > MAX_DEPTH)
            return;
        if (typeof value === 'string') {
            if (MARKUP.test(value) && !simpler(byText.get(value), path))
                byText.set(value, path);
            return;
        }
        if (value === null || typeof value !== 'object')
            return;
        if (Array.isArray(value))
            value.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
        else
            for (const [key, item] of Object.entries(value))
                walk(item, `${path}${member(key)}`, depth + 1);
    };
    walk(event, 'github.event', 0);
    return [...byText].map(([text, path]) => ({ path, forms: outside_text_forms(text) }));
}
/** True when `known` is at least as simple a path as `path`: fewer indices, then shorter. */
function simpler(known, path) {
    if (known === undefined)
        return false;
    const indices = (p) => p.split('[').length;
    return indices(known) < indices(path) || (indices(known) === indices(path) && known.length <= path.length);
}
function member(key) {
    return /^[A-Za-z_][\w-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
function outside_text_forms(text) {
    const lf = text.replace(/\r\n?/g, '\n');
    // @actions/core trims inputs, so text at either end of an input has lost its outer blanks
    return [...new Set([text, text.trim(), lf, lf.trim()])].filter((form) => MARKUP.test(form));
}
/** `text` as a Liquid block that renders exactly `text` (an `endraw` inside cannot close it). */
function rawBlock(text) {
    return `{% raw %}${text.replaceAll('endraw', 'endr{% endraw %}{% raw %}aw')}{% endraw %}`;
}
/** Makes every occurrence of the event's text in `source` literal. */
function escapeEventText(source, texts) {
    const spans = [];
    if (MARKUP.test(source)) {
        for (const { path, forms } of texts) {
            for (const form of forms) {
                for (let at = source.indexOf(form); at >= 0; at = source.indexOf(form, at + form.length)) {
                    spans.push({ start: at, end: at + form.length, path });
                }
            }
        }
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    let text = '';
    let own = '';
    let done = 0;
    const paths = [];
    for (let i = 0; i < spans.length;) {
        const first = spans[i];
        let end = first.end;
        // overlapping texts (a commit message and its title, say) become one literal block
        for (; i < spans.length && spans[i].start < end; i++) {
            const span = spans[i];
            end = Math.max(end, span.end);
            if (!paths.includes(span.path))
                paths.push(span.path);
        }
        text += source.slice(done, first.start) + rawBlock(source.slice(first.start, end));
        own += `${source.slice(done, first.start)}\n`;
        done = end;
    }
    return { text: text + source.slice(done), paths, own: own + source.slice(done) };
}
/**
 * True when `text` holds Liquid its author evidently wrote: an output that reads the template
 * context (`{{ github.… }}`, `{{ job.status }}` …) or a control tag (`{% if %}`, `{% for %}` …).
 */
function hasOwnLiquid(text) {
    return (/\{\{-?\s*(?:github|job|runner|run_url|run|repository_url|commit_url|vars)\b/.test(text) ||
        /\{%-?\s*(?:if|unless|case|for|tablerow|assign|capture|increment|decrement|cycle|echo|liquid|raw|comment|include|render)\b/.test(text));
}
/** The warning for event text that was shown as written. */
function eventTextNotice(input, paths) {
    // keys of the event are outside text too: a path is bounded like any quoted text
    const named = paths.slice(0, 3).map((path) => (path.length > 120 ? `${path.slice(0, 120)}…` : path));
    const more = paths.length > named.length ? ` and ${paths.length - named.length} more` : '';
    const first = named[0] ?? 'github.event';
    return (`Input '${input}' holds text of the event with Liquid markup ({{ or {%), shown as written rather than run as a template: ` +
        `${named.join(', ')}${more}. The runner filled it in with \${{ }} before the action saw it; ` +
        `write {{ ${first} }} instead, and Liquid inserts it as text.`);
}
/** The warning for an inline input sent as written because its Liquid failed. */
function sentAsWrittenNotice(input, failure) {
    const reason = failure.length > 200 ? `${failure.slice(0, 200)}…` : failure;
    return (`Input '${input}' is sent as written: its Liquid failed (${reason}), and it has none of its author's ` +
        `({{ github.… }}, {% if %} …), so the markup must be text the runner filled in with \${{ }}. ` +
        `Insert such text with Liquid instead ({{ github.event.… }}, or a step's output through 'vars'). ` +
        `A template with Liquid of its own, or a file:// template, fails the step instead.`);
}

// EXTERNAL MODULE: ./src/message/text.ts
var message_text = __webpack_require__(8048);
;// CONCATENATED MODULE: ./src/message/default-templates.ts

// The default messages are Liquid files in templates/. They are read the same way from the
// sources and from the bundle: ncc copies every file referenced as `new URL(…, import.meta.url)`
// next to dist/index.js and rewrites the reference to a path string. ncc cannot follow a computed
// name, so every file has its own `new URL`; and it puts them all in one directory, so the names
// are unique.
function read(location) {
    return (0,external_node_fs_.readFileSync)(location, 'utf8');
}
function load(name, location, input) {
    return { input, text: read(location), file: `templates/${name}` };
}
const default_templates_status = {
    subject: load('status.subject.liquid', __webpack_require__.ab + "status.subject.liquid", 'subject'),
    text: load('status.text.liquid', __webpack_require__.ab + "status.text.liquid", 'body'),
    html: load('status.html.liquid', __webpack_require__.ab + "status.html.liquid", 'html-body')
};
const generic = {
    subject: load('generic.subject.liquid', __webpack_require__.ab + "generic.subject.liquid", 'subject'),
    text: load('generic.text.liquid', __webpack_require__.ab + "generic.text.liquid", 'body'),
    html: load('generic.html.liquid', __webpack_require__.ab + "generic.html.liquid", 'html-body')
};
/** The default message for each kind of notification (see defaultMessageKind in render.ts). */
const DEFAULT_MESSAGES = {
    release: {
        subject: load('release.subject.liquid', __webpack_require__.ab + "release.subject.liquid", 'subject'),
        text: load('release.text.liquid', __webpack_require__.ab + "release.text.liquid", 'body'),
        html: load('release.html.liquid', __webpack_require__.ab + "release.html.liquid", 'html-body')
    },
    failure: default_templates_status,
    cancelled: default_templates_status,
    success: default_templates_status,
    push: {
        subject: load('push.subject.liquid', __webpack_require__.ab + "push.subject.liquid", 'subject'),
        text: load('push.text.liquid', __webpack_require__.ab + "push.text.liquid", 'body'),
        html: load('push.html.liquid', __webpack_require__.ab + "push.html.liquid", 'html-body')
    },
    pull_request: {
        subject: load('pull-request.subject.liquid', __webpack_require__.ab + "pull-request.subject.liquid", 'subject'),
        text: load('pull-request.text.liquid', __webpack_require__.ab + "pull-request.text.liquid", 'body'),
        html: load('pull-request.html.liquid', __webpack_require__.ab + "pull-request.html.liquid", 'html-body')
    },
    workflow_dispatch: {
        subject: load('dispatch.subject.liquid', __webpack_require__.ab + "dispatch.subject.liquid", 'subject'),
        text: load('dispatch.text.liquid', __webpack_require__.ab + "dispatch.text.liquid", 'body'),
        html: load('dispatch.html.liquid', __webpack_require__.ab + "dispatch.html.liquid", 'html-body')
    },
    schedule: {
        subject: load('schedule.subject.liquid', __webpack_require__.ab + "schedule.subject.liquid", 'subject'),
        text: load('schedule.text.liquid', __webpack_require__.ab + "schedule.text.liquid", 'body'),
        html: load('schedule.html.liquid', __webpack_require__.ab + "schedule.html.liquid", 'html-body')
    },
    generic
};
/**
 * The pieces the default messages share, by the name they are included with
 * (`{% include 'row.html' %}`, `{% layout 'layout.html' %}`). Only the default messages' Liquid
 * engines know them; users' templates have no partials and no file system.
 */
const DEFAULT_PARTIALS = {
    setup: read(__webpack_require__.ab + "setup.liquid"),
    status: read(__webpack_require__.ab + "status.liquid"),
    'layout.html': read(__webpack_require__.ab + "layout.html.liquid"),
    'row.html': read(__webpack_require__.ab + "row.html.liquid"),
    'failed-jobs.html': read(__webpack_require__.ab + "failed-jobs.html.liquid"),
    'failed-jobs.text': read(__webpack_require__.ab + "failed-jobs.text.liquid"),
    'jobs.html': read(__webpack_require__.ab + "jobs.html.liquid"),
    'jobs.text': read(__webpack_require__.ab + "jobs.text.liquid")
};
/** The frame of the HTML part rendered from a Markdown body (`markdown: true`). */
const MARKDOWN_FRAME = load('markdown.html.liquid', __webpack_require__.ab + "markdown.html.liquid", 'body');

// EXTERNAL MODULE: ./node_modules/liquidjs/dist/liquid.node.js
var liquid_node = __webpack_require__(8694);
// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(5497);
// EXTERNAL MODULE: ./src/shared/optional.ts + 1 modules
var optional = __webpack_require__(1181);
;// CONCATENATED MODULE: ./src/message/markdown-limits.ts
/** Emphasis delimiters (`*`, `_`) one inline context may hold before they are taken literally. */
const MAX_DELIMITERS = 2000;
/**
 * What the inline contexts of one text with more than FEW_DELIMITERS may cost together, in
 * delimiters squared (a context's matching time grows with the square of its delimiters): three
 * contexts at MAX_DELIMITERS.
 */
const MAX_DELIMITER_WORK = 3 * MAX_DELIMITERS ** 2;
/**
 * A context with this few delimiters is always matched and not counted: together such contexts
 * cost at most FEW_DELIMITERS times the text's length. Real text is made of them.
 */
const FEW_DELIMITERS = 100;
/**
 * Containers (quotes, list items) nested deeper than 64 on one line: the next marker is text.
 * marked lexes a container's content once per level, and thousands of levels (`> > > …`,
 * `- - - …`) run it out of stack after a second or more. A marker takes the spaces after it
 * and the next one none before it, so a space is read one way only: no backtracking.
 */
const DEEP_CONTAINERS = /^((?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])){64}[ \t]*)(>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/gm;
/** The text with the marker at nesting level 65 of each line escaped (see DEEP_CONTAINERS). */
function flattenDeepContainers(text) {
    return text.replace(DEEP_CONTAINERS, (_, outer, marker) => /\d/.test(marker) ? `${outer}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${outer}\\${marker}`);
}
/** The hooks that apply the limits inside marked, for one text (the delimiter budget is per text). */
function limitingHooks(lexerClass) {
    return {
        emStrongMask: emphasisBudget(),
        provideLexer: () => (src, options) => lexWithShortWords(new lexerClass(options), src)
    };
}
/**
 * marked matches `*` and `_` in time quadratic in the delimiters of one inline context (a
 * paragraph, a list item, a table cell, a heading): 60,000 of them in a paragraph take a
 * minute. marked hands each context's source to `emStrongMask` before matching, with code spans
 * and backslash escapes already masked, so what is left are the delimiters that will be matched;
 * list markers and other block syntax are never part of it. A context with more than
 * MAX_DELIMITERS, or one that would take the text past MAX_DELIMITER_WORK, has them masked: they
 * print as written, and every other context keeps its formatting. Contexts with FEW_DELIMITERS
 * or fewer (every list item of a changelog, nearly every paragraph) are always matched, so
 * hostile text cannot take formatting away from the real text around it.
 */
function emphasisBudget() {
    let work = 0;
    return (masked) => {
        let delimiters = 0;
        for (let i = 0; i < masked.length; i++)
            if (masked[i] === '*' || masked[i] === '_')
                delimiters++;
        if (delimiters <= FEW_DELIMITERS)
            return masked;
        const cost = delimiters * delimiters;
        if (delimiters <= MAX_DELIMITERS && work + cost <= MAX_DELIMITER_WORK) {
            work += cost;
            return masked;
        }
        // marked's own mask character: what stands here can neither open nor close emphasis.
        return masked.replace(/[*_]/g, '+');
    };
}
/**
 * Characters marked's text rule reads ahead over, to the end of the run, looking for an `@`
 * (is this an e-mail address?), each time a `!`, `*`, `_`, `` ` `` or `~` in the run stops it: a
 * run of 60,000 `_a` or `!a` takes seconds to a minute. Runs longer than this (no word, URL or
 * hash is that long) have those characters escaped, so each piece is read once; they print as
 * written. (A match starts only where a run starts: tried inside a run of 1,000, it would read
 * the run once per character.)
 */
const LONG_WORD = /(?<![\w.!#$%&'*+/=?`{|}~-])[\w.!#$%&'*+/=?`{|}~-]{1001,}/g;
/** Lexes with every inline context's overlong runs broken up (see LONG_WORD); code blocks are not inline. */
function lexWithShortWords(lexer, src) {
    const inlineTokens = lexer.inlineTokens.bind(lexer);
    lexer.inlineTokens = (inline, tokens) => inlineTokens(inline.replace(LONG_WORD, (run) => run.replace(/[!*_`~]/g, '\\$&')), tokens);
    return lexer.lex(src);
}

;// CONCATENATED MODULE: ./src/message/markdown.ts



/** Longest Markdown source the `markdown` filter renders (GitHub allows 125,000 characters in a release body). */
const MAX_MARKDOWN_LENGTH = 200_000;
const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif";
const MONO = "ui-monospace,SFMono-Regular,Consolas,'Liberation Mono',Menlo,monospace";
const HEADING_SIZES = [0, 20, 18, 16, 15, 14, 13];
/** Tags kept from raw HTML in Markdown, always without attributes. */
const KEPT_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'sub', 'sup', 'kbd', 'code', 'br']);
/** Tags whose end becomes a line break when raw HTML is flattened. */
const BREAKING_TAGS = new Set(['p', 'div', 'li', 'tr', 'summary']);
/** Tags dropped from raw HTML together with their content. */
const DROPPED_CONTENT = /<(script|style|textarea|title|iframe|noscript|xmp|template|svg|math|object)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
/** A tag, a comment or a declaration in raw HTML. */
const HTML_TAG = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<\/?([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/**
 * Renders Markdown (GitHub-flavoured: tables, task lists, autolinks, hard line breaks) to HTML
 * that is safe to put in a message and renders in Outlook and Gmail:
 * - raw HTML in the source never reaches the output: harmless formatting tags (`<b>`, `<br>`,
 *   `<kbd>` …) are kept without attributes, other tags are dropped (their text stays, escaped);
 *   `<script>`, `<style>` and the like are dropped with their content;
 * - links keep only http(s) and mailto URLs; relative links point into the repository;
 * - images become links (no remote content is loaded when the message is opened);
 * - every element carries inline styles (no `<style>` block, no classes).
 */
async function markdownToHtml(source, links = {}) {
    let text = (0,message_text/* toLf */.yj)((0,message_text/* toText */.fE)(source));
    if (!text.trim())
        return '';
    if (text.length > MAX_MARKDOWN_LENGTH)
        text = `${text.slice(0, MAX_MARKDOWN_LENGTH)}…`;
    text = flattenDeepContainers(text);
    const { Marked, Renderer, Lexer } = await optional/* optional */.l.marked();
    const renderer = new Renderer();
    styleBlocks(renderer);
    styleInline(renderer, linkWriter(links));
    const hooks = limitingHooks(Lexer);
    const markdown = new Marked({ gfm: true, breaks: true, async: false, renderer, hooks });
    try {
        return markdown.parse(text, { async: false }).trim();
    }
    catch {
        // Should marked give up on absurd input all the same (it did on thousands of nested quotes,
        // before flattenDeepContainers): the text as it is, escaped, rather than no message at all.
        return `<p style="margin:0 0 12px;white-space:pre-wrap;">${(0,message_text/* escapeHtml */.ZD)(text)}</p>`;
    }
}
function linkWriter(links) {
    const repositoryUrl = (0,message_text/* safeUrl */.Pl)(links.repositoryUrl);
    const serverUrl = (0,message_text/* safeUrl */.Pl)(links.serverUrl) || (repositoryUrl ? new URL(repositoryUrl).origin : '');
    const ref = encodeURIComponent(links.ref || 'HEAD');
    const pageBase = repositoryUrl ? `${repositoryUrl.replace(/\/+$/, '')}/blob/${ref}/` : undefined;
    const rawBase = repositoryUrl ? `${repositoryUrl.replace(/\/+$/, '')}/raw/${ref}/` : undefined;
    const target = (href, base = pageBase) => (href.trim().startsWith('#') ? '' : (0,message_text/* safeUrl */.Pl)(href, base));
    return {
        target: (href) => target(href),
        imageLink(src, alt) {
            const href = target(src, rawBase);
            const label = `${alt.trim() ? (0,message_text/* escapeHtml */.ZD)(alt.trim()) : 'image'}`;
            return href ? `[${markdown_anchor(href, `image: ${label}`)}]` : alt.trim() ? (0,message_text/* escapeHtml */.ZD)(alt) : '';
        },
        references(escaped) {
            if (!serverUrl && !repositoryUrl)
                return escaped;
            return escaped.replace(/(^|[^\w@/&#.-])(@([A-Za-z\d](?:-?[A-Za-z\d]){0,38})|#(\d{1,9}))(?![\w-])/g, (match, before, whole, user, issue) => {
                if (user && serverUrl)
                    return `${before}${markdown_anchor(`${serverUrl.replace(/\/+$/, '')}/${user}`, whole)}`;
                if (issue && repositoryUrl)
                    return `${before}${markdown_anchor(`${repositoryUrl.replace(/\/+$/, '')}/issues/${issue}`, whole)}`;
                return match;
            });
        }
    };
}
function markdown_anchor(href, content) {
    return `<a href="${(0,message_text/* escapeHtml */.ZD)(href)}" style="color:#0969da;text-decoration:underline;">${content}</a>`;
}
/** Raw HTML from the source: kept formatting tags, image links, escaped text; nothing else. */
function sanitizeRawHtml(html, links) {
    let out = '';
    let last = 0;
    const source = html.replace(DROPPED_CONTENT, '');
    for (const m of source.matchAll(HTML_TAG)) {
        out += (0,message_text/* escapeHtmlKeepEntities */.BM)(source.slice(last, m.index));
        last = m.index + m[0].length;
        const name = m[1]?.toLowerCase();
        if (!name)
            continue; // comment, doctype, processing instruction
        const closing = m[0].startsWith('</');
        if (KEPT_TAGS.has(name))
            out += closing ? (name === 'br' ? '' : `</${name}>`) : `<${name}>`;
        else if (name === 'img') {
            const attributes = m[2] ?? '';
            out += links.imageLink(decodeEntities(attribute(attributes, 'src')), decodeEntities(attribute(attributes, 'alt')));
        }
        else if (BREAKING_TAGS.has(name) && closing)
            out += '<br>';
    }
    return out + (0,message_text/* escapeHtmlKeepEntities */.BM)(source.slice(last));
}
/** The value of one attribute of a raw tag, quoted or not; '' when it is missing. */
function attribute(attributes, key) {
    return (new RegExp(`(?:^|\\s)${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i')
        .exec(attributes)
        ?.slice(1)
        .find((v) => v !== undefined) ?? '');
}
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(text) {
    return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]+);/gi, (match, ref) => {
        if (ref[0] !== '#')
            return ENTITIES[ref.toLowerCase()] ?? match;
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
}
/** Raw HTML, text, links and inline formatting: sanitised, references linked. */
function styleInline(renderer, links) {
    let linkDepth = 0;
    renderer.html = ({ text: html }) => sanitizeRawHtml(html, links);
    renderer.text = function (token) {
        if ('tokens' in token && token.tokens)
            return this.parser.parseInline(token.tokens);
        // Always escaped: marked flags text inside raw HTML blocks (after <script>, <pre> …) as
        // "escaped" meaning "print as is", and backslash escapes arrive as entities already.
        const escaped = (0,message_text/* escapeHtmlKeepEntities */.BM)(token.text);
        return linkDepth > 0 ? escaped : links.references(escaped);
    };
    renderer.link = function ({ href, tokens, text: label }) {
        linkDepth++;
        const content = tokens ? this.parser.parseInline(tokens) : (0,message_text/* escapeHtml */.ZD)(label);
        linkDepth--;
        const url = links.target(href);
        return url ? markdown_anchor(url, content) : content;
    };
    renderer.image = ({ href, text: alt }) => links.imageLink(href, alt);
    renderer.codespan = ({ text: code }) => `<code style="font-family:${MONO};font-size:85%;background-color:#eff1f3;padding:1px 4px;border-radius:4px;">${(0,message_text/* escapeHtml */.ZD)(code)}</code>`;
    renderer.strong = function ({ tokens }) {
        return `<strong>${this.parser.parseInline(tokens)}</strong>`;
    };
    renderer.em = function ({ tokens }) {
        return `<em>${this.parser.parseInline(tokens)}</em>`;
    };
    renderer.del = function ({ tokens }) {
        return `<del>${this.parser.parseInline(tokens)}</del>`;
    };
    renderer.checkbox = ({ checked }) => (checked ? '☑ ' : '☐ ');
}
/** Paragraphs, headings, code blocks, quotes, lists and tables: inline styles that mail clients keep. */
function styleBlocks(renderer) {
    renderer.paragraph = function ({ tokens }) {
        return `<p style="margin:0 0 12px;">${this.parser.parseInline(tokens)}</p>\n`;
    };
    renderer.heading = function ({ tokens, depth }) {
        const size = HEADING_SIZES[depth] ?? 14;
        const rule = depth <= 2 ? 'padding-bottom:4px;border-bottom:1px solid #d8dee4;' : '';
        return `<h${depth} style="margin:20px 0 8px;font-family:${FONT};font-size:${size}px;line-height:1.3;font-weight:600;color:#1f2328;${rule}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    };
    renderer.code = ({ text: code }) => `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 12px;"><tr><td bgcolor="#f6f8fa" style="background-color:#f6f8fa;border:1px solid #d0d7de;padding:10px 12px;"><pre style="margin:0;font-family:${MONO};font-size:12px;line-height:1.45;color:#1f2328;white-space:pre-wrap;word-wrap:break-word;">${(0,message_text/* escapeHtml */.ZD)(code.replace(/\n$/, ''))}</pre></td></tr></table>\n`;
    renderer.blockquote = function ({ tokens }) {
        return `<blockquote style="margin:0 0 12px;padding:0 0 0 12px;border-left:4px solid #d0d7de;color:#59636e;">${this.parser.parse(tokens)}</blockquote>\n`;
    };
    renderer.hr = () => '<hr style="border:0;border-top:1px solid #d0d7de;height:0;margin:16px 0;">\n';
    renderer.list = function (token) {
        const tag = token.ordered ? 'ol' : 'ul';
        const start = token.ordered && typeof token.start === 'number' && token.start !== 1 ? ` start="${token.start}"` : '';
        const items = token.items.map((item) => this.listitem(item)).join('');
        return `<${tag}${start} style="margin:0 0 12px;padding-left:24px;">\n${items}</${tag}>\n`;
    };
    renderer.listitem = function (item) {
        const style = item.task ? 'margin:0 0 4px;list-style-type:none;' : 'margin:0 0 4px;';
        return `<li style="${style}">${this.parser.parse(item.tokens).replace(/^<p style="margin:0 0 12px;">([\s\S]*)<\/p>\n$/, '$1')}</li>\n`;
    };
    renderer.table = function (token) {
        const cell = (c) => {
            const align = c.align ? `text-align:${c.align};` : 'text-align:left;';
            const head = c.header ? 'font-weight:600;background-color:#f6f8fa;' : '';
            const tag = c.header ? 'th' : 'td';
            return `<${tag}${c.header ? ' bgcolor="#f6f8fa"' : ''} style="border:1px solid #d0d7de;padding:6px 12px;font-family:${FONT};font-size:14px;${align}${head}">${this.parser.parseInline(c.tokens)}</${tag}>`;
        };
        const head = `<tr>${token.header.map(cell).join('')}</tr>\n`;
        const rows = token.rows.map((row) => `<tr>${row.map(cell).join('')}</tr>\n`).join('');
        return `<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px;">\n${head}${rows}</table>\n`;
    };
}

// EXTERNAL MODULE: ./src/inputs/input-error.ts
var input_error = __webpack_require__(9354);
;// CONCATENATED MODULE: ./src/message/liquid.ts







// The `duration` filter is the one format of durations everywhere (run facts, jobs lists).

/** Objects nested deeper than this in the event, `vars` or `run` read as empty. */
const MAX_DATA_DEPTH = 64;
/** For users' templates: no partials, so no template can read a file. */
const userEngines = { text: createEngine(false), html: createEngine(true) };
/** For the default messages: they also know the shared partials (layout, rows, sections). */
const defaultEngines = {
    text: createEngine(false, DEFAULT_PARTIALS),
    html: createEngine(true, DEFAULT_PARTIALS)
};
function createEngine(html, partials = {}) {
    const engine = new liquid_node/* Liquid */.HX({
        // No file system: {% include %} and {% render %} find only the given partials (none for
        // users' templates, so they cannot read files).
        templates: partials,
        cache: Object.keys(partials).length > 0,
        // The default messages test values JavaScript's way: '' and 0 are false (users' templates keep Liquid's).
        jsTruthy: Object.keys(partials).length > 0,
        strictFilters: true,
        ownPropertyOnly: true,
        // A fixed locale: asking Intl for the default one costs ~10 ms of start-up, before the connection starts.
        locale: 'en-US',
        outputEscape: html ? (value) => (0,message_text/* escapeHtml */.ZD)(value) : (value) => (0,message_text/* toText */.fE)(value)
    });
    registerFilters(engine, html);
    return engine;
}
function registerFilters(engine, html) {
    engine.registerFilter('short_sha', (value, length = 7) => (0,message_text/* toText */.fE)(value).slice(0, Number(length) || 7));
    engine.registerFilter('first_line', (value) => (0,message_text/* toText */.fE)(value).split(/\r?\n|\r/, 1)[0] ?? '');
    engine.registerFilter('safe_url', (value) => (0,message_text/* safeUrl */.Pl)(value));
    engine.registerFilter('duration', (value) => (0,duration/* formatDuration */.a)(value));
    if (html) {
        // The output is sanitised HTML: `raw` keeps the engine from escaping it again when the
        // filter is the last one of an output, as in {{ github.event.release.body | markdown }}.
        engine.registerFilter('markdown', {
            raw: true,
            handler(value) {
                return markdownToHtml(value, markdownLinks(this.context.getAll()));
            }
        });
    }
    else {
        // In subjects and text parts Markdown stays as it is: it reads well as plain text, and a
        // Markdown body renders its HTML part from exactly this text.
        engine.registerFilter('markdown', (value) => (0,message_text/* toText */.fE)(value));
    }
}
/** Relative links of Markdown in a template point into the repository of the run. */
function markdownLinks(scope) {
    const github = (scope.github ?? {});
    return {
        serverUrl: (0,message_text/* toText */.fE)(github.server_url),
        repositoryUrl: (0,message_text/* toText */.fE)(scope.repository_url),
        ref: (0,message_text/* toText */.fE)(github.sha)
    };
}
/** Parses a template (as LF text); InputError names the input (and the file) when it does not parse. */
function parseTemplate(engine, source) {
    try {
        return engine.parse((0,message_text/* toLf */.yj)(source.text), source.file);
    }
    catch (err) {
        const where = source.file ? ` (file://${source.file})` : '';
        const message = err instanceof Error ? err.message : String(err);
        throw new input_error/* InputError */.d(source.input, `the Liquid template${where} does not parse: ${message}`);
    }
}
/**
 * Parses a user's template. A file:// template is its author's alone: any error fails the step.
 * Inline text may hold text the runner filled in with ${{ }}: the event's text in it is shown as
 * written, and text without Liquid of its author is sent as written when its markup fails (see
 * outside-text.ts and docs/templates.md); Liquid of the author's own that fails still fails.
 */
function parseUserTemplate(engine, source, eventTexts) {
    if (source.file)
        return { templates: parseTemplate(engine, source), notices: [] };
    const escaped = escapeEventText(source.text, eventTexts);
    const notices = escaped.paths.length > 0 ? [eventTextNotice(source.input, escaped.paths)] : [];
    const authored = hasOwnLiquid(escaped.own);
    try {
        const templates = engine.parse(escaped.text);
        return { templates, notices, ...(authored ? {} : { literal: source.text }) };
    }
    catch (err) {
        if (authored)
            return { templates: parseTemplate(engine, { ...source, text: escaped.text }), notices };
        const message = err instanceof Error ? err.message : String(err);
        notices.push(sentAsWrittenNotice(source.input, message));
        return { templates: engine.parse(rawBlock(source.text)), notices };
    }
}
/** Renders a parsed template against a scope; InputError names the input when it fails. */
async function renderTemplate(engine, templates, scope, input) {
    try {
        return (await engine.render(templates, scope));
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new input_error/* InputError */.d(input, `the Liquid template failed to render: ${message}`);
    }
}
/**
 * The context as templates see it: the event, `vars` and `run` copied as plain data, so that
 * hostile shapes (`{"toString": 1}`, absurd nesting) cannot make rendering throw, and with LF
 * line ends (a release body typed in GitHub's web editor arrives with CRLF).
 */
function templateScope(context) {
    const seen = new Map();
    return {
        ...context,
        github: { ...context.github, event: plainData(context.github.event, 0, seen) ?? {} },
        vars: plainData(context.vars, 0, seen) ?? {},
        run: plainData(context.run, 0, seen) ?? {}
    };
}
function plainData(value, depth, seen) {
    if (typeof value === 'string')
        return (0,message_text/* toLf */.yj)(value);
    if (value === null || typeof value !== 'object')
        return typeof value === 'function' ? undefined : value;
    // Dates, buffers … stay as they are; plain objects are copied whatever their prototype.
    if (!Array.isArray(value) && Object.prototype.toString.call(value) !== '[object Object]')
        return value;
    if (seen.has(value))
        return seen.get(value);
    if (depth >= MAX_DATA_DEPTH)
        return null;
    if (Array.isArray(value)) {
        const copy = [];
        seen.set(value, copy);
        for (const item of value)
            copy.push(plainData(item, depth + 1, seen));
        return copy;
    }
    const copy = {};
    seen.set(value, copy);
    for (const [key, item] of Object.entries(value)) {
        // A value there would make String(object) throw; functions cannot come from JSON or YAML.
        if (key === 'toString' || key === 'valueOf')
            continue;
        // An own "__proto__" (JSON.parse makes one) stays data: assigning it would set the prototype.
        Object.defineProperty(copy, key, {
            value: plainData(item, depth + 1, seen),
            enumerable: true,
            writable: true,
            configurable: true
        });
    }
    return copy;
}

;// CONCATENATED MODULE: ./src/message/render.ts






/**
 * Marks a part the built-in default message supplies. Which default (release announcement,
 * failure alert, pushed commits …) depends on the event and the job status, so it is chosen
 * when the message is rendered, not when the templates are compiled.
 */
const USE_DEFAULT = Symbol('use the default message for the context');
/**
 * Compiles the message's templates. A missing subject, and a missing body when neither `body`
 * nor `html-body` is given, become USE_DEFAULT: the default for the event and job status,
 * chosen by renderMessage. The event's text in inline inputs is shown as written (`eventTexts`);
 * throws InputError naming the input whose own Liquid does not parse (see parseUserTemplate).
 */
function compileTemplates(templates, eventTexts = []) {
    const useDefaultBody = !templates.body && !templates.htmlBody;
    const compiled = {
        subject: USE_DEFAULT,
        text: useDefaultBody ? USE_DEFAULT : undefined,
        html: useDefaultBody ? USE_DEFAULT : undefined
    };
    const notices = [];
    const literal = {};
    const parts = [
        ['subject', templates.subject, userEngines.text],
        ['text', templates.body, userEngines.text],
        ['html', templates.htmlBody, userEngines.html]
    ];
    for (const [which, source, engine] of parts) {
        if (!source)
            continue;
        const part = parseUserTemplate(engine, source, eventTexts);
        compiled[which] = part.templates;
        notices.push(...part.notices);
        if (part.literal !== undefined)
            literal[which] = part.literal;
    }
    if (templates.markdown)
        compiled.markdown = true;
    if (notices.length > 0)
        compiled.notices = notices;
    if (Object.keys(literal).length > 0)
        compiled.literal = literal;
    return compiled;
}
/**
 * Compiles a one-line template of another input (thread-key) as the subject is compiled: the
 * event's text in it is shown as written, and inline text without Liquid of its author is sent as
 * written when its markup fails.
 */
function compileText(source, eventTexts = []) {
    return parseUserTemplate(userEngines.text, source, eventTexts);
}
/**
 * Renders a template compiled by compileText against the context as one header-safe line, as
 * the subject is rendered (hostile event data cannot make it throw); InputError names the input
 * when it fails, unless the text goes as written (`warn` hears of it).
 */
async function renderText(compiled, context, input, warn = () => { }) {
    const scope = templateScope(context);
    return (0,message_text/* toSingleLine */.OX)(await renderUserPart(userEngines.text, compiled.templates, compiled.literal, scope, input, warn));
}
/**
 * A user's part rendered: an error fails the step (InputError), except in text sent as written
 * when its markup fails (`literal`, inline text without Liquid of its author).
 */
async function renderUserPart(engine, templates, literal, scope, input, warn) {
    if (literal === undefined)
        return renderTemplate(engine, templates, scope, input);
    try {
        return (await engine.render(templates, scope));
    }
    catch (err) {
        warn(sentAsWrittenNotice(input, err instanceof Error ? err.message : String(err)));
        return literal;
    }
}
/** Which default message fits the event and the job status. */
function defaultMessageKind(context) {
    const action = context.github.event?.action;
    return messageKind((0,message_text/* toText */.fE)(context.github.event_name), (0,message_text/* toText */.fE)(action), (0,message_text/* toText */.fE)(context.job.status));
}
/**
 * Renders the compiled templates against the context; `warn` hears of a part sent as written
 * because it failed to render (see CompiledTemplates.literal).
 */
async function renderMessage(compiled, context, warn = () => { }) {
    const scope = templateScope(context);
    const usesDefault = compiled.subject === USE_DEFAULT || compiled.text === USE_DEFAULT || compiled.html === USE_DEFAULT;
    const defaults = usesDefault ? defaultTemplates(defaultMessageKind(context)) : undefined;
    const part = async (which, input) => {
        const templates = compiled[which];
        const engine = which === 'html' ? 'html' : 'text';
        if (templates === undefined)
            return undefined;
        if (templates === USE_DEFAULT)
            return tidy(await renderTemplate(defaultEngines[engine], defaults[which], scope, input));
        return renderUserPart(userEngines[engine], templates, compiled.literal?.[which], scope, input, warn);
    };
    const subject = (0,message_text/* toSingleLine */.OX)((await part('subject', 'subject')) ?? '');
    let html = await part('html', 'html-body');
    let text = await part('text', 'body');
    if (html === undefined && compiled.markdown && Array.isArray(compiled.text) && text !== undefined) {
        html = await markdownDocument(text, scope);
    }
    if (text === undefined)
        text = html ? await (0,message_text/* htmlToText */.G9)(html) : '';
    // Templates and data are LF already; this also catches a CR a template writes itself.
    text = (0,message_text/* toLf */.yj)(text);
    return html === undefined ? { subject, text } : { subject, text, html: (0,message_text/* toLf */.yj)(html) };
}
const compiledDefaults = new Map();
function defaultTemplates(kind) {
    const files = DEFAULT_MESSAGES[kind];
    let compiled = compiledDefaults.get(files);
    if (!compiled) {
        compiled = {
            subject: parseTemplate(defaultEngines.text, files.subject),
            text: parseTemplate(defaultEngines.text, files.text),
            html: parseTemplate(defaultEngines.html, files.html)
        };
        compiledDefaults.set(files, compiled);
    }
    return compiled;
}
/** A default part without trailing spaces on its lines and without blank lines at its end. */
function tidy(text) {
    return `${text
        .split('\n')
        .map((line) => line.trimEnd())
        .join('\n')
        .trimEnd()}\n`;
}
let markdownFrame;
/** The HTML part of a Markdown body: the rendered Markdown in a plain frame. */
async function markdownDocument(markdown, scope) {
    const content = await markdownToHtml(markdown, markdownLinks(scope));
    markdownFrame ??= parseTemplate(defaultEngines.html, MARKDOWN_FRAME);
    return renderTemplate(defaultEngines.html, markdownFrame, { ...scope, content }, 'body');
}

;// CONCATENATED MODULE: ./src/message/prepare.ts





/** Compiles the templates; the event's text that holds markup is found in inline inputs and shown as written. */
function compileMessageTemplates(settings, event = readEventPayload(process.env)) {
    const eventTexts = eventTextsWithMarkup(event);
    const message = compileTemplates(settings, eventTexts);
    const threadKey = settings.threadKey ? compileText(settings.threadKey, eventTexts) : undefined;
    return { message, ...(threadKey ? { threadKey } : {}) };
}
/**
 * Renders the message from the workflow context. The run's jobs (and what failed: steps,
 * annotations) are read from the GitHub API first, when the message shows them, bounded by the
 * budget; they never block delivery.
 */
async function prepareMessage({ settings, templates, attachments, log, readRun }) {
    const event = readEventPayload(process.env);
    const action = typeof event.action === 'string' ? event.action : '';
    const kind = messageKind(process.env.GITHUB_EVENT_NAME ?? '', action, settings.jobStatus);
    const runInfo = readRun(kind);
    const compiled = templates ?? compileMessageTemplates(settings, event);
    const run = await runInfo;
    const context = buildContext(process.env, event, settings.jobStatus, { vars: settings.vars, ...(run ? { run } : {}) });
    const rendered = await log.group('Render message', async () => {
        for (const notice of compiled.message.notices ?? [])
            log.warning(notice);
        const message = await renderMessage(compiled.message, context, (notice) => log.warning(notice));
        log.info((0,facts/* messageFacts */.r)(settings, message)
            .map(([name, value]) => `${name}: ${value}`)
            .join('\n'));
        return message;
    });
    const warn = (notice) => log.warning(notice);
    for (const notice of compiled.threadKey?.notices ?? [])
        warn(notice);
    const threadKey = compiled.threadKey ? await renderText(compiled.threadKey, context, 'thread-key', warn) : undefined;
    return {
        rendered,
        // A name is text like any other: LF inside (the MIME encodes it), whatever the file system allows.
        extras: {
            attachments: attachments.map((a) => ({ ...a, filename: (0,message_text/* toLf */.yj)(a.filename) })),
            repository: context.github.repository,
            ...(threadKey ? { threadKey } : {})
        }
    };
}


/***/ }),

/***/ 8048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BM: () => (/* binding */ escapeHtmlKeepEntities),
/* harmony export */   G9: () => (/* binding */ htmlToText),
/* harmony export */   OX: () => (/* binding */ toSingleLine),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   fE: () => (/* binding */ toText),
/* harmony export */   yj: () => (/* binding */ toLf)
/* harmony export */ });
/* harmony import */ var _shared_optional_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1181);

/** Longest subject kept; longer ones are cut with an ellipsis. */
const MAX_SUBJECT_LENGTH = 250;
/** Any value as text, never throwing (Liquid's own conversion throws on `{"toString": 1}`). */
function toText(value, depth = 0) {
    if (typeof value === 'string')
        return value;
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        return String(value);
    // Liquid joins arrays without a separator when it prints them.
    if (Array.isArray(value))
        return depth >= 8 ? '' : value.map((item) => toText(item, depth + 1)).join('');
    try {
        // An object prints as Liquid prints it: its own toString, else [object Object].
        // eslint-disable-next-line @typescript-eslint/no-base-to-string
        return String(value);
    }
    catch {
        return '';
    }
}
/**
 * The text with LF line ends: CRLF (a Windows checkout, GitHub's web editor, PowerShell) and a
 * lone CR end a line as LF does. Rendering works on LF text only; the MIME puts CRLF back.
 */
function toLf(text) {
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and double- or single-quoted attributes. */
function escapeHtml(value) {
    return toText(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
/** Like escapeHtml, but leaves character references (`&amp;`, `&#169;`) as they are. */
function escapeHtmlKeepEntities(text) {
    return text.replace(/&(?!#\d{1,7};|#x[\da-f]{1,6};|[a-z][a-z\d]{1,31};)|[<>"']/gi, (c) => HTML_ESCAPES[c] ?? c);
}
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/**
 * The URL if it is http(s) or mailto, resolved against `base` when relative (and a base is
 * given); otherwise the empty string. Never returns javascript:, data:, vbscript: … links.
 */
function safeUrl(value, base) {
    const text = toText(value).trim();
    if (!text || text.length > 8192)
        return '';
    let url;
    try {
        url = base ? new URL(text, base) : new URL(text);
    }
    catch {
        return '';
    }
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : '';
}
/** Makes any text a single header-safe line: no control characters, collapsed spaces, bounded length. */
function toSingleLine(value, max = MAX_SUBJECT_LENGTH) {
    const line = value
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
/** The text alternative of an HTML part (html-to-text is loaded only when a message needs it). */
async function htmlToText(html) {
    const { convert } = await _shared_optional_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .l.htmlToText();
    return convert(html, { wordwrap: 78 });
}


/***/ }),

/***/ 5497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/**
 * The one way this action writes a duration: in the run's facts, the jobs lists, the failed
 * jobs and the `duration` filter of users' templates, so a mail never shows two styles.
 *
 * The largest unit first and at most three units, down to seconds: 45s, 3m 12s, 1h 2m 5s,
 * 1d 4h 10m. A unit of zero between two others stays (1h 0m 5s reads unambiguously, 1h 5s
 * looks like a typo); zeros at the end go (1m, 1h, 2d). Beyond a day the seconds are cut, not
 * rounded: "1d 0h 1m" is still true of a run that took 1d 0h 1m 59s.
 */
const UNITS = [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1]
];
/** Seconds (a number, or a numeric string) as text; '' for anything else or a negative value. */
function formatDuration(value) {
    const seconds = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
    if (!Number.isFinite(seconds) || seconds < 0)
        return '';
    let rest = Math.round(seconds);
    const first = UNITS.findIndex(([, size]) => rest >= size);
    if (first === -1)
        return '0s';
    const parts = [];
    for (const [unit, size] of UNITS.slice(first, first + 3)) {
        const n = Math.floor(rest / size);
        rest -= n * size;
        parts.push(`${n}${unit}`);
    }
    while (parts.length > 1 && parts.at(-1)?.startsWith('0'))
        parts.pop();
    return parts.join(' ');
}


/***/ }),

/***/ 1181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ optional)
});

;// CONCATENATED MODULE: ./src/shared/lazy.ts
/**
 * A module loaded on first use, once: optional features (yaml, glob, Markdown, Octokit …) cost
 * nothing in a run that does not use them, and a second use does not load them again.
 */
function lazy(load) {
    let loading;
    return () => (loading ??= load());
}

;// CONCATENATED MODULE: ./src/shared/optional.ts
/**
 * Optional packages: loaded on first use, once, and only by a run that uses them. A bottom-layer
 * helper (it imports nothing of src/), so the code that needs a package loads it here without
 * reaching up to the stages registry; each import() is a chunk of its own, as in src/stages.ts.
 */

const optional = {
    /** The YAML parser, for the `vars` and `headers` inputs. */
    yaml: lazy(() => __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19))),
    /** Glob patterns of the `attachments` input. */
    glob: lazy(() => Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(585), __webpack_require__.e(324)]).then(__webpack_require__.bind(__webpack_require__, 943))),
    /** Markdown bodies. */
    marked: lazy(() => __webpack_require__.e(/* import() */ 22).then(__webpack_require__.bind(__webpack_require__, 8022))),
    /** The text part of a message given only as HTML. */
    htmlToText: lazy(() => __webpack_require__.e(/* import() */ 655).then(__webpack_require__.bind(__webpack_require__, 7036))),
    /** The whole of @actions/core with its HTTP stack, only for GitHub's OIDC token (see report/runner-commands.ts). */
    actionsCore: lazy(() => Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(585)]).then(__webpack_require__.bind(__webpack_require__, 6585))),
    /** Octokit, to read the run's jobs for the message. */
    octokit: lazy(() => Promise.all([Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(665), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 1351)), Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(665)]).then(__webpack_require__.bind(__webpack_require__, 8665))]))
};


/***/ }),

/***/ 6781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ emptyRunInfo)
/* harmony export */ });
/**
 * What templates see of this run: its jobs, steps and annotations. Read by run-info/ (which
 * fills it from the GitHub API) and message/ (which shows it).
 */
/** The value templates see when there is nothing to show. */
function emptyRunInfo() {
    return { available: false, jobs: [], failed_jobs: [], jobs_more: 0, duration: '', duration_seconds: 0 };
}


/***/ })

};
