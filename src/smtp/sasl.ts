import type { SMTPConnectionCustomAuthContext, SMTPConnectionCustomAuthResponse } from 'nodemailer/lib/smtp-connection'

import type { PresentedToken } from '../shared/transport.js'

export type { PresentedToken }

/** Supplies the token at AUTH; `renew` asks for a fresh one (a stale token was refused). */
export type TokenSupplier = (renew: boolean) => Promise<PresentedToken>

/** A token older than this, or expiring within it, could be refused for being stale. */
export const STALE_AFTER_MS = 5 * 60_000

/**
 * Whether a refused token could have been refused for its age, so that a renewed one might be
 * accepted: only a token acquired before this connection attempt began, and issued more than
 * five minutes ago or expiring within five minutes. A token from this same attempt is as fresh
 * as a renewed one would be; presenting another would only add a failed login, which Dovecot
 * and Postfix answer with growing delays. Pure.
 */
export function mayBeStale(token: Omit<PresentedToken, 'token'>, attemptStartedAt: number, now: number): boolean {
  if (token.acquiredAt >= attemptStartedAt) return false
  if (now - token.acquiredAt > STALE_AFTER_MS) return true
  return token.expiresOn !== undefined && token.expiresOn.getTime() - now < STALE_AFTER_MS
}

/** The SASL mechanisms an EHLO reply advertises (`AUTH LOGIN XOAUTH2`, `AUTH=PLAIN`), upper-cased. */
export function advertisedMechanisms(ehloLines: readonly string[]): string[] {
  const found = new Set<string>()
  for (const line of ehloLines) {
    const m = /^AUTH[\s=](.*)$/i.exec(line.trim())
    if (m) for (const mechanism of (m[1] ?? '').split(/[\s=]+/).filter(Boolean)) found.add(mechanism.toUpperCase())
  }
  return [...found]
}

/**
 * The text of a `334` XOAUTH2 challenge, decoded: servers other than Exchange (Gmail, Dovecot)
 * answer a refused token with base64 JSON such as {"status":"401","schemes":"bearer","scope":"mail"}.
 * Bounded, and only printable characters. Pure.
 */
export function decodeChallenge(text: string): string {
  const decoded = Buffer.from(text.trim(), 'base64').toString('utf8')
  return decoded
    .replace(/[^\x20-\x7e]+/g, ' ')
    .trim()
    .slice(0, 300)
}

/** What one XOAUTH2 exchange ended with. */
export interface AuthOutcome {
  /** The final reply. */
  reply: SMTPConnectionCustomAuthResponse
  /** The decoded 334 challenge that came before it, if any. */
  challenge?: string
}

/** XOAUTH2's initial response: base64 of `user=…^Aauth=Bearer …^A^A`. */
export function xoauth2Response(user: string, token: string): string {
  return Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`, 'utf8').toString('base64')
}

/**
 * Presents one token: `AUTH XOAUTH2 <response>`; a `334` challenge is answered with the empty
 * line the SASL mechanism requires (RFC 7628 §3.2.3), and the server's final reply is returned.
 * nodemailer's own XOAUTH2 would instead answer the challenge with a second AUTH and a renewed
 * token, whatever the token's age. nodemailer logs the command with the token masked.
 */
export async function presentToken(
  ctx: Pick<SMTPConnectionCustomAuthContext, 'sendCommand'>,
  user: string,
  token: string
): Promise<AuthOutcome> {
  const response = xoauth2Response(user, token)
  let first = await ctx.sendCommand(`AUTH XOAUTH2 ${response}`)
  // Dovecot 2.3.19 refuses an AUTH line over 1 KiB (500 5.5.2 Line too long): the same response
  // after a bare AUTH and its 334 is accepted. A syntax reply is no failed login.
  if (first.status === 500 || first.status === 501) {
    const ready = await ctx.sendCommand('AUTH XOAUTH2')
    if (ready.status !== 334) return { reply: ready }
    first = await ctx.sendCommand(response)
  }
  if (first.status !== 334) return { reply: first }
  const challenge = decodeChallenge(first.text || first.response.replace(/^334[ -]?/, ''))
  const reply = await ctx.sendCommand('')
  return challenge ? { reply, challenge } : { reply }
}
