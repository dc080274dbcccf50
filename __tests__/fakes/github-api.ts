/**
 * A local stand-in for the GitHub REST API (plain http on 127.0.0.1, random port), serving
 * the two endpoints the run summary reads, shaped like GitHub's documented responses:
 *
 *   GET {prefix}/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt}/jobs
 *       → { total_count, jobs: [...] }, per_page (default 30, max 100) and page, with a Link
 *         header like GitHub's (`/repositories/{id}/…` URLs; rel prev, next, last, first)
 *   GET {prefix}/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations
 *       → [ annotation, … ], paginated the same way
 *
 * Both also answer under `/repositories/{repository_id}/…`, the form GitHub's Link headers
 * use. `prefix` is '' (api.github.com) or e.g. '/api/v3' (GitHub Enterprise Server).
 *
 * Requests need `Authorization: token <token>` or `Bearer <token>` (401 otherwise, with
 * GitHub's error bodies). Every request is recorded (method, path, query, authorization).
 * Faults (status with GitHub's error body and headers, delay, hang, reset) apply per route.
 */
import { readFileSync } from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { listenOnLoopback } from './loopback.js'

const FIXTURES = fileURLToPath(new URL('../fixtures/github-api/', import.meta.url))

/** A job as GitHub returns it (documented fields; tests may leave some out). */
export interface FixtureJob {
  id: number
  run_id: number
  name: string
  status: string
  conclusion: string | null
  started_at: string | null
  completed_at: string | null
  html_url: string | null
  check_run_url?: string
  steps?: { name: string; status: string; conclusion: string | null; number: number }[]
  runner_name?: string | null
  [field: string]: unknown
}

export interface FixtureAnnotation {
  path: string
  start_line: number
  end_line: number
  start_column: number | null
  end_column: number | null
  annotation_level: string | null
  title: string | null
  message: string | null
  raw_details: string | null
  blob_href: string
}

export interface GitHubApiOptions {
  /** The accepted token. */
  token: string
  /** Default octo/app. */
  repository?: string
  /** Numeric ID used in Link URLs (`/repositories/{id}/…`), default 123456789. */
  repositoryId?: number
  /** Default 1658821493. */
  runId?: number
  /** Default 1. */
  attempt?: number
  /** '' (default) or e.g. '/api/v3' for GitHub Enterprise Server. */
  prefix?: string
  jobs?: FixtureJob[]
  /** By check run ID (the job ID for Actions jobs). */
  annotations?: Record<string, FixtureAnnotation[]>
}

export type ApiRoute = 'jobs' | 'annotations'

export type ApiFault =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  /** Answers normally after the delay. */
  | { delayMs: number }
  /** Never answers (until close()). */
  | { hang: true }
  /** Destroys the socket without an answer. */
  | { destroy: true }

export interface RecordedApiRequest {
  method: string
  route: ApiRoute | 'other'
  /** Path without the query, prefix included. */
  path: string
  query: Record<string, string>
  authorization: string | undefined
  userAgent: string | undefined
  at: number
}

export interface GitHubApi {
  /** Value for GITHUB_API_URL: `http://127.0.0.1:<port><prefix>`. */
  url: string
  /** `http://127.0.0.1:<port>` */
  origin: string
  port: number
  requests: RecordedApiRequest[]
  /**
   * Replaces the run's jobs (and, when given, the annotations). `omitTotalCount` leaves
   * `total_count` out of the jobs answers, so a client must follow the Link header.
   */
  setRun(
    jobs: FixtureJob[],
    annotations?: Record<string, FixtureAnnotation[]>,
    options?: { omitTotalCount?: boolean }
  ): void
  /**
   * Applies a fault to a route until cleared (`undefined`), or to the next `times` requests.
   * `checkRunId` limits an annotations fault to one check run.
   */
  fault(route: ApiRoute, fault: ApiFault | undefined, options?: { times?: number; checkRunId?: number }): void
  /** Clears requests and faults. */
  reset(): void
  /** Stops the server and destroys every socket (hanging requests included). */
  close(): Promise<void>
}

