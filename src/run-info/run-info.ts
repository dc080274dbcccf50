/**
 * What failed in this run: its jobs, the failed step of each failed job and the error
 * annotations of those jobs, read from the GitHub REST API with the `github-token`.
 *
 *   GET {apiUrl}/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt}/jobs?per_page=100[&page=n]
 *   GET {apiUrl}/repos/{owner}/{repo}/check-runs/{job's check run}/annotations?per_page=100   (per failed job)
 *
 * A typical failed run costs two or three requests: one page of jobs, then the annotations of
 * each failed job, concurrently. Runs with more than 100 jobs take more pages (fetched
 * concurrently once the first page gives `total_count`).
 *
 * Nothing here may stop the message: `fetchRunInfo` never throws, bounds everything by one
 * time budget (an AbortSignal cancels the requests still open), and turns every failure into a
 * warning that names the permission or the token to fix — never the token itself.
 *
 * `@actions/github` (Octokit, and with it undici) is imported only when `fetchRunInfo` runs, so
 * importing this module costs nothing; `summariseJobs` is pure.
 *
 * How the job this step runs in is found (`current: true`), see `findCurrentJob`: the API
 * names jobs by their display name, not by the `GITHUB_JOB` key, so the job is identified by
 * its runner first (`runner_name === RUNNER_NAME` among unfinished jobs: a runner runs one job
 * at a time), then by name (the key itself, a matrix variant `key (…)`, a reusable-workflow
 * job `caller / key`, or a name starting with the key), and finally as the only job in progress.
 */
import type { getOctokit } from '@actions/github'
import { formatDuration } from '../message/duration.js'

export interface RunInfoRequest {
  /** `github-token` (default `${{ github.token }}`), already masked by the caller. */
  token: string
  /** GITHUB_API_URL, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
  apiUrl: string
  /** GITHUB_SERVER_URL, for links. */
  serverUrl: string
  /** owner/name. */
  repository: string
  /** GITHUB_RUN_ID. */
  runId: number
  /** GITHUB_RUN_ATTEMPT. */
  attempt: number
  /** GITHUB_JOB: the job's key in the workflow (the API knows jobs by their display name). */
  currentJob: string
  /** RUNNER_NAME: identifies the job this step runs in most reliably. */
  runnerName?: string
  /** Commit for annotation links: `${serverUrl}/${repository}/blob/${sha}/${path}#L${line}`. */
  sha: string
  /** Budget of the whole fetch, all requests included (e.g. 5000). */
  timeoutMs: number
  /** At most `jobs` failed jobs (default 10), with at most `annotations` annotations each (default 5). */
  limits?: { jobs?: number; annotations?: number }
  /** Receives one line per request and per decision, for the debug log. Never sees the token. */
  debug?: (line: string) => void
}

export interface RunStep {
  name: string
  number: number
  status: string
  conclusion: string | null
}

export interface RunAnnotation {
  /** failure, warning or notice. */
  level: string
  message: string
  title: string
  /** File in the repository; '' for the runner's own annotations (API path `.github`). */
  path: string
  /** First line, null without a file. */
  line: number | null
  /** The line on GitHub, or the job's page for an annotation without a file. */
  url: string
}

export interface RunJob {
  id: number
  name: string
  /** queued, in_progress, completed, waiting … */
  status: string
  /** success, failure, cancelled, skipped, timed_out …; null while not completed. */
  conclusion: string | null
  started_at: string | null
  completed_at: string | null
  /** "3m 12s"; a job still running counts until now. */
  duration: string
  duration_seconds: number
  /** The job's page on GitHub. */
  url: string
  /** The job this step runs in (still in progress). */
  current: boolean
  steps: RunStep[]
  /** First failed step (for a timed-out job: the step that was cut off). */
  failed_step: { name: string; number: number } | null
  /** Failures first, then warnings, then notices; at most `limits.annotations`. */
  annotations: RunAnnotation[]
  /** Annotations left out. */
  annotations_more: number
}

