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
import type { Retry, RetryRules, TokenSource } from '../shared/transport.js'

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

/**
 * How Graph's throttling is waited out and told, where it differs from SMTP's: exactly as
 * Retry-After asks, within timeout-seconds and not counted against max-attempts. Whether a failed
 * request may go again is the retry policy's (delivery/retry-policy.ts), for Graph as for SMTP.
 */
export const graphRetryRules: RetryRules = {
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
