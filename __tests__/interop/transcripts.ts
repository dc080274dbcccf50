/**
 * Reading the SMTP conversation from both ends: the action's own transcript (its debug log,
 * nodemailer's `C:`/`S:` lines) and what the servers logged receiving (Postfix's
 * debug_peer_list transcript, Dovecot's smtp-server debug category).
 */
import { workflowCommands, type ActionResult } from '../fakes/runner.js'
import type { ServerKind } from './suite.js'

/**
 * The action's SMTP transcript from its `::debug::smtp debug: …` lines (nodemailer's log of the
 * conversation), each line marked `C: ` (a command it sent) or `S: ` (a reply line it read).
 * Other debug lines (connection notes) are left out.
 */
export function clientTranscript(result: Pick<ActionResult, 'stdout'>): string[] {
  const lines: string[] = []
  for (const command of workflowCommands(result)) {
    if (command.command !== 'debug') continue
    const m = /^smtp debug: ([^]*)$/.exec(command.message)
    if (!m) continue
    for (const line of (m[1] ?? '').split(/\r?\n/)) {
      if (/^\d{3}(?:[ -]|$)/.test(line)) lines.push(`S: ${line}`)
      else if (/^(?:[A-Z]{4,8}(?: |$)|MAIL FROM:|RCPT TO:)/.test(line)) lines.push(`C: ${line}`)
    }
  }
  return lines
}

/** The MAIL FROM parameters (SIZE, BODY …) the server received, last MAIL FROM of the log. */
export function mailFromParams(kind: ServerKind, log: string): Record<string, string> | undefined {
  const pattern =
    kind === 'postfix'
      ? /postfix\/smtpd\[\d+\]: < [^:]+: MAIL FROM:<[^>]*>(.*)$/gim
      : /smtp-server: conn [^:]+:\d+ \[\d+\]: Received new command: MAIL FROM:<[^>]*>(.*)$/gim
  const found = [...log.matchAll(pattern)].pop()
  if (!found) return undefined
  const params: Record<string, string> = {}
  for (const param of (found[1] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const eq = param.indexOf('=')
    if (eq < 0) params[param.toUpperCase()] = ''
    else params[param.slice(0, eq).toUpperCase()] = param.slice(eq + 1)
  }
  return params
}

/**
 * Dovecot's smtp-server logs each command as it parses it and each reply as it goes out: when the
 * client pipelined, every `verb` command of the transaction was read before the first reply to one.
 */
export function serverPipelined(log: string, verb: string): boolean {
  const lines = log.split('\n')
  const received = lines.flatMap((l, i) => (l.includes(`Received new command: ${verb}`) ? [i] : []))
  const firstSent = lines.findIndex((l) => new RegExp(`command ${verb}[^:]*: \\d{3} reply: Sent`).test(l))
  return received.length > 1 && firstSent > received[received.length - 1]!
}

/** AUTH commands the server received, and how many of them it answered 235. */
export function authAttempts(kind: ServerKind, log: string): { failed: number; succeeded: number } {
  const [sent, ok] =
    kind === 'postfix'
      ? [/postfix\/smtpd\[\d+\]: < [^:]+: AUTH /g, /postfix\/smtpd\[\d+\]: > [^:]+: 235 /g]
      : [
          /: Received new command: AUTH /g,
          /smtp-server: conn [^:]+:\d+ \[\d+\]: (?:command AUTH: 235 reply: )?Sent: 235 /g
        ]
  const attempts = [...log.matchAll(sent)].length
  const succeeded = [...log.matchAll(ok)].length
  return { failed: attempts - succeeded, succeeded }
}

/**
 * The message as the action sent it: without the trace headers the server put in front
 * (Received:, and their folded continuation lines).
 */
export function withoutServerHeaders(raw: string): string {
  let rest = raw
  for (;;) {
    const m = /^Received:[^\n]*\n(?:[ \t][^\n]*\n)*/i.exec(rest)
    if (!m) return rest
    rest = rest.slice(m[0].length)
  }
}
