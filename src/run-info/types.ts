/**
 * What templates see of this run (RunInfo and its jobs, steps and annotations), what
 * `fetchRunInfo` is asked and answers, and the shapes the GitHub REST API returns.
 */

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
  /** A dry run: the warnings then speak of the message shown, not of one sent. */
  dryRun?: boolean
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

/** The value templates see when there is nothing to show. */
export function emptyRunInfo(): RunInfo {
  return { available: false, jobs: [], failed_jobs: [], jobs_more: 0, duration: '', duration_seconds: 0 }
}
