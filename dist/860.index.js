export const id = 860;
export const ids = [860];
export const modules = {

/***/ 2860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startRunInfo: () => (/* binding */ startRunInfo)
/* harmony export */ });
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5322);

/**
 * Starts reading this run's jobs (and annotations) from the GitHub API when the message shows
 * them; undefined when it does not. The promise never rejects: a failure is a warning, and the
 * message goes without.
 */
function startRunInfo(settings, kind, budget, log, load) {
    const limits = wantsRunInfo(settings, kind);
    return limits ? fetchRun(settings, budget.runInfoMs(), limits, log, load) : undefined;
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
async function fetchRun(settings, timeoutMs, limits, log, load) {
    const env = process.env;
    try {
        const { fetchRunInfo } = await load();
        const result = await fetchRunInfo({
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
            dryRun: settings.dryRun,
            debug: (line) => log.debug((0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .K)(line))
        });
        log.debug(`GitHub API requests: ${result.requests.join(', ') || 'none'}`);
        if (result.warning)
            log.warning((0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .K)(result.warning));
        return result.run;
    }
    catch (err) {
        log.warning(`The run's jobs could not be read: ${(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .K)(err instanceof Error ? err.message : String(err))}`);
        return undefined;
    }
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


/***/ })

};
