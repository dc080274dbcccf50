import type { ExternalLogger } from 'nodemailer/lib/shared'
import { excerpt } from '../shared/bounded-text.js'

/** Where the SMTP conversation is logged (the AUTH line is redacted by nodemailer). */
export interface MailLog {
  /** Debug-level lines. */
  debug: (message: string) => void
}

/** The most of one line of the SMTP conversation that is logged (a server may send a megabyte). */
const TRANSCRIPT_LINE_CHARS = 500

/**
 * A nodemailer logger that writes the SMTP conversation to the debug log, never the message, and
 * each reply bounded: the failure quotes a failing reply in full enough to act on.
 */
export function transcriptLogger(log: MailLog): ExternalLogger {
  const write =
    (level: string) =>
    (...args: unknown[]): void => {
      const [first, ...rest] = args
      const entry = first && typeof first === 'object' ? (first as Record<string, unknown>) : undefined
      if (entry?.tnx === 'message') return
      const [format, ...values] = entry ? rest : args
      let text = typeof format === 'string' ? format : ''
      for (const value of values) text = text.replace(/%[sd]/, String(value))
      log.debug(`smtp ${level}: ${excerpt(text, TRANSCRIPT_LINE_CHARS)}`)
    }
  return {
    level: () => undefined,
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    fatal: write('fatal')
  }
}