export interface RunInfo {
  /** False when the jobs could not be read: everything else is empty. */
  available: boolean
  /** Every job of this attempt, in the API's order. */
  jobs: RunJob[]
  /**
   * Jobs that failed or timed out, plus the current job when one of its steps already failed
   * (a notification step with `if: failure()` at the end of the failing job). Cancelled and
   * skipped jobs are not failures (they are in `jobs`). At most `limits.jobs`.
   */
  failed_jobs: RunJob[]
  /** Failed jobs left out of `failed_jobs`. */
  jobs_more: number
  /** From the first job's start to now (or to the last job's end when all are completed). */
  duration: string
  duration_seconds: number
}

/** Why the run could not be read (or, with `ok: true`, why annotations are missing). */
export type RunInfoProblem =
  'input' | 'token' | 'permission' | 'not-found' | 'rate-limit' | 'timeout' | 'network' | 'server'

export type RunInfoResult =
  | {
      ok: true
      run: RunInfo
      /** Set when part of the data (annotations) is missing: print it, and use the run anyway. */
      warning?: string
      problem?: RunInfoProblem
      /** Requests sent, as `GET /path?query` relative to apiUrl. */
      requests: string[]
    }
  | { ok: false; run: RunInfo; warning: string; problem: RunInfoProblem; requests: string[] }

/** A job as the REST API returns it (the fields used here). */
export interface ApiStep {
  name: string
  status: string
  conclusion: string | null
  number: number
  started_at?: string | null
  completed_at?: string | null
}

export interface ApiJob {
  id: number
  run_id?: number
  run_attempt?: number
  name: string
  status: string
  conclusion: string | null
  created_at?: string
  started_at: string | null
  completed_at: string | null
  html_url: string | null
  check_run_url?: string
  steps?: ApiStep[]
  runner_name?: string | null
  workflow_name?: string | null
}

/** A check run annotation as the REST API returns it. */
export interface ApiAnnotation {
  path: string
  start_line: number | null
  end_line?: number | null
  start_column?: number | null
  end_column?: number | null
  annotation_level: string | null
  title: string | null
  message: string | null
  raw_details?: string | null
  blob_href?: string
}

/** Annotations of one job: the list read, and how many the job has in all (when more than read). */
export type JobAnnotations = ApiAnnotation[] | { items: ApiAnnotation[]; total: number }

/** What `summariseJobs` needs of the request. */
export type SummaryRequest = Pick<
  RunInfoRequest,
  'serverUrl' | 'repository' | 'runId' | 'currentJob' | 'runnerName' | 'sha' | 'limits'
>

export const DEFAULT_LIMITS = { jobs: 10, annotations: 5 } as const
/** Pages of 100 jobs read at most (1000 jobs). */
const MAX_JOB_PAGES = 10
/** Requests open at once. */
const CONCURRENCY = 5
/** Annotation messages are cut here (a stack trace can be long). */
const MAX_MESSAGE_CHARS = 1000
/** After the budget, how long the result may still take (the requests are aborted at the budget). */
const GRACE_MS = 250

/** The value templates see when there is nothing to show. */
export function emptyRunInfo(): RunInfo {
  return { available: false, jobs: [], failed_jobs: [], jobs_more: 0, duration: '', duration_seconds: 0 }
}

// One format for durations everywhere: the run's facts, the jobs lists and users' templates.
export { formatDuration } from '../message/duration.js'

const FAILED = new Set(['failure', 'timed_out'])
const LEVEL_RANK: Record<string, number> = { failure: 0, warning: 1, notice: 2 }

