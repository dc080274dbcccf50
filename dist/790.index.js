export const id = 790;
export const ids = [790,722];
export const modules = {

/***/ 722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileMessageTemplates: () => (/* binding */ compileMessageTemplates)
/* harmony export */ });
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(599);

function compileMessageTemplates(settings) {
    const message = (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .compileTemplates */ .n9)(settings);
    const threadKey = settings.threadKey ? (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .compileText */ .tg)(settings.threadKey) : undefined;
    return { message, ...(threadKey ? { threadKey } : {}) };
}


/***/ }),

/***/ 8790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareMessage: () => (/* binding */ prepareMessage)
});

// EXTERNAL MODULE: ./src/report/job-summary.ts
var job_summary = __webpack_require__(5236);
// EXTERNAL MODULE: ./src/shared/bounded-text.ts
var bounded_text = __webpack_require__(5322);
// EXTERNAL MODULE: ./src/run-info/run-info.ts
var run_info = __webpack_require__(3082);
;// CONCATENATED MODULE: ./src/run-info/from-env.ts


/**
 * Starts reading this run's jobs (and annotations) from the GitHub API when the message shows
 * them; undefined when it does not. The promise never rejects: a failure is a warning, and the
 * message goes without.
 */
function startRunInfo(settings, kind, budget, log) {
    const limits = wantsRunInfo(settings, kind);
    return limits ? fetchRun(settings, budget.runInfoMs(), limits, log) : undefined;
}
/**
 * Whether the message shows the run, and how much of it to read (undefined: nothing).
 * - A template of the workflow's that mentions `run.`: everything (jobs, failed steps, annotations).
 * - The default body of a failure or cancellation, whatever the subject: the same (its "What
 *   failed" section, and the failed jobs it names instead of the job that sends).
 * - The default body of a success: the jobs and their durations only, one request (no annotations).
 */
function wantsRunInfo(settings, kind) {
    if (!settings.githubToken || !process.env.GITHUB_RUN_ID || !process.env.GITHUB_REPOSITORY)
        return undefined;
    const usesRun = [settings.subject, settings.body, settings.htmlBody].some((t) => t && /\brun\.\w/.test(t.text));
    if (usesRun)
        return {};
    const defaultBody = !settings.body && !settings.htmlBody;
    if (defaultBody && (kind === 'failure' || kind === 'cancelled'))
        return {};
    if (defaultBody && kind === 'success')
        return { annotations: 0 };
    return undefined;
}
async function fetchRun(settings, timeoutMs, limits, log) {
    const env = process.env;
    try {
        const result = await (0,run_info/* fetchRunInfo */._g)({
            token: settings.githubToken,
            apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
            serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
            repository: env.GITHUB_REPOSITORY ?? '',
            runId: Number(env.GITHUB_RUN_ID),
            attempt: Number(env.GITHUB_RUN_ATTEMPT || '1'),
            currentJob: env.GITHUB_JOB ?? '',
            ...(env.RUNNER_NAME ? { runnerName: env.RUNNER_NAME } : {}),
            sha: env.GITHUB_SHA ?? '',
            timeoutMs,
            limits,
            debug: (line) => log.debug((0,bounded_text/* excerpt */.Kb)(line))
        });
        log.debug(`GitHub API requests: ${result.requests.join(', ') || 'none'}`);
        if (result.warning)
            log.warning((0,bounded_text/* excerpt */.Kb)(result.warning));
        return result.run;
    }
    catch (err) {
        log.warning(`The run's jobs could not be read: ${(0,bounded_text/* excerpt */.Kb)(err instanceof Error ? err.message : String(err))}`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/message/compiled-templates.ts
var compiled_templates = __webpack_require__(722);
// EXTERNAL MODULE: ./src/message/context.ts
var message_context = __webpack_require__(6084);
// EXTERNAL MODULE: ./src/message/render.ts + 1 modules
var render = __webpack_require__(599);
;// CONCATENATED MODULE: ./src/message/prepare.ts





/**
 * Renders the message from the workflow context. The run's jobs (and what failed: steps,
 * annotations) are read from the GitHub API first, when the message shows them, bounded by the
 * budget; they never block delivery.
 */
async function prepareMessage({ settings, templates, attachments, budget, log }) {
    const event = (0,message_context/* readEventPayload */.N5)(process.env);
    const action = typeof event.action === 'string' ? event.action : '';
    const kind = (0,message_context/* messageKind */.Ae)(process.env.GITHUB_EVENT_NAME ?? '', action, settings.jobStatus);
    const runInfo = startRunInfo(settings, kind, budget, log);
    const compiled = templates ?? (0,compiled_templates.compileMessageTemplates)(settings);
    const run = await runInfo;
    const context = (0,message_context/* buildContext */.gC)(process.env, event, settings.jobStatus, { vars: settings.vars, ...(run ? { run } : {}) });
    const rendered = await log.group('Render message', async () => {
        const message = await (0,render/* renderMessage */.e4)(compiled.message, context);
        log.info((0,job_summary/* messageFacts */.rS)(settings, message)
            .map(([name, value]) => `${name}: ${value}`)
            .join('\n'));
        return message;
    });
    const threadKey = compiled.threadKey
        ? (0,render/* toSingleLine */.OX)(await (0,render/* renderText */.S5)(compiled.threadKey, context, 'thread-key'))
        : undefined;
    return {
        rendered,
        extras: { attachments, repository: context.github.repository, ...(threadKey ? { threadKey } : {}) }
    };
}


/***/ }),

/***/ 5236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M6: () => (/* binding */ writeDryRunSummary),
/* harmony export */   Mj: () => (/* binding */ writeDeliverySummary),
/* harmony export */   rS: () => (/* binding */ messageFacts)
/* harmony export */ });
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5322);
/* harmony import */ var _message_render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(599);
/* harmony import */ var _inputs_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(406);



