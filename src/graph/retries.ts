import {
  graphRequest,
  expectStatus,
  supportIds,
  type GraphRequest,
  type GraphResponse,
  type GraphTransport
} from './request.js'
import { GraphError } from './graph-error.js'
import { backoffMs, retryDecision, throttleBackoffMs } from '../delivery/retry-policy.js'
import { excerpt } from '../shared/bounded-text.js'
import type { Tokens } from '../auth/tokens.js'
import type { StepBudget } from '../boot/step-budget.js'
import type { Logger } from '../shared/logger.js'

/** What the requests of one Graph send share: the token, the connection, the time and the count of failures. */
export interface GraphCallDeps {
  transport: GraphTransport
  tokens: Tokens
  budget: StepBudget
  log: Logger
  /** Failed attempts that end the send (max-attempts); throttling is not counted. */
  maxAttempts: number
  /** Waits (a test passes a fake clock's); by default a timer the budget's signal cuts short. */
  sleep?: (ms: number) => Promise<void>
  /** Sends one request (a test passes a scripted one); by default over `transport`. */
  send?: typeof graphRequest
}

/** Milliseconds a request needs at least, beyond the wait before it. */
const ATTEMPT_MARGIN_MS = 2000

/** TLS and name failures that another attempt cannot mend. */
const NEVER_RETRIED = /^(ENOTFOUND|EPROXY|CERT_|ERR_TLS|ERR_SSL|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|ERR_INVALID)/

/**
 * The requests of one send, each retried as far as that is safe. `sendMail` is not idempotent,
 * so a request is sent again only when Graph surely did not take it: it answered 429 or 503
 * (throttled: waited out, as Retry-After asks, within timeout-seconds and not counted against
 * max-attempts), or the connection failed before the whole body had gone out. A request whose
 * answer was lost, and every other answer (400, 401, 403, 404, 413 …), ends the send.
 */
export class GraphCalls {
  private counted = 0
  private throttled = 0
  private readonly sleep: (ms: number) => Promise<void>

  constructor(private readonly deps: GraphCallDeps) {
    this.sleep = deps.sleep ?? ((ms) => sleepFor(ms, deps.budget.signal))
  }

  /** Sends the request `make` builds (with the current token) until it gets `expected`, or may not try again. */
  async call(make: (token: string) => GraphRequest, expected: number | readonly number[]): Promise<GraphResponse> {
    for (let attempt = 1; ; attempt++) {
      let operation: GraphRequest['operation'] | undefined
      try {
        const token = await this.deps.tokens.get(false)
        const request = make(token.token)
        operation = request.operation
        const send = this.deps.send ?? graphRequest
        return expectStatus(await send(this.deps.transport, request), expected, request.operation)
      } catch (caught) {
        await this.retryAfter(this.deps.tokens.error() ?? caught, attempt, operation)
      }
    }
  }

  /** Waits before the next attempt; throws `err` when none may follow. */
  private async retryAfter(err: unknown, attempt: number, operation: string | undefined): Promise<void> {
    const { budget, log, maxAttempts } = this.deps
    const decision = decide(err)
    if (!decision.retry) {
      log.debug(`Not retried: ${decision.reason}`)
      throw err
    }
    if (decision.throttled) this.throttled++
    else if (++this.counted >= maxAttempts) {
      log.info(`Attempt ${attempt} of ${maxAttempts} failed (${decision.reason}); no attempts left.`)
      throw err
    }
    const wait = decision.throttled
      ? (decision.waitMs ?? throttleBackoffMs(this.throttled))
      : Math.max(decision.waitMs ?? 0, backoffMs(this.counted))
    if (!budget.allows(wait, ATTEMPT_MARGIN_MS)) {
      const left = Math.round(budget.remainingMs() / 1000)
      if (decision.throttled && err instanceof GraphError) throw throttledBeyondBudget(err, wait, left)
      log.info(
        `Attempt ${attempt} failed (${decision.reason}); ${left} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`
      )
      throw err
    }
    log.info(
      decision.throttled
        ? `Microsoft Graph throttled ${operation ?? 'the request'} (${decision.reason}); waiting ${formatWait(wait)} as it asked, within timeout-seconds (not counted against max-attempts).`
        : `Attempt ${attempt} of ${maxAttempts} failed: ${decision.reason}. Retrying in ${wait} ms.`
    )
    await this.sleep(wait)
    if (budget.signal.aborted) throw err
  }
}

/** Whether and how long to wait before trying a failed Graph request again. Pure. */
function decide(err: unknown): { retry: boolean; reason: string; throttled?: boolean; waitMs?: number } {
  if (!(err instanceof GraphError)) {
    // the token request: the same rules as for SMTP
    const decision = retryDecision(err)
    return { ...decision, reason: excerpt(decision.reason, 300) }
  }
  const wait = err.retryAfterMs !== undefined ? { waitMs: err.retryAfterMs } : {}
  if (err.mayHaveBeenAccepted) return { retry: false, reason: 'the request was sent in full and its answer lost' }
  if (err.status === 429 || err.status === 503) {
    return { retry: true, throttled: true, reason: `HTTP ${err.status} ${err.code}`, ...wait }
  }
  if (err.status === 0 && !NEVER_RETRIED.test(err.code)) {
    return { retry: true, reason: `connection failed before the request was sent (${err.code})` }
  }
  return { retry: false, reason: err.status ? `HTTP ${err.status} ${err.code}` : err.code }
}

/** A throttling wait longer than the step has left: fail now, saying so and for how long. */
function throttledBeyondBudget(err: GraphError, waitMs: number, leftSeconds: number): GraphError {
  return new GraphError(
    `Microsoft Graph throttled ${err.operation} (HTTP ${err.status} ${err.code}) and asked to wait ${formatWait(waitMs)} (Retry-After); only ${leftSeconds} s of timeout-seconds are left, so the action stops now instead of waiting. Nothing was sent. ${supportIds(err)}`,
    err
  )
}

function formatWait(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
}

/** Waits `ms`, or less when the signal aborts. */
function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true }
    )
  })
}
