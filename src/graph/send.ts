import { sendLargeMessage } from './large-message.js'
import { GRAPH_REQUEST_LIMIT, mailboxUrl, mimeBody, type GraphPostPlan } from './mailbox-requests.js'
import { GraphCalls } from './retries.js'
import type { ComposedMail, Delivery, Transaction } from '../shared/transport.js'

/** How one message goes out through Microsoft Graph, outside a delivery (the set-up check's test message). */
export interface GraphSendPlan extends GraphPostPlan {
  /** The message, composed with its Bcc header (`withBcc`) when it has Bcc recipients. */
  message: ComposedMail
  /** Where each recipient stands (delivery's RecipientLedger): all accepted at once, or none. */
  ledger: { record(transaction: Transaction): number; accepted(): string[] }
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
