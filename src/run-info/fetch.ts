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
import { createOctokit, readAnnotations, readJobs, type RunApi } from './requests.js'
import { resolveLimits, summariseJobs } from './summarise.js'
import {
  emptyRunInfo,
  type ApiJob,
  type JobAnnotations,
  type RunInfoProblem,
  type RunInfoRequest,
  type RunInfoResult
} from './types.js'
import { annotationsWarning, describeError, redact, timeoutText, type FailedRequest } from './warnings.js'

/** After the budget, how long the result may still take (the requests are aborted at the budget). */
const GRACE_MS = 250

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
  const target = checkRequest(request)
  if (typeof target === 'string') return failure(request, 'input', target, requests)

  let api: RunApi
  try {
    const octokit = await createOctokit(request.token, target.baseUrl, signal, debug)
    const { owner, repo, attempt } = target
    api = { octokit, owner, repo, runId: request.runId, attempt, requests, debug }
  } catch (err) {
    if (signal.aborted) return failure(request, 'timeout', timeoutText(request, 'jobs'), requests)
    return failure(
      request,
      'network',
      redact(`Could not load the GitHub API client: ${errorMessage(err)}`, request),
      requests
    )
  }

  let jobs: ApiJob[]
  try {
    jobs = await readJobs(api)
  } catch (err) {
    const [problem, text] = describeError(err, signal, request, 'jobs')
    return failure(request, problem, text, requests)
  }
  debug(`Run info: ${jobs.length} jobs in ${requests.length} request(s).`)

  const { annotations, problems } = await readFailedJobsAnnotations(api, jobs, request, signal)
  const run = summariseJobs(jobs, annotations, request, new Date())
  debug(`Run info: ${run.failed_jobs.length} failed job(s) shown, ${requests.length} request(s) in all.`)
  if (!problems.length) return { ok: true, run, requests }
  return { ok: true, run, ...annotationsWarning(problems, request), requests }
}

/** Where the requests go, or why none can be sent (no request is made then). */
function checkRequest(
  request: RunInfoRequest
): { owner: string; repo: string; attempt: number; baseUrl: string } | string {
  const [owner, repo, ...extra] = request.repository.split('/')
  if (!request.token) {
    return "No github-token: the message is sent without the run's jobs. Pass `github-token: ${{ github.token }}` (the default)."
  }
  if (!owner || !repo || extra.length) return `Not a repository: '${request.repository}' (GITHUB_REPOSITORY).`
  if (!Number.isSafeInteger(request.runId) || request.runId <= 0) {
    return 'No run to describe: GITHUB_RUN_ID is not set.'
  }
  const attempt = Number.isSafeInteger(request.attempt) && request.attempt > 0 ? request.attempt : 1
  let apiUrl: URL
  try {
    apiUrl = new URL(request.apiUrl)
  } catch {
    return `Not a URL: '${request.apiUrl}' (GITHUB_API_URL).`
  }
  return { owner, repo, attempt, baseUrl: apiUrl.href.replace(/\/+$/, '') }
}

/** Annotations of the failed jobs shown (the current job too, when one of its steps failed). */
async function readFailedJobsAnnotations(
  api: RunApi,
  jobs: ApiJob[],
  request: RunInfoRequest,
  signal: AbortSignal
): Promise<{ annotations: Map<number, JobAnnotations>; problems: FailedRequest[] }> {
  const preview = summariseJobs(jobs, new Map(), request, new Date())
  const wanted = preview.failed_jobs
    .map((j) => jobs.find((a) => a.id === j.id))
    .filter((j): j is ApiJob => j !== undefined)
  const annotations = new Map<number, JobAnnotations>()
  const problems: FailedRequest[] = []
  if (resolveLimits(request.limits).annotations > 0 && wanted.length) {
    for (const { job, value, error } of await readAnnotations(api, wanted)) {
      if (value) annotations.set(job.id, value)
      else {
        const [problem, text] = describeError(error, signal, request, 'annotations')
        problems.push({ problem, text })
      }
    }
  }
  return { annotations, problems }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

function failure(request: RunInfoRequest, problem: RunInfoProblem, warning: string, requests: string[]): RunInfoResult {
  return { ok: false, run: emptyRunInfo(), warning: redact(warning, request), problem, requests }
}
