import { excerpt } from '../shared/bounded-text.js'
import { smtpError } from '../smtp/smtp-errors.js'
import { throttleBackoffMs } from './retry-policy.js'
import { ATTEMPT_MARGIN_MS, Retrier, type RetryDeps } from './retries.js'
import type { RecipientLedger } from './recipient-ledger.js'
import type { Budget } from '../shared/budget.js'
import type { Logger } from '../shared/logger.js'
import type { ComposedMail, Delivery, Retry, TokenSource, Transport } from '../shared/transport.js'
import type { Settings } from '../inputs/settings.js'

export { RecipientLedger } from './recipient-ledger.js'

/** How one delivery is carried out. */
export interface DeliveryPlan {
  /** How many failed attempts end the delivery. */
  settings: Pick<Settings, 'maxAttempts'>
  /** The way the message goes out (SMTP or Graph), its first connection opened already. */
  transport: Transport
  /** Tokens, already requested. */
  tokens: TokenSource
  /** The message. */
  message: ComposedMail
  /** The step's time: what a wait may take; its signal aborts the delivery. */
  budget: Budget
  /** Where each recipient stands; kept by the caller to report progress if delivery fails. */
  ledger: RecipientLedger
  /** Progress and facts. */
  log: Logger
  /** Waits (a test passes a fake clock's); by default a timer that the budget's signal cuts short. */
  sleep?: (ms: number) => Promise<void>
}

/**
 * The retry loop a transport that retries each of its requests is handed (Graph): delivery's one
 * loop, with the transport's own rules where they differ.
 */
export function retryFor(deps: RetryDeps): Retry {
  return new Retrier(deps).retry
}

/**
 * Delivers the message, retrying transient failures with backoff within the step's budget.
 * Recipients go in transactions of at most what the transport takes at once; those deferred with
 * a 4xx reply go again in a later transaction. A recipient whose transaction the server accepted
 * is never sent the message again, whatever fails afterwards (the ledger keeps track across
 * attempts). Throttling replies are waited out for as long as the budget allows; other failures
 * end after max-attempts. At the budget's deadline the current connection is dropped and no
 * attempt follows.
 */
export function deliverWithRetries(plan: DeliveryPlan): Promise<Delivery> {
  return new DeliveryRun(plan).run()
}

/** One delivery under way: its attempts and its transactions. */
class DeliveryRun {
  private readonly retrier: Retrier
  /** The server's words on the latest accepted transaction. */
  private last: { messageId: string; response: string } | undefined
  private transactions = 0

  constructor(private readonly plan: DeliveryPlan) {
    const { budget, log, settings, sleep } = plan
    this.retrier = new Retrier({ budget, log, maxAttempts: settings.maxAttempts, ...(sleep ? { sleep } : {}) })
  }

  async run(): Promise<Delivery> {
    const { budget, transport } = this.plan
    const onAbort = (): void => transport.abort()
    budget.signal.addEventListener('abort', onAbort)
    try {
      if (transport.retries === 'request') await this.once()
      else await this.attempts()
    } finally {
      budget.signal.removeEventListener('abort', onAbort)
      transport.close()
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

  /** A transport that retries each of its requests itself: one pass, whose failure is final. */
  private async once(): Promise<void> {
    const { transport, tokens } = this.plan
    await transport.authenticate(tokens, 0)
    await this.transact()
  }

  /** Attempts on a connection each, the first on the one opened already, until delivered or no retry may follow. */
  private async attempts(): Promise<void> {
    const { transport, tokens, log } = this.plan
    await this.retrier.run(
      async (attempt) => {
        // Every token of the first attempt comes from this run: never stale (see mayBeStale).
        const attemptStartedAt = attempt === 1 ? 0 : Date.now()
        try {
          await transport.authenticate(tokens, attemptStartedAt)
          await this.transact()
          if (attempt > 1) log.info(`Delivered on attempt ${attempt}.`)
        } catch (caught) {
          // nodemailer reports a failed token request as EAUTH: the token error has the facts.
          throw tokens.error() ?? caught
        }
      },
      {
        close: () => transport.close(),
        open: () => transport.open(),
        ended: () => log.debug(`Identity requests so far: ${tokens.requests().join(', ') || 'none'}`)
      }
    )
  }

  /** Transactions on this connection until no recipient is open; waits out deferrals. */
  private async transact(): Promise<void> {
    const { ledger, message, budget, log, transport } = this.plan
    for (let round = 1; ledger.open().length > 0;) {
      const batch = ledger.nextBatch(transport.recipientsPerSend)
      const result = await transport.send(message, batch)
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
      await this.retrier.sleep(wait)
      if (budget.signal.aborted) return
    }
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r?\n/)[0] ?? ''
}
