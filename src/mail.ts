import net, { isIP, type Socket } from 'node:net'
import type { ExternalLogger } from 'nodemailer/lib/shared'
import SMTPConnection, { type SMTPConnectionSendInfo } from 'nodemailer/lib/smtp-connection'
import httpProxyClient from 'nodemailer/lib/smtp-connection/http-proxy-client'
import type { ComposedMessage } from './compose.js'
import { excerpt } from './log.js'
import type { Settings } from './settings.js'

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

/**
 * One SMTP session with nodemailer's SMTPConnection, driven step by step so that the slow
 * parts overlap: `open` connects, reads the greeting, says EHLO and upgrades with STARTTLS
 * while the caller is still acquiring the token and rendering the message.
 */
export class SmtpSession {
  /** Resolves once the session is encrypted and ready to authenticate. */
  readonly ready: Promise<void>
  /**
   * Resolves once the TCP connection attempt has left the process (the host name is resolved)
   * or has failed; with `smtp-proxy`, at once. Work that keeps the CPU busy for a while, such as
   * loading modules, waits for it: until then it would hold back the connect itself.
   */
  readonly dialing: Promise<void>
  private connection: SMTPConnection | undefined
  /** The TCP connection while it is being made, before nodemailer takes it over. */
  private socket: Socket | undefined
  private closed = false

  private constructor(
    private readonly settings: Settings,
    private readonly timeouts: SmtpTimeouts,
    private readonly log: MailLog
  ) {
    let dialed: () => void = () => undefined
    this.dialing = new Promise<void>((resolve) => (dialed = resolve))
    this.ready = this.connect(dialed)
    this.ready.catch(() => undefined) // awaited by login(); never an unhandled rejection
  }

  /** Starts connecting now; await `ready` (or call login) later. */
  static open(settings: Settings, timeouts: SmtpTimeouts, log: MailLog): SmtpSession {
    return new SmtpSession(settings, timeouts, log)
  }

  private async connect(dialed: () => void): Promise<void> {
    const s = this.settings
    let socket: Socket
    if (s.smtpProxy) {
      dialed()
      socket = await this.proxySocket(s.smtpProxy)
    } else {
      socket = await this.directSocket(dialed)
    }
    if (this.closed) {
      socket.destroy()
      throw closedWhileConnecting()
    }
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
      logger: smtpLogger(this.log),
      debug: true,
      // connected already (implicit TLS is started on it by nodemailer)
      connection: socket
    })
    this.connection = connection
    this.socket = undefined
    // Errors while no step is waiting would otherwise crash the process; steps see them too. The
    // server's reply is in the transcript and in the failure: not a third time here.
    connection.on('error', (err: Error & { code?: string; command?: string }) =>
      this.log.debug(`smtp error: ${err.code ?? 'error'}${err.command ? ` at ${err.command}` : ''}`)
    )
    await this.step<void>((done) => connection.connect(() => done(null)))
    if (!connection.secure) {
      throw Object.assign(new Error('The connection is not encrypted after STARTTLS; refusing to authenticate.'), {
        code: 'ETLS',
        command: 'STARTTLS'
      })
    }
  }

  /**
   * The TCP connection to the SMTP host, started at once. Node resolves the name as every other
   * client on the runner does (/etc/hosts included) and tries each address, IPv6 and IPv4 in
   * turn. `dialed` is called as the first attempt leaves, or when the lookup fails.
   */
  private directSocket(dialed: () => void): Promise<Socket> {
    const { smtpHost: host, smtpPort: port } = this.settings
    return new Promise<Socket>((resolve, reject) => {
      const socket = net.connect({ host, port, autoSelectFamily: true })
      this.socket = socket
      const timer = setTimeout(
        () =>
          socket.destroy(
            Object.assign(new Error(`Connection timeout: no TCP connection to ${host}:${port}`), {
              code: 'ETIMEDOUT',
              command: 'CONN'
            })
          ),
        this.timeouts.connection
      )
      const settle = (err?: Error): void => {
        clearTimeout(timer)
        dialed()
        socket.removeListener('connect', onConnect)
        socket.removeListener('error', onError)
        socket.removeListener('close', onClose)
        if (err) reject(err)
        else resolve(socket)
      }
      const onConnect = (): void => settle()
      const onError = (err: Error): void => settle(err)
      const onClose = (): void => settle(closedWhileConnecting())
      socket.once('connectionAttempt', dialed)
      socket.once('connect', onConnect)
      socket.once('error', onError)
      socket.once('close', onClose)
    })
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
    // loaded here, with the nodemailer modules only AUTH needs, not before the connection starts
    const { default: XOAuth2 } = await import('nodemailer/lib/xoauth2')
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
    this.socket?.destroy()
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
      // no TCP connection yet: nothing to say QUIT on
      this.socket?.destroy()
      // or still setting up the session: close as soon as it exists
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

function closedWhileConnecting(): Error {
  return Object.assign(new Error('The SMTP session was closed while connecting'), { code: 'ECONNECTION' })
}

/** The most of one line of the SMTP conversation that is logged (a server may send a megabyte). */
const TRANSCRIPT_LINE_CHARS = 500

/**
 * A nodemailer logger that writes the SMTP conversation to the debug log, never the message, and
 * each reply bounded: the failure quotes a failing reply in full enough to act on.
 */
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