/** Builds what templates see from the API's jobs and annotations. Pure. */
export function summariseJobs(
  jobs: ApiJob[],
  annotations: Map<number, JobAnnotations>,
  request: SummaryRequest,
  now: Date
): RunInfo {
  const limits = resolveLimits(request.limits)
  const current = findCurrentJob(jobs, request.currentJob, request.runnerName)
  const serverUrl = request.serverUrl.replace(/\/+$/, '')
  const all = jobs.map((job) => summariseJob(job, job === current, annotations.get(job.id), request, serverUrl, now))
  const failed = all.filter((job) => job.failed_step !== null || (!job.current && FAILED.has(job.conclusion ?? '')))

  const starts = jobs.map((j) => time(j.started_at ?? j.created_at)).filter((t): t is number => t !== undefined)
  const running = jobs.some((j) => j.status !== 'completed')
  const ends = jobs.map((j) => time(j.completed_at)).filter((t): t is number => t !== undefined)
  const first = starts.length ? Math.min(...starts) : undefined
  const last = running || !ends.length ? now.getTime() : Math.max(...ends)
  const seconds = first === undefined ? 0 : Math.max(0, Math.round((last - first) / 1000))

  return {
    available: true,
    jobs: all,
    failed_jobs: failed.slice(0, limits.jobs),
    jobs_more: Math.max(0, failed.length - limits.jobs),
    duration: first === undefined ? '' : formatDuration(seconds),
    duration_seconds: seconds
  }
}

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
export function findCurrentJob(jobs: ApiJob[], key: string, runnerName?: string): ApiJob | undefined {
  const unfinished = jobs.filter((j) => j.status !== 'completed')
  if (runnerName) {
    const onRunner = unfinished.filter((j) => j.runner_name === runnerName)
    if (onRunner.length === 1) return onRunner[0]
    if (onRunner.length > 1) return bestByName(onRunner, key)
  }
  const inProgress = jobs.filter((j) => j.status === 'in_progress')
  return bestByName(inProgress, key) ?? (inProgress.length === 1 ? inProgress[0] : undefined)
}

function bestByName(jobs: ApiJob[], key: string): ApiJob | undefined {
  const k = key.trim().toLowerCase()
  if (!k) return undefined
  const rank = (name: string): number => {
    const n = name.trim().toLowerCase()
    if (n === k) return 0
    const last = n.split(' / ').pop() ?? n
    if (last === k || last.startsWith(`${k} (`) || n.startsWith(`${k} (`)) return 1
    if (n.startsWith(k)) return 2
    return 3
  }
  for (let r = 0; r < 3; r++) {
    const matches = jobs.filter((j) => rank(j.name) === r)
    if (matches.length === 1) return matches[0]
    if (matches.length > 1) return undefined
  }
  return undefined
}

function summariseJob(
  job: ApiJob,
  current: boolean,
  annotations: JobAnnotations | undefined,
  request: SummaryRequest,
  serverUrl: string,
  now: Date
): RunJob {
  const limits = resolveLimits(request.limits)
  const url =
    job.html_url || `${serverUrl}/${request.repository}/actions/runs/${job.run_id ?? request.runId}/job/${job.id}`
  const started = time(job.started_at)
  const ended = job.status === 'completed' ? time(job.completed_at) : now.getTime()
  const notStarted = job.status === 'queued' || job.status === 'waiting' || job.status === 'pending'
  const seconds =
    started === undefined || ended === undefined || notStarted ? 0 : Math.max(0, Math.round((ended - started) / 1000))
  const steps = (job.steps ?? []).map((s) => ({
    name: s.name,
    number: s.number,
    status: s.status,
    conclusion: s.conclusion ?? null
  }))

  const items = annotations === undefined ? [] : Array.isArray(annotations) ? annotations : annotations.items
  const total = annotations === undefined ? 0 : Array.isArray(annotations) ? annotations.length : annotations.total
  const ordered = items
    .map((a, i) => ({ a, i }))
    .sort((x, y) => levelRank(x.a) - levelRank(y.a) || x.i - y.i)
    .slice(0, limits.annotations)
    .map(({ a }) => toAnnotation(a, url, request, serverUrl))

  return {
    id: job.id,
    name: job.name,
    status: job.status,
    conclusion: job.conclusion ?? null,
    started_at: job.started_at ?? null,
    completed_at: job.completed_at ?? null,
    duration: formatDuration(seconds),
    duration_seconds: seconds,
    url,
    current,
    steps,
    failed_step: failedStep(job, current),
    annotations: ordered,
    annotations_more: Math.max(0, Math.max(total, items.length) - ordered.length)
  }
}

