import { GraphCalls, type GraphCallDeps } from './retries.js'
import { sendLargeMessage, type DraftSource } from './large-message.js'
import type { Settings } from '../inputs/settings.js'
import type { ComposedMail, Delivery, Transaction } from '../shared/transport.js'

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

/** How one message goes out through Microsoft Graph, outside a delivery (the set-up check's test message). */
export interface GraphSendPlan extends GraphPostPlan {
  /** The message, composed with its Bcc header (`withBcc`) when it has Bcc recipients. */
  message: ComposedMail
  /** Where each recipient stands (delivery's RecipientLedger): all accepted at once, or none. */
  ledger: { record(transaction: Transaction): number; accepted(): string[] }
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

/**
 * Sends the message with `POST /users/{mailbox}/sendMail`: the MIME the SMTP path sends (with
 * its Bcc header, as Graph reads recipients from the headers only), base64, as text/plain. Only
 * 202 is success, and it means Graph accepted the message for every recipient. A message over the
 * limit of one request goes as a draft with its attachments uploaded (large-message.ts).
 */
export async function postMessage(plan: GraphPostPlan, message: ComposedMail): Promise<Transaction> {
  const { settings, log } = plan
  const calls = new GraphCalls(plan)
  const body = mimeBody(message.withBcc ?? message.raw)
  let answer
  if (body.length > GRAPH_REQUEST_LIMIT) {
    answer = await sendLargeMessage(plan, message, calls, body.length)
  } else {
    log.info(`Posting the message to ${settings.graphHost} as ${settings.smtpUser} (${body.length} bytes).`)
    answer = await calls.call(
      (token) => ({
        operation: 'sendMail',
        method: 'POST',
        url: `${mailboxUrl(settings)}/sendMail`,
        token,
        headers: { 'content-type': 'text/plain' },
        body
      }),
      202
    )
  }
  const requestId = answer.headers['request-id']
  const response = `202 Accepted${requestId ? ` (request-id ${requestId})` : ''}`
  return { delivered: true, messageId: message.messageId, accepted: [...message.envelope.to], refused: [], response }
}

/** Sends one message outside a delivery (the set-up check's test message), and records it in the ledger. */
export async function sendOverGraph(plan: GraphSendPlan): Promise<Delivery> {
  const { message, ledger } = plan
  const transaction = await postMessage(plan, message)
  ledger.record(transaction)
  const response = transaction.delivered ? transaction.response : ''
  return { messageId: message.messageId, accepted: ledger.accepted(), rejected: [], response, transactions: 1 }
}
