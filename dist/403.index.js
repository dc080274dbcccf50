export const id = 403;
export const ids = [403];
export const modules = {

/***/ 1762:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ PartialDeliveryError)
/* harmony export */ });
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5322);

/** Some recipients were rejected while the others got the message. */
class PartialDeliveryError extends Error {
    /** Recipients that got the message. */
    accepted;
    /** Recipients the server rejected, with its reply to each. */
    rejected;
    constructor(delivery) {
        super(`Rejected recipients: ${(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__/* .boundedList */ .Y)(delivery.rejected.map((r) => r.address))}`);
        this.name = 'PartialDeliveryError';
        this.accepted = delivery.accepted;
        this.rejected = delivery.rejected;
    }
}


/***/ }),

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

/***/ 9403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportDelivery: () => (/* binding */ reportDelivery)
/* harmony export */ });
/* harmony import */ var _diagnosis_partial_delivery_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1762);
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5322);
/* harmony import */ var _job_summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5236);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5468);




/**
 * Reports a delivery: outputs, job summary, the log line. Rejected recipients are a warning, or
 * with `fail-on-rejected` a PartialDeliveryError for the diagnosis.
 */
async function reportDelivery(core, log, settings, message, delivery) {
    (0,_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .setDeliveryOutputs */ .tp)(core, log, delivery);
    await (0,_job_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .writeDeliverySummary */ .M)(core, log, settings, message, delivery);
    const transactions = (delivery.transactions ?? 1) > 1 ? ` in ${delivery.transactions} transactions` : '';
    const [n, named] = [delivery.accepted.length, (0,_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .nameRecipients */ .Yg)(log, delivery.accepted)];
    log.info(`Delivered ${delivery.messageId} to ${n > 5 ? `${n} recipients (${named})` : named}${transactions}: ${(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(delivery.response)}`);
    if (delivery.rejected.length === 0)
        return;
    if (settings.failOnRejected)
        throw new _diagnosis_partial_delivery_error_js__WEBPACK_IMPORTED_MODULE_0__/* .PartialDeliveryError */ .e(delivery);
    const list = (0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_3__/* .boundedList */ .Y)(delivery.rejected.map((r) => `${r.address} (${(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(r.response, 300)})`), 5, '; ');
    const count = delivery.rejected.length;
    log.warning(count > 5 ? `Not delivered to ${count} recipients: ${list}` : `Not delivered to: ${list}`);
}


/***/ }),

/***/ 5236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ writeDeliverySummary),
/* harmony export */   t: () => (/* binding */ writeDryRunSummary)
/* harmony export */ });
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5322);
/* harmony import */ var _message_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8048);
/* harmony import */ var _message_facts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4811);



function table(rows) {
    const body = rows.map(([k, v]) => `<tr><th align="left">${(0,_message_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(k)}</th><td>${(0,_message_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(v)}</td></tr>`);
    return `<table>${body.join('')}</table>`;
}
function preview(message) {
    return `<details><summary>Message text</summary>\n\n<pre>${(0,_message_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(message.text)}</pre>\n\n</details>`;
}
/** Writes the job summary of a delivered message. */
async function writeDeliverySummary(core, log, settings, message, delivery) {
    const rows = (0,_message_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .messageFacts */ .r)(settings, message);
    // Bcc addresses stay hidden here too: the summary is visible to everyone who can see the run.
    const shown = (address) => !log.isHidden(address);
    const accepted = delivery.accepted.filter(shown);
    const hiddenCount = delivery.accepted.length - accepted.length;
    // bounded: a message to thousands of recipients keeps a readable summary (the outputs list them all)
    const acceptedText = [(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__/* .boundedList */ .Y)(accepted, 20), ...(hiddenCount ? [`${hiddenCount} Bcc`] : [])]
        .filter(Boolean)
        .join(', ');
    rows.push(['Accepted', acceptedText || '(none)']);
    // a server's reply may name the recipient it refused: redacted like the log
    const reply = (text) => log.redact((0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .K)(text, 300));
    const rejected = delivery.rejected.map((r) => shown(r.address) ? `${r.address} (${reply(r.response)})` : `a Bcc recipient (${reply(r.response)})`);
    if (rejected.length)
        rows.push(['Rejected', (0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__/* .boundedList */ .Y)(rejected, 20)]);
    rows.push(['Message-ID', delivery.messageId], ['Server reply', reply(delivery.response)]);
    await core.summary
        .addHeading('📧 Notification sent', 3)
        .addRaw(table(rows), true)
        .addRaw(preview(message), true)
        .write();
}
/** Writes the job summary of a dry run. */
async function writeDryRunSummary(core, settings, message) {
    await core.summary
        .addHeading('📝 Notification preview (dry run, nothing sent)', 3)
        .addRaw(table((0,_message_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .messageFacts */ .r)(settings, message)), true)
        .addRaw(preview(message), true)
        .write();
}


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yg: () => (/* binding */ nameRecipients),
/* harmony export */   gz: () => (/* binding */ setAcceptedOutputs),
/* harmony export */   tp: () => (/* binding */ setDeliveryOutputs)
/* harmony export */ });
/* unused harmony export OUTPUT_NAMES */
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5322);

/** Output names, as declared in action.yml. */
const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'message-id',
    'accepted',
    'rejected',
    'accepted-count',
    'rejected-count',
    'response',
    'eml-path',
    'check-setup'
]));
/** The outputs of a delivery; Bcc recipients are counted, never named. */
function setDeliveryOutputs(core, log, delivery) {
    core.setOutput('message-id', delivery.messageId);
    setAcceptedOutputs(core, log, delivery.accepted);
    core.setOutput('rejected', shownOnly(log, delivery.rejected.map((r) => r.address)).join(','));
    core.setOutput('rejected-count', String(delivery.rejected.length));
    core.setOutput('response', log.redact(delivery.response));
}
/** Who got the message: also set when a delivery failed after some transactions went through. */
function setAcceptedOutputs(core, log, accepted) {
    core.setOutput('accepted', shownOnly(log, accepted).join(','));
    core.setOutput('accepted-count', String(accepted.length));
}
/** The shown recipients, five by name at most, and how many Bcc recipients besides (never named). */
function nameRecipients(log, addresses) {
    const shown = shownOnly(log, addresses);
    const hidden = addresses.length - shown.length;
    return [(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__/* .boundedList */ .Y)(shown), ...(hidden ? [`${hidden} Bcc recipient(s)`] : [])].filter(Boolean).join(', ') || '(none)';
}
function shownOnly(log, addresses) {
    return addresses.filter((address) => !log.isHidden(address));
}


/***/ }),

/***/ 5322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ excerpt),
/* harmony export */   Y: () => (/* binding */ boundedList)
/* harmony export */ });
/**
 * Bounds for outside text in reports: a server reply, an error page or a list of thousands of
 * recipients stays readable, and a hostile peer cannot flood the job log.
 */
/** The longest piece of outside text (a server reply, an error page) printed in one place. */
const EXCERPT_CHARS = 2000;
/** At most `max` characters of `text`, marked when cut. */
function excerpt(text, max = EXCERPT_CHARS) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, max)}… [cut: ${text.length - max} more characters not shown]`;
}
/** At most `max` items, then "and N more": reports stay readable with thousands of recipients. */
function boundedList(items, max = 5, separator = ', ') {
    if (items.length <= max)
        return items.join(separator);
    return `${items.slice(0, max).join(separator)}${separator}… and ${items.length - max} more`;
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


/***/ })

};
