/**
 * A thrown error reduced to plain facts: which side failed (Entra ID, the SMTP server, Microsoft
 * Graph, the inputs)
 * and what it said. Everything after this (matching, retry decisions, diagnosis) reads facts, not
 * error classes.
 */
import { TokenError } from '../auth/token-error.js'
import { PartialDeliveryError } from './partial-delivery-error.js'
import { GraphError, type GraphErrorFacts } from '../graph/graph-error.js'
import { InputError } from '../inputs/input-error.js'
import { MessageTooLargeError, NoXoauth2Error } from '../smtp/smtp-errors.js'
import type { RecipientResponse } from '../smtp/outcome.js'

/** Where a failure happened, reduced to plain facts (no error classes), so diagnosis is pure. */
export type Failure =
  | {
      /** The token endpoint (or the request to it) failed. */
      source: 'entra'
      /** OAuth error or msal code (invalid_client, network_error…). */
      errorCode: string
      /** Entra's error text. */
      description: string
      /** HTTP status, if a response came. */
      status?: number
      /** The transport failure behind a network_error. */
      networkCause?: string
      /** Claims of the presented GitHub OIDC token. */
      claims?: Record<string, unknown>
      /** Credential kind that was presented. */
      credentialKind?: string
      /** Retry-After of the token response, in milliseconds. */
      retryAfterMs?: number
      /** Where the token endpoint redirected the request (not followed). */
      location?: string
      /** Text of an HTML error page, tags stripped and bounded. */
      htmlExcerpt?: string
    }
  | {
      /** The SMTP server answered with an error, or the connection failed. */
      source: 'smtp'
      /** nodemailer's code (EAUTH, EENVELOPE, ESOCKET, ETIMEDOUT…). */
      code: string
      /** Underlying system/TLS code (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT…). */
      originalCode?: string
      /** The server's reply, if any. */
      response?: string
      /** Basic reply code. */
      responseCode?: number
      /** The SMTP command that failed. */
      command?: string
      /** The error message. */
      message: string
      /** Recipients the server rejected, with its reply to each. */
      rejected?: RecipientResponse[]
      /** Recipients that got the message anyway (partial delivery). */
      accepted?: string[]
      /** Recipients still deferred (4xx) when the time ran out. */
      deferred?: RecipientResponse[]
      /** The decoded 334 challenge before a refused XOAUTH2 login (Dovecot, Gmail). */
      challenge?: string
      /** The server offers no XOAUTH2: the mechanisms it does offer. */
      offered?: string[]
      /** The message exceeds the server's SIZE: both sizes, in bytes. */
      size?: { message: number; limit: number }
    }
  | ({
      /** Microsoft Graph answered with an error, or its answer never came (status 0). */
      source: 'graph'
      /** The transport's own sentence about the failure. */
      message: string
    } & GraphErrorFacts)
  | {
      /** Invalid inputs. */
      source: 'input'
      /** The message, naming the input. */
      message: string
    }
  | {
      /** Anything else. */
      source: 'unknown'
      /** The error message. */
      message: string
    }

/** Reduces any thrown value to the plain facts of a Failure. */
export function failureFromError(err: unknown): Failure {
  if (err instanceof InputError) return { source: 'input', message: err.message }
  if (err instanceof GraphError) return graphFailure(err)
  if (err instanceof NoXoauth2Error) {
    return { source: 'smtp', code: err.code, command: err.command, message: err.message, offered: err.offered }
  }
  if (err instanceof MessageTooLargeError) {
    const size = { message: err.size, limit: err.limit }
    return { source: 'smtp', code: err.code, command: err.command, message: err.message, size }
  }
  if (err instanceof PartialDeliveryError) {
    const first = err.rejected.find((r) => !r.response.startsWith('4')) ?? err.rejected[0]
    const failure: Failure = {
      source: 'smtp',
      code: 'EENVELOPE',
      response: first?.response,
      responseCode: first ? Number(first.response.slice(0, 3)) || undefined : undefined,
      command: 'RCPT TO',
      message: err.message,
      rejected: err.rejected,
      accepted: err.accepted
    }
    const deferred = err.rejected.filter((r) => r.response.startsWith('4'))
    if (deferred.length) failure.deferred = deferred
    return failure
  }
  if (err instanceof TokenError) {
    return {
      source: 'entra',
      errorCode: err.errorCode,
      description: err.description,
      status: err.status,
      networkCause: err.networkCause,
      claims: err.presentedClaims,
      credentialKind: err.credentialKind,
      retryAfterMs: err.retryAfterMs,
      ...(err.location !== undefined ? { location: err.location } : {}),
      ...(err.htmlExcerpt !== undefined ? { htmlExcerpt: err.htmlExcerpt } : {})
    }
  }
  const e = (err ?? {}) as Record<string, unknown>
  if (typeof e.code === 'string' && (e.code.startsWith('E') || typeof e.responseCode === 'number')) {
    const rejected = rejectedRecipients(e)
    const first = rejected[0]
    // "All recipients were rejected" carries no reply of its own: take the first recipient's.
    const response = typeof e.response === 'string' ? e.response : first?.response
    const failure: Failure = {
      source: 'smtp',
      code: e.code,
      originalCode: typeof e.originalCode === 'string' ? e.originalCode : undefined,
      response,
      responseCode:
        typeof e.responseCode === 'number'
          ? e.responseCode
          : response
            ? Number(response.slice(0, 3)) || undefined
            : undefined,
      command: typeof e.command === 'string' ? e.command : first ? 'RCPT TO' : undefined,
      message: fieldText(e.message ?? e.code)
    }
    if (rejected.length) failure.rejected = rejected
    if (typeof e.challenge === 'string') failure.challenge = e.challenge
    return failure
  }
  return { source: 'unknown', message: err instanceof Error ? err.message : String(err) }
}

/** A Graph failure's facts, copied off the error (whose class the diagnosis never sees). */
function graphFailure(err: GraphError): Failure {
  const failure: Failure = {
    source: 'graph',
    message: err.message,
    status: err.status,
    code: err.code,
    graphMessage: err.graphMessage,
    operation: err.operation,
    clientRequestId: err.clientRequestId,
    mayHaveBeenAccepted: err.mayHaveBeenAccepted
  }
  if (err.requestId !== undefined) failure.requestId = err.requestId
  if (err.date !== undefined) failure.date = err.date
  if (err.retryAfterMs !== undefined) failure.retryAfterMs = err.retryAfterMs
  return failure
}

/** The rejected recipients nodemailer attaches to an envelope error. */
function rejectedRecipients(e: Record<string, unknown>): RecipientResponse[] {
  const errors = Array.isArray(e.rejectedErrors) ? (e.rejectedErrors as Record<string, unknown>[]) : []
  return errors.map((r) => ({
    address: fieldText(r.recipient),
    response: fieldText(r.response ?? r.message)
  }))
}

/** A field of an error another library made: text and numbers as they are, anything else as nothing. */
function fieldText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}
