/**
 * `transport: graph` when things go wrong, end to end through dist/index.js: throttling waited
 * out (or refused promptly when beyond the budget), never two copies of a message whose answer
 * was lost, a connection that failed before the request is retried, no retry of a refusal, no
 * redirect followed with the token.
 */
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage } from '../fakes/runner.js'
import { startGraphWorld, type GraphWorld } from './graph-world.js'

let world: GraphWorld

beforeAll(async () => {
  world = await startGraphWorld()
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

const sendMails = (): number => world.graph.requests.filter((r) => r.path.endsWith('/sendMail')).length

describe('throttling', () => {
  it('waits out 429 and 503 as Retry-After asks (seconds or an HTTP date), not counted against max-attempts', async () => {
    world.graph.enqueue('sendMail', { status: 429, code: 'ApplicationThrottled', headers: { 'Retry-After': '1' } })
    const date = new Date(Date.now() + 2000).toUTCString()
    world.graph.enqueue('sendMail', { status: 503, code: 'ServiceUnavailable', headers: { 'retry-after': date } })
    const result = await world.run({ inputs: world.inputs({ 'max-attempts': '1' }) })
    expect(result.code, result.log).toBe(0)
    expect(sendMails()).toBe(3)
    expect(world.graph.messages).toHaveLength(1)
    // a fresh client-request-id for every request
    const ids = world.graph.requests.map((r) => r.headers['client-request-id'])
    expect(new Set(ids).size).toBe(ids.length)
    expect(result.log).toMatch(/throttled sendMail \(HTTP 429 ApplicationThrottled\); waiting 1 s/)
    expect(result.log).toMatch(/throttled sendMail \(HTTP 503 ServiceUnavailable\); waiting (\d+ ms|[123] s)/)
  })

  it('fails promptly when Retry-After is beyond timeout-seconds, saying throttled and for how long', async () => {
    world.graph.enqueue('sendMail', { status: 429, code: 'ApplicationThrottled', headers: { 'Retry-After': '90' } })
    const result = await world.run({ inputs: world.inputs({ 'timeout-seconds': '30' }) })
    expect(result.code).toBe(1)
    expect(result.durationMs).toBeLessThan(20_000)
    const message = failedMessage(result) ?? ''
    expect(message).toContain('throttled')
    expect(message).toContain('90 s')
    expect(sendMails()).toBe(1)
    expect(world.graph.messages).toHaveLength(0)
  })
})

describe('never two copies', () => {
  it('does not resend a request whose answer was lost, says it may have been delivered and saves the .eml', async () => {
    world.graph.enqueue('sendMail', { loseAnswer: true })
    const result = await world.run({ inputs: world.inputs({ bcc: 'audit@contoso.com' }) })
    expect(result.code).toBe(1)
    expect(sendMails()).toBe(1)
    // Graph did take it: a second request would have been a second copy
    expect(world.graph.messages).toHaveLength(1)
    const message = failedMessage(result) ?? ''
    expect(message).toContain('may have been delivered')
    expect(message).toContain('The message (perhaps delivered) was saved to')
    expect(message).not.toContain('undelivered message')
    const eml = result.outputs['eml-path'] ?? ''
    expect(existsSync(eml)).toBe(true)
    const saved = readFileSync(eml, 'utf8')
    expect(saved).toContain(`Message-ID: ${world.graph.messages[0]?.parsed.messageId}`)
    // the saved copy names no Bcc recipient
    expect(saved).not.toContain('audit@contoso.com')
    expect(result.log).not.toContain('audit@contoso.com')
  })

  it('reports a send whose answer never came within timeout-seconds as perhaps delivered, and sends it once', async () => {
    world.graph.enqueue('sendMail', { hang: true })
    const result = await world.run({ inputs: world.inputs({ 'timeout-seconds': '6' }) })
    expect(result.code).toBe(1)
    expect(result.durationMs).toBeLessThan(20_000)
    expect(sendMails()).toBe(1)
    expect(world.graph.messages).toHaveLength(1)
    expect(failedMessage(result)).toContain('may have been delivered')
  })

  it('retries a connection that failed before the request was sent', async () => {
    world.graph.refuseConnections(1)
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code, result.log).toBe(0)
    expect(world.graph.messages).toHaveLength(1)
    expect(result.log).toMatch(/connection failed before the request was sent/)
  })
})

describe('refusals are not retried', () => {
  it.each([
    [400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.'],
    [401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'],
    [403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'],
    [404, 'ResourceNotFound', 'Resource could not be discovered.'],
    [413, 'RequestEntityTooLarge', 'The maximum request length supported is 4MB.']
  ])('HTTP %i %s: one request, the failure quotes Graph', async (status, code, text) => {
    world.graph.enqueue('sendMail', { status, code, message: text })
    const result = await world.run({ inputs: world.inputs({ 'max-attempts': '3' }) })
    expect(result.code).toBe(1)
    expect(sendMails()).toBe(1)
    const message = failedMessage(result) ?? ''
    expect(message).toContain(code)
    expect(message).toContain(text)
  })

  it('bounds the error text Graph sends', async () => {
    // A marker no token, id or temporary name can hold by chance (a masked JWT once held "END").
    const end = '~end of what Graph said~'
    world.graph.enqueue('sendMail', { status: 400, code: 'ErrorInvalidRequest', message: `${'x'.repeat(5000)}${end}` })
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code).toBe(1)
    expect(result.log).not.toContain(end)
    expect(result.log).not.toContain('x'.repeat(400))
  })

  it('never follows a redirect with the token', async () => {
    world.graph.enqueue('sendMail', {
      status: 307,
      code: 'Redirect',
      headers: { location: `${world.graph.url}/v1.0/users/other@contoso.com/sendMail` }
    })
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code).toBe(1)
    expect(world.graph.requests).toHaveLength(1)
    expect(failedMessage(result)).toContain('307')
  })
})
