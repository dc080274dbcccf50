import { createHash } from 'node:crypto'
import { isIP, type Socket } from 'node:net'
import type { SendMailOptions } from 'nodemailer'
import MailComposer from 'nodemailer/lib/mail-composer'
import type { ExternalLogger } from 'nodemailer/lib/shared'
import SMTPConnection, { type SMTPConnectionSendInfo } from 'nodemailer/lib/smtp-connection'
import httpProxyClient from 'nodemailer/lib/smtp-connection/http-proxy-client'
import XOAuth2 from 'nodemailer/lib/xoauth2'
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

/** Where the SMTP conversation is logged (the AUTH line is redacted by nodemailer). */
export interface MailLog {
  /** Debug-level lines. */
  debug: (message: string) => void
}

/** Timeouts of one SMTP connection, in milliseconds. */
export interface SmtpTimeouts {
  /** TCP (and implicit TLS) connection, proxy handshake included. */
  connection: number
  /** Wait for the 220 greeting. */
  greeting: number
  /** Inactivity on an open connection. */
  socket: number
}

/** A message composed into MIME, ready for the envelope and the DATA command. */
export interface ComposedMessage {
  /** Envelope sender and every recipient (Bcc included). */
  envelope: { from: string; to: string[] }
  /** The Message-ID header value. */
  messageId: string
  /** The RFC 5322 message (Bcc is not among its headers), built once and sent as is by every attempt. */
  raw: Buffer
}

/** Formats a mailbox as nodemailer takes it. */
function mailbox(m: Mailbox): { name: string; address: string } | string {
  return m.name ? { name: m.name, address: m.address } : m.address
}

/** Message options beyond the addresses and the rendered parts. */
export interface MessageExtras {
  /** Files to attach. */
  attachments: { path: string; filename: string }[]
  /** The rendered thread key, if any. */
  threadKey?: string
  /** Repository, so that equal keys of different repositories never thread together. */
  repository: string
}

/** Threading headers for a key: a stable root Message-ID every message refers to, and Outlook's topic/index. */
export function threadHeaders(
  key: string,
  repository: string,
  domain: string
): {
  root: string
  topic: string
  index: string
} {
  const digest = createHash('sha256').update(`${repository}\n${key}`).digest()
  return {
    root: `<thread.${digest.subarray(0, 16).toString('hex')}@${domain}>`,
    topic: key,
    // Outlook's Thread-Index: 22 bytes (a 6-byte time part and a 16-byte GUID), the same for every message of the thread
    index: digest.subarray(0, 22).toString('base64')
  }
}

/** The nodemailer message options: Bcc goes to the envelope only. */
export function buildMailOptions(
  settings: Settings,
  message: RenderedMessage,
  extras?: MessageExtras
): SendMailOptions {
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
  const headers: Record<string, string> = { ...settings.headers }
  // what nodemailer's Mailer writes for `priority` (MailComposer alone does not)
  if (settings.priority === 'high') {
    Object.assign(headers, { 'X-Priority': '1 (Highest)', 'X-MSMail-Priority': 'High', Importance: 'High' })
  } else if (settings.priority === 'low') {
    Object.assign(headers, { 'X-Priority': '5 (Lowest)', 'X-MSMail-Priority': 'Low', Importance: 'Low' })
  }
  const references: string[] = []
  if (settings.inReplyTo) {
    options.inReplyTo = settings.inReplyTo
    references.push(settings.inReplyTo)
  }
  if (extras?.threadKey) {
    const domain = settings.from.address.split('@')[1] ?? 'localhost'
    const thread = threadHeaders(extras.threadKey, extras.repository, domain)
    if (!options.inReplyTo) options.inReplyTo = thread.root
    references.unshift(thread.root)
    headers['Thread-Topic'] = thread.topic
    headers['Thread-Index'] = thread.index
  }
  if (references.length) options.references = references
  if (Object.keys(headers).length) options.headers = headers
  if (extras?.attachments.length) {
    options.attachments = extras.attachments.map((a) => ({ filename: a.filename, path: a.path }))
  }
  return options
}

/** Composes the MIME message with nodemailer's MailComposer. */
export async function composeMessage(
  settings: Settings,
  message: RenderedMessage,
  extras?: MessageExtras
): Promise<ComposedMessage> {
  const mime = new MailComposer(buildMailOptions(settings, message, extras)).compile()
  const envelope = mime.getEnvelope()
  const raw = await new Promise<Buffer>((resolve, reject) =>
    mime.build((err, data) => (err ? reject(err) : resolve(data as Buffer)))
  )
  return {
    envelope: { from: String(envelope.from || settings.from.address), to: envelope.to.map(String) },
    messageId: mime.messageId(),
    raw
  }
}

/**
 * One SMTP session with nodemailer's SMTPConnection, driven step by step so that the slow
 * parts overlap: `open` connects, reads the greeting, says EHLO and upgrades with STARTTLS
 * while the caller is still acquiring the token and rendering the message.
 */
export class SmtpSession {
  /** Resolves once the session is encrypted and ready to authenticate. */
  readonly ready: Promise<void>
  private connection: SMTPConnection | undefined
  private closed = false

  private constructor(
    private readonly settings: Settings,
    private readonly timeouts: SmtpTimeouts,
    private readonly log: MailLog
  ) {
    this.ready = this.connect()
    this.ready.catch(() => undefined) // awaited by login(); never an unhandled rejection
  }

  /** Starts connecting now; await `ready` (or call login) later. */
  static open(settings: Settings, timeouts: SmtpTimeouts, log: MailLog): SmtpSession {
    return new SmtpSession(settings, timeouts, log)
  }

