import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/inputs/input-error.js'
import { MessageTooLargeError, NoXoauth2Error } from '../../src/smtp/smtp-errors.js'
import { TokenError } from '../../src/auth/token-error.js'
import { backoffMs, retryDecision, throttleBackoffMs } from '../../src/delivery/retry-policy.js'
import { graphError, noAnswer } from '../diagnosis/graph-samples.js'

const smtpError = (response: string, code = 'EENVELOPE', extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(response), { code, response, responseCode: Number(response.slice(0, 3)), ...extra })

const tokenError = (
  status: number,
  description: string,
  extra: Partial<ConstructorParameters<typeof TokenError>[0]> = {}
) => new TokenError({ errorCode: 'invalid_request', description, status, credentialKind: 'secret', ...extra })

describe('retryDecision', () => {
  it.each<[string, unknown, boolean]>([
    ['token endpoint 503', tokenError(503, 'AADSTS90033: A transient error has occurred.'), true],
    ['token endpoint 429', tokenError(429, 'AADSTS50196: loop'), true],
    [
      'token endpoint network error',
      new TokenError({
        errorCode: 'network_error',
        description: '',
        networkCause: 'ECONNRESET: socket hang up',
        credentialKind: 'secret'
      }),
      true
    ],
    ['SMTP 421 at MAIL FROM', smtpError('421 4.3.2 Service not available'), true],
    ['SMTP 432 concurrency', smtpError('432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded'), true],
    ['SMTP 451 4.7.500', smtpError('451 4.7.500 Server busy'), true],
    ['dropped connection', Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }), true],
    ['socket timeout', Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' }), true],
    [
      'AADSTS7000215',
      tokenError(401, 'AADSTS7000215: Invalid client secret provided.', { errorCode: 'invalid_client' }),
      false
    ],
    ['AADSTS90002', tokenError(400, "AADSTS90002: Tenant 'x' not found."), false],
    [
      'certificate error at the token endpoint',
      new TokenError({
        errorCode: 'network_error',
        description: '',
        networkCause: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate',
        credentialKind: 'secret'
      }),
      false
    ],
    [
      'unknown host',
      new TokenError({
        errorCode: 'network_error',
        description: '',
        networkCause: 'ENOTFOUND: getaddrinfo ENOTFOUND login.example',
        credentialKind: 'secret'
      }),
      false
    ],
    [
      'a proxy that refuses the tunnel to the token endpoint',
      new TokenError({
        errorCode: 'network_error',
        description: '',
        networkCause: 'EPROXY: the proxy proxy.corp:8080 refused CONNECT login.microsoftonline.com:443: HTTP 403',
        credentialKind: 'secret'
      }),
      false
    ],
    ['SMTP 550 5.7.60', smtpError('550 5.7.60 SMTP; Client does not have permissions to send as this sender'), false],
    [
      'SMTP 535 5.7.139',
      smtpError('535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled', 'EAUTH'),
      false
    ],
    [
      'untrusted certificate',
      Object.assign(new Error('self-signed certificate'), {
        code: 'ESOCKET',
        originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT'
      }),
      false
    ],
    ['no STARTTLS', Object.assign(new Error('Error upgrading connection with STARTTLS'), { code: 'ETLS' }), false],
    ['input error', new InputError('to', 'no recipient.'), false]
  ])('%s → retry %s', (_name, err, retry) => {
    expect(retryDecision(err).retry).toBe(retry)
  })

  it('does not retry a refused token on a new connection (535 5.7.3, 535 5.7.8)', () => {
    // a stale token is renewed on the same connection (sasl.ts); a fresh one would be refused again
    expect(retryDecision(smtpError('535 5.7.3 Authentication unsuccessful', 'EAUTH')).retry).toBe(false)
    expect(retryDecision(smtpError('535 5.7.8 Authentication failed', 'EAUTH')).retry).toBe(false)
  })

  it('retries 454 4.7.0 (temporary authentication failure), counted against max-attempts', () => {
    const decision = retryDecision(smtpError('454 4.7.0 Temporary authentication failure', 'EAUTH'))
    expect(decision).toMatchObject({ retry: true })
    expect(decision.throttled).toBeFalsy()
  })

  it.each([
    ['432 4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending', 'EAUTH'],
    ['421 4.3.2 Service not available, closing transmission channel', 'EENVELOPE'],
    ['451 4.7.500 Server busy. Please try again later from [203.0.113.5]', 'EENVELOPE'],
    ['451 4.7.650 The mail server [203.0.113.5] has been temporarily rate limited', 'EMESSAGE'],
    ['452 4.4.5 Insufficient system storage', 'EENVELOPE']
  ])('treats %s as throttling: waited out', (reply, code) => {
    expect(retryDecision(smtpError(reply, code))).toMatchObject({ retry: true, throttled: true })
  })

  it.each([
    '451 4.3.0 Temporary server error. Please try again later',
    '421 4.4.2 Connection dropped',
    '454 4.7.0 Temporary authentication failure'
  ])('treats %s as an ordinary temporary failure', (reply) => {
    expect(retryDecision(smtpError(reply)).throttled).toBeFalsy()
  })

  it('does not retry a message above the SIZE limit, a server without XOAUTH2, or a redirect', () => {
    expect(retryDecision(new MessageTooLargeError(40_000_000, 36_700_160)).retry).toBe(false)
    expect(retryDecision(new NoXoauth2Error(['PLAIN', 'LOGIN'])).retry).toBe(false)
    expect(
      retryDecision(tokenError(302, 'HTTP 302 redirect', { errorCode: 'redirected', location: 'https://x.example/' }))
        .retry
    ).toBe(false)
  })

  it("honours the token endpoint's Retry-After", () => {
    const err = tokenError(429, 'AADSTS50196: loop', { retryAfterMs: 7000 })
    expect(retryDecision(err).waitMs).toBe(7000)
  })
})

