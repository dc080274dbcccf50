import { certificateExpiryWarning } from './certificate-expiry.js'
import { formatClaims, readClaims, type TokenClaims } from './claims.js'
import { TokenError } from './token-error.js'
import { excerpt } from '../shared/bounded-text.js'
import { xoauth2Response, type PresentedToken } from '../smtp/sasl.js'
import type { EarlyTls } from '../shared/early-tls.js'
import type { Logger } from '../shared/logger.js'
import type { Settings } from '../inputs/settings.js'
import type { createTokenProvider } from './token-provider.js'

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

/** What the token lifecycle needs from the runner, injected. */
export interface TokenDependencies {
  /** Progress, claims and the token endpoint's debug lines; masks every token. */
  log: Logger
  /** Fetches the runner's OIDC token for an audience (the toolkit's getIDToken). */
  getIdToken: (audience: string) => Promise<string>
  /** The TLS connection to the authority opened at start, for the first token request. */
  connection?: EarlyTls
  /** Loads the token client (msal-node): the composition root's stage, started with the first request. */
  loadClient: () => Promise<{ createTokenProvider: typeof createTokenProvider }>
}

/** The XOAUTH2 SASL string AUTH sends; masked like the token it contains. */
export function xoauth2Blob(user: string, token: string): string {
  return xoauth2Response(user, token)
}

/**
 * Starts the first token request now; msal-node is loaded only now, off the critical path.
 * `requestMs` bounds each request to the token endpoint.
 */
export function startTokens(settings: Settings, deps: TokenDependencies, requestMs: () => number): Tokens {
  const { log } = deps
  const started = Date.now()
  const expiry = certificateExpiryWarning(settings.credential, new Date(started))
  if (expiry) log.warning(expiry)
  let failure: TokenError | undefined
  let inFlight = 0
  let requests: () => string[] = () => []
  let claims: TokenClaims | undefined
  const provider = deps.loadClient().then(({ createTokenProvider }) =>
    createTokenProvider(
      settings,
      {
        getIdToken: deps.getIdToken,
        mask: (secret) => log.mask(secret),
        debug: (line) => log.debug(excerpt(line)),
        ...(deps.connection ? { connection: deps.connection } : {})
      },
      requestMs()
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
          log.mask(xoauth2Blob(settings.smtpUser, t.token))
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

/** The failure to report when the step's time ran out while a token request was unanswered. */
export function tokenTimeout(settings: Settings, seconds: number): TokenError {
  return new TokenError({
    errorCode: 'token_timeout',
    description: `No answer from the token endpoint within timeout-seconds (${seconds} s).`,
    credentialKind: settings.credential.kind
  })
}
