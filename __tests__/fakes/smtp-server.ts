/**
 * A real SMTP submission server (the `smtp-server` package) that behaves like
 * Exchange Online's smtp.office365.com:587 where it matters to the action:
 *
 * - STARTTLS on the plain port (or implicit TLS with `implicitTls`);
 * - `AUTH XOAUTH2` only, advertised and accepted only once TLS is up;
 * - authentication required before MAIL FROM (`530 5.7.57`);
 * - failed XOAUTH2 answered with a final `535 …` right away (no `334` challenge), unless the
 *   login decision asks for the `334` JSON challenge that Dovecot and Gmail send first;
 * - DATA accepted with `250 2.0.0 OK <message-id> [Hostname=…]`;
 * - optionally Exchange's limits: recipients per message (`452 4.5.3` beyond) and concurrent
 *   sessions per mailbox (`432 4.3.2` at AUTH beyond).
 *
 * Reply texts are written in full (enhanced status code included) because the
 * server's own ENHANCEDSTATUSCODES prefixing stays off.
 */
import { randomBytes } from 'node:crypto'
import { EventEmitter } from 'node:events'
import net, { type AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { simpleParser, type ParsedMail } from 'mailparser'
import {
  SMTPServer,
  type SMTPServerAddress,
  type SMTPServerAuthentication,
  type SMTPServerAuthenticationResponse,
  type SMTPServerDataStream,
  type SMTPServerSession
} from 'smtp-server'
import { listenOnLoopback } from './loopback.js'

/** Host name used in greetings and `[Hostname=…]` tags */
export const EXO_HOSTNAME = 'SN4PR0601CA0003.outlook.office365.com'

/** Reply texts as Exchange Online sends them (code + text after the code) */
export const EXO_REPLIES = {
  authUnsuccessful: {
    code: 535,
    message: '5.7.3 Authentication unsuccessful [SN4PR0601CA0003.namprd06.prod.outlook.com]'
  },
  smtpAuthDisabled: {
    code: 535,
    message:
      '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [SN4PR0601CA0003.namprd06.prod.outlook.com]'
  },
  notAuthenticated: {
    code: 530,
    message: '5.7.57 Client not authenticated to send mail. [SN4PR0601CA0003.namprd06.prod.outlook.com]'
  },
  concurrency: {
    code: 432,
    message:
      '4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=SN4PR0601MB3728.namprd06.prod.outlook.com]'
  },
  sendAsDenied: {
    code: 554,
    message:
      '5.2.252 SendAsDenied; sender@contoso.com not allowed to send as other@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message. [Hostname=SN4PR0601MB3728.namprd06.prod.outlook.com]'
  },
  recipientNotFound: {
    code: 550,
    message: '5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
  },
  serviceUnavailable: {
    code: 421,
    message: '4.3.2 Service not available, closing transmission channel'
  },
  messageTooBig: {
    code: 552,
    message: '5.3.4 Message size exceeds fixed maximum message size'
  },
  tooManyRecipients: {
    code: 452,
    message: '4.5.3 Too many recipients'
  },
  concurrentConnections: {
    code: 432,
    message:
      '4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information. [Hostname=SN4PR0601MB3728.namprd06.prod.outlook.com]'
  }
} as const satisfies Record<string, { code: number; message: string }>

/** An Error carrying an SMTP reply, as smtp-server expects from handlers */
export interface SmtpReplyError extends Error {
  responseCode: number
}

/** `smtpError(421, '4.3.2 Service not available')` → reply "421 4.3.2 Service not available" */
export function smtpError(code: number, message: string): SmtpReplyError {
  return Object.assign(new Error(message), { responseCode: code })
}

/** Hooks may return (or throw) an Error with `responseCode`, or 'drop' to cut the connection */
export type HookResult = void | undefined | Error | 'drop'
type Awaitable<T> = T | Promise<T>

export interface ReceivedMessage {
  envelope: { mailFrom: string; rcptTo: string[] }
  /** The authenticated user (XOAUTH2 `user=`) */
  user: string
  raw: string
  parsed: ParsedMail
  sessionId: string
  tlsVersion: string | null
  receivedAt: number
}

export interface SmtpHooks {
  /** Before the greeting */
  onConnect?(session: SMTPServerSession): Awaitable<HookResult>
  onMailFrom?(address: SMTPServerAddress, session: SMTPServerSession): Awaitable<HookResult>
  /** Runs before `rejectRecipients` */
  onRcptTo?(address: SMTPServerAddress, session: SMTPServerSession): Awaitable<HookResult>
  /**
   * After the whole message was read and parsed, before it is recorded. An
   * Error here is the reply to the final dot (e.g. 554 5.2.252 SendAsDenied)
   * and the message is not recorded.
   */
  onData?(message: ReceivedMessage, session: SMTPServerSession): Awaitable<HookResult>
}

/**
 * A login decision: `true`, or the final reply. With `challenge` the server first sends
 * `334 <base64 JSON of challenge>`, waits for the client's empty line, then the final reply
 * (Dovecot: `535 5.7.8 Authentication failed`).
 */
export type AuthorizeResult = true | { code: number; message: string; challenge?: Record<string, string> }

export interface SmtpServerOptions {
  tls: {
    key: string
    cert: string
    minVersion?: 'TLSv1.2' | 'TLSv1.3' | 'TLSv1' | 'TLSv1.1'
    maxVersion?: 'TLSv1.2' | 'TLSv1.3' | 'TLSv1' | 'TLSv1.1'
  }
  /** 465-style TLS from the first byte instead of STARTTLS */
  implicitTls?: boolean
  /** A server without TLS: neither offers nor accepts STARTTLS (tests the client's requireTLS) */
  hideSTARTTLS?: boolean
  /** Also accept PLAIN/LOGIN with these credentials (the basic-auth yardstick of the benchmark) */
  basicAuth?: { user: string; pass: string }
  /** Decide an XOAUTH2 login; anything but `true` is sent as the final reply */
  authorize: (user: string, accessToken: string) => Awaitable<AuthorizeResult>
  /** address (case-insensitive) → full reply, e.g. '550 5.1.10 RESOLVER.ADR.RecipientNotFound; …' */
  rejectRecipients?: Record<string, string>
  hooks?: SmtpHooks
  /** SIZE limit in bytes, default 35 MiB */
  size?: number
  /** Server name in the greeting, default EXO_HOSTNAME */
  name?: string
  /** Idle timeout in ms, default 60000 */
  socketTimeout?: number
  /** SASL mechanisms advertised after STARTTLS, default ['LOGIN', 'XOAUTH2'] as Exchange Online ([] advertises no AUTH) */
  authMethods?: string[]
  /** Recipients accepted per transaction; beyond, `452 4.5.3 Too many recipients` (Exchange: 500) */
  maxRecipients?: number
  /** Authenticated sessions per mailbox at once; beyond, AUTH gets `432 4.3.2` (Exchange: 3) */
  maxSessionsPerMailbox?: number
}

export interface AuthAttempt {
  user: string
  accessToken: string
  ok: boolean
  sessionId: string
}

export interface SessionRecord {
  id: string
  remotePort: number
  openedAt: number
  closedAt: number | null
  /** e.g. 'TLSv1.3', null while/if plaintext */
  tlsVersion: string | null
  user: string | null
}

export interface TestSmtpServer {
  port: number
  host: '127.0.0.1'
  messages: ReceivedMessage[]
  authAttempts: AuthAttempt[]
  /** One record per connection, in order */
  sessionLog: SessionRecord[]
  /** Number of connections so far */
  readonly sessions: number
  /** Connections open right now */
  readonly activeSessions: number
  /** Highest number of simultaneous connections seen */
  readonly maxConcurrentSessions: number
  /** TLS version of the most recent TLS session */
  readonly tlsVersion: string | null
  /** Socket-level errors the server saw (resets etc.) */
  errors: Error[]
  /** Every command a client sent, in order (AUTH lines with the credentials redacted) */
  commands: { sessionId: string; command: string; line: string }[]
  /** Resolves once at least n messages arrived; rejects after timeoutMs (default 5000) */
  waitForMessages(n: number, timeoutMs?: number): Promise<ReceivedMessage[]>
  /** Clears recorded messages, attempts and sessions */
  reset(): void
  /** Stops listening and destroys every open connection */
  close(): Promise<void>
}

/** '550 5.1.10 text' → { code: 550, message: '5.1.10 text' } */
function parseReply(reply: string): { code: number; message: string } {
  const m = /^(\d{3})[ -]?(.*)$/s.exec(reply.trim())
  if (!m) return { code: 550, message: reply }
  return { code: Number(m[1]), message: m[2] ?? '' }
}

export async function startSmtpServer(opts: SmtpServerOptions): Promise<TestSmtpServer> {
  const name = opts.name ?? EXO_HOSTNAME
  const messages: ReceivedMessage[] = []
  const authAttempts: AuthAttempt[] = []
  const sessionLog: SessionRecord[] = []
  const errors: Error[] = []
  const commands: { sessionId: string; command: string; line: string }[] = []
  /** Authenticated sessions open right now, by mailbox */
  const openByMailbox = new Map<string, number>()
  const bySession = new Map<string, SessionRecord>()
  const events = new EventEmitter()
  let active = 0
  let maxConcurrent = 0
  const rejectRecipients = new Map(
    Object.entries(opts.rejectRecipients ?? {}).map(([addr, reply]) => [addr.toLowerCase(), parseReply(reply)])
  )

  /** Destroys the connection a session belongs to */
  const dropSession = (session: SMTPServerSession): void => {
    for (const conn of server.connections) {
      if (conn.session === session || conn.id === session.id) conn._socket.destroy()
    }
  }

  /** Runs a hook; resolves to the Error to reply with, 'drop', or undefined to continue */
  const runHook = async (fn: (() => Awaitable<HookResult>) | undefined): Promise<Error | 'drop' | undefined> => {
    if (!fn) return undefined
    try {
      const r = await fn()
      return r === 'drop' || r instanceof Error ? r : undefined
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e))
    }
  }

  /** Finishes a handler callback according to a hook result; true when handled */
  const applyHook = (
    r: Error | 'drop' | undefined,
    session: SMTPServerSession,
    callback: (err?: Error | null) => void
  ): boolean => {
    if (r === 'drop') {
      dropSession(session) // never call back: the socket is gone
      return true
    }
    if (r instanceof Error) {
      callback(r)
      return true
    }
    return false
  }

  const server = new SMTPServer({
    name,
    banner: 'Microsoft ESMTP MAIL Service ready',
    key: opts.tls.key,
    cert: opts.tls.cert,
    minVersion: opts.tls.minVersion,
    maxVersion: opts.tls.maxVersion,
    secure: opts.implicitTls ?? false,
    hideSTARTTLS: opts.hideSTARTTLS ?? false,
    disabledCommands: opts.hideSTARTTLS ? ['STARTTLS'] : [],
    allowInsecureAuth: false,
    // smtp-server replaces an empty list with its defaults: no AUTH is done by keeping it disabled
    authMethods: opts.authMethods?.length
      ? opts.authMethods
      : opts.basicAuth
        ? ['PLAIN', 'LOGIN', 'XOAUTH2']
        : // what smtp.office365.com advertises after STARTTLS: a client must pick XOAUTH2 itself
          ['LOGIN', 'XOAUTH2'],
    authOptional: false,
    authRequiredMessage: EXO_REPLIES.notAuthenticated.message,
    size: opts.size ?? 35 * 1024 * 1024,
    disableReverseLookup: true,
    // smtp-server logs each client command at debug level: that is the record of what was sent
    logger: commandRecorder((entry, line) =>
      commands.push({ sessionId: entry.cid ?? '', command: entry.command ?? '', line })
    ),
    socketTimeout: opts.socketTimeout ?? 60_000,
    closeTimeout: 100,

    onConnect(session, callback) {
      const record: SessionRecord = {
        id: session.id,
        remotePort: session.remotePort,
        openedAt: Date.now(),
        closedAt: null,
        tlsVersion: null,
        user: null
      }
      sessionLog.push(record)
      bySession.set(session.id, record)
      active++
      maxConcurrent = Math.max(maxConcurrent, active)
      // smtp-server would advertise AUTH before STARTTLS (and answer it with
      // 538); Exchange only advertises it inside TLS, so hide it until then.
      // onMailFrom still insists on a login, so hiding AUTH opens nothing.
      if (!session.secure) session.disabledCommands = opts.hideSTARTTLS ? ['AUTH', 'STARTTLS'] : ['AUTH']
      void runHook(opts.hooks?.onConnect && (() => opts.hooks!.onConnect!(session))).then((r) => {
        if (!applyHook(r, session, callback)) callback()
      })
    },

    onSecure(socket, session, callback) {
      session.disabledCommands = opts.authMethods?.length === 0 ? ['AUTH'] : []
      const record = bySession.get(session.id)
      if (record) record.tlsVersion = (socket as TLSSocket).getProtocol?.() ?? null
      callback()
    },

    onAuth(
      auth: SMTPServerAuthentication,
      session: SMTPServerSession,
      callback: (err: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void
    ) {
      const user = auth.username ?? ''
      const accessToken = auth.accessToken ?? ''
      const basic = opts.basicAuth
      const limit = opts.maxSessionsPerMailbox
      if (limit !== undefined && auth.method === 'XOAUTH2' && (openByMailbox.get(user) ?? 0) >= limit) {
        const { code, message } = EXO_REPLIES.concurrentConnections
        authAttempts.push({ user, accessToken, ok: false, sessionId: session.id })
        callback(smtpError(code, message))
        return
      }
      const decision: Awaitable<AuthorizeResult> =
        auth.method === 'XOAUTH2'
          ? opts.authorize(user, accessToken)
          : basic && user === basic.user && auth.password === basic.pass
            ? true
            : EXO_REPLIES.authUnsuccessful
      Promise.resolve(decision).then(
        (result) => {
          const ok = result === true
          authAttempts.push({ user, accessToken, ok, sessionId: session.id })
          if (ok) {
            const record = bySession.get(session.id)
            if (record) record.user = user
            openByMailbox.set(user, (openByMailbox.get(user) ?? 0) + 1)
            callback(null, { user })
            return
          }
          if (result.challenge) {
            // smtp-server sends the 334 challenge itself, then answers the client's line with its
            // own fixed 535; the final reply is replaced by the one the decision names.
            callback(null, { user: false, data: result.challenge })
            for (const conn of server.connections) {
              if (conn.session !== session) continue
              const final = smtpError(result.code, result.message)
              conn._nextHandler = (_data: unknown, done: () => void) => {
                conn.send(final.responseCode, final.message)
                done()
              }
            }
            return
          }
          // Errors go out as-is ("535 5.7.3 …"). Returning `{ user: false }`
          // instead would make smtp-server send a 334 JSON challenge first.
          callback(smtpError(result.code, result.message))
        },
        (e: unknown) => callback(smtpError(454, `4.7.0 Temporary authentication failure: ${String(e)}`))
      )
    },

    onMailFrom(address, session, callback) {
      if (!session.user) {
        callback(smtpError(EXO_REPLIES.notAuthenticated.code, EXO_REPLIES.notAuthenticated.message))
        return
      }
      void runHook(opts.hooks?.onMailFrom && (() => opts.hooks!.onMailFrom!(address, session))).then((r) => {
        if (!applyHook(r, session, callback)) callback()
      })
    },

    onRcptTo(address, session, callback) {
      void runHook(opts.hooks?.onRcptTo && (() => opts.hooks!.onRcptTo!(address, session))).then((r) => {
        if (applyHook(r, session, callback)) return
        if (opts.maxRecipients !== undefined && session.envelope.rcptTo.length >= opts.maxRecipients) {
          const { code, message } = EXO_REPLIES.tooManyRecipients
          callback(smtpError(code, message))
          return
        }
        const reject = rejectRecipients.get(address.address.toLowerCase())
        callback(reject ? smtpError(reject.code, reject.message) : undefined)
      })
    },

    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        void (async () => {
          if (stream.sizeExceeded) {
            callback(smtpError(EXO_REPLIES.messageTooBig.code, EXO_REPLIES.messageTooBig.message))
            return
          }
          const raw = Buffer.concat(chunks).toString('utf8')
          const parsed = await simpleParser(raw)
          const envelope = session.envelope
          const message: ReceivedMessage = {
            envelope: {
              mailFrom: envelope.mailFrom ? envelope.mailFrom.address : '',
              rcptTo: envelope.rcptTo.map((r) => r.address)
            },
            user: typeof session.user === 'string' ? session.user : String(session.user ?? ''),
            raw,
            parsed,
            sessionId: session.id,
            tlsVersion: bySession.get(session.id)?.tlsVersion ?? null,
            receivedAt: Date.now()
          }
          const r = await runHook(opts.hooks?.onData && (() => opts.hooks!.onData!(message, session)))
          if (applyHook(r, session, callback)) return
          messages.push(message)
          events.emit('message')
          const id = parsed.messageId ?? `<${randomBytes(8).toString('hex')}@${name}>`
          const host = `SN4PR0601MB${String(1000 + messages.length)}.namprd06.prod.outlook.com`
          callback(null, `2.0.0 OK ${id} [Hostname=${host}]`)
        })().catch((e: unknown) => callback(smtpError(451, `4.3.0 Test server error: ${String(e)}`)))
      })
    },

    onClose(session) {
      const record = bySession.get(session.id)
      if (record && record.closedAt === null) {
        record.closedAt = Date.now()
        active--
        if (record.user) openByMailbox.set(record.user, (openByMailbox.get(record.user) ?? 1) - 1)
      }
    }
  })
  server.on('error', (e: Error) => errors.push(e))

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port

  return {
    port,
    host: '127.0.0.1',
    messages,
    authAttempts,
    sessionLog,
    errors,
    commands,
    get sessions() {
      return sessionLog.length
    },
    get activeSessions() {
      return active
    },
    get maxConcurrentSessions() {
      return maxConcurrent
    },
    get tlsVersion() {
      for (let i = sessionLog.length - 1; i >= 0; i--) {
        const v = sessionLog[i]?.tlsVersion
        if (v) return v
      }
      return null
    },
    waitForMessages(n, timeoutMs = 5000) {
      return new Promise<ReceivedMessage[]>((resolve, reject) => {
        if (messages.length >= n) return resolve(messages)
        const onMessage = (): void => {
          if (messages.length < n) return
          clearTimeout(timer)
          events.off('message', onMessage)
          resolve(messages)
        }
        const timer = setTimeout(() => {
          events.off('message', onMessage)
          reject(new Error(`waitForMessages: got ${messages.length} of ${n} message(s) within ${timeoutMs} ms`))
        }, timeoutMs)
        events.on('message', onMessage)
      })
    },
    reset() {
      messages.length = 0
      authAttempts.length = 0
      sessionLog.length = 0
      errors.length = 0
      commands.length = 0
      // keep open sessions so their close still updates activeSessions
      for (const [id, record] of bySession) if (record.closedAt !== null) bySession.delete(id)
      maxConcurrent = active
    },
    close() {
      return new Promise<void>((resolve) => {
        // do not wait for smtp-server's grace period: cut every connection now
        const fallback = setTimeout(resolve, 1000)
        fallback.unref()
        server.close(() => {
          clearTimeout(fallback)
          resolve()
        })
        for (const conn of server.connections) conn._socket.destroy()
      })
    }
  }
}

/** A logger for smtp-server that hands each client command (its `C:` debug entry) to `record`. */
/** What smtp-server's connection puts in the first argument of a command's log call. */
interface CommandLogEntry {
  tnx?: string
  /** The connection's id */
  cid?: string
  command?: string
}

function commandRecorder(record: (entry: CommandLogEntry, line: string) => void): object {
  const quiet = (): void => undefined
  return {
    trace: quiet,
    info: quiet,
    warn: quiet,
    error: quiet,
    fatal: quiet,
    debug(entry: CommandLogEntry | undefined, ...args: unknown[]) {
      if (entry?.tnx === 'command')
        record(
          entry,
          args
            .map(String)
            .join(' ')
            .replace(/^C:\s*/, '')
        )
    }
  }
}

/**
 * A TCP server that accepts connections and never says a word (no 220
 * greeting) – for greeting/connection timeout tests.
 */
export async function startSilentServer(): Promise<{
  port: number
  connections: () => number
  close: () => Promise<void>
}> {
  let count = 0
  const server = net.createServer((s) => {
    count++
    s.on('error', () => undefined)
  })
  const listening = await listenOnLoopback(server)
  return { port: listening.port, connections: () => count, close: listening.close }
}
