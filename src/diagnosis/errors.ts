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
  /** Where the token endpoint redirected the request (never followed). */
  readonly location: string | undefined
  /** The text of an HTML error page, tags stripped and bounded. */
  readonly htmlExcerpt: string | undefined

  constructor(init: {
    errorCode: string
    description: string
    status?: number
    networkCause?: string
    credentialKind: CredentialKind
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

/** The SMTP server does not offer XOAUTH2 (after STARTTLS): no AUTH was sent. */
export class NoXoauth2Error extends Error {
  /** nodemailer's code for authentication failures; the diagnosis tells this one by `offered`. */
  readonly code = 'EAUTH'
  readonly command = 'EHLO'
  /** The SASL mechanisms the server offers (none when it advertises no AUTH). */
  readonly offered: string[]

  constructor(offered: string[]) {
    super(
      offered.length
        ? `The SMTP server does not offer XOAUTH2; it offers ${offered.join(', ')}. No AUTH was sent.`
        : 'The SMTP server offers no authentication (no AUTH in its EHLO reply). No AUTH was sent.'
    )
    this.name = 'NoXoauth2Error'
    this.offered = offered
  }
}

/** The message is larger than the SIZE the server advertised: refused before MAIL FROM. */
export class MessageTooLargeError extends Error {
  readonly code = 'EMESSAGE'
  readonly command = 'MAIL FROM'
  /** The message, in bytes as sent (encoded). */
  readonly size: number
  /** The server's advertised SIZE limit, in bytes. */
  readonly limit: number

  constructor(size: number, limit: number) {
    super(`The message is ${size} bytes; the server accepts at most ${limit} bytes (EHLO SIZE). Nothing was uploaded.`)
    this.name = 'MessageTooLargeError'
    this.size = size
    this.limit = limit
  }
}

/** Some recipients were rejected while the others got the message. */
export class PartialDeliveryError extends Error {
  /** Recipients that got the message. */
  readonly accepted: string[]
  /** Recipients the server rejected, with its reply to each. */
  readonly rejected: { address: string; response: string }[]

  constructor(delivery: { accepted: string[]; rejected: { address: string; response: string }[] }) {
    super(`Rejected recipients: ${boundedList(delivery.rejected.map((r) => r.address))}`)
    this.name = 'PartialDeliveryError'
    this.accepted = delivery.accepted
    this.rejected = delivery.rejected
  }
}

/** At most `max` items, then "and N more": reports stay readable with thousands of recipients. */
export function boundedList(items: readonly string[], max = 5, separator = ', '): string {
  if (items.length <= max) return items.join(separator)
  return `${items.slice(0, max).join(separator)}${separator}… and ${items.length - max} more`
}
