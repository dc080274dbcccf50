import { randomBytes } from 'node:crypto'
import type * as Toolkit from '@actions/core'
import type { Logger } from '../shared/logger.js'

/**
 * The one printer. Everything the action writes to the job log goes through `log`, because much
 * of what it prints was written by others: server replies, token-endpoint and GitHub API error
 * text, the rendered message (commit messages, PR bodies, release notes), file names.
 *
 * The runner reads every line of stdout and stderr for workflow commands: a line that starts
 * with `::` (after leading blanks), or that holds `##[` anywhere (the old syntax), can set
 * outputs, add masks, raise annotations or stop command processing. The toolkit escapes the
 * message of `::debug::`, `::warning::` and `::error::` onto one line, so only plain output can
 * smuggle a command. Plain text that could hold one is printed between
 * `::stop-commands::<token>` and `::<token>::`, the runner's documented fence, with a token
 * nobody can guess: nothing inside is executed, and the action's own commands work again
 * right after. Bcc addresses are replaced wherever they appear, so a blind copy stays blind in
 * a public log.
 */

/** What the printer needs of @actions/core (loaded after the SMTP dial, so injected late). */
export type LogSink = Pick<
  typeof Toolkit,
  'info' | 'debug' | 'warning' | 'setFailed' | 'startGroup' | 'endGroup' | 'setSecret'
>

/** Shown instead of a hidden (Bcc) address. */
const HIDDEN_ADDRESS = '[Bcc recipient]'

/** True when some line of `text` could be taken for a workflow command by the runner. */
export function couldHoldCommand(text: string): boolean {
  // Deliberately wider than the runner's parser (any `::`, not only at a line's start): the
  // runner splits lines at \r as well as \n and trims Unicode blanks; a fence costs two lines.
  return text.includes('::') || text.includes('##[')
}

/** An unguessable stop token that does not occur in `text`. */
function stopToken(text: string): string {
  for (;;) {
    const token = `ema-${randomBytes(16).toString('hex')}`
    if (!text.includes(token)) return token
  }
}

/**
 * `text` as it may be printed: unchanged when no line could be a command, else inside a
 * stop-commands fence. The block is written in one piece, so nothing of the action's own (a mask
 * registered by a token callback, say) can land inside it.
 */
export function fenced(text: string): string {
  if (!couldHoldCommand(text)) return text
  const token = stopToken(text)
  return `::stop-commands::${token}\n${text}\n::${token}::`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A pattern matching any of `addresses` as a whole address, case-insensitively. */
function addressPattern(addresses: string[]): RegExp | undefined {
  const unique = [...new Set(addresses.map((a) => a.toLowerCase()).filter(Boolean))]
  if (unique.length === 0) return undefined
  // longest first, so that one address that ends another is not replaced inside it
  const alternatives = unique.sort((a, b) => b.length - a.length).map(escapeRegExp)
  return new RegExp(`(?<![\\w.%+\\-])(?:${alternatives.join('|')})(?![\\w\\-]|\\.\\w)`, 'gi')
}

/** The action's printer: masks nothing itself (the runner does), fences and hides. */
export class Log implements Logger {
  private readonly hidden: RegExp | undefined

  /**
   * The printer, made once the toolkit has loaded; `hiddenAddresses` (Bcc recipients that are
   * not also To or Cc recipients) are never shown.
   */
  constructor(
    private readonly toolkit: LogSink,
    hiddenAddresses: string[] = []
  ) {
    this.hidden = addressPattern(hiddenAddresses)
  }

  /** `text` with every hidden address replaced. */
  redact(text: string): string {
    return this.hidden ? text.replace(this.hidden, HIDDEN_ADDRESS) : text
  }

  /** True when `address` is hidden (a Bcc recipient). */
  isHidden(address: string): boolean {
    if (!this.hidden) return false
    this.hidden.lastIndex = 0
    const hit = this.hidden.test(address)
    this.hidden.lastIndex = 0
    return hit
  }

  /** Progress and facts; `text` may hold outside text and several lines. */
  info(text: string): void {
    this.toolkit.info(fenced(this.redact(text)))
  }

  /** Values for whoever turns on step debug logging (one escaped line, never a command). */
  debug(text: string): void {
    this.toolkit.debug(this.redact(text))
  }

  /** A warning annotation (one escaped line, never a command). */
  warning(text: string): void {
    this.toolkit.warning(this.redact(text))
  }

  mask(secret: string): void {
    this.toolkit.setSecret(secret)
  }

  /** Fails the step with `text` as its error annotation. */
  fail(text: string): void {
    this.toolkit.setFailed(this.redact(text))
  }

  /** Prints `text` inside a collapsible group of the log. */
  infoGroup(name: string, text: string): void {
    this.toolkit.startGroup(name)
    this.info(text)
    this.toolkit.endGroup()
  }

  /** Runs `work` inside a collapsible group of the log. */
  async group<T>(name: string, work: () => Promise<T>): Promise<T> {
    this.toolkit.startGroup(name)
    try {
      return await work()
    } finally {
      this.toolkit.endGroup()
    }
  }
}