/**
 * The first step that failed. For the current job only a step already completed with
 * `failure` counts (the job itself has no conclusion yet); for a timed-out job without a failed
 * step, the step that was cut off (cancelled, or still shown in progress).
 */
function failedStep(job: ApiJob, current: boolean): { name: string; number: number } | null {
  const steps = job.steps ?? []
  const pick = (s: ApiStep | undefined): { name: string; number: number } | null =>
    s ? { name: s.name, number: s.number } : null
  const failed = steps.find((s) => s.conclusion === 'failure' || s.conclusion === 'timed_out')
  if (current) return pick(failed)
  if (!FAILED.has(job.conclusion ?? '')) return null
  if (failed) return pick(failed)
  if (job.conclusion === 'timed_out') {
    return pick(steps.find((s) => s.conclusion === 'cancelled' || s.status === 'in_progress'))
  }
  return null
}

function toAnnotation(a: ApiAnnotation, jobUrl: string, request: SummaryRequest, serverUrl: string): RunAnnotation {
  // The runner's own annotations ("Process completed with exit code 1.") carry the path
  // `.github` and a log line, not a place in a file: they link to the job instead.
  const rawPath = (a.path ?? '').replace(/^\.?\/+/, '')
  const hasFile = rawPath !== '' && rawPath !== '.github'
  const line = hasFile && typeof a.start_line === 'number' && a.start_line > 0 ? a.start_line : null
  let url = jobUrl
  if (hasFile) {
    const encoded = rawPath.split('/').map(encodeURIComponent).join('/')
    if (request.sha) url = `${serverUrl}/${request.repository}/blob/${request.sha}/${encoded}${line ? `#L${line}` : ''}`
    else if (a.blob_href) url = `${a.blob_href}${line ? `#L${line}` : ''}`
  }
  const message = (a.message ?? '').trim()
  return {
    level: a.annotation_level ?? 'notice',
    message: message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…` : message,
    title: (a.title ?? '').trim(),
    path: hasFile ? rawPath : '',
    line,
    url
  }
}

function levelRank(a: ApiAnnotation): number {
  return LEVEL_RANK[a.annotation_level ?? ''] ?? 3
}

function resolveLimits(limits: RunInfoRequest['limits']): { jobs: number; annotations: number } {
  const n = (v: number | undefined, d: number): number =>
    v === undefined || !Number.isFinite(v) ? d : Math.max(0, Math.floor(v))
  return { jobs: n(limits?.jobs, DEFAULT_LIMITS.jobs), annotations: n(limits?.annotations, DEFAULT_LIMITS.annotations) }
}

function time(value: string | null | undefined): number | undefined {
  if (!value) return undefined
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

// ---------------------------------------------------------------------------------------------
// Fetching

type Octokit = ReturnType<typeof getOctokit>
type OctokitOptions = NonNullable<Parameters<typeof getOctokit>[1]>

class BudgetExceeded extends Error {
  constructor() {
    super('time budget exceeded')
    this.name = 'BudgetExceeded'
  }
}

/** Reads this run's jobs and the failed jobs' annotations. Never throws; see RunInfoResult. */
export async function fetchRunInfo(request: RunInfoRequest): Promise<RunInfoResult> {
  const requests: string[] = []
  const budget = Number.isFinite(request.timeoutMs) ? Math.max(1, request.timeoutMs) : 5000
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new BudgetExceeded()), budget)
  let late: ReturnType<typeof setTimeout> | undefined
  // Belt and braces: even if something ignored the signal, the caller gets an answer in time.
  const deadline = new Promise<RunInfoResult>((resolve) => {
    late = setTimeout(
      () => resolve(failure(request, 'timeout', timeoutText(request, 'jobs'), requests)),
      budget + GRACE_MS
    )
  })
  try {
    return await Promise.race([fetchWithin(request, controller.signal, requests), deadline])
  } catch (err) {
    // Not expected (fetchWithin reports every failure itself); still no reason to stop the mail.
    return failure(
      request,
      'network',
      redact(`Could not read this run's jobs: ${errorMessage(err)}`, request),
      requests
    )
  } finally {
    clearTimeout(timer)
    clearTimeout(late)
    controller.abort(new BudgetExceeded()) // cancels whatever is still open
  }
}

