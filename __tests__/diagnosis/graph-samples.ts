/**
 * Microsoft Graph failures as the Graph transport raises them (GraphError), reduced to the facts
 * the diagnosis reads: Graph's own codes and texts as they arrive, for the catalogue's tests.
 */
import { failureFromError, type Failure } from '../../src/diagnosis/failure.js'
import { GraphError, type GraphErrorFacts } from '../../src/graph/graph-error.js'

export const REQUEST_ID = '4f1c2b3a-9d8e-4c7b-a6f5-0e1d2c3b4a59'
export const CLIENT_REQUEST_ID = 'a3b2c1d0-1111-4222-8333-944455566677'
export const DATE = '2026-12-06T05:00:00'

/** A GraphError as the transport makes it from Graph's answer, with the IDs Graph sends. */
export function graphError(status: number, code: string, graphMessage: string, extra: Partial<GraphErrorFacts> = {}) {
  const answered = status > 0
  return new GraphError(`Microsoft Graph answered HTTP ${status}: ${code}`, {
    status,
    code,
    graphMessage,
    operation: 'sendMail',
    clientRequestId: CLIENT_REQUEST_ID,
    mayHaveBeenAccepted: false,
    ...(answered ? { requestId: REQUEST_ID, date: DATE } : {}),
    ...extra
  })
}

/** A request that never got an answer: cut before (or after) its body went out in full. */
export function noAnswer(code: string, message: string, mayHaveBeenAccepted = false): GraphError {
  return new GraphError(message, {
    status: 0,
    code,
    graphMessage: '',
    operation: 'sendMail',
    clientRequestId: CLIENT_REQUEST_ID,
    mayHaveBeenAccepted
  })
}

const f = (err: GraphError): Failure => failureFromError(err)

/** One or more realistic failures per Graph entry, and Graph's share of the network entries. */
export const GRAPH_SAMPLES: Record<string, Failure[]> = {
  '403 ErrorAccessDenied': [
    f(graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'))
  ],
  '401 InvalidAuthenticationToken': [
    f(graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.')),
    f(graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'))
  ],
  '404 ErrorInvalidUser': [
    f(graphError(404, 'ErrorInvalidUser', "The requested user 'ci@contoso.com' is invalid.")),
    f(graphError(404, 'ResourceNotFound', 'Resource could not be discovered.')),
    f(
      graphError(
        404,
        'MailboxNotEnabledForRESTAPI',
        'The mailbox is either inactive, soft-deleted, or is hosted on-premise.'
      )
    )
  ],
  '403 ErrorSendAsDenied': [
    f(
      graphError(
        403,
        'ErrorSendAsDenied',
        'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message.'
      )
    )
  ],
  '413 Request too large': [
    f(graphError(413, '', '')),
    f(graphError(400, 'BadRequest', 'The maximum request length supported is 4MB.')),
    f(
      graphError(
        400,
        'ErrorMessageSizeExceeded',
        'The message exceeds the maximum supported size., Cannot save changes made to an item to store.'
      )
    )
  ],
  '429 Throttled': [
    f(
      graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
        retryAfterMs: 300_000
      })
    ),
    f(graphError(503, 'ServiceUnavailable', 'Service Unavailable', { retryAfterMs: 30_000 }))
  ],
  'Graph answer lost': [
    f(noAnswer('ECONNRESET', 'The connection to Microsoft Graph was reset after the request was sent.', true)),
    f(noAnswer('ETIMEDOUT', 'No answer from Microsoft Graph within timeout-seconds.', true))
  ],
  DNS: [f(noAnswer('ENOTFOUND', 'getaddrinfo ENOTFOUND graph.microsoft.con'))],
  ECONNREFUSED: [f(noAnswer('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443'))],
  'TLS certificate': [f(noAnswer('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'))]
}
