import { excerpt } from '../shared/bounded-text.js'
import { smtpError } from '../smtp/smtp-errors.js'
import { backoffMs, retryDecision, throttleBackoffMs } from './retry-policy.js'
import type { RecipientLedger } from './recipient-ledger.js'
import type { Tokens } from '../auth/tokens.js'
import type { ComposedMessage } from '../message/mime.js'
import type { Delivery } from '../smtp/outcome.js'
import type { SmtpSession, SmtpTimeouts } from '../smtp/session.js'
import type { StepBudget } from '../boot/step-budget.js'
import type { Logger } from '../shared/logger.js'
import type { Settings } from '../inputs/settings.js'

export { RecipientLedger } from './recipient-ledger.js'

/** What a delivery uses of an SMTP session (an SmtpSession; a test passes a fake). */
export type DeliverySession = Pick<SmtpSession, 'login' | 'send' | 'close' | 'abort'>

/** How one delivery is carried out. */
export interface DeliveryPlan {
  /** The SMTP user (for the log) and how many failed attempts end the delivery. */
  settings: Pick<Settings, 'smtpUser' | 'maxAttempts'>
  /** The session opened before the message was rendered (first attempt). */
  firstSession: DeliverySession
  /** Opens the session of a later attempt, with these limits. */
  openSession: (timeouts: SmtpTimeouts) => DeliverySession
  /** Tokens, already requested. */
  tokens: Tokens
  /** The message. */
  message: ComposedMessage
  /** The step's time: what a wait may take, the limits of a new session; its signal aborts the delivery. */
  budget: StepBudget
  /** Where each recipient stands; kept by the caller to report progress if delivery fails. */
  ledger: RecipientLedger
  /** Progress and facts. */
  log: Logger
  /** Waits (a test passes a fake clock's); by default a timer that the budget's signal cuts short. */
  sleep?: (ms: number) => Promise<void>
}

/** Milliseconds an attempt needs at least, beyond the wait before it. */
const ATTEMPT_MARGIN_MS = 2000

/**
 * Delivers the message, retrying transient failures with backoff within the step's budget.
 * Recipients go in transactions of at most 500; those deferred with a 4xx reply go again in a
 * later transaction. A recipient whose transaction the server accepted is never sent the message
 * again, whatever fails afterwards (the ledger keeps track across attempts). Throttling replies
 * are waited out for as long as the budget allows; other failures end after max-attempts. At
 * the budget's deadline the current session is dropped and no attempt follows.
 */
export function deliverWithRetries(plan: DeliveryPlan): Promise<Delivery> {
  return new DeliveryRun(plan).run()
}

/** One delivery under way: its current session, its attempts and its transactions. */
class DeliveryRun {
  private session: DeliverySession
  private readonly sleep: (ms: number) => Promise<void>
  /** The server's words on the latest accepted transaction. */
  private last: { messageId: string; response: string } | undefined
  private transactions = 0
  /** Failed attempts counted against max-attempts. */
  private counted = 0
  /** Attempts that met throttling (not counted). */
  private throttled = 0

  constructor(private readonly plan: DeliveryPlan) {
    this.session = plan.firstSession
    this.sleep = plan.sleep ?? ((ms) => sleepFor(ms, plan.budget.signal))
  }

  async run(): Promise<Delivery> {
    const { signal } = this.plan.budget
    const onAbort = (): void => this.session.abort()
    signal.addEventListener('abort', onAbort)
    try {
      await this.attempts()
    } finally {
      signal.removeEventListener('abort', onAbort)
      this.session.close()
    }
    return this.outcome()
  }

  private outcome(): Delivery {
    const { ledger } = this.plan
    const accepted = ledger.accepted()
    const rejected = [...ledger.rejected(), ...ledger.deferred()]
    if (!this.last || accepted.length === 0) {
      // nodemailer's shape for "all recipients were rejected", so that it is diagnosed alike
      const first = rejected.find((r) => !r.response.startsWith('4')) ?? rejected[0]
      throw smtpError("Can't send mail - all recipients were rejected", {
        code: 'EENVELOPE',
        command: 'RCPT TO',
        response: first?.response ?? '',
        rejectedErrors: rejected.map((r) => ({ recipient: r.address, response: r.response }))
      })
    }
    const { messageId, response } = this.last
    return { messageId, accepted, rejected, response, transactions: this.transactions }
  }

