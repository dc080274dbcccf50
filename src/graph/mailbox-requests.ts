/**
 * What every request about the sending mailbox shares, the small send (send.ts) and the large one
 * (large-message.ts) alike: the mailbox's URL, the MIME body, Graph's limit of one request and the
 * plan that says how requests go out.
 */
import type { GraphCallDeps } from './retries.js'
import type { Settings } from '../inputs/settings.js'
import type { ComposedMail } from '../shared/transport.js'

/**
 * Graph's limit of one request, applied to the final request body (base64 of the MIME, whose
 * attachments are base64 already: only about 2.2 MB of raw attachments fit). Graph says "4MB";
 * the exact byte count is not documented, so the action stays just under four million bytes.
 */
export const GRAPH_REQUEST_LIMIT = 4_000_000

/** How messages go out through Microsoft Graph. */
export interface GraphPostPlan extends GraphCallDeps {
  settings: Pick<Settings, 'graphHost' | 'smtpUser'>
  /** The token's roles, when it carried any: they explain a refused draft, never decide. */
  roles: () => string[] | undefined
  /** The message with fewer attachments, for a draft when the whole is over the limit of one request. */
  draft?: DraftSource
}

/**
 * `{graph-host}/v1.0/users/{mailbox}`: the sending mailbox's resource. The UPN is encoded as a path
 * segment (a guest's `#EXT#` would otherwise end the path), with `@` kept as Microsoft writes it.
 */
export function mailboxUrl(settings: Pick<Settings, 'graphHost' | 'smtpUser'>): string {
  return `${settings.graphHost}/v1.0/users/${encodeURIComponent(settings.smtpUser).replace(/%40/g, '@')}`
}

/** The request body of `sendMail` and of a MIME draft: the whole message, base64, Bcc header included. */
export function mimeBody(raw: Buffer): string {
  return raw.toString('base64')
}

/** One file attached to the message. */
export interface DraftAttachment {
  filename: string
  content: Buffer
}

/** How to make the message again with fewer attachments: a draft holds what fits in one request. */
export interface DraftSource {
  attachments: DraftAttachment[]
  /** The message with only these attachments, the same Message-ID, composed for Graph. */
  compose(attachments: DraftAttachment[], messageId: string): Promise<ComposedMail>
}
