import * as core from '@actions/core'
import { formatClaims, readClaims, type TokenClaims } from './claims.js'
import { TokenError } from './errors.js'
import type { ComposedMessage } from './compose.js'
import { SmtpSession, type Delivery, type SmtpTimeouts } from './mail.js'
import { backoffMs, retryDecision } from './retry.js'
import type { Settings } from './settings.js'

/** Tokens on demand: the first request starts at once; later ones are fresh requests. */
export interface Tokens {
  /** The token for AUTH. `renew` (or a failed previous request) sends a fresh request. */
  get(renew: boolean): Promise<string>
  /** The failure of the latest token request, if it failed (nodemailer reports it as EAUTH). */
  error(): TokenError | undefined
  /** Identity requests sent so far, for the debug log. */
  requests(): string[]
  /** Claims of the latest token acquired (the one presented at AUTH), if it was a JWT. */
  claims(): TokenClaims | undefined
}

/** The XOAUTH2 SASL string nodemailer sends; masked like the token it contains. */
export function xoauth2Blob(user: string, token: string): string {
  return Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`, 'utf8').toString('base64')
}

/** Starts the first token request now; msal-node is loaded only now, off the critical path. */
export function startTokens(settings: Settings, timeoutMs: () => number): Tokens {
  const started = Date.now()
  let failure: TokenError | undefined
  let requests: () => string[] = () => []
  let claims: TokenClaims | undefined
  const provider = import('./auth.js').then(({ createTokenProvider }) =>
    createTokenProvider(
      settings,
      {
        getIdToken: (audience) => core.getIDToken(audience),
        mask: (secret) => core.setSecret(secret),
        debug: (line) => core.debug(line)
      },
      timeoutMs()
    )
  )
  const acquire = (renew: boolean): Promise<string> => {
    failure = undefined
    const pending = provider
      .then((p) => {
        requests = () => p.requests.map((r) => `${r.method} ${r.url}`)
        return p.getToken(renew)
      })
      .then(
        (t) => {
          core.setSecret(xoauth2Blob(settings.smtpUser, t.token))
          claims = readClaims(t.token)
          core.debug(formatClaims(claims))
          core.info(
            `Token acquired ${Date.now() - started} ms after start (expires ${t.expiresOn?.toISOString() ?? '?'}).`
          )
          return t.token
        },
        (err: unknown) => {
          if (err instanceof TokenError) failure = err
          throw err
        }
      )
    pending.catch(() => undefined) // awaited at AUTH; a failure is reported there
    return pending
  }
  let current = acquire(false)
  let failed = false
  let handedOut = false
  current.catch(() => (failed = true))
  return {
    get(renew) {
      // A fresh request on renewal, or when the token already handed to an attempt had failed.
      if (renew || (failed && handedOut)) {
        failed = false
        current = acquire(true)
        current.catch(() => (failed = true))
      }
      handedOut = true
      const askedAt = Date.now()
      return current.then((token) => {
        core.debug(`Token wait at AUTH: ${Date.now() - askedAt} ms`)
        return token
      })
    },
    error: () => failure,
    requests: () => requests(),
    claims: () => claims
  }
}

/** How one delivery is carried out. */
export interface DeliveryPlan {
  /** The settings. */
  settings: Settings
  /** The session opened before the message was rendered (first attempt). */
  firstSession: SmtpSession
  /** Tokens, already requested. */
  tokens: Tokens
  /** The message. */
  message: ComposedMessage
  /** Timeouts of a new connection, bounded by the time left. */
  timeouts: () => SmtpTimeouts
  /** Milliseconds left of the step's budget. */
  remaining: () => number
  /** Where the SMTP conversation is logged. */
  log: (line: string) => void
  /** Aborted at the step's deadline: the current session is closed and no attempt follows. */
  signal?: AbortSignal
  /** Waits (injected so tests could shorten it; production uses setTimeout). */
  sleep?: (ms: number) => Promise<void>
}

/** Waits `ms`, or less when the signal aborts. */
function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/**
 * Delivers the message, retrying transient failures with backoff within the step's budget.
 * Once the server has accepted the message data the result is final: it is never sent twice.
 */
export async function deliverWithRetries(plan: DeliveryPlan): Promise<Delivery> {
  const { settings, tokens, message } = plan
  const sleep = plan.sleep ?? ((ms: number) => sleepFor(ms, plan.signal))
  let session = plan.firstSession
  let renewNext = false
  let renewed = false
  const onAbort = (): void => session.abort()
  plan.signal?.addEventListener('abort', onAbort)
  try {
    return await attempts()
  } finally {
    plan.signal?.removeEventListener('abort', onAbort)
    session.close()
  }

  async function attempts(): Promise<Delivery> {
    for (let attempt = 1; ; attempt++) {
      try {
        const renew = renewNext
        renewNext = false
        await session.login((renewAfterRejection) => tokens.get(renew || renewAfterRejection))
        core.info(`Authenticated as ${settings.smtpUser} with XOAUTH2.`)
        const delivery = await session.send(message)
        if (attempt > 1) core.info(`Delivered on attempt ${attempt}.`)
        return delivery
      } catch (caught) {
        // nodemailer reports a failed token request as EAUTH: the token error has the facts.
        const err = tokens.error() ?? caught
        const decision = retryDecision(err, { renewed })
        const left = plan.remaining()
        if (!decision.retry) {
          core.debug(`Not retried: ${decision.reason}`)
          throw err
        }
        if (attempt >= settings.maxAttempts) {
          core.info(`Attempt ${attempt} of ${settings.maxAttempts} failed (${decision.reason}); no attempts left.`)
          throw err
        }
        const wait = Math.max(decision.waitMs ?? 0, backoffMs(attempt))
        if (wait + 2000 > left) {
          core.info(
            `Attempt ${attempt} failed (${decision.reason}); ${Math.round(left / 1000)} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`
          )
          throw err
        }
        core.info(`Attempt ${attempt} of ${settings.maxAttempts} failed: ${decision.reason}. Retrying in ${wait} ms.`)
        if (decision.renewToken) {
          renewNext = true
          renewed = true
        }
        await sleep(wait)
        session.close()
        if (plan.signal?.aborted) throw err
        session = SmtpSession.open(settings, plan.timeouts(), { debug: plan.log })
      } finally {
        core.debug(`Identity requests so far: ${tokens.requests().join(', ') || 'none'}`)
      }
    }
  }
}
