/**
 * The GitHub REST API requests: the Octokit client, the pages of this attempt's jobs, and the
 * pages of a check run's annotations. Each request is recorded in `requests` (as `GET
 * /path?query` relative to the API URL) before it is sent; every failure is thrown to the caller.
 *
 *   GET {apiUrl}/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt}/jobs?per_page=100[&page=n]
 *   GET {apiUrl}/repos/{owner}/{repo}/check-runs/{job's check run}/annotations?per_page=100
 */
import type { getOctokit } from '@actions/github'
import { optional } from '../shared/optional.js'
import type { ApiAnnotation, ApiJob, JobAnnotations } from './types.js'

type Octokit = ReturnType<typeof getOctokit>
type OctokitOptions = NonNullable<Parameters<typeof getOctokit>[1]>

/** Pages of 100 jobs read at most (1000 jobs). */
const MAX_JOB_PAGES = 10
/** Requests open at once. */
const CONCURRENCY = 5

/** One run attempt of one repository, and where its requests are recorded. */
export interface RunApi {
  octokit: Octokit
  owner: string
  repo: string
  runId: number
  attempt: number
  /** Every request sent, in order. */
  requests: string[]
  debug: (line: string) => void
}

/** A client for `baseUrl` whose requests `signal` cancels; Octokit's warnings go to `debug`. */
export async function createOctokit(
  token: string,
  baseUrl: string,
  signal: AbortSignal,
  debug: (line: string) => void
): Promise<Octokit> {
  const [github, { defaults }] = await optional.octokit()
  // getOctokit's options replace its defaults shallowly: `request: { signal }` alone would drop
  // the proxy-aware fetch (HTTPS_PROXY/NO_PROXY) @actions/github sets up for GITHUB_API_URL.
  // Keep that fetch for GITHUB_API_URL's host; any other host goes direct with the global fetch.
  const sameHost = sameOrigin(defaults.baseUrl, baseUrl)
  const requestOptions: NonNullable<OctokitOptions['request']> = {
    ...(sameHost && defaults.request?.fetch ? { fetch: defaults.request.fetch as typeof fetch } : {}),
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

/** Every job of the attempt: the first page, then the rest concurrently (total_count says how many). */
export async function readJobs(api: RunApi): Promise<ApiJob[]> {
  const first = await getJobsPage(api, 1)
  const jobs = [...first.jobs]
  let pages = 1
  let next = first.next
  const wanted = Math.min(MAX_JOB_PAGES, Math.ceil((first.total ?? 0) / 100))
  if (wanted > 1 && next) {
    const rest = await mapLimit(
      Array.from({ length: wanted - 1 }, (_, i) => i + 2),
      CONCURRENCY,
      (page) => getJobsPage(api, page)
    )
    for (const page of rest) jobs.push(...page.jobs)
    pages = wanted
    next = rest.at(-1)?.next ?? false
  }
  while (next && pages < MAX_JOB_PAGES) {
    const page = await getJobsPage(api, ++pages)
    jobs.push(...page.jobs)
    next = page.next
  }
  if (next) api.debug(`Run info: more than ${MAX_JOB_PAGES * 100} jobs; read the first ${MAX_JOB_PAGES * 100}.`)
  return dedupe(jobs)
}

async function getJobsPage(
  api: RunApi,
  page: number
): Promise<{ jobs: ApiJob[]; total: number | undefined; next: boolean }> {
  const { octokit, owner, repo, runId, attempt } = api
  const route = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs'
  const jobsPath = `/repos/${owner}/${repo}/actions/runs/${runId}/attempts/${attempt}/jobs`
  api.requests.push(`GET ${jobsPath}?per_page=100${page > 1 ? `&page=${page}` : ''}`)
  const response = await octokit.request(route, {
    owner,
    repo,
    run_id: runId,
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

/** The annotations of each job, concurrently; a job whose request failed comes with its error. */
export function readAnnotations(
  api: RunApi,
  jobs: ApiJob[]
): Promise<{ job: ApiJob; value: JobAnnotations | undefined; error: unknown }[]> {
  return mapLimit(jobs, CONCURRENCY, (job) =>
    getAnnotations(api, job).then(
      (value) => ({ job, value, error: undefined as unknown }),
      (error: unknown) => ({ job, value: undefined, error })
    )
  )
}

async function getAnnotations(api: RunApi, job: ApiJob): Promise<JobAnnotations> {
  const { octokit, owner, repo } = api
  const checkRunId = checkRunIdOf(job)
  const route = 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations'
  const path = `/repos/${owner}/${repo}/check-runs/${checkRunId}/annotations`
  const get = async (page: number): Promise<{ items: ApiAnnotation[]; last: number | undefined }> => {
    api.requests.push(`GET ${path}?per_page=100${page > 1 ? `&page=${page}` : ''}`)
    const response = await octokit.request(route, {
      owner,
      repo,
      check_run_id: checkRunId,
      per_page: 100,
      ...(page > 1 ? { page } : {})
    })
    return {
      items: Array.isArray(response.data) ? response.data : [],
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
