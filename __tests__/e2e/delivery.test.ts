/**
 * Delivery under Exchange Online's limits, end to end: recipients in transactions of at most
 * 500, deferred recipients sent again, each recipient exactly once across transactions and
 * retries, SIZE declared and enforced before upload, and an SMTP server that does not take
 * XOAUTH2 the way Exchange does (no XOAUTH2 at all; Dovecot's 334 challenge; 454 4.7.0).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage } from '../fakes/runner.js'
import { EXO_REPLIES, smtpError, startSmtpServer, type TestSmtpServer } from '../fakes/smtp-server.js'
import { MAILBOX, plainLog, startWorld, type World } from './world.js'

let world: World

beforeAll(async () => {
  // Exchange Online's recipient limit: 452 4.5.3 past 500 recipients in one transaction
  world = await startWorld({ maxRecipients: 500 })
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

const addresses = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}@contoso.com`)

/** Every envelope recipient of every delivered message, in order of arrival. */
const delivered = (): string[] => world.smtp.messages.flatMap((m) => m.envelope.rcptTo)

/** Asserts that each of `expected` got exactly one copy, and nobody else got one. */
function expectEachExactlyOnce(expected: string[]): void {
  const got = delivered()
  expect(got).toHaveLength(expected.length)
  expect(new Set(got)).toEqual(new Set(expected))
}

/** Another server, Exchange-like unless told otherwise, that takes the tokens the world issues. */
async function otherServer(options: Parameters<typeof startSmtpServer>[0] extends infer O ? Partial<O> : never) {
  return startSmtpServer({
    tls: { key: world.pki.serverKeyPem, cert: world.pki.serverCertPem },
    authorize: (user, token) =>
      user === MAILBOX && world.endpoint.issued.has(token) ? true : EXO_REPLIES.authUnsuccessful,
    ...options
  })
}

