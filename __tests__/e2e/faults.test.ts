/**
 * Fails well, end to end: faults injected into the local token endpoint and SMTP server.
 * Each case checks the outcome, how many messages were delivered (exactly 0 or 1), and that
 * no secret reaches the log, the summary or the outputs.
 */
import { existsSync, readFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage } from '../fakes/runner.js'
import { EXO_REPLIES, smtpError, startSilentServer, startSmtpServer } from '../fakes/smtp-server.js'
import { createUntrustedServerCert } from '../fakes/certs.js'
import { MAILBOX, startWorld, type World } from './world.js'

let world: World

beforeAll(async () => {
  world = await startWorld()
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

/** A hook that answers with `reply` the first `times` times, then lets things through. */
function times<T extends unknown[]>(
  n: number,
  reply: (...args: T) => Error | 'drop'
): (...args: T) => Error | 'drop' | undefined {
  let left = n
  return (...args: T) => (left-- > 0 ? reply(...args) : undefined)
}

describe('transient failures are retried', () => {
  it('token endpoint 503 once, then fine', async () => {
    world.endpoint.enqueue({
      status: 503,
      body: { error: 'temporarily_unavailable', error_description: 'AADSTS90033: A transient error has occurred.' }
    })
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    expect(world.endpoint.requests).toHaveLength(2)
    expect(result.stdout).toMatch(/Attempt 1 of 3 failed: token endpoint answered HTTP 503\. Retrying in \d+ ms\./)
    world.expectNoSecrets(result)
  })

  it('429 with Retry-After: waits as asked, then delivers', async () => {
    world.endpoint.enqueue({
      status: 429,
      headers: { 'Retry-After': '2' },
      body: {
        error: 'temporarily_unavailable',
        error_description:
          'AADSTS50196: The server terminated an operation because it encountered a client request loop.'
      }
    })
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    expect(result.stdout).toContain('Retrying in 2000 ms.')
    const [first, second] = world.endpoint.requests
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1900)
    world.expectNoSecrets(result)
  })

  it.each([
    ['at the greeting', 'onConnect'],
    ['at MAIL FROM', 'onMailFrom'],
    ['at DATA', 'onData']
  ] as const)('SMTP 421 %s once, then delivered exactly once', async (_where, hook) => {
    const reply = (): Error => smtpError(421, '4.3.2 Service not available, closing transmission channel')
    if (hook === 'onConnect') world.hooks.onConnect = times(1, reply)
    if (hook === 'onMailFrom') world.hooks.onMailFrom = times(1, reply)
    if (hook === 'onData') world.hooks.onData = times(1, reply)
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    // 421 4.3.2 is Exchange's concurrency limit: waited out, not counted against max-attempts
    expect(result.stdout).toMatch(
      /^Attempt 1 failed: the server is busy or throttling: 421 4\.3\.2 .*Retrying in \d+ ms\.$/m
    )
    expect(result.stdout).toContain('Delivered on attempt 2.')
    world.expectNoSecrets(result)
  })

  it('connection dropped mid-DATA before the final reply: sent again, delivered exactly once', async () => {
    world.hooks.onData = times(1, () => 'drop')
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    expect(result.stdout).toMatch(/Attempt 1 of 3 failed: connection problem/)
    world.expectNoSecrets(result)
  })

  it('535 5.7.3 for a token from this run: one AUTH, no renewal, no second attempt', async () => {
    world.authorize = () => EXO_REPLIES.authUnsuccessful
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code).toBe(1)
    expect(world.smtp.messages).toHaveLength(0)
    expect(world.endpoint.requests).toHaveLength(1)
    expect(world.smtp.sessions).toBe(1)
    expect(world.smtp.authAttempts).toHaveLength(1)
    expect(failedMessage(result)).toContain('Diagnosis (535 5.7.3)')
    world.expectNoSecrets(result)
  })

  it('gives up after max-attempts and keeps the message as .eml', async () => {
    // an ordinary temporary failure (not throttling, which is waited out instead)
    world.hooks.onMailFrom = () => smtpError(451, '4.3.0 Temporary server error. Please try again later')
    const result = await world.run({ inputs: world.inputs({ 'max-attempts': '2', subject: 'Kept for later' }) })
    expect(result.code).toBe(1)
    expect(world.smtp.messages).toHaveLength(0)
    expect(world.smtp.sessions).toBe(2)
    const error = failedMessage(result)!
    expect(error).toContain('refused the sender (MAIL FROM): 451 4.3.0 Temporary server error')
    const eml = result.outputs['eml-path']!
    expect(eml.startsWith(result.runnerTemp)).toBe(true)
    expect(error).toContain(`saved to ${eml}`)
    expect(existsSync(eml)).toBe(true)
    const saved = await simpleParser(readFileSync(eml))
    expect(saved.subject).toBe('Kept for later')
    world.expectNoSecrets(result)
  })
})

