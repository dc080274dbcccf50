import { isIP } from 'node:net'
import nodemailer, { type SendMailOptions } from 'nodemailer'
import type { ExternalLogger } from 'nodemailer/lib/shared'
import type { RenderedMessage } from './render.js'
import type { Mailbox, Settings } from './settings.js'

/** What the server said about one delivery. */
export interface Delivery {
  /** Message-ID of the delivered message (the server's, when it assigned its own). */
  messageId: string
  /** Recipients the server accepted. */
  accepted: string[]
  /** Recipients the server rejected, with its reply to each. */
  rejected: { address: string; response: string }[]
  /** The server's final reply to the message data. */
  response: string
}

/** Supplies the XOAUTH2 access token when AUTH needs it; `renew` after a rejected token. */
export type TokenSupplier = (renew: boolean) => Promise<string>

/** Hooks for logging the SMTP conversation (the AUTH line is redacted by nodemailer). */
export interface MailLog {
  /** Debug-level lines. */
  debug: (message: string) => void
}

/** Timeouts of one SMTP connection, in milliseconds. */
export interface SmtpTimeouts {
  /** TCP (and implicit TLS) connection. */
  connection: number
  /** Wait for the 220 greeting. */
  greeting: number
  /** Inactivity on an open connection. */
  socket: number
}

/** Formats a mailbox as nodemailer takes it. */
function mailbox(m: Mailbox): { name: string; address: string } | string {
  return m.name ? { name: m.name, address: m.address } : m.address
}

/** The nodemailer message: Bcc goes to the envelope only (nodemailer never writes it as a header). */
export function buildMailOptions(settings: Settings, message: RenderedMessage): SendMailOptions {
  const options: SendMailOptions = {
    from: mailbox(settings.from),
    to: settings.to.map(mailbox),
    cc: settings.cc.map(mailbox),
    bcc: settings.bcc.map(mailbox),
    subject: message.subject,
    text: message.text
  }
  if (settings.replyTo.length > 0) options.replyTo = settings.replyTo.map(mailbox)
  if (message.html !== undefined) options.html = message.html
  return options
}

/**
 * Sends the message over SMTP with XOAUTH2. The connection, greeting, EHLO and STARTTLS run
 * while the token is still being acquired: nodemailer asks `getToken` only at AUTH.
 */
export async function sendMail(
  settings: Settings,
  message: RenderedMessage,
  getToken: TokenSupplier,
  timeouts: SmtpTimeouts,
  log: MailLog
): Promise<Delivery> {
  const transport = nodemailer.createTransport({
    host: settings.smtpHost,
    port: settings.smtpPort,
    secure: settings.implicitTls,
    // STARTTLS is mandatory on 587: never authenticate or send in the clear.
    requireTLS: !settings.implicitTls,
    // SNI takes host names only; certificates are verified against the host either way.
    tls: isIP(settings.smtpHost) ? { minVersion: 'TLSv1.2' } : { minVersion: 'TLSv1.2', servername: settings.smtpHost },
    connectionTimeout: timeouts.connection,
    greetingTimeout: timeouts.greeting,
    socketTimeout: timeouts.socket,
    dnsTimeout: timeouts.connection,
    logger: smtpLogger(log),
    auth: {
      type: 'OAuth2',
      user: settings.smtpUser,
      provisionCallback: (_user, renew, callback) => {
        getToken(renew).then(
          (token) => callback(null, token),
          (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)))
        )
      }
    }
  })
  try {
    const info = await transport.sendMail(buildMailOptions(settings, message))
    const rejectedErrors = info.rejectedErrors ?? []
    return {
      messageId: info.serverMessageId ?? info.messageId,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map((address) => {
        const error = rejectedErrors.find((e) => (e as { recipient?: string }).recipient === address)
        return { address: String(address), response: error?.response ?? error?.message ?? '' }
      }),
      response: info.response
    }
  } finally {
    transport.close()
  }
}

/** A nodemailer logger that writes the SMTP conversation to the debug log. */
function smtpLogger(log: MailLog): ExternalLogger {
  const write =
    (level: string) =>
    (...args: unknown[]): void => {
      const [first, ...rest] = args
      const entry = first && typeof first === 'object' ? (first as Record<string, unknown>) : undefined
      const parts = entry ? rest : args
      const [format, ...values] = parts
      let text = typeof format === 'string' ? format : ''
      for (const value of values) text = text.replace(/%[sd]/, String(value))
      if (entry?.tnx === 'message') return
      log.debug(`smtp ${level}: ${text}`)
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
