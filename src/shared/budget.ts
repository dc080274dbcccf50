/**
 * The step's time budget as the stages see it: every wait of the run is cut from it. The class
 * (StepBudget, src/boot/step-budget.ts) belongs to the composition root; the stages below it
 * know only this contract.
 */
export interface Budget {
  /** The whole budget, in milliseconds. */
  readonly totalMs: number
  /** When the budget runs out, in the clock the budget counts in. */
  readonly deadline: number
  /** Aborted at the deadline set by `enforce`; its reason is the failure reported. */
  readonly signal: AbortSignal
  /** Milliseconds left, never less than a second. */
  remainingMs(): number
  /** Whether `waitMs` and then `thenMs` of work still fit in what is left. */
  allows(waitMs: number, thenMs: number): boolean
  /** The limits of a new connection (TCP and TLS, greeting, inactivity), cut to what is left. */
  smtpTimeouts(): ConnectionTimeouts
  /** The limit of one token request. */
  tokenRequestMs(): number
  /** The limit of reading the run's jobs from the GitHub API. */
  runInfoMs(): number
  /** `work`, or at the deadline a failure: the one `stalled` names, else a timeout of `what`. */
  enforce<T>(work: Promise<T>, stalled: () => Error | undefined, what?: string): Promise<T>
}

/** Timeouts of one connection, in milliseconds (SmtpTimeouts has this shape). */
export interface ConnectionTimeouts {
  /** TCP (and implicit TLS) connection, proxy handshake included. */
  connection: number
  /** Wait for the greeting. */
  greeting: number
  /** Inactivity on an open connection. */
  socket: number
}
