/**
 * A refusal or failure of Microsoft Graph: the one shape the Graph transport raises and the
 * diagnosis reads, as smtp-errors.ts is for SMTP. Graph answers errors as
 * `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
 */

/** What a Graph failure carries besides its message. */
export interface GraphErrorFacts {
  /** The HTTP status, or 0 when no answer came (connection failed, cut or timed out). */
  status: number
  /** Graph's `error.code` (ErrorAccessDenied, ErrorSendAsDenied, …), or the socket's code (ECONNRESET, ETIMEDOUT, …) when no answer came. */
  code: string
  /** Graph's `error.message`, bounded; empty when no answer came. */
  graphMessage: string
  /** Which request failed: sendMail, createDraft, addAttachment, createUploadSession, upload, send. */
  operation: 'sendMail' | 'createDraft' | 'addAttachment' | 'createUploadSession' | 'upload' | 'send'
  /** Graph's `request-id` (header or innerError), when it answered. */
  requestId?: string
  /** The `client-request-id` the action sent with this request. */
  clientRequestId: string
  /** The `Date` of Graph's answer (header or innerError.date), when it answered. */
  date?: string
  /** The wait Graph asked for with Retry-After (429, 503), in milliseconds. */
  retryAfterMs?: number
  /** The whole request body was sent and its answer was lost: Graph may have accepted it. Never resent. */
  mayHaveBeenAccepted: boolean
}

/** A Graph request that did not end in the status it needed. */
export class GraphError extends Error implements GraphErrorFacts {
  readonly status: number
  readonly code: string
  readonly graphMessage: string
  readonly operation: GraphErrorFacts['operation']
  readonly requestId?: string
  readonly clientRequestId: string
  readonly date?: string
  readonly retryAfterMs?: number
  readonly mayHaveBeenAccepted: boolean

  constructor(message: string, facts: GraphErrorFacts) {
    super(message)
    this.name = 'GraphError'
    this.status = facts.status
    this.code = facts.code
    this.graphMessage = facts.graphMessage
    this.operation = facts.operation
    if (facts.requestId !== undefined) this.requestId = facts.requestId
    this.clientRequestId = facts.clientRequestId
    if (facts.date !== undefined) this.date = facts.date
    if (facts.retryAfterMs !== undefined) this.retryAfterMs = facts.retryAfterMs
    this.mayHaveBeenAccepted = facts.mayHaveBeenAccepted
  }
}
