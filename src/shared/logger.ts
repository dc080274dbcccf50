/**
 * What every stage after the dial prints through, injected (a test passes its own): progress at
 * info, values at debug, outside text fenced, Bcc addresses hidden, secrets masked. A contract at
 * the bottom of the layers: a stage depends on it, not on the printer in report/log.ts.
 */
export interface Logger {
  /** Progress and facts; `text` may hold outside text and several lines. */
  info(text: string): void
  /** Values for whoever turns on step debug logging (one escaped line, never a command). */
  debug(text: string): void
  /** A warning annotation (one escaped line, never a command). */
  warning(text: string): void
  /** Prints `text` inside a collapsible group of the log. */
  infoGroup(name: string, text: string): void
  /** Runs `work` inside a collapsible group of the log. */
  group<T>(name: string, work: () => Promise<T>): Promise<T>
  /** True when `address` is hidden (a Bcc recipient). */
  isHidden(address: string): boolean
  /** `text` with every hidden address replaced. */
  redact(text: string): string
  /** Registers a secret with the runner, which then masks it wherever it is printed. */
  mask(secret: string): void
}
