/**
 * The diagnosis catalogue: every known failure, what it means, and what an administrator does
 * about it. Data only, in catalogue-entra.ts, catalogue-smtp.ts and catalogue-graph.ts; match.ts
 * finds the entry of a failure. In `meaning` and `fix` the placeholders {tenant}, {clientId},
 * {mailbox}, {from}, {cloud}, {authorityHost}, {smtpHost}, {smtpPort}, {graphHost}, {scope},
 * {audience}, {subject}, {issuer}, {thumbprint}, {notAfter} are filled in from the run.
 */
import { ENTRA_ENTRIES } from './catalogue-entra.js'
import { GRAPH_ENTRIES } from './catalogue-graph.js'
import { SMTP_ENTRIES, TRANSPORT_ENTRIES } from './catalogue-smtp.js'

/** How a catalogue entry recognises a failure. */
type Match =
  /** Entra ID AADSTS error numbers, or HTTP statuses of the token response. */
  | { entra: number[]; status?: number[] }
  /** An SMTP reply: basic code and/or enhanced status codes and/or reply text. */
  | { smtp: { reply?: number[]; enhanced?: string[]; text?: RegExp } }
  /**
   * A Microsoft Graph answer: it matches when any one of the given criteria does (an HTTP status,
   * Graph's `error.code`, or its `error.message`), as Graph's codes are not tied to one status.
   */
  | { graph: { status?: number[]; code?: string[]; text?: RegExp } }
  /** A transport failure by error code (ECONNREFUSED, ETIMEDOUT, …). */
  | { transport: string[] }
  /**
   * A failure the action recognises itself: token_timeout, html_response, redirected (token
   * endpoint); no_xoauth2, size_exceeded (SMTP server); graph_answer_lost (a Graph request sent
   * in full whose answer never came).
   */
  | { detected: string[] }

/** One known failure. */
export interface CatalogueEntry {
  /** Short stable identifier, e.g. AADSTS7000215 or 535 5.7.3. */
  id: string
  /** How to recognise it. */
  match: Match
  /** What it means, in one sentence. */
  meaning: string
  /** What to do, step by step (portal paths or PowerShell). */
  fix: string[]
  /** Where Microsoft (or Node.js) documents it. */
  docs: string
  /** What the action checks beyond the code itself, for docs/troubleshooting.md. */
  checked?: string
  /**
   * `never`: no attempt can succeed until someone changes something, although the failure arrives
   * as a network error (a token endpoint network_error, an SMTP socket error) that the retry policy
   * would otherwise try again. Without it, retry-policy.ts decides from the codes alone.
   */
  retry?: 'never'
  /**
   * `tls`: a connection failure of TLS itself, which the set-up check puts on its TLS line; every
   * other connection failure goes on its "SMTP reachable" line.
   */
  checklist?: 'tls'
  /**
   * Exchange refused the token at AUTH with this enhanced code: the advice is then worked out from
   * the presented token's claims (auth-refusal.ts), not only the fixed steps.
   */
  authRefusal?: '5.7.3' | '5.7.139'
  /**
   * Microsoft Graph refused the request for want of a right (`access`) or refused the token
   * (`token`): the advice is then worked out from the presented token's claims
   * (graph-refusal.ts), as for `authRefusal`.
   */
  graphRefusal?: 'access' | 'token'
}

/** Every known failure: Entra ID first, then Exchange Online SMTP, Microsoft Graph, then the network. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  ...ENTRA_ENTRIES,
  ...SMTP_ENTRIES,
  ...GRAPH_ENTRIES,
  ...TRANSPORT_ENTRIES
]
