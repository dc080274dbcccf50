/**
 * Errors shaped like nodemailer's SMTP errors (`code`, `command`, `response`, `responseCode`), so
 * the diagnosis reads the action's own failures and the server's the same way.
 */

/** What an SMTP-shaped error carries besides its message. */
export interface SmtpErrorFacts {
  /** nodemailer's code: ECONNECTION, ETIMEDOUT, ETLS, EENVELOPE, EAUTH … */
  code: string
  /** The SMTP command it answers. */
  command?: string
  /** The server's reply, when there was one. */
  response?: string
  /** The reply's basic code. */
  responseCode?: number
  /** nodemailer's list of refused recipients, with the server's reply to each. */
  rejectedErrors?: { recipient: string; response: string }[]
}

/** An error as nodemailer would raise it: the one way the action makes an SMTP-shaped error. */
export function smtpError(message: string, facts: SmtpErrorFacts): Error & SmtpErrorFacts {
  return Object.assign(new Error(message), facts)
}

/** The SMTP server does not offer XOAUTH2 (after STARTTLS): no AUTH was sent. */
export class NoXoauth2Error extends Error {
  /** nodemailer's code for authentication failures; the diagnosis tells this one by `offered`. */
  readonly code = 'EAUTH'
  readonly command = 'EHLO'
  /** The SASL mechanisms the server offers (none when it advertises no AUTH). */
  readonly offered: string[]

  constructor(offered: string[]) {
    super(
      offered.length
        ? `The SMTP server does not offer XOAUTH2; it offers ${offered.join(', ')}. No AUTH was sent.`
        : 'The SMTP server offers no authentication (no AUTH in its EHLO reply). No AUTH was sent.'
    )
    this.name = 'NoXoauth2Error'
    this.offered = offered
  }
}

/** The message is larger than the SIZE the server advertised: refused before MAIL FROM. */
export class MessageTooLargeError extends Error {
  readonly code = 'EMESSAGE'
  readonly command = 'MAIL FROM'
  /** The message, in bytes as sent (encoded). */
  readonly size: number
  /** The server's advertised SIZE limit, in bytes. */
  readonly limit: number

  constructor(size: number, limit: number) {
    super(`The message is ${size} bytes; the server accepts at most ${limit} bytes (EHLO SIZE). Nothing was uploaded.`)
    this.name = 'MessageTooLargeError'
    this.size = size
    this.limit = limit
  }
}
