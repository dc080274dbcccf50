import type { Credential } from '../inputs/credential.js'

/** The facts of a failed token request, kept for the diagnosis. */
export class TokenError extends Error {
  /** OAuth `error` (e.g. invalid_client), or msal's own code (e.g. network_error). */
  readonly errorCode: string
  /** Entra's error text (AADSTS… description, trace and correlation IDs). */
  readonly description: string
  /** HTTP status of the token response, when there was one. */
  readonly status: number | undefined
  /** Transport-level cause (DNS, refused, TLS, timeout) msal-node does not keep. */
  readonly networkCause: string | undefined
  /** The credential kind that was presented. */
  readonly credentialKind: Credential['kind']
  /** Claims of the presented GitHub OIDC token (never the token itself). */
  readonly presentedClaims: Record<string, unknown> | undefined
  /** How long the token endpoint asked us to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined
  /** Where the token endpoint redirected the request (never followed). */
  readonly location: string | undefined
  /** The text of an HTML error page, tags stripped and bounded. */
  readonly htmlExcerpt: string | undefined

  constructor(init: {
    errorCode: string
    description: string
    status?: number
    networkCause?: string
    credentialKind: Credential['kind']
    presentedClaims?: Record<string, unknown>
    retryAfterMs?: number
    location?: string
    htmlExcerpt?: string
  }) {
    super(`Token request failed: ${init.errorCode}${init.description ? `: ${init.description}` : ''}`)
    this.name = 'TokenError'
    this.errorCode = init.errorCode
    this.description = init.description
    this.status = init.status
    this.networkCause = init.networkCause
    this.credentialKind = init.credentialKind
    this.presentedClaims = init.presentedClaims
    this.retryAfterMs = init.retryAfterMs
    this.location = init.location
    this.htmlExcerpt = init.htmlExcerpt
  }
}
