/**
 * The step's time, as the stages that wait or retry see it (boot/step-budget.ts keeps it). A
 * contract at the bottom of the layers: a stage depends on it, not on the composition root.
 */
export interface Budget {
  /** Milliseconds left before timeout-seconds runs out. */
  remainingMs(): number
  /** Whether waiting `waitMs` still leaves `thenMs` for the work after the wait. */
  allows(waitMs: number, thenMs: number): boolean
  /** Aborts at the deadline: whatever is under way stops, and nothing new starts. */
  readonly signal: AbortSignal
}