describe('recipients: everyone gets it exactly once', () => {
  it('1,000 recipients (to + cc + bcc) go in two transactions of 500: same message, every recipient once', async () => {
    const to = addresses('to', 10)
    const cc = addresses('cc', 10)
    const bcc = addresses('bcc', 980)
    const result = await world.run({
      inputs: world.inputs({ to: to.join(', '), cc: cc.join(', '), bcc: bcc.join('\n'), subject: 'Big list' }),
      timeoutMs: 60_000
    })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages.map((m) => m.envelope.rcptTo.length)).toEqual([500, 500])
    expectEachExactlyOnce([...to, ...cc, ...bcc])
    // the same raw message each time: headers unchanged, Bcc never among them
    const [first, second] = world.smtp.messages
    expect(second!.raw).toBe(first!.raw)
    expect(first!.parsed.subject).toBe('Big list')
    expect(first!.raw).not.toMatch(/^Bcc:/im)
    // Bcc recipients are counted, never named (issue 11): the outputs name the 20 of to and cc
    expect(result.outputs.accepted!.split(',')).toEqual([...to, ...cc])
    expect(result.outputs['accepted-count']).toBe('1000')
    expect(result.outputs.rejected).toBe('')
    expect(result.stdout).toMatch(
      /^Delivered \S+ to 1000 recipients \(to1@contoso\.com, .*… and 15 more, 980 Bcc recipient\(s\)\) in 2 transactions: 250 /m
    )
    // the job summary counts the Bcc recipients without naming them
    expect(result.summary).toContain('980 Bcc')
    expect(result.summary).not.toContain('bcc1@contoso.com')
    // the log stays short: no line lists the thousand addresses
    expect(
      Math.max(
        ...plainLog(result)
          .split('\n')
          .map((l) => l.length)
      )
    ).toBeLessThan(2000)
    world.expectNoSecrets(result)
  })

  it('452 4.5.3 for some recipients defers them: accepted ones get it, the deferred ones in new transactions', async () => {
    // a server that takes only 2 recipients per transaction
    world.hooks.onRcptTo = (_address, session) =>
      session.envelope.rcptTo.length >= 2 ? smtpError(452, '4.5.3 Too many recipients') : undefined
    const to = addresses('dev', 5)
    const result = await world.run({ inputs: world.inputs({ to: to.join(', ') }) })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages.map((m) => m.envelope.rcptTo)).toEqual([
      ['dev1@contoso.com', 'dev2@contoso.com'],
      ['dev3@contoso.com', 'dev4@contoso.com'],
      ['dev5@contoso.com']
    ])
    expect(world.smtp.sessions).toBe(1) // new transactions, not new connections
    expectEachExactlyOnce(to)
    expect(result.outputs.accepted).toBe(to.join(','))
    expect(result.stdout).toContain(
      'Transaction 1: 2 of 5 recipients accepted, 3 deferred (452 4.5.3 Too many recipients)'
    )
    world.expectNoSecrets(result)
  })

  it('a recipient deferred for a while (450 4.2.1) is sent again after a backoff, once', async () => {
    let busy = 2
    world.hooks.onRcptTo = (address) =>
      address.address === 'busy@contoso.com' && busy-- > 0
        ? smtpError(450, '4.2.1 Mailbox busy, try again later')
        : undefined
    const result = await world.run({ inputs: world.inputs({ to: 'dev@contoso.com, busy@contoso.com' }) })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages.map((m) => m.envelope.rcptTo)).toEqual([['dev@contoso.com'], ['busy@contoso.com']])
    // the second round deferred everyone left: the action waited before the third
    expect(result.stdout).toMatch(/Every remaining recipient was deferred; asking again in \d+ ms\./)
    world.expectNoSecrets(result)
  })

  it('a recipient deferred until the time runs out: the others get it, the step fails naming it as deferred', async () => {
    world.hooks.onRcptTo = (address) =>
      address.address === 'busy@contoso.com' ? smtpError(451, '4.2.0 Mailbox temporarily unavailable') : undefined
    const result = await world.run({
      inputs: world.inputs({ to: 'dev@contoso.com, busy@contoso.com', 'timeout-seconds': '8' })
    })
    expect(result.code).toBe(1)
    expectEachExactlyOnce(['dev@contoso.com'])
    expect(result.outputs.accepted).toBe('dev@contoso.com')
    expect(result.outputs.rejected).toBe('busy@contoso.com')
    const error = failedMessage(result)!
    expect(error).toContain('Delivered to dev@contoso.com, but the SMTP server localhost:')
    expect(error).toContain('busy@contoso.com (451 4.2.0 Mailbox temporarily unavailable)')
    expect(error).toContain('1 of them only deferred (4xx) until the time ran out')
    expect(result.stdout).toMatch(/still deferred; \d+ s left of timeout-seconds, not enough to wait/)
  })

  it('5xx recipients are rejected for good and reported bounded: a count and the first five', async () => {
    world.hooks.onRcptTo = (address) =>
      address.address.startsWith('ghost')
        ? smtpError(550, '5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup')
        : undefined
    const ghosts = addresses('ghost', 30)
    const result = await world.run({ inputs: world.inputs({ to: ['dev@contoso.com', ...ghosts].join(', ') }) })
    expect(result.code).toBe(1)
    expectEachExactlyOnce(['dev@contoso.com'])
    expect(world.smtp.sessions).toBe(1) // a 5xx recipient is never tried again
    expect(result.outputs.rejected!.split(',')).toEqual(ghosts)
    const error = failedMessage(result)!
    expect(error).toContain('rejected 30 recipients: ghost1@contoso.com (550 5.1.10')
    expect(error).toContain('ghost5@contoso.com (550 5.1.10')
    expect(error).toContain('… and 25 more')
    expect(error).not.toContain('ghost6@contoso.com')
    expect(error).toContain('Diagnosis (550 5.1.10)')
  })

  it('a connection dropped after the first 500: the retry sends only to the 100 not yet accepted', async () => {
    let messages = 0
    world.hooks.onData = () => (++messages === 2 ? 'drop' : undefined)
    const to = addresses('dev', 600)
    const result = await world.run({ inputs: world.inputs({ to: to.join(', ') }), timeoutMs: 60_000 })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.sessions).toBe(2)
    expect(world.smtp.messages.map((m) => m.envelope.rcptTo.length)).toEqual([500, 100])
    expectEachExactlyOnce(to)
    expect(result.outputs.accepted!.split(',')).toHaveLength(600)
    expect(result.stdout).toMatch(/Attempt 1 of 3 failed: connection problem/)
  })

  it('a failure after some transactions says who already got it, and outputs them', async () => {
    let messages = 0
    world.hooks.onData = () => (++messages >= 2 ? smtpError(554, '5.6.0 Message rejected') : undefined)
    const to = addresses('dev', 501)
    const result = await world.run({ inputs: world.inputs({ to: to.join(', ') }), timeoutMs: 60_000 })
    expect(result.code).toBe(1)
    expectEachExactlyOnce(to.slice(0, 500))
    expect(result.outputs.accepted!.split(',')).toEqual(to.slice(0, 500))
    expect(failedMessage(result)).toContain(
      'Before this failure the message was delivered to 500 of 501 recipients (dev1@contoso.com'
    )
  })
})

