import { diagnose, enhancedCode, failureFromError, type Failure } from './diagnose.js'

/** Whether and how to try a failed delivery again. */
export interface RetryDecision {
  /** Try again? */
  retry: boolean
  /** Why (or why not), for the log. */
  reason: string
  /** Wait the server asked for (Retry-After), in milliseconds, if any. */
  waitMs?: number
  /** The next attempt must use a freshly acquired token. */
  renewToken?: boolean
}

/** What the policy knows about the attempts so far. */
export interface RetryState {
  /** Whether a token renewal after 535 5.7.3 was already tried. */
  renewed: boolean
}

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
 * Decides whether a failure is worth another attempt. Transient: token endpoint 429 and 5xx,
 * network errors, SMTP 4xx replies, a dropped connection. Never: permanent 5xx replies, input
 * errors, certificate errors, a server without STARTTLS. A 535 5.7.3 is retried once with a
 * renewed token. Pure.
 */
export function retryDecision(err: unknown, state: RetryState): RetryDecision {
  const f: Failure = failureFromError(err)
  if (f.source === 'input') return { retry: false, reason: 'invalid input' }
  // Certificate errors are recognised once, by the diagnosis catalogue.
  const untrusted = diagnose(f, {}).entry?.id === 'TLS certificate'
  if (f.source === 'unknown') return { retry: false, reason: f.message }

  if (f.source === 'entra') {
    if (f.errorCode === 'network_error') {
      const cause = f.networkCause ?? ''
      if (untrusted) return { retry: false, reason: `certificate error: ${cause}` }
      if (/ENOTFOUND/.test(cause)) return { retry: false, reason: `host not found: ${cause}` }
      return { retry: true, reason: `token endpoint unreachable: ${cause || 'network error'}` }
    }
    const status = f.status ?? 0
    const wait = f.retryAfterMs !== undefined ? { waitMs: f.retryAfterMs } : {}
    if (status === 429 || /AADSTS50196\b/.test(f.description)) {
      return { retry: true, reason: `token endpoint throttled the request (HTTP ${status || 429})`, ...wait }
    }
    if (status >= 500 || f.errorCode === 'temporarily_unavailable' || f.errorCode === 'service_unavailable') {
      return { retry: true, reason: `token endpoint answered HTTP ${status || f.errorCode}`, ...wait }
    }
    return { retry: false, reason: `token request refused (${f.errorCode})` }
  }

  // SMTP and transport
  const code = f.originalCode ?? f.code
  if (untrusted) {
    return { retry: false, reason: 'TLS certificate not trusted' }
  }
  if (f.code === 'ETLS') return { retry: false, reason: 'TLS could not be established' }
  const reply = f.response ?? ''
  const basic = f.responseCode ?? (Number(reply.slice(0, 3)) || 0)
  if (basic === 535 && enhancedCode(reply) === '5.7.3') {
    return state.renewed
      ? { retry: false, reason: 'token rejected again after renewal' }
      : { retry: true, reason: 'the server rejected the token (535 5.7.3); renewing it', renewToken: true }
  }
  if (basic >= 400 && basic < 500) return { retry: true, reason: `temporary SMTP reply: ${reply.split(/\r?\n/)[0]}` }
  if (basic >= 500) return { retry: false, reason: `permanent SMTP reply: ${reply.split(/\r?\n/)[0]}` }
  if (f.code === 'ENOTFOUND' || code === 'ENOTFOUND') return { retry: false, reason: 'host not found' }
  if (f.code === 'ECONNECTION' || f.code === 'ESOCKET' || f.code === 'ETIMEDOUT' || TRANSIENT_NETWORK.includes(code)) {
    return { retry: true, reason: `connection problem: ${f.message}` }
  }
  return { retry: false, reason: f.message }
}

/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s … (× 0.5–1.0), at most 15 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(15_000, 500 * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling * (0.5 + random() * 0.5))
}