async function fetchWithin(request: RunInfoRequest, signal: AbortSignal, requests: string[]): Promise<RunInfoResult> {
  const debug = request.debug ?? (() => undefined)
  const [owner, repo, ...extra] = request.repository.split('/')
  if (!request.token) {
    return failure(
      request,
      'input',
      "No github-token: the message is sent without the run's jobs. Pass `github-token: ${{ github.token }}` (the default).",
      requests
    )
  }
  if (!owner || !repo || extra.length) {
    return failure(request, 'input', `Not a repository: '${request.repository}' (GITHUB_REPOSITORY).`, requests)
  }
  if (!Number.isSafeInteger(request.runId) || request.runId <= 0) {
    return failure(request, 'input', 'No run to describe: GITHUB_RUN_ID is not set.', requests)
  }
  const attempt = Number.isSafeInteger(request.attempt) && request.attempt > 0 ? request.attempt : 1
  let apiUrl: URL
  try {
    apiUrl = new URL(request.apiUrl)
  } catch {
    return failure(request, 'input', `Not a URL: '${request.apiUrl}' (GITHUB_API_URL).`, requests)
  }
  const baseUrl = apiUrl.href.replace(/\/+$/, '')

  let octokit: Octokit
  try {
    octokit = await createOctokit(request.token, baseUrl, signal, debug)
  } catch (err) {
    if (signal.aborted) return failure(request, 'timeout', timeoutText(request, 'jobs'), requests)
    return failure(
      request,
      'network',
      redact(`Could not load the GitHub API client: ${errorMessage(err)}`, request),
      requests
    )
  }

  // 1. Jobs: the first page, then the rest concurrently (total_count says how many).
  const route = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs'
  const jobsPath = `/repos/${owner}/${repo}/actions/runs/${request.runId}/attempts/${attempt}/jobs`
  const getJobsPage = async (page: number): Promise<{ jobs: ApiJob[]; total: number | undefined; next: boolean }> => {
    requests.push(`GET ${jobsPath}?per_page=100${page > 1 ? `&page=${page}` : ''}`)
    const response = await octokit.request(route, {
      owner,
      repo,
      run_id: request.runId,
      attempt_number: attempt,
      per_page: 100,
      ...(page > 1 ? { page } : {})
    })
    const data = response.data as unknown as { total_count?: number; jobs?: ApiJob[] }
    return {
      jobs: (data.jobs ?? []).map(normaliseJob),
      total: typeof data.total_count === 'number' ? data.total_count : undefined,
      next: /\brel="next"/.test(String(response.headers.link ?? ''))
    }
  }

  let jobs: ApiJob[]
  try {
    const first = await getJobsPage(1)
    jobs = [...first.jobs]
    let pages = 1
    let next = first.next
    const wanted = Math.min(MAX_JOB_PAGES, Math.ceil((first.total ?? 0) / 100))
    if (wanted > 1 && next) {
      const rest = await mapLimit(
        Array.from({ length: wanted - 1 }, (_, i) => i + 2),
        CONCURRENCY,
        getJobsPage
      )
      for (const page of rest) jobs.push(...page.jobs)
      pages = wanted
      next = rest.at(-1)?.next ?? false
    }
    while (next && pages < MAX_JOB_PAGES) {
      const page = await getJobsPage(++pages)
      jobs.push(...page.jobs)
      next = page.next
    }
    if (next) debug(`Run info: more than ${MAX_JOB_PAGES * 100} jobs; read the first ${MAX_JOB_PAGES * 100}.`)
    jobs = dedupe(jobs)
  } catch (err) {
    const [problem, text] = describeError(err, signal, request, 'jobs')
    return failure(request, problem, text, requests)
  }
  debug(`Run info: ${jobs.length} jobs in ${requests.length} request(s).`)

  // 2. Annotations of the failed jobs shown (the current job too, when one of its steps failed).
  const preview = summariseJobs(jobs, new Map(), request, new Date())
  const wantAnnotations = preview.failed_jobs
    .map((j) => jobs.find((a) => a.id === j.id))
    .filter((j): j is ApiJob => j !== undefined)
  const limits = resolveLimits(request.limits)
  const annotations = new Map<number, JobAnnotations>()
  const problems: { problem: RunInfoProblem; text: string }[] = []
  if (limits.annotations > 0 && wantAnnotations.length) {
    const results = await mapLimit(wantAnnotations, CONCURRENCY, (job) =>
      getAnnotations(octokit, owner, repo, job, requests).then(
        (value) => ({ job, value, error: undefined as unknown }),
        (error: unknown) => ({ job, value: undefined, error })
      )
    )
    for (const { job, value, error } of results) {
      if (value) annotations.set(job.id, value)
      else {
        const [problem, text] = describeError(error, signal, request, 'annotations')
        problems.push({ problem, text })
      }
    }
  }

  const run = summariseJobs(jobs, annotations, request, new Date())
  debug(`Run info: ${run.failed_jobs.length} failed job(s) shown, ${requests.length} request(s) in all.`)
  if (!problems.length) return { ok: true, run, requests }
  // One warning for all the annotation requests that failed: they fail for the same reason.
  const [worst] = problems
  const missing = problems.length === 1 ? 'one failed job' : `${problems.length} failed jobs`
  return {
    ok: true,
    run,
    warning: redact(`${worst?.text ?? ''} (Annotations missing for ${missing}.)`, request),
    problem: worst?.problem ?? 'server',
    requests
  }
}