/** GitHub's error answers, from fixtures/github-api/errors.json. */
export const API_ERRORS = JSON.parse(readFileSync(`${FIXTURES}errors.json`, 'utf8')) as Record<
  | 'badCredentials'
  | 'requiresAuthentication'
  | 'notAccessibleJobs'
  | 'notAccessibleAnnotations'
  | 'notAccessiblePat'
  | 'samlEnforced'
  | 'notFound'
  | 'rateLimited'
  | 'secondaryRateLimit'
  | 'serverError',
  { status: number; headers?: Record<string, string>; body: unknown }
>

export interface RunFixture {
  jobs: FixtureJob[]
  annotations: Record<string, FixtureAnnotation[]>
}

/** Loads `<name>.jobs.json` and `<name>.annotations.json` (deep copies: tests may change them). */
export function loadRun(name: 'run-several-failed' | 'run-typical' | 'run-success' | 'run-cancelled'): RunFixture {
  const jobs = JSON.parse(readFileSync(`${FIXTURES}${name}.jobs.json`, 'utf8')) as { jobs: FixtureJob[] }
  const annotations = JSON.parse(readFileSync(`${FIXTURES}${name}.annotations.json`, 'utf8')) as Record<
    string,
    FixtureAnnotation[]
  >
  return { jobs: jobs.jobs, annotations }
}

/**
 * A run with `count` jobs built from a fixture job (ids from `firstId`): all succeeded, except
 * those `overrides` change by index.
 */
export function manyJobs(
  count: number,
  template: FixtureJob,
  overrides: Record<number, Partial<FixtureJob>> = {},
  firstId = 4600000000
): FixtureJob[] {
  return Array.from({ length: count }, (_, i) => {
    const id = firstId + i
    const base = JSON.parse(JSON.stringify(template)) as FixtureJob
    const job: FixtureJob = {
      ...base,
      id,
      name: `shard (${i + 1}/${count})`,
      status: 'completed',
      conclusion: 'success',
      html_url: `https://github.com/octo/app/actions/runs/${base.run_id}/job/${id}`,
      url: `https://api.github.com/repos/octo/app/actions/jobs/${id}`,
      check_run_url: `https://api.github.com/repos/octo/app/check-runs/${id}`,
      runner_name: `GitHub Actions ${1000 + i}`
    }
    return { ...job, ...overrides[i] }
  })
}

const JOBS_RE = /^\/(?:repos\/([^/]+)\/([^/]+)|repositories\/(\d+))\/actions\/runs\/(\d+)\/attempts\/(\d+)\/jobs\/?$/
const ANNOTATIONS_RE = /^\/(?:repos\/([^/]+)\/([^/]+)|repositories\/(\d+))\/check-runs\/(\d+)\/annotations\/?$/

