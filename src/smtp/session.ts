import { isIP } from 'node:net'
import SMTPConnection, {
  type SMTPConnectionCustomAuthContext,
  type SMTPConnectionSendInfo
} from 'nodemailer/lib/smtp-connection'
import type { ComposedMail } from '../shared/transport.js'
import { MessageTooLargeError, NoXoauth2Error, smtpError } from './smtp-errors.js'
import { closedWhileConnecting, dial, type Dial } from './dial.js'
import { transcriptLogger, type MailLog } from './transcript.js'
import { advertisedMechanisms, mayBeStale, presentToken, type TokenSupplier } from './sasl.js'
import type { Settings } from '../inputs/settings.js'
import type { Refusal, Transaction } from './outcome.js'

/** nodemailer's parsed EHLO lines: kept by SMTPConnection, not in its typings. */
interface NodemailerInternals {
  _ehloLines?: string[]
}

/** What the server advertised after STARTTLS that sending depends on. */
interface ServerLimits {
  /** SIZE limit in bytes, if advertised with one. */
  maxSize: number | undefined
  /** Extensions nodemailer recognised (PIPELINING, SIZE, 8BITMIME …). */
  extensions: string[]
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
  /** The TCP connection; nodemailer takes the socket over once it is made. */
  private readonly tcp: Dial
  private connection: SMTPConnection | undefined
  private closed = false
  /** Known once AUTH has started. */
  private limits: ServerLimits | undefined

  private constructor(
    private readonly settings: Settings,
    private readonly timeouts: SmtpTimeouts,
    private readonly log: MailLog,
    under: Dial | undefined
  ) {
    this.tcp = under ?? dial(settings, timeouts.connection)
    this.dialing = this.tcp.dialing
    this.ready = this.connect()
    this.ready.catch(() => undefined) // awaited by login(); never an unhandled rejection
  }

  /**
   * Starts connecting now, or takes over a connection already under way (`under`, dialled to the
   * same host, port and proxy); await `ready` (or call login) later.
   */
  static open(settings: Settings, timeouts: SmtpTimeouts, log: MailLog, under?: Dial): SmtpSession {
    return new SmtpSession(settings, timeouts, log, under)
  }

  private async connect(): Promise<void> {
    const s = this.settings
    const socket = await this.tcp.connected
    if (this.closed) {
      socket.destroy()
      throw closedWhileConnecting()
    }
    // Dialled before the inputs were read: the server (or a reset) may have closed it meanwhile.
    if (socket.destroyed || !socket.readable) {
      throw smtpError('The server closed the connection before the greeting', { code: 'ECONNECTION', command: 'CONN' })
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
      logger: transcriptLogger(this.log),
      debug: true,
      // connected already (implicit TLS is started on it by nodemailer)
      connection: socket
    })
    this.connection = connection
    // Errors while no step is waiting would otherwise crash the process; steps see them too. The
    // server's reply is in the transcript and in the failure: not a third time here.
    connection.on('error', (err: Error & { code?: string; command?: string }) =>
      this.log.debug(`smtp error: ${err.code ?? 'error'}${err.command ? ` at ${err.command}` : ''}`)
    )
    await this.step<void>((done) => connection.connect(() => done(null)))
    if (!connection.secure) {
      throw smtpError('The connection is not encrypted after STARTTLS; refusing to authenticate.', {
        code: 'ETLS',
        command: 'STARTTLS'
      })
    }
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
          reject(smtpError('The server closed the connection', { code: 'ECONNECTION' }))
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

