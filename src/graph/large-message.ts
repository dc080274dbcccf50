import { GraphError } from './graph-error.js'
import type { GraphResponse } from './request.js'
import type { GraphCalls } from './retries.js'
import { GRAPH_REQUEST_LIMIT, type GraphSendPlan } from './send.js'

/** A message over the limit of one request: not yet sendable. */
export function sendLargeMessage(plan: GraphSendPlan, _calls: GraphCalls, bodyBytes: number): Promise<GraphResponse> {
  void plan
  return Promise.reject(tooLarge(bodyBytes, 'drafts are not implemented'))
}

/** The refusal of a message too large for one request when no draft may be made: both sizes, and the ways out. */
export function tooLarge(bodyBytes: number, why: string): GraphError {
  const mb = (n: number): string => `${(n / 1_000_000).toFixed(1)} MB`
  return new GraphError(
    `The message is ${mb(bodyBytes)} as a Microsoft Graph request, over the ${mb(GRAPH_REQUEST_LIMIT)} Graph takes in one request (the body is base64 of the MIME, whose attachments are base64 already). Larger messages need a draft and an upload session, which need the Mail.ReadWrite permission: ${why}. Nothing was sent. Ways out: smaller attachments (about 2.2 MB of files fit in one request), the Microsoft Graph Mail.ReadWrite application permission scoped to the sending mailbox like Mail.Send, or 'transport: smtp'.`,
    {
      status: 413,
      code: 'RequestTooLarge',
      graphMessage: '',
      operation: 'sendMail',
      clientRequestId: '',
      mayHaveBeenAccepted: false
    }
  )
}
