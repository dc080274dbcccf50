/**
 * What templates see of this run: its jobs, steps and annotations. Read by run-info/ (which
 * fills it from the GitHub API) and message/ (which shows it).
 */

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

/** The value templates see when there is nothing to show. */
export function emptyRunInfo(): RunInfo {
  return { available: false, jobs: [], failed_jobs: [], jobs_more: 0, duration: '', duration_seconds: 0 }
}