describe('SIZE: said before sending', () => {
  it('declares SIZE=<bytes> on MAIL FROM, the size of what is then sent', async () => {
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code, result.log).toBe(0)
    const mailFrom = world.smtp.commands.find((c) => c.command === 'MAIL')!
    const declared = Number(/ SIZE=(\d+)/.exec(mailFrom.line)?.[1])
    // what went over the wire, CRLF line ends (the test server hands the data over with LF)
    const sent = Buffer.byteLength(world.smtp.messages[0]!.raw.replace(/\r?\n/g, '\r\n'))
    expect(declared).toBe(sent)
  })

  it('refuses a message above the advertised limit without uploading it, naming both sizes', async () => {
    const small = await otherServer({ size: 4096 })
    try {
      const result = await world.run({
        inputs: world.inputs({ 'smtp-port': String(small.port), body: 'x'.repeat(8000) })
      })
      expect(result.code).toBe(1)
      expect(small.commands.map((c) => c.command)).not.toContain('MAIL')
      expect(small.commands.map((c) => c.command)).not.toContain('DATA')
      expect(small.sessions).toBe(1) // not retried
      const error = failedMessage(result)!
      expect(error).toMatch(
        /^The message is \d{4,} bytes, larger than the 4096 bytes the SMTP server localhost:\d+ accepts \(its EHLO SIZE\); it was not uploaded\.$/m
      )
      expect(error).toContain('Diagnosis (SIZE exceeded)')
      expect(error).not.toMatch(/^\s+at /m) // a diagnosis, not a stack
    } finally {
      await small.close()
    }
  })
})

