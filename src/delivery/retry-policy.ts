import { failureFromError, type Failure } from '../diagnosis/failure.js'
import { catalogueEntry, enhancedCode } from '../diagnosis/match.js'
import type { RetryDecision } from '../shared/transport.js'

export type { RetryDecision }

const TRANSIENT_NETWORK = [
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH'
]

/**
 * Whether an SMTP reply says the server is busy or throttling rather than failing: Exchange's
 * concurrency limit (4.3.2, as 432 or 421), its temporary restrictions (4.7.500-699), and system
 * congestion (4.4.5). Pure.
 */
function isThrottling(reply: string): boolean {
  const basic = Number(reply.slice(0, 3)) || 0
  if (basic < 400 || basic >= 500) return false
  if (basic === 432) return true
  const enhanced = enhancedCode(reply) ?? ''
  return ['4.3.2', '4.4.5'].includes(enhanced) || /\b4\.7\.[56]\d\d\b/.test(reply)
}

/**
 * Decides whether a failure is worth another attempt. Transient: token endpoint 429 and 5xx,
 * network errors, SMTP 4xx replies, a dropped connection. Throttling among them is marked so
 * that it is waited out. Never: permanent 5xx replies (a refused token included: a token from
 * this run is as fresh as a renewed one, see sasl.ts), input errors, failures the catalogue marks
 * `retry: 'never'` (an untrusted certificate), a server without STARTTLS or XOAUTH2, a message
 * above the server's SIZE. Pure.
 */
export function retryDecision(err: unknown): RetryDecision {
  const f: Failure = failureFromError(err)
  if (f.source === 'input') return { retry: false, reason: 'invalid input' }
  // Some failures look like passing network errors but are not (an untrusted certificate): the
  // diagnosis catalogue recognises them once, and marks them.
  const entry = catalogueEntry(f)
  const neverRetried = entry?.retry === 'never' ? entry.id : undefined
  if (f.source === 'unknown') return { retry: false, reason: f.message }
  if (f.source === 'graph') return graphRetryDecision(f, neverRetried)

  if (f.source === 'entra') {
    if (f.errorCode === 'network_error') {
      const cause = f.networkCause ?? ''
      if (neverRetried) return { retry: false, reason: `${neverRetried}: ${cause}` }
      if (/ENOTFOUND/.test(cause)) return { retry: false, reason: `host not found: ${cause}` }
      // A proxy's refusal is its policy (Graph's requests are not retried on it either).
      if (/^EPROXY\b/.test(cause)) return { retry: false, reason: `the proxy refused the tunnel: ${cause}` }
      return { retry: true, reason: `token endpoint unreachable: ${cause || 'network error'}` }
    }
    const status = f.status ?? 0
    const wait = f.retryAfterMs !== undefined ? { waitMs: f.retryAfterMs } : {}
    if (status === 429 || /AADSTS50196\b/.test(f.description)) {
      return {
        retry: true,
        throttled: true,
        reason: `token endpoint throttled the request (HTTP ${status || 429})`,
        ...wait
      }
    }
    if (f.errorCode === 'redirected') return { retry: false, reason: 'the token endpoint redirected the request' }
    if (status >= 500 || f.errorCode === 'temporarily_unavailable' || f.errorCode === 'service_unavailable') {
      return { retry: true, reason: `token endpoint answered HTTP ${status || f.errorCode}`, ...wait }
    }
    return { retry: false, reason: `token request refused (${f.errorCode})` }
  }

  // SMTP and transport
  const code = f.originalCode ?? f.code
  if (neverRetried) return { retry: false, reason: `${neverRetried}: ${f.message}` }
  if (f.code === 'ETLS') return { retry: false, reason: 'TLS could not be established' }
  if (f.offered || f.size) return { retry: false, reason: f.message }
  const reply = f.response ?? ''
  const basic = f.responseCode ?? (Number(reply.slice(0, 3)) || 0)
  if (basic >= 400 && basic < 500) {
    const line = reply.split(/\r?\n/)[0]
    return isThrottling(reply)
      ? { retry: true, throttled: true, reason: `the server is busy or throttling: ${line}` }
      : { retry: true, reason: `temporary SMTP reply: ${line}` }
  }
  if (basic >= 500) return { retry: false, reason: `permanent SMTP reply: ${reply.split(/\r?\n/)[0]}` }
  if (f.code === 'ENOTFOUND' || code === 'ENOTFOUND') return { retry: false, reason: 'host not found' }
  if (f.code === 'ECONNECTION' || f.code === 'ESOCKET' || f.code === 'ETIMEDOUT' || TRANSIENT_NETWORK.includes(code)) {
    return { retry: true, reason: `connection problem: ${f.message}` }
  }
  return { retry: false, reason: f.message }
}

/** TLS, name and request failures of a Graph connection that another attempt cannot mend. */
const GRAPH_NEVER_RETRIED = /^(ENOTFOUND|EPROXY|CERT_|ERR_TLS|ERR_SSL|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|ERR_INVALID)/

/**
 * Graph: `sendMail` is not idempotent, so a request is sent again only when Graph surely did not
 * take it: it answered 429 or 503 (throttled: waited out as Retry-After asks), or the connection
 * failed before the whole body had gone out. A request sent in full whose answer was lost, and
 * every other answer (400, 401, 403, 404, 413 …), ends the send: resending could deliver twice. Pure.
 */
function graphRetryDecision(f: Extract<Failure, { source: 'graph' }>, neverRetried?: string): RetryDecision {
  if (f.mayHaveBeenAccepted) {
    return {
      retry: false,
      reason: `the request was sent in full and its answer lost (${f.code}): it may have been accepted`
    }
  }
  if (f.status === 429 || f.status === 503) {
    const wait = f.retryAfterMs !== undefined ? { waitMs: f.retryAfterMs } : {}
    return { retry: true, throttled: true, reason: `HTTP ${f.status} ${f.code}`, ...wait }
  }
  if (f.status !== 0) return { retry: false, reason: `HTTP ${f.status} ${f.code}` }
  if (neverRetried) return { retry: false, reason: `${neverRetried}: ${f.message}` }
  if (GRAPH_NEVER_RETRIED.test(f.code)) return { retry: false, reason: f.code }
  return { retry: true, reason: `connection failed before the request was sent (${f.code})` }
}

/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s … (× 0.5–1.0), at most 15 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(15_000, 500 * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling * (0.5 + random() * 0.5))
}

/**
 * The wait after the n-th throttled attempt: growing by half each time from 1 s to at most 8 s,
 * spread over a quarter to all of that. A busy slot (Exchange's 3 connections per mailbox) frees
 * within seconds; the wide jitter keeps jobs that were refused together from coming back
 * together, and the low cap keeps them asking often enough to take a slot as it frees.
 */
export function throttleBackoffMs(n: number, random: () => number = Math.random): number {
  const ceiling = Math.min(8_000, 1_000 * 1.5 ** Math.max(0, n - 1))
  return Math.round(ceiling * (0.25 + random() * 0.75))
}
