/** The kinds of credential an app registration can present. */
export type CredentialKind = 'secret' | 'certificate' | 'oidc'

/** A problem with the step's inputs: always names the input, found before any network use. */
export class InputError extends Error {
  /** The kebab-case name of the input at fault. */
  readonly input: string

  constructor(input: string, message: string) {
    super(`Input '${input}': ${message}`)
    this.name = 'InputError'
    this.input = input
  }
}

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
  readonly credentialKind: CredentialKind
  /** Claims of the presented GitHub OIDC token (never the token itself). */
  readonly presentedClaims: Record<string, unknown> | undefined
  /** How long the token endpoint asked us to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined

  constructor(init: {
    errorCode: string
    description: string
    status?: number
    networkCause?: string
    credentialKind: CredentialKind
    presentedClaims?: Record<string, unknown>
    retryAfterMs?: number
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
  }
}

/** Some recipients were rejected while the others got the message. */
export class PartialDeliveryError extends Error {
  /** Recipients that got the message. */
  readonly accepted: string[]
  /** Recipients the server rejected, with its reply to each. */
  readonly rejected: { address: string; response: string }[]

  constructor(delivery: { accepted: string[]; rejected: { address: string; response: string }[] }) {
    super(`Rejected recipients: ${delivery.rejected.map((r) => r.address).join(', ')}`)
    this.name = 'PartialDeliveryError'
    this.accepted = delivery.accepted
    this.rejected = delivery.rejected
  }
}
