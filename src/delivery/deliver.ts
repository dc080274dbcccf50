import * as core from '@actions/core'
import { formatClaims, readClaims, type TokenClaims } from '../auth/claims.js'
import { TokenError } from '../auth/token-error.js'
import { excerpt } from '../shared/bounded-text.js'
import { log } from '../report/log.js'
import type { ComposedMessage } from '../message/mime.js'
import { SmtpSession, type SmtpTimeouts } from '../smtp/session.js'
import type { Delivery } from '../smtp/outcome.js'
import { RecipientLedger } from './recipient-ledger.js'
import { smtpError } from '../smtp/smtp-errors.js'
import { backoffMs, retryDecision, throttleBackoffMs } from './retry-policy.js'
import { xoauth2Response, type PresentedToken } from '../smtp/sasl.js'
import type { Settings } from '../inputs/settings.js'

/** Tokens on demand: the first request starts at once; later ones are fresh requests. */
export interface Tokens {
  /** The token for AUTH. `renew` (or a failed previous request) sends a fresh request. */
  get(renew: boolean): Promise<PresentedToken>
  /** The failure of the latest token request, if it failed (nodemailer reports it as EAUTH). */
  error(): TokenError | undefined
  /** Whether a token request is under way and not answered yet. */
  pending(): boolean
  /** Identity requests sent so far, for the debug log. */
  requests(): string[]
  /** Claims of the latest token acquired (the one presented at AUTH), if it was a JWT. */
  claims(): TokenClaims | undefined
}

/** The XOAUTH2 SASL string AUTH sends; masked like the token it contains. */
export function xoauth2Blob(user: string, token: string): string {
  return xoauth2Response(user, token)
}

/** Starts the first token request now; msal-node is loaded only now, off the critical path. */
export function startTokens(settings: Settings, timeoutMs: () => number): Tokens {
  const started = Date.now()
  let failure: TokenError | undefined
  let inFlight = 0
  let requests: () => string[] = () => []
  let claims: TokenClaims | undefined
  const provider = import('../auth/token-provider.js').then(({ createTokenProvider }) =>
    createTokenProvider(
      settings,
      {
        getIdToken: (audience) => core.getIDToken(audience),
        mask: (secret) => core.setSecret(secret),
        debug: (line) => log.debug(excerpt(line))
      },
      timeoutMs()
    )
  )
  const acquire = (renew: boolean): Promise<PresentedToken> => {
    failure = undefined
    inFlight++
    const pending = provider
      .then((p) => {
        requests = () => p.requests.map((r) => `${r.method} ${r.url}`)
        return p.getToken(renew)
      })
      .then(
        (t) => {
          core.setSecret(xoauth2Blob(settings.smtpUser, t.token))
          claims = readClaims(t.token)
          log.debug(formatClaims(claims))
          log.info(
            `Token acquired ${Date.now() - started} ms after start (expires ${t.expiresOn?.toISOString() ?? '?'}).`
          )
          return { token: t.token, acquiredAt: Date.now(), expiresOn: t.expiresOn }
        },
        (err: unknown) => {
          if (err instanceof TokenError) failure = err
          throw err
        }
      )
      .finally(() => inFlight--)
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
        log.debug(`Token wait at AUTH: ${Date.now() - askedAt} ms`)
        return token
      })
    },
    error: () => failure,
    pending: () => inFlight > 0,
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
  /** Where each recipient stands; kept by the caller to report progress if delivery fails. */
  ledger?: RecipientLedger
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

export { RecipientLedger } from './recipient-ledger.js'

/** The failure to report when the step's time ran out while a token request was unanswered. */
export function tokenTimeout(settings: Settings, seconds: number): TokenError {
  return new TokenError({
    errorCode: 'token_timeout',
    description: `No answer from the token endpoint within timeout-seconds (${seconds} s).`,
    credentialKind: settings.credential.kind
  })
}

/** Milliseconds an attempt needs at least, beyond the wait before it. */
const ATTEMPT_MARGIN_MS = 2000

/**
 * Delivers the message, retrying transient failures with backoff within the step's budget.
 * Recipients go in transactions of at most 500; those deferred with a 4xx reply go again in a
 * later transaction. A recipient whose transaction the server accepted is never sent the message
 * again, whatever fails afterwards (the ledger keeps track across attempts). Throttling replies
 * are waited out for as long as the budget allows; other failures end after max-attempts.
 */