  private async connect(): Promise<void> {
    const s = this.settings
    const socket = s.smtpProxy ? await this.proxySocket(s.smtpProxy) : undefined
    const connection = new SMTPConnection({
      host: s.smtpHost,
      port: s.smtpPort,
      secure: s.implicitTls,
      // STARTTLS is mandatory on 587: never authenticate or send in the clear.
      requireTLS: !s.implicitTls,
      // SNI takes host names only; the certificate is verified against the host either way.
      tls: isIP(s.smtpHost) ? { minVersion: 'TLSv1.2' } : { minVersion: 'TLSv1.2', servername: s.smtpHost },
      connectionTimeout: this.timeouts.connection,
      greetingTimeout: this.timeouts.greeting,
      socketTimeout: this.timeouts.socket,
      dnsTimeout: this.timeouts.connection,
      logger: smtpLogger(this.log),
      debug: true,
      ...(socket ? { connection: socket } : {})
    })
    this.connection = connection
    // Errors while no step is waiting would otherwise crash the process; steps see them too.
    connection.on('error', (err: Error) => this.log.debug(`smtp error: ${err.message}`))
    await this.step<void>((done) => connection.connect(() => done(null)))
    if (!connection.secure) {
      throw Object.assign(new Error('The connection is not encrypted after STARTTLS; refusing to authenticate.'), {
        code: 'ETLS',
        command: 'STARTTLS'
      })
    }
  }

  private proxySocket(proxy: string): Promise<Socket> {
    return new Promise((resolve, reject) =>
      httpProxyClient(
        proxy,
        this.settings.smtpPort,
        this.settings.smtpHost,
        { timeout: this.timeouts.connection },
        (err, socket) => (err || !socket ? reject(err ?? new Error('The proxy gave no socket')) : resolve(socket))
      )
    )
  }

  /** Runs one SMTPConnection step; a connection error or close while it waits fails it. */
  private step<T>(run: (done: (err: Error | null, value?: T) => void) => void): Promise<T> {
    const connection = this.connection
    if (!connection) return Promise.reject(new Error('SMTP session is not connected'))
    return new Promise<T>((resolve, reject) => {
      const cleanup = (): void => {
        connection.removeListener('error', onError)
        connection.removeListener('end', onEnd)
      }
      const onError = (err: Error): void => {
        cleanup()
        reject(err)
      }
      const onEnd = (): void => {
        // A reply that came with the close (e.g. 421) reaches the step's callback right after
        // this event; give it the chance to report the server's words first.
        setTimeout(() => {
          cleanup()
          reject(Object.assign(new Error('The server closed the connection'), { code: 'ECONNECTION' }))
        }, 20)
      }
      connection.once('error', onError)
      connection.once('end', onEnd)
      run((err, value) => {
        cleanup()
        if (err) reject(err)
        else resolve(value as T)
      })
    })
  }

  /** Authenticates with XOAUTH2, asking for the token only now; a rejected token is renewed once. */
  async login(getToken: TokenSupplier): Promise<void> {
    await this.ready
    const connection = this.connection as SMTPConnection
    const oauth2 = new XOAuth2({
      user: this.settings.smtpUser,
      provisionCallback: (_user, renew, callback) => {
        getToken(renew).then(
          (token) => callback(null, token),
          (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)))
        )
      }
    })
    oauth2.on('error', () => undefined) // reported through the login callback
    await this.step<void>((done) =>
      connection.login({ type: 'OAUTH2', user: this.settings.smtpUser, method: 'XOAUTH2', oauth2 }, (err) =>
        done(err ?? null)
      )
    )
  }

  /** Sends the envelope and the message data. Resolves once the server accepted the data. */
  async send(message: ComposedMessage): Promise<Delivery> {
    const connection = this.connection as SMTPConnection
    const info = await this.step<SMTPConnectionSendInfo>((done) =>
      // a fresh envelope per attempt: nodemailer records errors on the object it is given
      connection.send({ from: message.envelope.from, to: [...message.envelope.to] }, message.raw, (err, result) =>
        done(err ?? null, result)
      )
    )
    const rejectedErrors = info.rejectedErrors ?? []
    return {
      messageId: info.serverMessageId ?? message.messageId,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map((address) => {
        const error = rejectedErrors.find((e) => (e as { recipient?: string }).recipient === address)
        return { address: String(address), response: error?.response ?? error?.message ?? '' }
      }),
      response: info.response
    }
  }

  /** Drops the connection at once, without QUIT (the step's deadline has passed). */
  abort(): void {
    this.closed = true
    if (this.connection) this.connection.close()
    else
      this.ready.then(
        () => this.connection?.close(),
        () => this.connection?.close()
      )
  }

  /** Says QUIT (without waiting) and closes the connection. */
  close(): void {
    if (this.closed) return
    this.closed = true
    const connection = this.connection
    if (!connection) {
      // still connecting: close as soon as the connection exists
      this.ready.then(
        () => this.connection?.quit(),
        () => this.connection?.close()
      )
      return
    }
    // QUIT, then close our side at once: the QUIT is flushed before the FIN, and the step does
    // not wait a round trip for the server's goodbye (nodemailer's own transport sends no QUIT).
    try {
      connection.quit()
    } finally {
      connection.close()
    }
  }
}

/** A nodemailer logger that writes the SMTP conversation to the debug log, never the message. */
function smtpLogger(log: MailLog): ExternalLogger {
  const write =
    (level: string) =>
    (...args: unknown[]): void => {
      const [first, ...rest] = args
      const entry = first && typeof first === 'object' ? (first as Record<string, unknown>) : undefined
      if (entry?.tnx === 'message') return
      const [format, ...values] = entry ? rest : args
      let text = typeof format === 'string' ? format : ''
      for (const value of values) text = text.replace(/%[sd]/, String(value))
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