export async function startGitHubApi(options: GitHubApiOptions): Promise<GitHubApi> {
  const repository = options.repository ?? 'octo/app'
  const repositoryId = options.repositoryId ?? 123456789
  const runId = options.runId ?? 1658821493
  const attempt = options.attempt ?? 1
  const prefix = (options.prefix ?? '').replace(/\/+$/, '')
  let jobs: FixtureJob[] = options.jobs ?? []
  let annotations: Record<string, FixtureAnnotation[]> = options.annotations ?? {}
  let omitTotalCount = false
  const requests: RecordedApiRequest[] = []
  let faults: { route: ApiRoute; fault: ApiFault; times: number; checkRunId?: number }[] = []
  let origin = ''

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string | undefined> = {}
  ): void => {
    const text = JSON.stringify(body)
    const reset = String(Math.floor(Date.now() / 1000) + 3600)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '987',
      'x-ratelimit-reset': reset,
      'x-ratelimit-used': '13',
      'x-ratelimit-resource': 'core',
      'x-github-request-id': `0401:${requests.length.toString(16).toUpperCase()}:4D5E6F:7A8B9C:6745A1B2`,
      'content-length': String(Buffer.byteLength(text)),
      ...Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined))
    })
    res.end(text)
  }

  /** GitHub's Link header: prev, next, last, first (only those that apply), /repositories/{id} URLs. */
  const link = (path: string, query: Record<string, string>, page: number, perPage: number, total: number): string => {
    const last = Math.max(1, Math.ceil(total / perPage))
    if (last === 1) return ''
    const at = (p: number): string => {
      const q = new URLSearchParams({ ...query, per_page: String(perPage), page: String(p) })
      return `<${origin}${prefix}/repositories/${repositoryId}${path}?${q.toString()}>`
    }
    const parts: string[] = []
    if (page > 1) parts.push(`${at(page - 1)}; rel="prev"`)
    if (page < last) parts.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`)
    if (page > 1) parts.push(`${at(1)}; rel="first"`)
    return parts.join(', ')
  }

  const paging = (query: Record<string, string>): { page: number; perPage: number } => ({
    page: Math.max(1, Number(query.page ?? 1) || 1),
    perPage: Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30))
  })

  const takeFault = (route: ApiRoute, checkRunId?: number): ApiFault | undefined => {
    const i = faults.findIndex(
      (f) => f.route === route && (f.checkRunId === undefined || f.checkRunId === checkRunId) && f.times > 0
    )
    const entry = faults[i]
    if (!entry) return undefined
    entry.times--
    if (entry.times <= 0) faults.splice(i, 1)
    return entry.fault
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin)
    const query = Object.fromEntries(url.searchParams)
    const path = url.pathname
    const inner = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : prefix ? null : path
    const jobsMatch = inner === null ? null : JOBS_RE.exec(inner)
    const annotationsMatch = inner === null ? null : ANNOTATIONS_RE.exec(inner)
    const route: RecordedApiRequest['route'] = jobsMatch ? 'jobs' : annotationsMatch ? 'annotations' : 'other'
    requests.push({
      method: req.method ?? '',
      route,
      path,
      query,
      authorization: req.headers.authorization,
      userAgent: req.headers['user-agent'],
      at: Date.now()
    })

    const checkRunId = annotationsMatch ? Number(annotationsMatch[4]) : undefined
    const fault = route === 'other' ? undefined : takeFault(route, checkRunId)
    if (fault && 'hang' in fault) return // answered never; close() destroys the socket
    if (fault && 'destroy' in fault) {
      req.socket.destroy()
      return
    }
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs))
    if (fault && 'status' in fault) {
      send(res, fault.status, fault.body ?? { message: `HTTP ${fault.status}` }, fault.headers)
      return
    }

    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    if (!auth) return send(res, API_ERRORS.requiresAuthentication.status, API_ERRORS.requiresAuthentication.body)
    if (auth[1] !== options.token) return send(res, API_ERRORS.badCredentials.status, API_ERRORS.badCredentials.body)
    if (req.method !== 'GET' || route === 'other') return send(res, 404, API_ERRORS.notFound.body)

    const match = (jobsMatch ?? annotationsMatch) as RegExpExecArray
    const sameRepo = match[3]
      ? Number(match[3]) === repositoryId
      : `${match[1]}/${match[2]}`.toLowerCase() === repository.toLowerCase()
    if (!sameRepo) return send(res, 404, API_ERRORS.notFound.body)
    const { page, perPage } = paging(query)
    const tail = inner?.replace(/^\/(?:repos\/[^/]+\/[^/]+|repositories\/\d+)/, '') ?? ''

    if (jobsMatch) {
      if (Number(jobsMatch[4]) !== runId || Number(jobsMatch[5]) !== attempt) {
        return send(res, 404, API_ERRORS.notFound.body)
      }
      const slice = jobs.slice((page - 1) * perPage, page * perPage)
      const l = link(tail, query, page, perPage, jobs.length)
      const body = omitTotalCount ? { jobs: slice } : { total_count: jobs.length, jobs: slice }
      return send(res, 200, body, { link: l || undefined })
    }
    const list = annotations[String(checkRunId)]
    if (!list) return send(res, 404, API_ERRORS.notFound.body)
    const slice = list.slice((page - 1) * perPage, page * perPage)
    const l = link(tail, query, page, perPage, list.length)
    return send(res, 200, slice, { link: l || undefined })
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { message: String(err) })
    })
  })
  const listening = await listenOnLoopback(server)
  const port = listening.port
  origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}${prefix}`,
    origin,
    port,
    requests,
    setRun(newJobs, newAnnotations, runOptions = {}) {
      jobs = newJobs
      if (newAnnotations) annotations = newAnnotations
      omitTotalCount = runOptions.omitTotalCount ?? false
    },
    fault(route, fault, opts = {}) {
      faults = faults.filter((f) => !(f.route === route && f.checkRunId === opts.checkRunId))
      if (fault) faults.push({ route, fault, times: opts.times ?? Infinity, checkRunId: opts.checkRunId })
    },
    reset() {
      requests.length = 0
      faults = []
    },
    close() {
      return listening.close()
    }
  }
}
