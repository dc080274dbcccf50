import {
  graphRequest,
  expectStatus,
  supportIds,
  type GraphRequest,
  type GraphResponse,
  type GraphTransport
} from './request.js'
import { GraphError } from './graph-error.js'
import type { Logger } from '../shared/logger.js'
import type { Retry, RetryDecision, RetryRules, TokenSource } from '../shared/transport.js'

/** What the requests of one Graph send share: the token, the connection and delivery's retry loop. */
export interface GraphCallDeps {
  transport: GraphTransport
  tokens: TokenSource
  log: Logger
  /** Delivery's one retry loop (delivery/retries.ts), with `graphRetryRules`: one count for the whole send. */
  retry: Retry
  /** Sends one request (a test passes a scripted one); by default over `transport`. */
  send?: typeof graphRequest
}

/** TLS and name failures that another attempt cannot mend. */
const NEVER_RETRIED = /^(ENOTFOUND|EPROXY|CERT_|ERR_TLS|ERR_SSL|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|ERR_INVALID)/

/**
 * Graph's retry rules, where they differ from delivery's general ones. `sendMail` is not
 * idempotent, so a request is sent again only when Graph surely did not take it: it answered 429
 * or 503 (throttled: waited out exactly as Retry-After asks, within timeout-seconds and not
 * counted against max-attempts), or the connection failed before the whole body had gone out. A
 * request whose answer was lost, and every other answer (400, 401, 403, 404, 413 …), ends the send.
 * A token request's failure is decided by the general rules.
 */
export const graphRetryRules: RetryRules = {
  decide: (err) => (err instanceof GraphError ? decide(err) : undefined),
  waitAsAsked: true,
  throttledLine: (err, _attempt, reason, wait) =>
    `Microsoft Graph throttled ${err instanceof GraphError ? err.operation : 'the request'} (${reason}); waiting ${formatWait(wait)} as it asked, within timeout-seconds (not counted against max-attempts).`,
  beyondBudget: (err, wait, left) => (err instanceof GraphError ? throttledBeyondBudget(err, wait, left) : undefined)
}

/** The requests of one send, each retried by delivery's loop as far as that is safe (graphRetryRules). */
export class GraphCalls {
  constructor(private readonly deps: GraphCallDeps) {}

  /** Sends the request `make` builds (with the current token) until it gets `expected`, or may not try again. */
  call(make: (token: string) => GraphRequest, expected: number | readonly number[]): Promise<GraphResponse> {
    const { tokens, transport } = this.deps
    const send = this.deps.send ?? graphRequest
    return this.deps.retry(async () => {
      try {
        const token = await tokens.get(false)
        const request = make(token.token)
        return expectStatus(await send(transport, request), expected, request.operation)
      } catch (caught) {
        throw tokens.error() ?? caught
      }
    })
  }
}

/** Whether and how long to wait before trying a failed Graph request again. Pure. */
function decide(err: GraphError): RetryDecision {
  const wait = err.retryAfterMs !== undefined ? { waitMs: err.retryAfterMs } : {}
  if (err.mayHaveBeenAccepted) return { retry: false, reason: 'the request was sent in full and its answer lost' }
  if (err.status === 429 || err.status === 503) {
    return { retry: true, throttled: true, reason: `HTTP ${err.status} ${err.code}`, ...wait }
  }
  if (err.status === 0 && !NEVER_RETRIED.test(err.code)) {
    return { retry: true, reason: `connection failed before the request was sent (${err.code})` }
  }
  return { retry: false, reason: err.status ? `HTTP ${err.status} ${err.code}` : err.code }
}

/** A throttling wait longer than the step has left: fail now, saying so and for how long. */
function throttledBeyondBudget(err: GraphError, waitMs: number, leftSeconds: number): GraphError {
  return new GraphError(
    `Microsoft Graph throttled ${err.operation} (HTTP ${err.status} ${err.code}) and asked to wait ${formatWait(waitMs)} (Retry-After); only ${leftSeconds} s of timeout-seconds are left, so the action stops now instead of waiting. Nothing was sent. ${supportIds(err)}`,
    err
  )
}

function formatWait(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
}