  /**
   * Authenticates with XOAUTH2, asking for the token only now. Sends no AUTH at all when the
   * server does not offer XOAUTH2. A refused token is renewed and presented again on this
   * connection only when it could be stale (see mayBeStale): one AUTH per attempt otherwise.
   */
  async login(getToken: TokenSupplier, attemptStartedAt: number): Promise<void> {
    await this.ready
    const connection = this.connection as SMTPConnection
    const user = this.settings.smtpUser
    const offered = advertisedMechanisms((connection as unknown as NodemailerInternals)._ehloLines ?? [])
    if (!offered.includes('XOAUTH2')) throw new NoXoauth2Error(offered)
    let challenge: string | undefined
    const xoauth2 = async (ctx: SMTPConnectionCustomAuthContext): Promise<void> => {
      this.limits = { maxSize: ctx.maxAllowedSize || undefined, extensions: ctx.extensions }
      let token = await getToken(false)
      let outcome = await presentToken(ctx, user, token.token)
      if (outcome.reply.status === 535 && mayBeStale(token, attemptStartedAt, Date.now())) {
        this.log.debug(
          `The server refused a token acquired ${Math.round((Date.now() - token.acquiredAt) / 1000)} s ago; presenting a renewed one.`
        )
        token = await getToken(true)
        outcome = await presentToken(ctx, user, token.token)
      }
      challenge = outcome.challenge
      if (outcome.reply.status !== 235) throw new Error('Invalid login')
    }
    connection.customAuth.set('XOAUTH2', xoauth2)
    // nodemailer keeps a requested XOAUTH2 only when the login names an `oauth2` provider; without
    // one it takes the server's first mechanism instead, LOGIN for Exchange ("AUTH LOGIN XOAUTH2").
    // The custom handler above does the work: the marker only keeps the method.
    const keepXoauth2 = { oauth2: {} } as unknown as Pick<SMTPConnection.AuthenticationOAuth2, 'oauth2'>
    try {
      await this.step<void>((done) =>
        connection.login({ user, method: 'XOAUTH2', type: 'custom', ...keepXoauth2 }, (err) => done(err ?? null))
      )
    } catch (err) {
      // nodemailer sets the final reply as `response`; the challenge before it is ours to add
      throw challenge !== undefined ? Object.assign(err as Error, { challenge }) : err
    }
  }

  /**
   * Sends the message to some recipients in one transaction (MAIL FROM, RCPT TO…, DATA), declaring
   * its size when the server advertises SIZE. Every recipient refused means no transaction: the
   * session is reset (RSET) and stays usable for the next one. A message above the server's SIZE
   * limit is refused before MAIL FROM.
   */
  async send(message: ComposedMail, recipients: readonly string[]): Promise<Transaction> {
    const connection = this.connection as SMTPConnection
    const size = wireSize(message.raw)
    const limit = this.limits?.maxSize
    if (limit !== undefined && size > limit) throw new MessageTooLargeError(size, limit)
    try {
      const info = await this.step<SMTPConnectionSendInfo>((done) =>
        // a fresh envelope per transaction: nodemailer records errors on the object it is given
        connection.send({ from: message.envelope.from, to: [...recipients], size }, message.raw, (err, result) =>
          done(err ?? null, result)
        )
      )
      return {
        delivered: true,
        messageId: info.serverMessageId ?? message.messageId,
        accepted: info.accepted.map(String),
        refused: refusals(info.rejected.map(String), info.rejectedErrors ?? []),
        response: info.response
      }
    } catch (err) {
      const e = err as { code?: string; command?: string; rejected?: unknown[]; rejectedErrors?: unknown[] }
      if (e.code !== 'EENVELOPE' || e.command !== 'RCPT TO' || !Array.isArray(e.rejectedErrors)) throw err
      await this.step<boolean>((done) => connection.reset((resetErr, ok) => done(resetErr ?? null, ok)))
      return {
        delivered: false,
        accepted: [],
        refused: refusals((e.rejected ?? []).map(String), e.rejectedErrors as Error[])
      }
    }
  }

  /** Drops the connection at once, without QUIT (the step's deadline has passed). */
  abort(): void {
    this.closed = true
    if (this.connection) this.connection.close()
    else {
      this.tcp.cancel()
      this.ready.then(
        () => this.connection?.close(),
        () => this.connection?.close()
      )
    }
  }

  /** Says QUIT (without waiting) and closes the connection. */
  close(): void {
    if (this.closed) return
    this.closed = true
    const connection = this.connection
    if (!connection) {
      // no TCP connection yet: nothing to say QUIT on
      this.tcp.cancel()
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

/**
 * The message's size as SIZE counts it (RFC 1870): every line ending a CRLF, as nodemailer sends
 * it (the composed message may hold bare LFs), without dot-stuffing. Pure.
 */
export function wireSize(raw: Buffer): number {
  let bareLf = 0
  for (let i = raw.indexOf(0x0a); i !== -1; i = raw.indexOf(0x0a, i + 1)) if (i === 0 || raw[i - 1] !== 0x0d) bareLf++
  return raw.length + bareLf
}

/** nodemailer's rejected recipients and their errors, as refusals. */
function refusals(rejected: string[], errors: readonly Error[]): Refusal[] {
  return rejected.map((address) => {
    const error = errors.find((e) => (e as { recipient?: string }).recipient === address) as
      { response?: string; responseCode?: number; message?: string } | undefined
    const response = error?.response ?? error?.message ?? ''
    return { address, response, code: error?.responseCode ?? (Number(response.slice(0, 3)) || 0) }
  })
}
