import { describe, expect, it } from 'vitest'
import { GraphError } from '../../src/graph/graph-error.js'
import { expectStatus, graphRefusal, type GraphResponse } from '../../src/graph/request.js'
import { parseRetryAfter } from '../../src/shared/retry-after.js'

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): GraphResponse => ({
  status,
  headers,
  text: typeof body === 'string' ? body : JSON.stringify(body),
  clientRequestId: '0f1e2d3c-0000-4000-8000-000000000001'
})

describe('Graph answers', () => {
  it('takes the status a step needs and refuses any other as a GraphError with Graph’s facts', () => {
    expect(expectStatus(answer(202, ''), 202, 'sendMail').status).toBe(202)
    const refusal = answer(
      403,
      {
        error: {
          code: 'ErrorSendAsDenied',
          message: 'The user account which was used to submit this request does not have the right to send mail.',
          innerError: { date: '2026-12-06T04:00:00', 'request-id': 'from-body', 'client-request-id': 'x' }
        }
      },
      { 'request-id': 'from-header', date: 'Sun, 06 Dec 2026 04:00:00 GMT' }
    )
    let caught: unknown
    try {
      expectStatus(refusal, 202, 'sendMail')
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(GraphError)
    const err = caught as GraphError
    expect(err).toMatchObject({
      status: 403,
      code: 'ErrorSendAsDenied',
      operation: 'sendMail',
      requestId: 'from-header',
      clientRequestId: '0f1e2d3c-0000-4000-8000-000000000001',
      date: 'Sun, 06 Dec 2026 04:00:00 GMT',
      mayHaveBeenAccepted: false
    })
    expect(err.message).toContain('HTTP 403 ErrorSendAsDenied')
    expect(err.message).toContain('request-id from-header, client-request-id 0f1e2d3c-0000-4000-8000-000000000001')
  })

  it('reads the request-id from the body when the header is missing, and bounds Graph’s text', () => {
    const err = graphRefusal(
      answer(400, {
        error: { code: 'ErrorInvalidRequest', message: 'x'.repeat(2000), innerError: { 'request-id': 'in-body' } }
      }),
      'sendMail'
    )
    expect(err.requestId).toBe('in-body')
    expect(err.graphMessage).toMatch(/^x{300}… \[cut: 1700 more characters not shown\]$/)
  })

  it('says what a redirect was, and an answer that is not JSON', () => {
    const redirect = graphRefusal(answer(307, '', { location: 'https://elsewhere.example.test/' }), 'sendMail')
    expect(redirect.code).toBe('Redirected')
    expect(redirect.graphMessage).toContain('https://elsewhere.example.test/, not followed')
    const html = graphRefusal(answer(502, '<html>Bad gateway</html>'), 'sendMail')
    expect(html.code).toBe('HTTP502')
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-06T04:00:00Z')
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Sun, 06 Dec 2026 04:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Sun, 06 Dec 2026 03:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })

  it('takes a retry-after header case-insensitively (headers arrive lower-cased)', () => {
    const err = graphRefusal(
      answer(429, { error: { code: 'TooManyRequests', message: 'slow down' } }, { 'retry-after': '3' }),
      'sendMail'
    )
    expect(err.retryAfterMs).toBe(3000)
  })
})
