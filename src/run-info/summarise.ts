/**
 * Turns the API's jobs and annotations into what templates see: every job with its duration and
 * steps, the failed jobs with their failed step and error annotations, the run's duration. Pure.
 */
import { formatDuration } from '../shared/duration.js'
import { findCurrentJob } from './current-job.js'
import type {
  ApiAnnotation,
  ApiJob,
  ApiStep,
  JobAnnotations,
  RunAnnotation,
  RunInfo,
  RunInfoRequest,
  RunJob,
  SummaryRequest
} from './types.js'

const DEFAULT_LIMITS = { jobs: 10, annotations: 5 } as const
/** Annotation messages are cut here (a stack trace can be long). */
const MAX_MESSAGE_CHARS = 1000

// One format for durations everywhere: the run's facts, the jobs lists and users' templates.
export { formatDuration } from '../shared/duration.js'

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
  // A Windows job reports `src\app.ts`: the repository's path, and so the link, is `src/app.ts`.
  const rawPath = (a.path ?? '').replace(/\\/g, '/').replace(/^(\.?\/+)+/, '')
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

/** The request's limits, with the defaults for those not given (or not finite). */
export function resolveLimits(limits: RunInfoRequest['limits']): { jobs: number; annotations: number } {
  const n = (v: number | undefined, d: number): number =>
    v === undefined || !Number.isFinite(v) ? d : Math.max(0, Math.floor(v))
  return { jobs: n(limits?.jobs, DEFAULT_LIMITS.jobs), annotations: n(limits?.annotations, DEFAULT_LIMITS.annotations) }
}

function time(value: string | null | undefined): number | undefined {
  if (!value) return undefined
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}
