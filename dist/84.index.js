export const id = 84;
export const ids = [84];
export const modules = {

/***/ 6084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildContext: () => (/* binding */ buildContext),
/* harmony export */   messageKind: () => (/* binding */ messageKind),
/* harmony export */   readEventPayload: () => (/* binding */ readEventPayload)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _run_info_run_info_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3082);


// The run's jobs, failed steps and annotations: the shape run-info.ts reads from the GitHub API.

/** Reads the event payload the runner wrote; a missing or broken file yields an empty object. */
function readEventPayload(env) {
    const file = env.GITHUB_EVENT_PATH;
    if (!file)
        return {};
    try {
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
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
        run: extra.run ?? (0,_run_info_run_info_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyRunInfo */ .hZ)()
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


/***/ })

};