async function createOctokit(
  token: string,
  baseUrl: string,
  signal: AbortSignal,
  debug: (line: string) => void
): Promise<Octokit> {
  const [github, { defaults }] = await Promise.all([import('@actions/github'), import('@actions/github/lib/utils')])
  // getOctokit's options replace its defaults shallowly: `request: { signal }` alone would drop
  // the proxy-aware fetch (HTTPS_PROXY/NO_PROXY) @actions/github sets up for GITHUB_API_URL.
  // Keep that fetch for GITHUB_API_URL's host; any other host goes direct with the global fetch.
  const sameHost = sameOrigin(defaults.baseUrl, baseUrl)
  const requestOptions: NonNullable<OctokitOptions['request']> = {
    ...(sameHost && defaults.request?.fetch ? { fetch: defaults.request.fetch } : {}),
    signal
  }
  const noop = (): void => undefined
  return github.getOctokit(token, {
    baseUrl,
    userAgent: 'exchange-online-mail-action',
    request: requestOptions,
    log: { debug: noop, info: noop, warn: (message: string) => debug(`GitHub API: ${message}`), error: noop }
  })
}

async function getAnnotations(
  octokit: Octokit,
  owner: string,
  repo: string,
  job: ApiJob,
  requests: string[]
): Promise<JobAnnotations> {
  const checkRunId = checkRunIdOf(job)
  const route = 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations'
  const path = `/repos/${owner}/${repo}/check-runs/${checkRunId}/annotations`
  const get = async (page: number): Promise<{ items: ApiAnnotation[]; last: number | undefined }> => {
    requests.push(`GET ${path}?per_page=100${page > 1 ? `&page=${page}` : ''}`)
    const response = await octokit.request(route, {
      owner,
      repo,
      check_run_id: checkRunId,
      per_page: 100,
      ...(page > 1 ? { page } : {})
    })
    return {
      items: Array.isArray(response.data) ? (response.data as unknown as ApiAnnotation[]) : [],
      last: lastPage(String(response.headers.link ?? ''))
    }
  }
  const first = await get(1)
  if (!first.last || first.last <= 1) return first.items
  // More than 100: the last page tells how many there are in all (one request, rare).
  const last = await get(first.last).catch(() => undefined)
  const total = last ? (first.last - 1) * 100 + last.items.length : (first.last - 1) * 100 + 1
  return { items: first.items, total }
}