  private async attempts(): Promise<void> {
    const { settings, tokens, log } = this.plan
    for (let attempt = 1; ; attempt++) {
      // Every token of the first attempt comes from this run: never stale (see mayBeStale).
      const attemptStartedAt = attempt === 1 ? 0 : Date.now()
      try {
        await this.session.login((renew) => tokens.get(renew), attemptStartedAt)
        log.info(`Authenticated as ${settings.smtpUser} with XOAUTH2.`)
        await this.transact()
        if (attempt > 1) log.info(`Delivered on attempt ${attempt}.`)
        return
      } catch (caught) {
        // nodemailer reports a failed token request as EAUTH: the token error has the facts.
        await this.retryAfter(tokens.error() ?? caught, attempt)
      } finally {
        log.debug(`Identity requests so far: ${tokens.requests().join(', ') || 'none'}`)
      }
    }
  }

  /** Waits before the next attempt and opens its session; throws `err` when none may follow. */
  private async retryAfter(err: unknown, attempt: number): Promise<void> {
    const { settings, budget, log } = this.plan
    const decision = retryDecision(err)
    // the reason quotes the server: bounded, and printed through the one printer
    decision.reason = excerpt(decision.reason, 300)
    if (!decision.retry) {
      log.debug(`Not retried: ${decision.reason}`)
      throw err
    }
    if (decision.throttled) this.throttled++
    else this.counted++
    if (!decision.throttled && this.counted >= settings.maxAttempts) {
      log.info(`Attempt ${attempt} of ${settings.maxAttempts} failed (${decision.reason}); no attempts left.`)
      throw err
    }
    const backoff = decision.throttled ? throttleBackoffMs(this.throttled) : backoffMs(this.counted)
    const wait = Math.max(decision.waitMs ?? 0, backoff)
    if (!budget.allows(wait, ATTEMPT_MARGIN_MS)) {
      log.info(
        `Attempt ${attempt} failed (${decision.reason}); ${Math.round(budget.remainingMs() / 1000)} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`
      )
      throw err
    }
    log.info(
      decision.throttled
        ? `Attempt ${attempt} failed: ${decision.reason}. Waited out within timeout-seconds (not counted against max-attempts). Retrying in ${wait} ms.`
        : `Attempt ${attempt} of ${settings.maxAttempts} failed: ${decision.reason}. Retrying in ${wait} ms.`
    )
    await this.sleep(wait)
    this.session.close()
    if (budget.signal.aborted) throw err
    this.session = this.plan.openSession(budget.smtpTimeouts())
  }

  /** Transactions on this session until no recipient is open; waits out deferrals. */
  private async transact(): Promise<void> {
    const { ledger, message, budget, log } = this.plan
    for (let round = 1; ledger.open().length > 0;) {
      const batch = ledger.nextBatch()
      const result = await this.session.send(message, batch)
      const accepted = ledger.record(result)
      if (result.delivered) {
        this.transactions++
        this.last = { messageId: result.messageId, response: result.response }
      }
      const deferred = result.refused.filter((r) => r.code < 500)
      if (this.transactions > 1 || ledger.size > batch.length || deferred.length > 0) {
        const why = deferred.length
          ? `, ${deferred.length} deferred (${excerpt(firstLine(deferred[0]?.response), 300)})`
          : ''
        log.info(
          `Transaction ${this.transactions}: ${accepted} of ${batch.length} recipients accepted${why}; ${ledger.open().length} still to go.`
        )
      }
      if (accepted > 0 || ledger.open().length === 0) {
        round = 1
        continue
      }
      // Nothing taken this round: the server defers everyone left. Wait before asking again.
      const wait = throttleBackoffMs(round++)
      if (!budget.allows(wait, ATTEMPT_MARGIN_MS)) {
        log.info(
          `${ledger.open().length} recipient(s) still deferred; ${Math.round(budget.remainingMs() / 1000)} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`
        )
        return
      }
      log.info(`Every remaining recipient was deferred; asking again in ${wait} ms.`)
      await this.sleep(wait)
      if (budget.signal.aborted) return
    }
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

function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r?\n/)[0] ?? ''
}