describe('AUTH the way other servers do it', () => {
  let server: TestSmtpServer | undefined
  afterAll(async () => server?.close())

  it.each([
    [['PLAIN', 'LOGIN'], 'it offers PLAIN, LOGIN'],
    [[], 'it offers no authentication at all']
  ])('a server offering %j after STARTTLS gets no AUTH at all', async (methods, says) => {
    const plain = await otherServer({ authMethods: methods })
    try {
      const result = await world.run({ inputs: world.inputs({ 'smtp-port': String(plain.port) }) })
      expect(result.code).toBe(1)
      expect(plain.commands.map((c) => c.command)).not.toContain('AUTH')
      expect(plain.commands.map((c) => c.command)).toContain('STARTTLS')
      expect(plain.sessions).toBe(1)
      const error = failedMessage(result)!
      expect(error).toContain(`does not offer XOAUTH2 after STARTTLS (${says}); no AUTH was sent.`)
      expect(error).toContain("'smtp-host' must be an Exchange Online submission endpoint")
      expect(error).toContain('Diagnosis (XOAUTH2 not offered)')
      world.expectNoSecrets(result)
    } finally {
      await plain.close()
    }
  })

  it('535 5.7.8 after a 334 challenge (Dovecot, Gmail): one AUTH, the empty line, the decoded challenge shown', async () => {
    world.authorize = () => ({
      code: 535,
      message: '5.7.8 Authentication failed',
      challenge: { status: '401', schemes: 'bearer', scope: 'mail' }
    })
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code).toBe(1)
    // one AUTH XOAUTH2, then the empty line the challenge asks for (logged redacted), nothing more
    const auth = world.smtp.commands.filter((c) => c.command === 'AUTH').map((c) => c.line)
    expect(auth).toEqual(['AUTH XOAUTH2 /* secured */', '/* secured */'])
    expect(world.smtp.authAttempts).toHaveLength(1)
    expect(world.smtp.sessions).toBe(1)
    expect(world.endpoint.requests).toHaveLength(1) // no renewal: the token was seconds old
    const error = failedMessage(result)!
    expect(error).toContain('refused authentication: 535 5.7.8 Authentication failed')
    expect(error).toContain(
      `The server's XOAUTH2 challenge (decoded): {"status":"401","schemes":"bearer","scope":"mail"}`
    )
    expect(error).toContain('Diagnosis (535 5.7.8)')
    world.expectNoSecrets(result)
  })

  it('454 4.7.0 once is temporary: retried, then delivered', async () => {
    let left = 1
    world.authorize = (user, token) =>
      left-- > 0
        ? { code: 454, message: '4.7.0 Temporary authentication failure' }
        : user === MAILBOX && world.endpoint.issued.has(token)
          ? true
          : EXO_REPLIES.authUnsuccessful
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    expect(result.stdout).toMatch(/^Attempt 1 of 3 failed: temporary SMTP reply: 454 4\.7\.0 /m)
    world.expectNoSecrets(result)
  })

  it('454 4.7.0 every time: headlined as temporary, not as a refused login', async () => {
    world.authorize = () => ({ code: 454, message: '4.7.0 Temporary authentication failure' })
    const result = await world.run({ inputs: world.inputs({ 'max-attempts': '2' }) })
    expect(result.code).toBe(1)
    expect(world.smtp.authAttempts).toHaveLength(2)
    const error = failedMessage(result)!
    expect(error.split('\n')[0]).toMatch(
      /^The SMTP server localhost:\d+ could not check the token for now \(a temporary failure, .*\): 454 4\.7\.0 Temporary authentication failure$/
    )
    expect(error).not.toContain('refused authentication')
    expect(error).toContain('Diagnosis (454 4.7.0)')
  })

  it('a token that could be stale (near its expiry, from an earlier attempt) is renewed once on the same connection', async () => {
    world.endpoint.setTokenLifetime(200) // within five minutes of expiry from the start
    let first = true
    world.hooks.onMailFrom = () => {
      if (!first) return undefined
      first = false
      return smtpError(421, '4.3.2 Service not available, closing transmission channel')
    }
    const seen = new Map<string, number>()
    world.authorize = (user, token) => {
      const uses = (seen.get(token) ?? 0) + 1
      seen.set(token, uses)
      // the second presentation of the same token is refused, as if it had expired meanwhile
      return uses === 1 && user === MAILBOX && world.endpoint.issued.has(token) ? true : EXO_REPLIES.authUnsuccessful
    }
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    expect(world.endpoint.requests).toHaveLength(2)
    const attempts = world.smtp.authAttempts
    expect(attempts.map((a) => a.ok)).toEqual([true, false, true])
    expect(attempts[1]!.sessionId).toBe(attempts[2]!.sessionId) // renewed on the same connection
    expect(attempts[1]!.accessToken).toBe(attempts[0]!.accessToken)
    expect(attempts[2]!.accessToken).not.toBe(attempts[1]!.accessToken)
    world.expectNoSecrets(result)
  })
})
