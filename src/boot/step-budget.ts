import type { Budget } from '../shared/budget.js'
import type { SmtpTimeouts } from '../smtp/session.js'
import { smtpError } from '../smtp/smtp-errors.js'

/** The least time any wait is given, however little of the budget is left. */
const MIN_WAIT_MS = 1000

/** How long an SMTP connection's limits outlast the deadline, so that the deadline reports first. */
const REPORT_FIRST_MS = 300

/**
 * The step's time (`timeout-seconds`), counted from the start of the run: every time limit of
 * the run is taken from it, so no wait outlives the step. At the deadline `signal` aborts, with
 * the failure to report as its reason: whatever watches it (a delivery, a set-up check, a retry's
 * sleep) stops, and nothing starts after the step has reported its failure.
 */
export class StepBudget implements Budget {
  private readonly controller = new AbortController()
  private readonly startedAt: number

  constructor(
    /** The whole budget, in milliseconds. */
    readonly totalMs: number,
    private readonly now: () => number = Date.now,
    /** When the step started, in the clock of `now`: by default, now. */
    startedAt?: number
  ) {
    this.startedAt = startedAt ?? now()
  }

  /** When the budget runs out, in the clock of `now`. */
  get deadline(): number {
    return this.startedAt + this.totalMs
  }

  /** Aborted at the deadline set by `enforce`; its reason is the failure reported. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** Milliseconds left, never less than a second (a wait of 0 would fail what could succeed). */
  remainingMs(): number {
    return Math.max(MIN_WAIT_MS, this.totalMs - (this.now() - this.startedAt))
  }

  /** Whether `waitMs` and then `thenMs` of work still fit in what is left. */
  allows(waitMs: number, thenMs: number): boolean {
    return waitMs + thenMs <= this.remainingMs()
  }

  /**
   * The limits of a new SMTP connection: the protocol's usual ones, cut to what is left and a
   * moment more, so that at the deadline the step's own report (which names the stage that kept
   * it, see `enforce`) comes first, not the connection's timeout.
   */
  smtpTimeouts(): SmtpTimeouts {
    const left = this.remainingMs() + REPORT_FIRST_MS
    return {
      connection: Math.min(30_000, left),
      greeting: Math.min(30_000, left),
      socket: Math.min(60_000, left)
    }
  }

  /** The limit of one token request. */
  tokenRequestMs(): number {
    return Math.min(30_000, this.remainingMs())
  }

  /** Reading the run's jobs may take a quarter of the budget, 5 s at most: it never holds up the mail. */
  runInfoMs(): number {
    return Math.min(5000, this.totalMs / 4)
  }

  /**
   * `work`, or at the deadline a failure: the one `stalled` names (the stage that kept it), else a
   * timeout of `what`. The signal aborts with it, so the work stops too.
   */
  enforce<T>(work: Promise<T>, stalled: () => Error | undefined, what = 'delivery'): Promise<T> {
    const ms = this.remainingMs()
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const failure =
          stalled() ??
          smtpError(`No ${what} within timeout-seconds (${Math.round(ms / 1000)} s left)`, { code: 'ETIMEDOUT' })
        this.controller.abort(failure)
        reject(failure)
      }, ms)
    })
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
  }
}
