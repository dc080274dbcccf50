/**
 * A misbehaving SMTP server on loopback: it speaks just enough SMTP (STARTTLS, AUTH XOAUTH2,
 * MAIL, RCPT, DATA, QUIT) to take a message, but every reply is written by the test, raw and
 * multi-line, so it can say what no well-behaved library would let a server say: workflow
 * commands in its greeting, EHLO lines and final `250`, or a reply of a megabyte. The
 * `smtp-server` package cannot: it strips control characters and writes one line per reply.
 */
import net, { type AddressInfo, type Socket } from 'node:net'
import tls from 'node:tls'

/** The SMTP command a reply answers. */
export type Step = 'greeting' | 'ehlo' | 'starttls' | 'auth' | 'mail' | 'rcpt' | 'data' | 'message' | 'quit'

/** Reply lines without code, e.g. ['OK', '::error::x']: written as "250-OK\r\n250 ::error::x". */
export interface Reply {
  code: number
  lines: string[]
}

export interface ScriptedSmtpServer {
  port: number
  /** Commands received, in order (AUTH shown without its argument). */
  commands: string[]
  /** Raw messages received after DATA. */
  messages: string[]
  close(): Promise<void>
}

const DEFAULTS: Record<Step, Reply> = {
  greeting: { code: 220, lines: ['scripted.test ESMTP'] },
  ehlo: { code: 250, lines: ['scripted.test', 'PIPELINING', 'SIZE 157286400', '8BITMIME'] },
  starttls: { code: 220, lines: ['2.0.0 SMTP server ready'] },
  auth: { code: 235, lines: ['2.7.0 Authentication successful'] },
  mail: { code: 250, lines: ['2.1.0 Sender OK'] },
  rcpt: { code: 250, lines: ['2.1.5 Recipient OK'] },
  data: { code: 354, lines: ['Start mail input; end with <CRLF>.<CRLF>'] },
  message: { code: 250, lines: ['2.0.0 OK <scripted@test> [Hostname=scripted.test]'] },
  quit: { code: 221, lines: ['2.0.0 Service closing transmission channel'] }
}

function format(reply: Reply): string {
  return reply.lines.map((line, i) => `${reply.code}${i < reply.lines.length - 1 ? '-' : ' '}${line}\r\n`).join('')
}

/** Starts the server; `replies` overrides the reply to any step. */
export async function startScriptedSmtp(options: {
  tls: { key: string; cert: string }
  replies?: Partial<Record<Step, Reply>>
}): Promise<ScriptedSmtpServer> {
  const replies = { ...DEFAULTS, ...options.replies }
  const commands: string[] = []
  const messages: string[] = []
  const sockets = new Set<Socket>()

  const serve = (socket: Socket, secure: boolean): void => {
    let buffered = ''
    let inData = false
    let body = ''
    const say = (step: Step): boolean => socket.write(format(replies[step]))
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('binary')
      for (;;) {
        if (inData) {
          const end = buffered.indexOf('\r\n.\r\n')
          if (end < 0) return
          body += buffered.slice(0, end)
          buffered = buffered.slice(end + 5)
          inData = false
          messages.push(body)
          body = ''
          say('message')
          continue
        }
        const eol = buffered.indexOf('\r\n')
        if (eol < 0) return
        const line = buffered.slice(0, eol)
        buffered = buffered.slice(eol + 2)
        const verb = line.split(' ')[0]?.toUpperCase() ?? ''
        commands.push(verb === 'AUTH' ? line.split(' ').slice(0, 2).join(' ') : line)
        if (verb === 'EHLO') {
          const base = replies.ehlo
          const extra = secure ? ['AUTH XOAUTH2'] : ['STARTTLS']
          socket.write(format({ code: base.code, lines: [...base.lines, ...extra] }))
        } else if (verb === 'STARTTLS') {
          say('starttls')
          socket.removeListener('data', onData)
          const upgraded = new tls.TLSSocket(socket, { isServer: true, key: options.tls.key, cert: options.tls.cert })
          sockets.add(upgraded)
          upgraded.on('error', () => upgraded.destroy())
          serve(upgraded, true)
          return
        } else if (verb === 'AUTH') say('auth')
        else if (verb === 'MAIL') say('mail')
        else if (verb === 'RCPT') say('rcpt')
        else if (verb === 'DATA') {
          say('data')
          inData = true
        } else if (verb === 'QUIT') {
          say('quit')
          socket.end()
          return
        } else if (verb === 'RSET' || verb === 'NOOP') socket.write('250 2.0.0 OK\r\n')
        else socket.write('502 5.5.2 Command not implemented\r\n')
      }
    }
    socket.on('data', onData)
  }

  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => socket.destroy())
    socket.on('close', () => sockets.delete(socket))
    socket.write(format(replies.greeting))
    serve(socket, false)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    commands,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