function normaliseJob(job: ApiJob): ApiJob {
  return { ...job, id: Number(job.id), ...(job.run_id !== undefined ? { run_id: Number(job.run_id) } : {}) }
}

function checkRunIdOf(job: ApiJob): number {
  const m = /\/check-runs\/(\d+)\/?$/.exec(job.check_run_url ?? '')
  return m ? Number(m[1]) : job.id
}

function lastPage(link: string): number | undefined {
  const m = /<([^>]+)>;\s*rel="last"/.exec(link)
  if (!m?.[1]) return undefined
  try {
    const page = Number(new URL(m[1]).searchParams.get('page'))
    return Number.isSafeInteger(page) && page > 0 ? page : undefined
  } catch {
    return undefined
  }
}

function dedupe(jobs: ApiJob[]): ApiJob[] {
  const byId = new Map<number, ApiJob>()
  for (const job of jobs) byId.set(job.id, job)
  return [...byId.values()]
}

function sameOrigin(a: string | undefined, b: string): boolean {
  try {
    return a !== undefined && new URL(a).origin === new URL(b).origin
  } catch {
    return false
  }
}

/** Runs `fn` over `items` with at most `limit` at once; keeps the order; rejects like Promise.all. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

// ---------------------------------------------------------------------------------------------
// Warnings: what went wrong, and which permission or token fixes it. Never the token.

type Phase = 'jobs' | 'annotations'

interface HttpishError {
  status?: number
  message?: string
  name?: string
  response?: { status?: number; headers?: Record<string, string | undefined>; data?: unknown }
  cause?: unknown
}

function describeError(
  err: unknown,
  signal: AbortSignal,
  request: RunInfoRequest,
  phase: Phase
): [RunInfoProblem, string] {
  const e = (err ?? {}) as HttpishError
  if (signal.aborted || e.name === 'AbortError' || e.name === 'BudgetExceeded') {
    return ['timeout', timeoutText(request, phase)]
  }
  const response = e.response
  if (!response) {
    // No HTTP answer: DNS, refused, reset, TLS, proxy.
    return ['network', redact(networkText(request, phase, networkCause(e)), request)]
  }
  const status = response.status ?? e.status ?? 0
  const headers = response.headers ?? {}
  const apiMessage = redact(apiMessageOf(response.data) || `HTTP ${status}`, request)
  const answered = `the GitHub API answered ${status} (${apiMessage})`
  const without = phase === 'jobs' ? "The message is sent without the run's jobs." : ''

  if (isRateLimited(status, headers, apiMessage)) {
    const reset = Number(headers['x-ratelimit-reset'])
    const retryAfter = Number(headers['retry-after'])
    const when =
      Number.isFinite(retryAfter) && retryAfter > 0
        ? ` Retry after ${retryAfter} s.`
        : Number.isFinite(reset) && reset > 0
          ? ` It resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC.`
          : ''
    return [
      'rate-limit',
      `${lead(phase)}: ${answered}: the github-token has reached its API rate limit.${when} ${without}`.trim()
    ]
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
    ]
  }
  if (status === 403) return ['permission', permissionText(phase, answered, apiMessage, request)]
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
    ]
  }
  if (status >= 500) return ['server', `${lead(phase)}: ${answered}; GitHub may be having trouble. ${without}`.trim()]
  return ['server', `${lead(phase)}: ${answered}. ${without}`.trim()]
}

function lead(phase: Phase): string {
  return phase === 'jobs' ? "Could not read this run's jobs" : "Could not read the failed jobs' annotations"
}

function permissionText(phase: Phase, answered: string, apiMessage: string, request: RunInfoRequest): string {
  const without =
    phase === 'jobs'
      ? "The message is sent without the run's jobs."
      : 'The message lists the failed jobs and steps without their error annotations.'
  if (/SAML|SSO/i.test(apiMessage)) {
    return `${lead(phase)}: ${answered}: authorize the github-token for your organization's SAML single sign-on. ${without}`
  }
  if (/personal access token/i.test(apiMessage)) {
    const permission =
      phase === 'jobs' ? 'permissions "Actions: Read-only" and "Checks: Read-only"' : 'permission "Checks: Read-only"'
    return `${lead(phase)}: ${answered}: give the fine-grained personal access token in github-token the repository ${permission} on ${request.repository}. ${without}`
  }
  const block =
    phase === 'jobs'
      ? [
          'permissions:',
          '  actions: read # jobs and steps of this run',
          '  checks: read # error annotations of failed jobs'
        ]
      : ['permissions:', '  checks: read # error annotations of failed jobs']
  return [
    `${lead(phase)}: ${answered}: the github-token may not read ${phase === 'jobs' ? 'Actions' : 'checks'}.`,
    'Add to the workflow (or the job):',
    '',
    ...block,
    '',
    'A `permissions:` block sets every permission it does not list to none: keep the ones you have (e.g. contents: read, id-token: write).',
    without
  ].join('\n')
}

function isRateLimited(status: number, headers: Record<string, string | undefined>, message: string): boolean {
  if (status === 429) return true
  if (status !== 403) return false
  return headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined || /rate limit/i.test(message)
}

function timeoutText(request: RunInfoRequest, phase: Phase): string {
  const seconds = `${Math.round(request.timeoutMs / 100) / 10} s`
  return phase === 'jobs'
    ? `Could not read this run's jobs: the GitHub API (${request.apiUrl}) did not answer within ${seconds}. The message is sent without the run's jobs.`
    : `Could not read the failed jobs' annotations: the GitHub API (${request.apiUrl}) did not answer within ${seconds}. The message lists the failed jobs and steps without their error annotations.`
}

function networkText(request: RunInfoRequest, phase: Phase, cause: string): string {
  return `${lead(phase)}: could not reach the GitHub API at ${request.apiUrl} (${cause}). Check GITHUB_API_URL and, behind a proxy, HTTPS_PROXY/NO_PROXY.${
    phase === 'jobs' ? " The message is sent without the run's jobs." : ''
  }`
}

function networkCause(e: HttpishError): string {
  const parts: string[] = []
  let c: unknown = e
  for (let depth = 0; c && depth < 4; depth++) {
    const x = c as { code?: unknown; message?: unknown; cause?: unknown }
    const text = typeof x.code === 'string' ? x.code : typeof x.message === 'string' ? x.message : ''
    if (text && !parts.includes(text)) parts.push(text)
    c = x.cause
  }
  return parts.join(': ') || 'no answer'
}

function apiMessageOf(data: unknown): string {
  if (typeof data === 'string') return data.slice(0, 200).trim()
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data.message
  return ''
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** The token never leaves this module, even when a server or proxy echoes it. */
function redact(text: string, request: Pick<RunInfoRequest, 'token'>): string {
  return request.token.length >= 4 ? text.split(request.token).join('***') : text
}

function failure(request: RunInfoRequest, problem: RunInfoProblem, warning: string, requests: string[]): RunInfoResult {
  return { ok: false, run: emptyRunInfo(), warning: redact(warning, request), problem, requests }
}