describe('permanent failures are not retried', () => {
  it('550 5.7.60 SendAs denied: one attempt, diagnosed', async () => {
    world.hooks.onMailFrom = () =>
      smtpError(550, '5.7.60 SMTP; Client does not have permissions to send as this sender')
    const result = await world.run({ inputs: world.inputs({ from: 'ceo@contoso.com', 'smtp-user': MAILBOX }) })
    expect(result.code).toBe(1)
    expect(world.smtp.sessions).toBe(1)
    const error = failedMessage(result)!
    expect(error).toContain('Diagnosis (5.7.60 SendAsDenied)')
    expect(error).toContain('Add-RecipientPermission -Identity ceo@contoso.com')
    world.expectNoSecrets(result)
  })

  it('AADSTS7000215 is not retried', async () => {
    const result = await world.run({ inputs: world.inputs({ 'client-secret': 'wrong-secret-value' }) })
    expect(result.code).toBe(1)
    expect(world.endpoint.requests).toHaveLength(1)
    expect(world.smtp.messages).toHaveLength(0)
  })
})

describe('time and trust', () => {
  it('a server that never answers fails the step in time with a diagnosis', async () => {
    const silent = await startSilentServer()
    try {
      const result = await world.run({
        inputs: world.inputs({ 'smtp-port': String(silent.port), 'timeout-seconds': '5' })
      })
      expect(result.code).toBe(1)
      expect(result.durationMs).toBeLessThan(15_000)
      const error = failedMessage(result)!
      expect(error).toContain('Diagnosis (ETIMEDOUT)')
      expect(error).toContain(`allow TCP ${silent.port} to localhost`)
      world.expectNoSecrets(result)
    } finally {
      await silent.close()
    }
  })

  it('nothing listening on the SMTP port: refused, tried again, and explained', async () => {
    const closed = net.createServer()
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok))
    const port = (closed.address() as net.AddressInfo).port
    await new Promise<void>((ok) => closed.close(() => ok()))
    const result = await world.run({ inputs: world.inputs({ 'smtp-port': String(port), 'max-attempts': '2' }) })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/Attempt 1 of 2 failed: .*ECONNREFUSED.*\. Retrying in \d+ ms\./)
    const error = failedMessage(result)!
    expect(error).toContain('Diagnosis (ECONNREFUSED)')
    expect(error).toContain(`allow outbound TCP ${port} to localhost`)
    world.expectNoSecrets(result)
  })

  it('retries stop at timeout-seconds: the process ends in time and starts no attempt after failing', async () => {
    world.hooks.onMailFrom = () => smtpError(451, '4.7.500 Server busy. Please try again later from [203.0.113.5]')
    const result = await world.run({ inputs: world.inputs({ 'max-attempts': '10', 'timeout-seconds': '5' }) })
    expect(result.code).toBe(1)
    expect(result.durationMs).toBeLessThan(8_000)
    expect(world.smtp.messages).toHaveLength(0)
    const attempts = (result.stdout.match(/^Attempt \d+ (of 10 )?failed/gm) ?? []).length
    expect(attempts).toBeGreaterThan(1)
    expect(world.smtp.sessions).toBe(attempts)
    expect(result.stdout).toMatch(/not enough to wait \d+ ms and retry/)
  })

  it('a token endpoint that never answers fails the step in time, and the headline says so', async () => {
    world.endpoint.enqueue({ hang: true })
    world.endpoint.enqueue({ hang: true })
    const result = await world.run({ inputs: world.inputs({ 'timeout-seconds': '5' }) })
    expect(result.code).toBe(1)
    expect(result.durationMs).toBeLessThan(15_000)
    expect(world.smtp.messages).toHaveLength(0)
    const headline = failedMessage(result)!.split('\n')[0]!
    expect(headline).toBe(
      `The Entra ID token endpoint at ${world.endpoint.url} did not answer within the step's time budget (timeout-seconds); no token, so nothing was sent.`
    )
    expect(failedMessage(result)).toContain('Diagnosis (Token endpoint timeout)')
    world.expectNoSecrets(result)
  })

  it('a proxy answering HTTP 502 with an HTML page every time: said so, with the page text, bounded', async () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head><body><h1>502 Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p><p>${'Lorem ipsum dolor sit amet. '.repeat(60)}</p><hr><address>squid/6.6</address></body></html>`
    for (let i = 0; i < 5; i++) {
      world.endpoint.enqueue({ status: 502, headers: { 'Content-Type': 'text/html' }, body: page })
    }
    const result = await world.run({ inputs: world.inputs({ 'max-attempts': '2' }) })
    expect(result.code).toBe(1)
    expect(world.endpoint.requests).toHaveLength(2) // a 5xx is retried like any
    expect(world.smtp.authAttempts).toHaveLength(0)
    const error = failedMessage(result)!
    expect(error.split('\n')[0]).toBe(
      `The token endpoint at ${world.endpoint.url} (or a proxy in front of it) answered HTTP 502 with an HTML page, not a token response.`
    )
    const said = /^Server said: (.*)$/m.exec(error)?.[1] ?? ''
    expect(said).toMatch(/^502 Bad Gateway 502 Bad Gateway The proxy server received an invalid response/)
    expect(said).not.toMatch(/[<>]|color:red/)
    expect(said.length).toBeLessThanOrEqual(300)
    expect(error).toContain('Diagnosis (HTML from the token endpoint)')
    world.expectNoSecrets(result)
  })

  it('an endless answer from the token endpoint is read to 1 MiB, not into memory, and the step fails once', async () => {
    world.endpoint.enqueue({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: ' '.repeat(64 * 1024 * 1024)
    })
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code).toBe(1)
    expect(world.endpoint.requests).toHaveLength(1) // no token response: nothing to retry
    expect(world.smtp.authAttempts).toHaveLength(0)
    expect(failedMessage(result)).toContain('HTTP 200 with a body over 1 MiB')
    world.expectNoSecrets(result)
  })

  it('a redirect from the token endpoint is reported with where it points, and not followed', async () => {
    world.endpoint.enqueue({
      status: 302,
      headers: { Location: 'https://login.attacker.example/steal' },
      body: ''
    })
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code).toBe(1)
    expect(world.endpoint.requests).toHaveLength(1) // not retried, and nothing else was asked
    expect(world.smtp.authAttempts).toHaveLength(0)
    const error = failedMessage(result)!
    expect(error.split('\n')[0]).toBe(
      `The token endpoint at ${world.endpoint.url} redirected the request (HTTP 302) to https://login.attacker.example/steal; the action does not follow redirects, so the credential was not sent there.`
    )
    expect(error).toContain('Diagnosis (Token endpoint redirect)')
    world.expectNoSecrets(result)
  })

  it('an untrusted certificate is refused, not retried, and explained', async () => {
    const untrusted = createUntrustedServerCert()
    const server = await startSmtpServer({
      tls: { key: untrusted.keyPem, cert: untrusted.certPem },
      authorize: () => true
    })
    try {
      const result = await world.run({ inputs: world.inputs({ 'smtp-port': String(server.port) }) })
      expect(result.code).toBe(1)
      expect(server.sessions).toBe(1)
      expect(server.authAttempts).toHaveLength(0)
      const error = failedMessage(result)!
      expect(error).toContain('Diagnosis (TLS certificate)')
      expect(error).toContain('NODE_EXTRA_CA_CERTS')
      expect(error).toContain('NODE_USE_SYSTEM_CA=1')
      world.expectNoSecrets(result)
    } finally {
      await server.close()
    }
  })

  // The advice for a CA the runner's OS trusts (Windows' store, macOS's keychain) is
  // NODE_USE_SYSTEM_CA=1. On Linux Node's "system store" is OpenSSL's, which SSL_CERT_FILE names:
  // the same switch, with the test CA as the only one the system trusts.
  it.skipIf(process.platform !== 'linux')('NODE_USE_SYSTEM_CA=1 makes the action trust the system store', async () => {
    const system = { SSL_CERT_FILE: world.pki.caFile, SSL_CERT_DIR: path.dirname(world.pki.caFile) }
    const trusted = await world.run({
      caFile: undefined,
      env: { ...system, NODE_USE_SYSTEM_CA: '1' },
      inputs: world.inputs()
    })
    expect(trusted.code, trusted.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    const without = await world.run({ caFile: undefined, env: system, inputs: world.inputs({ 'max-attempts': '1' }) })
    expect(without.code).toBe(1)
    expect(failedMessage(without)).toContain('NODE_USE_SYSTEM_CA=1')
  })
})

