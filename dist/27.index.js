export const id = 27;
export const ids = [27];
export const modules = {

/***/ 7027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fetchRunInfo: () => (/* binding */ fetchRunInfo)
});

// EXTERNAL MODULE: ./src/shared/optional.ts + 1 modules
var optional = __webpack_require__(1181);
;// CONCATENATED MODULE: ./src/run-info/requests.ts

/** Pages of 100 jobs read at most (1000 jobs). */
const MAX_JOB_PAGES = 10;
/** Requests open at once. */
const CONCURRENCY = 5;
/** A client for `baseUrl` whose requests `signal` cancels; Octokit's warnings go to `debug`. */
async function createOctokit(token, baseUrl, signal, debug) {
    const [github, { defaults }] = await optional/* optional */.l.octokit();
    // getOctokit's options replace its defaults shallowly: `request: { signal }` alone would drop
    // the proxy-aware fetch (HTTPS_PROXY/NO_PROXY) @actions/github sets up for GITHUB_API_URL.
    // Keep that fetch for GITHUB_API_URL's host; any other host goes direct with the global fetch.
    const sameHost = sameOrigin(defaults.baseUrl, baseUrl);
    const requestOptions = {
        ...(sameHost && defaults.request?.fetch ? { fetch: defaults.request.fetch } : {}),
        signal
    };
    const noop = () => undefined;
    return github.getOctokit(token, {
        baseUrl,
        userAgent: 'exchange-online-mail-action',
        request: requestOptions,
        log: { debug: noop, info: noop, warn: (message) => debug(`GitHub API: ${message}`), error: noop }
    });
}
/** Every job of the attempt: the first page, then the rest concurrently (total_count says how many). */
async function readJobs(api) {
    const first = await getJobsPage(api, 1);
    const jobs = [...first.jobs];
    let pages = 1;
    let next = first.next;
    const wanted = Math.min(MAX_JOB_PAGES, Math.ceil((first.total ?? 0) / 100));
    if (wanted > 1 && next) {
        const rest = await mapLimit(Array.from({ length: wanted - 1 }, (_, i) => i + 2), CONCURRENCY, (page) => getJobsPage(api, page));
        for (const page of rest)
            jobs.push(...page.jobs);
        pages = wanted;
        next = rest.at(-1)?.next ?? false;
    }
    while (next && pages < MAX_JOB_PAGES) {
        const page = await getJobsPage(api, ++pages);
        jobs.push(...page.jobs);
        next = page.next;
    }
    if (next)
        api.debug(`Run info: more than ${MAX_JOB_PAGES * 100} jobs; read the first ${MAX_JOB_PAGES * 100}.`);
    return dedupe(jobs);
}
async function getJobsPage(api, page) {
    const { octokit, owner, repo, runId, attempt } = api;
    const route = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs';
    const jobsPath = `/repos/${owner}/${repo}/actions/runs/${runId}/attempts/${attempt}/jobs`;
    api.requests.push(`GET ${jobsPath}?per_page=100${page > 1 ? `&page=${page}` : ''}`);
    const response = await octokit.request(route, {
        owner,
        repo,
        run_id: runId,
        attempt_number: attempt,
        per_page: 100,
        ...(page > 1 ? { page } : {})
    });
    const data = response.data;
    return {
        jobs: (data.jobs ?? []).map(normaliseJob),
        total: typeof data.total_count === 'number' ? data.total_count : undefined,
        next: /\brel="next"/.test(String(response.headers.link ?? ''))
    };
}
/** The annotations of each job, concurrently; a job whose request failed comes with its error. */
function readAnnotations(api, jobs) {
    return mapLimit(jobs, CONCURRENCY, (job) => getAnnotations(api, job).then((value) => ({ job, value, error: undefined }), (error) => ({ job, value: undefined, error })));
}
async function getAnnotations(api, job) {
    const { octokit, owner, repo } = api;
    const checkRunId = checkRunIdOf(job);
    const route = 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations';
    const path = `/repos/${owner}/${repo}/check-runs/${checkRunId}/annotations`;
    const get = async (page) => {
        api.requests.push(`GET ${path}?per_page=100${page > 1 ? `&page=${page}` : ''}`);
        const response = await octokit.request(route, {
            owner,
            repo,
            check_run_id: checkRunId,
            per_page: 100,
            ...(page > 1 ? { page } : {})
        });
        return {
            items: Array.isArray(response.data) ? response.data : [],
            last: lastPage(String(response.headers.link ?? ''))
        };
    };
    const first = await get(1);
    if (!first.last || first.last <= 1)
        return first.items;
    // More than 100: the last page tells how many there are in all (one request, rare).
    const last = await get(first.last).catch(() => undefined);
    const total = last ? (first.last - 1) * 100 + last.items.length : (first.last - 1) * 100 + 1;
    return { items: first.items, total };
}
function normaliseJob(job) {
    return { ...job, id: Number(job.id), ...(job.run_id !== undefined ? { run_id: Number(job.run_id) } : {}) };
}
function checkRunIdOf(job) {
    const m = /\/check-runs\/(\d+)\/?$/.exec(job.check_run_url ?? '');
    return m ? Number(m[1]) : job.id;
}
function lastPage(link) {
    const m = /<([^>]+)>;\s*rel="last"/.exec(link);
    if (!m?.[1])
        return undefined;
    try {
        const page = Number(new URL(m[1]).searchParams.get('page'));
        return Number.isSafeInteger(page) && page > 0 ? page : undefined;
    }
    catch {
        return undefined;
    }
}
function dedupe(jobs) {
    const byId = new Map();
    for (const job of jobs)
        byId.set(job.id, job);
    return [...byId.values()];
}
function sameOrigin(a, b) {
    try {
        return a !== undefined && new URL(a).origin === new URL(b).origin;
    }
    catch {
        return false;
    }
}
/** Runs `fn` over `items` with at most `limit` at once; keeps the order; rejects like Promise.all. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(5497);
;// CONCATENATED MODULE: ./src/run-info/current-job.ts
/**
 * The job this step runs in, or undefined when it cannot be told apart.
 *
 * 1. By runner: among unfinished jobs, the one whose `runner_name` is RUNNER_NAME (a runner
 *    runs one job at a time; matrix siblings share the key and often the name prefix).
 * 2. By name, among jobs in progress: the key itself, then a matrix variant `key (…)` or a
 *    reusable-workflow job `caller / key`, then a name starting with the key (a `name:`
 *    like "Build and test" for key `build`); case-insensitive; a tie decides nothing.
 * 3. The only job in progress.
 */