describe('backoffMs', () => {
  it('grows exponentially with jitter and is capped', () => {
    expect(backoffMs(1, () => 0)).toBe(250)
    expect(backoffMs(1, () => 1)).toBe(500)
    expect(backoffMs(3, () => 1)).toBe(2000)
    expect(backoffMs(20, () => 1)).toBe(15_000)
  })
})

describe('throttleBackoffMs', () => {
  it('starts near a second, grows by half, is capped at 8 s, and spreads over a quarter to all of it', () => {
    expect(throttleBackoffMs(1, () => 1)).toBe(1000)
    expect(throttleBackoffMs(1, () => 0)).toBe(250)
    expect(throttleBackoffMs(3, () => 1)).toBe(2250)
    expect(throttleBackoffMs(50, () => 1)).toBe(8000)
    expect(throttleBackoffMs(50, () => 0)).toBe(2000)
  })
})

describe('retryDecision for Microsoft Graph', () => {
  it('waits out 429 and 503 as throttling, for as long as Retry-After says', () => {
    expect(retryDecision(graphError(429, 'ApplicationThrottled', 'over limit', { retryAfterMs: 7000 }))).toMatchObject({
      retry: true,
      throttled: true,
      waitMs: 7000
    })
    expect(retryDecision(graphError(503, 'ServiceUnavailable', 'Service Unavailable'))).toMatchObject({
      retry: true,
      throttled: true
    })
  })

  it.each([
    ['400', graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.')],
    ['401', graphError(401, 'InvalidAuthenticationToken', 'Invalid audience.')],
    ['403', graphError(403, 'ErrorAccessDenied', 'Access is denied.')],
    ['404', graphError(404, 'ErrorInvalidUser', 'The requested user is invalid.')],
    ['413', graphError(413, '', '')]
  ])('never retries %s', (_status, err) => {
    expect(retryDecision(err).retry).toBe(false)
  })

  it('never resends a request whose answer was lost, even on a code that is otherwise retried', () => {
    const decision = retryDecision(noAnswer('ECONNRESET', 'reset after the body was sent', true))
    expect(decision.retry).toBe(false)
    expect(decision.reason).toContain('may have been accepted')
  })

  it('retries a connection that failed before the request went out, but not an unknown host or a bad certificate', () => {
    expect(retryDecision(noAnswer('ECONNRESET', 'reset during the TLS handshake')).retry).toBe(true)
    expect(retryDecision(noAnswer('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443')).retry).toBe(true)
    expect(retryDecision(noAnswer('ENOTFOUND', 'getaddrinfo ENOTFOUND graph.example')).retry).toBe(false)
    expect(retryDecision(noAnswer('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate')).retry).toBe(false)
  })
})
