import { excerpt } from '../shared/bounded-text.js'
import { backoffMs, retryDecision, throttleBackoffMs } from './retry-policy.js'
import type { Budget } from '../shared/budget.js'
import type { Logger } from '../shared/logger.js'
import type { Retry, RetryDecision, RetryRules } from '../shared/transport.js'

/** What the retries of one delivery share: the time, the log, the limit and the transport's own rules. */
export interface RetryDeps {
  budget: Budget
  log: Logger
  /** Failed attempts that end the delivery (max-attempts); throttling is not counted. */
  maxAttempts: number
  /** Where the transport's rules differ from the general ones. */
  rules?: RetryRules
  /** Waits (a test passes a fake clock's); by default a timer that the budget's signal cuts short. */
  sleep?: (ms: number) => Promise<void>
}

/** What happens around the attempts of a transport retried whole: the old connection closes, a new one opens. */
export interface Reconnect {
  close(): void
  open(): void
  /** After each attempt, once its failure is decided (and waited out). */
  ended?(): void
}

/** Milliseconds an attempt needs at least, beyond the wait before it. */
export const ATTEMPT_MARGIN_MS = 2000

/**
 * The one retry loop of a delivery, whatever the transport. Transient failures are tried again
 * after a backoff, within the step's budget; throttling is waited out for as long as the budget
 * allows and not counted against max-attempts; other failures end after max-attempts. The counts
 * are kept across every run of one Retrier: one delivery, one count.
 */
export class Retrier {
  /** Failed attempts counted against max-attempts. */
  private counted = 0
  /** Attempts that met throttling (not counted). */
  private throttled = 0
  readonly sleep: (ms: number) => Promise<void>

  constructor(private readonly deps: RetryDeps) {
    this.sleep = deps.sleep ?? ((ms) => sleepFor(ms, deps.budget.signal))
  }

  /** Runs `work` until it succeeds, or throws the failure after which no attempt may follow. */
  async run<T>(work: (attempt: number) => Promise<T>, between?: Reconnect): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work(attempt)
      } catch (caught) {
        await this.after(caught, attempt, between)
      } finally {
        between?.ended?.()
      }
    }
  }

  /** `run` as a function a transport is handed, to retry each of its requests. */
  readonly retry: Retry = (work) => this.run(work)

  /** Waits before the next attempt (and reconnects); throws `err` when none may follow. */
  private async after(err: unknown, attempt: number, between: Reconnect | undefined): Promise<void> {
    const { budget, log, maxAttempts, rules } = this.deps
    const decision = this.decide(err)
    if (!decision.retry) {
      log.debug(`Not retried: ${decision.reason}`)
      throw err
    }
    if (decision.throttled) this.throttled++
    else this.counted++
    if (!decision.throttled && this.counted >= maxAttempts) {
      log.info(`Attempt ${attempt} of ${maxAttempts} failed (${decision.reason}); no attempts left.`)
      throw err
    }
    const wait = this.waitMs(decision)
    if (!budget.allows(wait, ATTEMPT_MARGIN_MS)) {
      const left = Math.round(budget.remainingMs() / 1000)
      const instead = decision.throttled ? rules?.beyondBudget?.(err, wait, left) : undefined
      if (instead) throw instead
      log.info(
        `Attempt ${attempt} failed (${decision.reason}); ${left} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`
      )
      throw err
    }
    log.info(
      !decision.throttled
        ? `Attempt ${attempt} of ${maxAttempts} failed: ${decision.reason}. Retrying in ${wait} ms.`
        : (rules?.throttledLine?.(err, attempt, decision.reason, wait) ??
            `Attempt ${attempt} failed: ${decision.reason}. Waited out within timeout-seconds (not counted against max-attempts). Retrying in ${wait} ms.`)
    )
    await this.sleep(wait)
    between?.close()
    if (budget.signal.aborted) throw err
    between?.open()
  }

  /** The retry policy's decision, its reason bounded. */
  private decide(err: unknown): RetryDecision {
    const decision = retryDecision(err)
    // the reason quotes the server: bounded, and printed through the one printer
    return { ...decision, reason: excerpt(decision.reason, 300) }
  }

  /** The wait before the next attempt: the backoff, or longer when the server asked for longer. */
  private waitMs(decision: RetryDecision): number {
    if (decision.throttled && this.deps.rules?.waitAsAsked && decision.waitMs !== undefined) return decision.waitMs
    const backoff = decision.throttled ? throttleBackoffMs(this.throttled) : backoffMs(this.counted)
    return Math.max(decision.waitMs ?? 0, backoff)
  }
}

/** Waits `ms`, or less when the signal aborts. */
function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // past the deadline no attempt follows: a timer would only keep the process alive
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
