/**
 * Warnings: what went wrong reading the run, and which permission or token fixes it. Never the
 * token itself, even when a server or proxy echoes it.
 */
import type { RunInfoProblem, RunInfoRequest } from './types.js'

type Phase = 'jobs' | 'annotations'

/** A request that failed: why, and the warning for it. */
export interface FailedRequest {
  problem: RunInfoProblem
  text: string
}

interface HttpishError {
  status?: number
  message?: string
  name?: string
  response?: { status?: number; headers?: Record<string, string | undefined>; data?: unknown }
  cause?: unknown
}

/** Why a request of `phase` failed, and the warning that names the fix. */
export function describeError(
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
  const without = phase === 'jobs' ? withoutJobs(request) : ''

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

/** What the message loses without the jobs: in a dry run nothing is sent, so it is the message shown. */
function withoutJobs(request: Pick<RunInfoRequest, 'dryRun'>): string {
  return request.dryRun
    ? "The dry run's message is rendered without the run's jobs."
    : "The message is sent without the run's jobs."
}

function lead(phase: Phase): string {
  return phase === 'jobs' ? "Could not read this run's jobs" : "Could not read the failed jobs' annotations"
}

function permissionText(phase: Phase, answered: string, apiMessage: string, request: RunInfoRequest): string {
  const without =
    phase === 'jobs'
      ? withoutJobs(request)
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

export function timeoutText(request: RunInfoRequest, phase: Phase): string {
  const seconds = `${Math.round(request.timeoutMs / 100) / 10} s`
  return phase === 'jobs'
    ? `Could not read this run's jobs: the GitHub API (${request.apiUrl}) did not answer within ${seconds}. ${withoutJobs(request)}`
    : `Could not read the failed jobs' annotations: the GitHub API (${request.apiUrl}) did not answer within ${seconds}. The message lists the failed jobs and steps without their error annotations.`
}

function networkText(request: RunInfoRequest, phase: Phase, cause: string): string {
  return `${lead(phase)}: could not reach the GitHub API at ${request.apiUrl} (${cause}). Check GITHUB_API_URL and, behind a proxy, HTTPS_PROXY/NO_PROXY.${
    phase === 'jobs' ? ` ${withoutJobs(request)}` : ''
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

/** The token never leaves run-info, even when a server or proxy echoes it. */
export function redact(text: string, request: Pick<RunInfoRequest, 'token'>): string {
  return request.token.length >= 4 ? text.split(request.token).join('***') : text
}

/** One warning for all the annotation requests that failed: they fail for the same reason. */
export function annotationsWarning(
  problems: FailedRequest[],
  request: Pick<RunInfoRequest, 'token'>
): { warning: string; problem: RunInfoProblem } {
  const [worst] = problems
  const missing = problems.length === 1 ? 'one failed job' : `${problems.length} failed jobs`
  return {
    warning: redact(`${worst?.text ?? ''} (Annotations missing for ${missing}.)`, request),
    problem: worst?.problem ?? 'server'
  }
}