function findCurrentJob(jobs, key, runnerName) {
    const unfinished = jobs.filter((j) => j.status !== 'completed');
    if (runnerName) {
        const onRunner = unfinished.filter((j) => j.runner_name === runnerName);
        if (onRunner.length === 1)
            return onRunner[0];
        if (onRunner.length > 1)
            return bestByName(onRunner, key);
    }
    const inProgress = jobs.filter((j) => j.status === 'in_progress');
    return bestByName(inProgress, key) ?? (inProgress.length === 1 ? inProgress[0] : undefined);
}
function bestByName(jobs, key) {
    const k = key.trim().toLowerCase();
    if (!k)
        return undefined;
    const rank = (name) => {
        const n = name.trim().toLowerCase();
        if (n === k)
            return 0;
        const last = n.split(' / ').pop() ?? n;
        if (last === k || last.startsWith(`${k} (`) || n.startsWith(`${k} (`))
            return 1;
        if (n.startsWith(k))
            return 2;
        return 3;
    };
    for (let r = 0; r < 3; r++) {
        const matches = jobs.filter((j) => rank(j.name) === r);
        if (matches.length === 1)
            return matches[0];
        if (matches.length > 1)
            return undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/run-info/summarise.ts
/**
 * Turns the API's jobs and annotations into what templates see: every job with its duration and
 * steps, the failed jobs with their failed step and error annotations, the run's duration. Pure.
 */


const DEFAULT_LIMITS = { jobs: 10, annotations: 5 };
/** Annotation messages are cut here (a stack trace can be long). */
const MAX_MESSAGE_CHARS = 1000;
// One format for durations everywhere: the run's facts, the jobs lists and users' templates.

const FAILED = new Set(['failure', 'timed_out']);
const LEVEL_RANK = { failure: 0, warning: 1, notice: 2 };
/** Builds what templates see from the API's jobs and annotations. Pure. */
function summariseJobs(jobs, annotations, request, now) {
    const limits = resolveLimits(request.limits);
    const current = findCurrentJob(jobs, request.currentJob, request.runnerName);
    const serverUrl = request.serverUrl.replace(/\/+$/, '');
    const all = jobs.map((job) => summariseJob(job, job === current, annotations.get(job.id), request, serverUrl, now));
    const failed = all.filter((job) => job.failed_step !== null || (!job.current && FAILED.has(job.conclusion ?? '')));
    const starts = jobs.map((j) => time(j.started_at ?? j.created_at)).filter((t) => t !== undefined);
    const running = jobs.some((j) => j.status !== 'completed');
    const ends = jobs.map((j) => time(j.completed_at)).filter((t) => t !== undefined);
    const first = starts.length ? Math.min(...starts) : undefined;
    const last = running || !ends.length ? now.getTime() : Math.max(...ends);
    const seconds = first === undefined ? 0 : Math.max(0, Math.round((last - first) / 1000));
    return {
        available: true,
        jobs: all,
        failed_jobs: failed.slice(0, limits.jobs),
        jobs_more: Math.max(0, failed.length - limits.jobs),
        duration: first === undefined ? '' : (0,duration/* formatDuration */.a)(seconds),
        duration_seconds: seconds
    };
}
function summariseJob(job, current, annotations, request, serverUrl, now) {
    const limits = resolveLimits(request.limits);
    const url = job.html_url || `${serverUrl}/${request.repository}/actions/runs/${job.run_id ?? request.runId}/job/${job.id}`;
    const started = time(job.started_at);
    const ended = job.status === 'completed' ? time(job.completed_at) : now.getTime();
    const notStarted = job.status === 'queued' || job.status === 'waiting' || job.status === 'pending';
    const seconds = started === undefined || ended === undefined || notStarted ? 0 : Math.max(0, Math.round((ended - started) / 1000));
    const steps = (job.steps ?? []).map((s) => ({
        name: s.name,
        number: s.number,
        status: s.status,
        conclusion: s.conclusion ?? null
    }));
    const items = annotations === undefined ? [] : Array.isArray(annotations) ? annotations : annotations.items;
    const total = annotations === undefined ? 0 : Array.isArray(annotations) ? annotations.length : annotations.total;
    const ordered = items
        .map((a, i) => ({ a, i }))
        .sort((x, y) => levelRank(x.a) - levelRank(y.a) || x.i - y.i)
        .slice(0, limits.annotations)
        .map(({ a }) => toAnnotation(a, url, request, serverUrl));
    return {
        id: job.id,
        name: job.name,
        status: job.status,
        conclusion: job.conclusion ?? null,
        started_at: job.started_at ?? null,
        completed_at: job.completed_at ?? null,
        duration: (0,duration/* formatDuration */.a)(seconds),
        duration_seconds: seconds,
        url,
        current,
        steps,
        failed_step: failedStep(job, current),
        annotations: ordered,
        annotations_more: Math.max(0, Math.max(total, items.length) - ordered.length)
    };
}
/**
 * The first step that failed. For the current job only a step already completed with
 * `failure` counts (the job itself has no conclusion yet); for a timed-out job without a failed
 * step, the step that was cut off (cancelled, or still shown in progress).
 */
function failedStep(job, current) {
    const steps = job.steps ?? [];
    const pick = (s) => s ? { name: s.name, number: s.number } : null;
    const failed = steps.find((s) => s.conclusion === 'failure' || s.conclusion === 'timed_out');
    if (current)
        return pick(failed);
    if (!FAILED.has(job.conclusion ?? ''))
        return null;
    if (failed)
        return pick(failed);
    if (job.conclusion === 'timed_out') {
        return pick(steps.find((s) => s.conclusion === 'cancelled' || s.status === 'in_progress'));
    }
    return null;
}
function toAnnotation(a, jobUrl, request, serverUrl) {
    // The runner's own annotations ("Process completed with exit code 1.") carry the path
    // `.github` and a log line, not a place in a file: they link to the job instead.
    // A Windows job reports `src\app.ts`: the repository's path, and so the link, is `src/app.ts`.
    const rawPath = (a.path ?? '').replace(/\\/g, '/').replace(/^(\.?\/+)+/, '');
    const hasFile = rawPath !== '' && rawPath !== '.github';
    const line = hasFile && typeof a.start_line === 'number' && a.start_line > 0 ? a.start_line : null;
    let url = jobUrl;
    if (hasFile) {
        const encoded = rawPath.split('/').map(encodeURIComponent).join('/');
        if (request.sha)
            url = `${serverUrl}/${request.repository}/blob/${request.sha}/${encoded}${line ? `#L${line}` : ''}`;
        else if (a.blob_href)
            url = `${a.blob_href}${line ? `#L${line}` : ''}`;
    }
    const message = (a.message ?? '').trim();
    return {
        level: a.annotation_level ?? 'notice',
        message: message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…` : message,
        title: (a.title ?? '').trim(),
        path: hasFile ? rawPath : '',
        line,
        url
    };
}
function levelRank(a) {
    return LEVEL_RANK[a.annotation_level ?? ''] ?? 3;
}
/** The request's limits, with the defaults for those not given (or not finite). */
function resolveLimits(limits) {
    const n = (v, d) => v === undefined || !Number.isFinite(v) ? d : Math.max(0, Math.floor(v));
    return { jobs: n(limits?.jobs, DEFAULT_LIMITS.jobs), annotations: n(limits?.annotations, DEFAULT_LIMITS.annotations) };
}
function time(value) {
    if (!value)
        return undefined;
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
}

// EXTERNAL MODULE: ./src/shared/run-info.ts
var run_info = __webpack_require__(6781);
;// CONCATENATED MODULE: ./src/run-info/warnings.ts
/** Why a request of `phase` failed, and the warning that names the fix. */
function describeError(err, signal, request, phase) {
    const e = (err ?? {});
    if (signal.aborted || e.name === 'AbortError' || e.name === 'BudgetExceeded') {
        return ['timeout', timeoutText(request, phase)];
    }
    const response = e.response;
    if (!response) {
        // No HTTP answer: DNS, refused, reset, TLS, proxy.
        return ['network', redact(networkText(request, phase, networkCause(e)), request)];
    }
    const status = response.status ?? e.status ?? 0;
    const headers = response.headers ?? {};
    const apiMessage = redact(apiMessageOf(response.data) || `HTTP ${status}`, request);
    const answered = `the GitHub API answered ${status} (${apiMessage})`;
    const without = phase === 'jobs' ? withoutJobs(request) : '';
    if (isRateLimited(status, headers, apiMessage)) {
        const reset = Number(headers['x-ratelimit-reset']);
        const retryAfter = Number(headers['retry-after']);
        const when = Number.isFinite(retryAfter) && retryAfter > 0
            ? ` Retry after ${retryAfter} s.`
            : Number.isFinite(reset) && reset > 0
                ? ` It resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC.`
                : '';
        return [
            'rate-limit',
            `${lead(phase)}: ${answered}: the github-token has reached its API rate limit.${when} ${without}`.trim()
        ];
    }
    if (status === 401) {
        return [
            'token',
            [
                `${lead(phase)}: ${answered}: it does not accept the github-token (wrong, expired or revoked).`,
                'Pass a valid token, e.g. `github-token: ${{ github.token }}` (the default), or a personal access token that has not expired.',
                without
            ]
                .filter(Boolean)
                .join(' ')
        ];
    }
    if (status === 403)
        return ['permission', permissionText(phase, answered, apiMessage, request)];
    if (status === 404) {
        return [
            'not-found',
            phase === 'jobs'
                ? [
                    `${lead(phase)}: ${answered} for run ${request.runId} attempt ${request.attempt} of ${request.repository}.`,
                    'The github-token cannot see this repository (a token of another repository, or a personal access token without access, sees a private repository as not found),',
                    'or this GitHub Enterprise Server does not offer the endpoint.',
                    'With a token from another source, grant it read access to this repository\'s Actions (fine-grained: repository permission "Actions: Read-only"; classic: the `repo` scope).',
                    without
                ].join(' ')
                : `${lead(phase)}: ${answered}: the check run of a failed job was not found.`
        ];
    }
    if (status >= 500)
        return ['server', `${lead(phase)}: ${answered}; GitHub may be having trouble. ${without}`.trim()];
    return ['server', `${lead(phase)}: ${answered}. ${without}`.trim()];
}
/** What the message loses without the jobs: in a dry run nothing is sent, so it is the message shown. */
function withoutJobs(request) {
    return request.dryRun
        ? "The dry run's message is rendered without the run's jobs."
        : "The message is sent without the run's jobs.";
}
function lead(phase) {
    return phase === 'jobs' ? "Could not read this run's jobs" : "Could not read the failed jobs' annotations";
}
function permissionText(phase, answered, apiMessage, request) {
    const without = phase === 'jobs'
        ? withoutJobs(request)
        : 'The message lists the failed jobs and steps without their error annotations.';
    if (/SAML|SSO/i.test(apiMessage)) {
        return `${lead(phase)}: ${answered}: authorize the github-token for your organization's SAML single sign-on. ${without}`;
    }
    if (/personal access token/i.test(apiMessage)) {
        const permission = phase === 'jobs' ? 'permissions "Actions: Read-only" and "Checks: Read-only"' : 'permission "Checks: Read-only"';
        return `${lead(phase)}: ${answered}: give the fine-grained personal access token in github-token the repository ${permission} on ${request.repository}. ${without}`;
    }
    const block = phase === 'jobs'
        ? [
            'permissions:',
            '  actions: read # jobs and steps of this run',
            '  checks: read # error annotations of failed jobs'
        ]
        : ['permissions:', '  checks: read # error annotations of failed jobs'];
    return [
        `${lead(phase)}: ${answered}: the github-token may not read ${phase === 'jobs' ? 'Actions' : 'checks'}.`,
        'Add to the workflow (or the job):',
        '',
        ...block,
        '',
        'A `permissions:` block sets every permission it does not list to none: keep the ones you have (e.g. contents: read, id-token: write).',
        without
    ].join('\n');
}
function isRateLimited(status, headers, message) {
    if (status === 429)
        return true;
    if (status !== 403)
        return false;
    return headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined || /rate limit/i.test(message);
}
function timeoutText(request, phase) {
    const seconds = `${Math.round(request.timeoutMs / 100) / 10} s`;
    return phase === 'jobs'
        ? `Could not read this run's jobs: the GitHub API (${request.apiUrl}) did not answer within ${seconds}. ${withoutJobs(request)}`
        : `Could not read the failed jobs' annotations: the GitHub API (${request.apiUrl}) did not answer within ${seconds}. The message lists the failed jobs and steps without their error annotations.`;
}
function networkText(request, phase, cause) {
    return `${lead(phase)}: could not reach the GitHub API at ${request.apiUrl} (${cause}). Check GITHUB_API_URL and, behind a proxy, HTTPS_PROXY/NO_PROXY.${phase === 'jobs' ? ` ${withoutJobs(request)}` : ''}`;
}
function networkCause(e) {
    const parts = [];
    let c = e;
    for (let depth = 0; c && depth < 4; depth++) {
        const x = c;
        const text = typeof x.code === 'string' ? x.code : typeof x.message === 'string' ? x.message : '';
        if (text && !parts.includes(text))
            parts.push(text);
        c = x.cause;
    }
    return parts.join(': ') || 'no answer';
}
function apiMessageOf(data) {
    if (typeof data === 'string')
        return data.slice(0, 200).trim();
    if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string')
        return data.message;
    return '';
}
/** The token never leaves run-info, even when a server or proxy echoes it. */
function redact(text, request) {
    return request.token.length >= 4 ? text.split(request.token).join('***') : text;
}
/** One warning for all the annotation requests that failed: they fail for the same reason. */
function annotationsWarning(problems, request) {
    const [worst] = problems;
    const missing = problems.length === 1 ? 'one failed job' : `${problems.length} failed jobs`;
    return {
        warning: redact(`${worst?.text ?? ''} (Annotations missing for ${missing}.)`, request),
        problem: worst?.problem ?? 'server'
    };
}

;// CONCATENATED MODULE: ./src/run-info/fetch.ts
/**
 * What failed in this run: its jobs, the failed step of each failed job and the error
 * annotations of those jobs, read from the GitHub REST API with the `github-token`.
 *
 * A typical failed run costs two or three requests: one page of jobs, then the annotations of
 * each failed job, concurrently. Runs with more than 100 jobs take more pages (fetched
 * concurrently once the first page gives `total_count`).
 *
 * Nothing here may stop the message: `fetchRunInfo` never throws, bounds everything by one
 * time budget (an AbortSignal cancels the requests still open), and turns every failure into a
 * warning that names the permission or the token to fix — never the token itself. It prints
 * nothing: its caller gets the warning, and the debug lines through `request.debug`.
 *
 * `@actions/github` (Octokit, and with it undici) loads only when `fetchRunInfo` runs.
 */




/** After the budget, how long the result may still take (the requests are aborted at the budget). */
const GRACE_MS = 250;
class BudgetExceeded extends Error {
    constructor() {
        super('time budget exceeded');
        this.name = 'BudgetExceeded';
    }
}
/** Reads this run's jobs and the failed jobs' annotations. Never throws; see RunInfoResult. */
async function fetchRunInfo(request) {
    const requests = [];
    const budget = Number.isFinite(request.timeoutMs) ? Math.max(1, request.timeoutMs) : 5000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new BudgetExceeded()), budget);
    let late;
    // Belt and braces: even if something ignored the signal, the caller gets an answer in time.
    const deadline = new Promise((resolve) => {
        late = setTimeout(() => resolve(failure(request, 'timeout', timeoutText(request, 'jobs'), requests)), budget + GRACE_MS);
    });
    try {
        return await Promise.race([fetchWithin(request, controller.signal, requests), deadline]);
    }
    catch (err) {
        // Not expected (fetchWithin reports every failure itself); still no reason to stop the mail.
        return failure(request, 'network', redact(`Could not read this run's jobs: ${errorMessage(err)}`, request), requests);
    }
    finally {
        clearTimeout(timer);
        clearTimeout(late);
        controller.abort(new BudgetExceeded()); // cancels whatever is still open
    }
}
async function fetchWithin(request, signal, requests) {
    const debug = request.debug ?? (() => undefined);
    const target = checkRequest(request);
    if (typeof target === 'string')
        return failure(request, 'input', target, requests);
    let api;
    try {
        const octokit = await createOctokit(request.token, target.baseUrl, signal, debug);
        const { owner, repo, attempt } = target;
        api = { octokit, owner, repo, runId: request.runId, attempt, requests, debug };
    }
    catch (err) {
        if (signal.aborted)
            return failure(request, 'timeout', timeoutText(request, 'jobs'), requests);
        return failure(request, 'network', redact(`Could not load the GitHub API client: ${errorMessage(err)}`, request), requests);
    }
    let jobs;
    try {
        jobs = await readJobs(api);
    }
    catch (err) {
        const [problem, text] = describeError(err, signal, request, 'jobs');
        return failure(request, problem, text, requests);
    }
    debug(`Run info: ${jobs.length} jobs in ${requests.length} request(s).`);
    const { annotations, problems } = await readFailedJobsAnnotations(api, jobs, request, signal);
    const run = summariseJobs(jobs, annotations, request, new Date());
    debug(`Run info: ${run.failed_jobs.length} failed job(s) shown, ${requests.length} request(s) in all.`);
    if (!problems.length)
        return { ok: true, run, requests };
    return { ok: true, run, ...annotationsWarning(problems, request), requests };
}
/** Where the requests go, or why none can be sent (no request is made then). */
function checkRequest(request) {
    const [owner, repo, ...extra] = request.repository.split('/');
    if (!request.token) {
        return "No github-token: the message is sent without the run's jobs. Pass `github-token: ${{ github.token }}` (the default).";
    }
    if (!owner || !repo || extra.length)
        return `Not a repository: '${request.repository}' (GITHUB_REPOSITORY).`;
    if (!Number.isSafeInteger(request.runId) || request.runId <= 0) {
        return 'No run to describe: GITHUB_RUN_ID is not set.';
    }
    const attempt = Number.isSafeInteger(request.attempt) && request.attempt > 0 ? request.attempt : 1;
    let apiUrl;
    try {
        apiUrl = new URL(request.apiUrl);
    }
    catch {
        return `Not a URL: '${request.apiUrl}' (GITHUB_API_URL).`;
    }
    return { owner, repo, attempt, baseUrl: apiUrl.href.replace(/\/+$/, '') };
}
/** Annotations of the failed jobs shown (the current job too, when one of its steps failed). */
async function readFailedJobsAnnotations(api, jobs, request, signal) {
    const preview = summariseJobs(jobs, new Map(), request, new Date());
    const wanted = preview.failed_jobs
        .map((j) => jobs.find((a) => a.id === j.id))
        .filter((j) => j !== undefined);
    const annotations = new Map();
    const problems = [];
    if (resolveLimits(request.limits).annotations > 0 && wanted.length) {
        for (const { job, value, error } of await readAnnotations(api, wanted)) {
            if (value)
                annotations.set(job.id, value);
            else {
                const [problem, text] = describeError(error, signal, request, 'annotations');
                problems.push({ problem, text });
            }
        }
    }
    return { annotations, problems };
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}
function failure(request, problem, warning, requests) {
    return { ok: false, run: (0,run_info/* emptyRunInfo */.h)(), warning: redact(warning, request), problem, requests };
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