/** The rows describing a message, shared by the log and the summary; Bcc shows only a count. */
function messageFacts(settings, message) {
    const rows = [
        ['Subject', message.subject],
        ['From', (0,_inputs_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMailbox */ .KX)(settings.from)]
    ];
    if (settings.to.length)
        rows.push(['To', settings.to.map(_inputs_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMailbox */ .KX).join(', ')]);
    if (settings.cc.length)
        rows.push(['Cc', settings.cc.map(_inputs_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMailbox */ .KX).join(', ')]);
    if (settings.bcc.length)
        rows.push(['Bcc', `${settings.bcc.length} hidden recipient(s)`]);
    if (settings.replyTo.length)
        rows.push(['Reply-To', settings.replyTo.map(_inputs_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMailbox */ .KX).join(', ')]);
    rows.push(['Parts', message.html === undefined ? 'text' : 'text + HTML']);
    return rows;
}
function table(rows) {
    const body = rows.map(([k, v]) => `<tr><th align="left">${(0,_message_render_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(k)}</th><td>${(0,_message_render_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(v)}</td></tr>`);
    return `<table>${body.join('')}</table>`;
}
function preview(message) {
    return `<details><summary>Message text</summary>\n\n<pre>${(0,_message_render_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(message.text)}</pre>\n\n</details>`;
}
/** Writes the job summary of a delivered message. */
async function writeDeliverySummary(core, log, settings, message, delivery) {
    const rows = messageFacts(settings, message);
    // Bcc addresses stay hidden here too: the summary is visible to everyone who can see the run.
    const shown = (address) => !log.isHidden(address);
    const accepted = delivery.accepted.filter(shown);
    const hiddenCount = delivery.accepted.length - accepted.length;
    // bounded: a message to thousands of recipients keeps a readable summary (the outputs list them all)
    const acceptedText = [(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__/* .boundedList */ .Y4)(accepted, 20), ...(hiddenCount ? [`${hiddenCount} Bcc`] : [])]
        .filter(Boolean)
        .join(', ');
    rows.push(['Accepted', acceptedText || '(none)']);
    // a server's reply may name the recipient it refused: redacted like the log
    const reply = (text) => log.redact((0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(text, 300));
    const rejected = delivery.rejected.map((r) => shown(r.address) ? `${r.address} (${reply(r.response)})` : `a Bcc recipient (${reply(r.response)})`);
    if (rejected.length)
        rows.push(['Rejected', (0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__/* .boundedList */ .Y4)(rejected, 20)]);
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
        .addRaw(table(messageFacts(settings, message)), true)
        .addRaw(preview(message), true)
        .write();
}


/***/ })

};