describe('partial delivery', () => {
  beforeEach(() => {
    world.hooks.onRcptTo = (address) =>
      address.address === 'ghost@contoso.com'
        ? smtpError(550, '5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup')
        : undefined
  })

  it('fails the step naming each rejected address, and delivers to the others', async () => {
    const result = await world.run({ inputs: world.inputs({ to: 'dev@contoso.com, ghost@contoso.com' }) })
    expect(result.code).toBe(1)
    expect(world.smtp.messages).toHaveLength(1)
    expect(world.smtp.messages[0]!.envelope.rcptTo).toEqual(['dev@contoso.com'])
    expect(result.outputs.accepted).toBe('dev@contoso.com')
    expect(result.outputs.rejected).toBe('ghost@contoso.com')
    const error = failedMessage(result)!
    expect(error).toContain('Delivered to dev@contoso.com, but the SMTP server localhost:')
    expect(error).toContain('ghost@contoso.com (550 5.1.10 RESOLVER.ADR.RecipientNotFound')
    expect(error).toContain('Diagnosis (550 5.1.10)')
    expect(result.outputs['eml-path']).toBeUndefined()
  })

  it('with fail-on-rejected: false, succeeds with a warning', async () => {
    const result = await world.run({
      inputs: world.inputs({ to: 'dev@contoso.com, ghost@contoso.com', 'fail-on-rejected': 'false' })
    })
    expect(result.code, result.log).toBe(0)
    expect(result.stdout).toContain('::warning::Not delivered to: ghost@contoso.com (550 5.1.10')
  })

  it('every recipient rejected: nothing delivered, each address named', async () => {
    const result = await world.run({ inputs: world.inputs({ to: 'ghost@contoso.com' }) })
    expect(result.code).toBe(1)
    expect(world.smtp.messages).toHaveLength(0)
    expect(failedMessage(result)).toContain('rejected every recipient: ghost@contoso.com (550 5.1.10')
  })
})

describe('debug', () => {
  it('shows the SMTP conversation with the AUTH line redacted', async () => {
    const result = await world.run({ inputs: world.inputs({ debug: 'true' }) })
    expect(result.code, result.log).toBe(0)
    expect(result.stdout).toMatch(/^smtp debug: EHLO /m)
    expect(result.stdout).toMatch(/^smtp debug: AUTH XOAUTH2 \/\* secret \*\/$/m)
    world.expectNoSecrets(result)
  })
})
