/**
 * What templates see of this run (RunInfo and its jobs, steps and annotations), what
 * `fetchRunInfo` is asked and answers, and the shapes the GitHub REST API returns.
 */
import type { RunInfo } from '../shared/run-info.js'

// What templates see of the run lives in shared/, where message/ may import it too.
export { emptyRunInfo } from '../shared/run-info.js'
export type { RunAnnotation, RunInfo, RunJob, RunStep } from '../shared/run-info.js'

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
