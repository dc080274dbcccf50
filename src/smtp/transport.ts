import type { SmtpSession, SmtpTimeouts } from './session.js'
import type { Logger } from '../shared/logger.js'
import type { ComposedMail, TokenSource, Transaction, Transport } from '../shared/transport.js'

/** Exchange Online takes at most 500 recipients per message. */
export const MAX_RECIPIENTS_PER_TRANSACTION = 500

/** What the transport uses of an SMTP session (an SmtpSession; a test passes a fake). */
export type DeliverySession = Pick<SmtpSession, 'login' | 'send' | 'close' | 'abort'>

/** How the SMTP transport gets its sessions, and what it says. */
export interface SmtpTransportDeps {
  /** The session opened before the message was rendered (first attempt). */
  firstSession: DeliverySession
  /** Opens the session of a later attempt, with these limits. */
  openSession: (timeouts: SmtpTimeouts) => DeliverySession
  /** The limits of a new session, from what is left of the step. */
  timeouts: () => SmtpTimeouts
  /** The SMTP user, for the log. */
  user: string
  log: Logger
}

/**
 * SMTP as a transport: one session per attempt (delivery retries an attempt whole, on a new
 * session), XOAUTH2 at AUTH, and transactions of at most 500 recipients.
 */
export class SmtpTransport implements Transport {
  readonly retries = 'attempt'
  readonly recipientsPerSend = MAX_RECIPIENTS_PER_TRANSACTION
  private session: DeliverySession

  constructor(private readonly deps: SmtpTransportDeps) {
    this.session = deps.firstSession
  }

  open(): void {
    this.session = this.deps.openSession(this.deps.timeouts())
  }

  async authenticate(tokens: TokenSource, attemptStartedAt: number): Promise<void> {
    await this.session.login((renew) => tokens.get(renew), attemptStartedAt)
    this.deps.log.info(`Authenticated as ${this.deps.user} with XOAUTH2.`)
  }

  send(message: ComposedMail, recipients: readonly string[]): Promise<Transaction> {
    return this.session.send(message, recipients)
  }

  close(): void {
    this.session.close()
  }

  abort(): void {
    this.session.abort()
  }
}