export async function deliverWithRetries(plan: DeliveryPlan): Promise<Delivery> {
  const { settings, tokens, message } = plan
  const ledger = plan.ledger ?? new RecipientLedger(message.envelope.to)
  const sleep = plan.sleep ?? ((ms: number) => sleepFor(ms, plan.signal))
  let session = plan.firstSession
  let last: { messageId: string; response: string } | undefined
  let transactions = 0
  const onAbort = (): void => session.abort()
  plan.signal?.addEventListener('abort', onAbort)
  try {
    await attempts()
  } finally {
    plan.signal?.removeEventListener('abort', onAbort)
    session.close()
  }
  return outcome()

  function outcome(): Delivery {
    const accepted = ledger.accepted()
    const rejected = [...ledger.rejected(), ...ledger.deferred()]
    if (!last || accepted.length === 0) {
      // nodemailer's shape for "all recipients were rejected", so that it is diagnosed alike
      const first = rejected.find((r) => !r.response.startsWith('4')) ?? rejected[0]
      throw smtpError("Can't send mail - all recipients were rejected", {
        code: 'EENVELOPE',
        command: 'RCPT TO',
        response: first?.response ?? '',
        rejectedErrors: rejected.map((r) => ({ recipient: r.address, response: r.response }))
      })
    }
    return { messageId: last.messageId, accepted, rejected, response: last.response, transactions }
  }

  /** Transactions on this session until no recipient is open; waits out deferrals. */
  async function transact(): Promise<void> {
    for (let round = 1; ledger.open().length > 0;) {
      const batch = ledger.nextBatch()
      const result = await session.send(message, batch)
      const accepted = ledger.record(result)
      if (result.delivered) {
        transactions++
        last = { messageId: result.messageId, response: result.response }
      }
      const deferred = result.refused.filter((r) => r.code < 500).length
      if (transactions > 1 || ledger.size > batch.length || deferred > 0) {
        log.info(
          `Transaction ${transactions}: ${accepted} of ${batch.length} recipients accepted${deferred ? `, ${deferred} deferred (${excerpt(firstLine(result.refused.find((r) => r.code < 500)?.response), 300)})` : ''}; ${ledger.open().length} still to go.`
        )
      }
      if (accepted > 0 || ledger.open().length === 0) {
        round = 1
        continue
      }
      // Nothing taken this round: the server defers everyone left. Wait before asking again.
      const wait = throttleBackoffMs(round++)
      if (wait + ATTEMPT_MARGIN_MS > plan.remaining()) {
        log.info(
          `${ledger.open().length} recipient(s) still deferred; ${Math.round(plan.remaining() / 1000)} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`
        )
        return
      }
      log.info(`Every remaining recipient was deferred; asking again in ${wait} ms.`)
      await sleep(wait)
      if (plan.signal?.aborted) return
    }
  }

  async function attempts(): Promise<void> {
    let counted = 0
    let throttled = 0
    for (let attempt = 1; ; attempt++) {
      // Every token of the first attempt comes from this run: never stale (see mayBeStale).
      const attemptStartedAt = attempt === 1 ? 0 : Date.now()
      try {
        await session.login((renew) => tokens.get(renew), attemptStartedAt)
        log.info(`Authenticated as ${settings.smtpUser} with XOAUTH2.`)
        await transact()
        if (attempt > 1) log.info(`Delivered on attempt ${attempt}.`)
        return
      } catch (caught) {
        // nodemailer reports a failed token request as EAUTH: the token error has the facts.
        const err = tokens.error() ?? caught
        const decision = retryDecision(err)
        // the reason quotes the server: bounded, and printed through the one printer
        decision.reason = excerpt(decision.reason, 300)
        const left = plan.remaining()
        if (!decision.retry) {
          log.debug(`Not retried: ${decision.reason}`)
          throw err
        }
        if (decision.throttled) throttled++
        else counted++
        if (!decision.throttled && counted >= settings.maxAttempts) {
          log.info(`Attempt ${attempt} of ${settings.maxAttempts} failed (${decision.reason}); no attempts left.`)
          throw err
        }
        const wait = Math.max(
          decision.waitMs ?? 0,
          decision.throttled ? throttleBackoffMs(throttled) : backoffMs(counted)
        )
        if (wait + ATTEMPT_MARGIN_MS > left) {
          log.info(
            `Attempt ${attempt} failed (${decision.reason}); ${Math.round(left / 1000)} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`
          )
          throw err
        }
        log.info(
          decision.throttled
            ? `Attempt ${attempt} failed: ${decision.reason}. Waited out within timeout-seconds (not counted against max-attempts). Retrying in ${wait} ms.`
            : `Attempt ${attempt} of ${settings.maxAttempts} failed: ${decision.reason}. Retrying in ${wait} ms.`
        )
        await sleep(wait)
        session.close()
        if (plan.signal?.aborted) throw err
        session = SmtpSession.open(settings, plan.timeouts(), { debug: plan.log })
      } finally {
        log.debug(`Identity requests so far: ${tokens.requests().join(', ') || 'none'}`)
      }
    }
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split(/\r?\n/)[0] ?? ''
}
