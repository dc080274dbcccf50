/**
 * The small peers around the real servers: the sink they relay to, the OAuth 2.0 token
 * introspection endpoint Dovecot's oauth2 passdb asks, and an EHLO probe.
 */
import http from 'node:http'
import net from 'node:net'
import tls from 'node:tls'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { listenOnLoopback } from '../fakes/loopback.js'

export interface SunkMessage {
  mailFrom: string
  rcptTo: string[]
  /** MAIL FROM parameters as the relaying server sent them (SIZE, BODY …) */
  mailParams: Record<string, string>
  raw: string
  parsed: ParsedMail
}

export interface Sink {
  port: number
  messages: SunkMessage[]
  /** Resolves once `count` messages arrived (Postfix relays from its queue, a moment after the action is done). */
  waitFor(count: number, timeoutMs?: number): Promise<SunkMessage[]>
  reset(): void
  close(): Promise<void>
}

/** The next hop of both servers: plain SMTP on loopback that keeps envelope and message. */
export async function startSink(): Promise<Sink> {
  const messages: SunkMessage[] = []
  const server = new SMTPServer({
    name: 'sink.localhost',
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: 50 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw).then(
          (parsed) => {
            const from = session.envelope.mailFrom
            messages.push({
              mailFrom: from ? from.address : '',
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
              mailParams: from ? ((from as { args?: Record<string, string> }).args ?? {}) : {},
              raw,
              parsed
            })
            callback()
          },
          (err: Error) => callback(err)
        )
      })
    }
  })
  const listening = await listenOnLoopback(server.server)
  return {
    port: listening.port,
    messages,
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      while (messages.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      return messages
    },
    reset: () => void messages.splice(0),
    close: listening.close
  }
}

export type IntrospectionMode =
  /** active for tokens the test token endpoint issued */
  | 'check'
  /** every token is inactive (a token Exchange would refuse) */
  | 'reject'
  /** HTTP 503, as a failing identity back end */
  | 'unavailable'
  /** never answers (Dovecot's timeout_msecs runs out) */
  | 'hang'

export interface Introspection {
  url: string
  /** Requests received, i.e. AUTH attempts that reached the token check */
  hits: number
  /** Answers of the next requests, first to last; then `mode` */
  queue: IntrospectionMode[]
  mode: IntrospectionMode
  reset(): void
  close(): Promise<void>
}

/**
 * RFC 7662 token introspection, as Dovecot's `introspection_mode = post` calls it: a form POST
 * with `token=`. An active token names the mailbox it may send as (`username`), which Dovecot
 * compares with the user of the XOAUTH2 request.
 */
export async function startIntrospection(known: (token: string) => string | undefined): Promise<Introspection> {
  const state: Introspection = {
    url: '',
    hits: 0,
    queue: [],
    mode: 'check',
    reset() {
      state.hits = 0
      state.queue = []
      state.mode = 'check'
    },
    close: () => Promise.resolve()
  }
  const server = http.createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (d: string) => (body += d))
    req.on('end', () => {
      state.hits++
      const mode = state.queue.shift() ?? state.mode
      if (mode === 'hang') return // the socket is destroyed by close()
      if (mode === 'unavailable') {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('identity back end unavailable')
        return
      }
      const token = new URLSearchParams(body).get('token') ?? ''
      const username = mode === 'check' ? known(token) : undefined
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(username ? { active: true, username, scope: 'mail' } : { active: false }))
    })
  })
  const listening = await listenOnLoopback(server)
  state.url = `http://127.0.0.1:${listening.port}/introspect`
  state.close = listening.close
  return state
}

export interface SmtpProbe {
  greeting: string
  /** EHLO keywords before STARTTLS, upper-cased, with their parameters */
  plain: Map<string, string>
  /** … and after */
  secure: Map<string, string>
  /** Sends one line and reads the complete reply */
  send(line: string): Promise<string>
  close(): void
}

/**
 * A hand-driven client session up to the EHLO after STARTTLS: what a server advertises, as any
 * client sees it, and then any command the test wants to send itself.
 */
export async function openSmtp(port: number, caPem: string): Promise<SmtpProbe> {
  const socket = net.connect({ host: '127.0.0.1', port })
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject))
  let reader = replyReader(socket)
  try {
    const greeting = await reader.next()
    socket.write('EHLO probe.localhost\r\n')
    const plain = keywords(await reader.next())
    socket.write('STARTTLS\r\n')
    const ready = await reader.next()
    if (!ready.startsWith('220')) throw new Error(`STARTTLS refused: ${ready}`)
    reader.detach()
    const secureSocket = tls.connect({ socket, ca: caPem, servername: 'localhost' })
    await new Promise<void>((resolve, reject) => secureSocket.once('secureConnect', resolve).once('error', reject))
    reader = replyReader(secureSocket)
    secureSocket.write('EHLO probe.localhost\r\n')
    const secure = keywords(await reader.next())
    const secureReader = reader
    return {
      greeting,
      plain,
      secure,
      send(line) {
        secureSocket.write(line + '\r\n')
        return secureReader.next()
      },
      close() {
        secureSocket.destroy()
        socket.destroy()
      }
    }
  } catch (err) {
    socket.destroy()
    throw err
  }
}

function keywords(reply: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const line of reply.split('\r\n').slice(1)) {
    const text = line.slice(4)
    const [word = '', ...rest] = text.split(' ')
    map.set(word.toUpperCase(), rest.join(' '))
  }
  return map
}

/** Reads complete (possibly multi-line) SMTP replies from a socket. */
function replyReader(socket: net.Socket): { next(): Promise<string>; detach(): void } {
  let buffer = ''
  const waiting: ((reply: string) => void)[] = []
  const replies: string[] = []
  const onData = (d: Buffer): void => {
    buffer += d.toString('latin1')
    for (;;) {
      const m = /(?:^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(buffer)
      if (!m) break
      const end = m.index + m[0].length
      const reply = buffer.slice(0, end).replace(/^\r\n/, '').replace(/\r\n$/, '')
      buffer = buffer.slice(end)
      const waiter = waiting.shift()
      if (waiter) waiter(reply)
      else replies.push(reply)
    }
  }
  socket.on('data', onData)
  return {
    next: () =>
      new Promise<string>((resolve, reject) => {
        const ready = replies.shift()
        if (ready !== undefined) return resolve(ready)
        const timer = setTimeout(() => reject(new Error('no SMTP reply within 10 s')), 10_000)
        waiting.push((reply) => {
          clearTimeout(timer)
          resolve(reply)
        })
      }),
    detach: () => socket.off('data', onData)
  }
}
