/**
 * The interop tests, the same for each server: the bundled action (on Node 24) sends through a
 * real Dovecot submission service or a real Postfix with Dovecot SASL, which validate the
 * XOAUTH2 token against the introspection endpoint and relay to the sink.
 */
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs'
import https from 'node:https'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { xoauth2Blob } from '../../src/auth/tokens.js'
import { MAILBOX, SECRET_APP, SECRET_VALUE, TENANT, startWorld, type World } from '../e2e/world.js'
import { ACTION_PATH, cleanupRunnerTemp, failedMessage, type ActionResult } from '../fakes/runner.js'
import {
  openSmtp,
  startIntrospection,
  startSink,
  type Introspection,
  type IntrospectionMode,
  type Sink
} from './peers.js'
import {
  DOVECOT_MAX_SIZE,
  POSTFIX_MAX_SIZE,
  freePort,
  startDovecot,
  startPostfix,
  writeServerPki,
  type Dovecot,
  type DovecotOptions
} from './servers.js'
import { authAttempts, clientTranscript, mailFromParams, serverPipelined, withoutServerHeaders } from './transcripts.js'

export type ServerKind = 'dovecot' | 'postfix'

const LABEL: Record<ServerKind, string> = {
  dovecot: 'Dovecot submission',
  postfix: 'Postfix with Dovecot SASL'
}

/** INTEROP_ACTION_PATH: a private build to test (e.g. `ncc build src/index.ts -o /tmp/x`), else dist/. */
const actionPath = process.env.INTEROP_ACTION_PATH || ACTION_PATH

export function interopSuite(kind: ServerKind): void {
  const label = LABEL[kind]
  let world: World
  let sink: Sink
  let introspection: Introspection
  let port = 0
  let serverLog: () => string = () => ''
  let dovecot: Dovecot
  let dovecotOptions: DovecotOptions
  const stops: (() => Promise<void>)[] = []

  beforeAll(async () => {
    const runDir = inject('interopDir')
    const dir = mkdtempSync(join(runDir, `${kind}-`))
    chmodSync(dir, 0o755)
    world = await startWorld()
    stops.push(() => world.close())
    sink = await startSink()
    stops.push(() => sink.close())
    introspection = await startIntrospection((token) => (world.endpoint.issued.has(token) ? MAILBOX : undefined))
    stops.push(() => introspection.close())
    const pki = writeServerPki(join(dir, 'pki'), world.pki)
    port = await freePort()
    const sasl = join(dir, 'sasl')
    mkdirSync(sasl, { mode: 0o755 })
    dovecotOptions =
      kind === 'dovecot'
        ? {
            runDir,
            dir: join(dir, 'dovecot'),
            pki,
            introspectionUrl: introspection.url,
            submission: { port, relayPort: sink.port }
          }
        : {
            runDir,
            dir: join(dir, 'dovecot'),
            pki,
            introspectionUrl: introspection.url,
            postfixAuthSocket: join(sasl, 'auth'),
            // Longer than Postfix waits for Dovecot (10 s): a hung check becomes Postfix's 454.
            introspectionTimeoutMs: 20_000
          }
    dovecot = await startDovecot(dovecotOptions)
    stops.push(() => dovecot.stop())
    serverLog = () => dovecot.log()
    if (kind === 'postfix') {
      const postfix = await startPostfix({
        runDir,
        dir: join(dir, 'postfix'),
        pki,
        port,
        relayPort: sink.port,
        saslSocket: join(sasl, 'auth')
      })
      stops.push(() => postfix.stop())
      serverLog = () => postfix.log()
    }
  }, 120_000)

  afterAll(async () => {
    // Last started, first stopped; every stop runs even when one fails.
    const results = await stops
      .reverse()
      .reduce<Promise<PromiseSettledResult<void>[]>>(
        async (done, stop) => [...(await done), ...(await Promise.allSettled([stop()]))],
        Promise.resolve([])
      )
    cleanupRunnerTemp()
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failed.length)
      throw new Error(`stopping the ${label} set-up: ${failed.map((f) => String(f.reason)).join('; ')}`)
  }, 60_000)

  beforeEach(() => {
    world.reset()
    sink.reset()
    introspection.reset()
  })

  /**
   * A new Dovecot, without the penalty of earlier failed logins: its anvil delays every login
   * from an address by 2 s, doubling to 15 s, for up to 30 s after a failure. Each failure test
   * starts clean, so that what it measures does not depend on the test before it.
   */
  async function freshDovecot(): Promise<void> {
    await dovecot.stop()
    dovecot = await startDovecot(dovecotOptions)
  }

  /** Log lines of this run of the action only. */
  let logMark = 0
  function runAction(inputs: Record<string, string>): Promise<ActionResult> {
    logMark = serverLog().length
    return world.run({
      actionPath,
      inputs: world.inputs({ 'smtp-host': 'localhost', 'smtp-port': String(port), ...inputs }),
      timeoutMs: 80_000
    })
  }
  /** The server's log since the action started, once it stopped growing (log writers lag). */
  async function runLog(): Promise<string> {
    let last = -1
    for (let i = 0; i < 50 && serverLog().length !== last; i++) {
      last = serverLog().length
      await new Promise((r) => setTimeout(r, 200))
    }
    return serverLog().slice(logMark)
  }
  const tokenRequests = (): number => world.endpoint.requests.filter((r) => r.method === 'POST').length

  describe(`${label}: the set-up, driven by hand (no action)`, () => {
    it('offers AUTH XOAUTH2 only after STARTTLS, with PIPELINING, SIZE and CHUNKING', async () => {
      const smtp = await openSmtp(port, world.pki.caPem)
      smtp.close()
      expect(smtp.greeting).toMatch(/^220 /)
      expect(smtp.plain.has('STARTTLS')).toBe(true)
      // Postfix (smtpd_tls_auth_only) hides AUTH until TLS; Dovecot lists it in the clear too, as
      // it counts loopback connections as secure. The action authenticates after STARTTLS only.
      expect(smtp.plain.has('AUTH')).toBe(kind === 'dovecot')
      expect(smtp.secure.get('AUTH')?.split(' ')).toContain('XOAUTH2')
      expect(smtp.secure.has('PIPELINING')).toBe(true)
      expect(smtp.secure.has('CHUNKING')).toBe(true)
      expect(Number(smtp.secure.get('SIZE'))).toBe(kind === 'dovecot' ? DOVECOT_MAX_SIZE : POSTFIX_MAX_SIZE)
    })

    it('relays a message sent with a token from the endpoint, the token sent after the 334', async () => {
      const token = await fetchToken(world)
      const smtp = await openSmtp(port, world.pki.caPem)
      try {
        expect(await smtp.send('AUTH XOAUTH2')).toMatch(/^334 ?$/)
        expect(await smtp.send(xoauth2Blob(MAILBOX, token))).toMatch(/^235 /)
        expect(await smtp.send(`MAIL FROM:<${MAILBOX}>`)).toMatch(/^250 /)
        expect(await smtp.send('RCPT TO:<dev@contoso.com>')).toMatch(/^250 /)
        expect(await smtp.send('DATA')).toMatch(/^354 /)
        const body = `From: <${MAILBOX}>\r\nTo: <dev@contoso.com>\r\nSubject: by hand\r\n\r\nHello.\r\n.`
        expect(await smtp.send(body)).toMatch(/^250 /)
        await smtp.send('QUIT')
      } finally {
        smtp.close()
      }
      const [message] = await sink.waitFor(1)
      expect(message?.mailFrom).toBe(MAILBOX)
      expect(message?.rcptTo).toEqual(['dev@contoso.com'])
      expect(message?.parsed.subject).toBe('by hand')
      expect(introspection.hits).toBe(1)
    })

    // RFC 4954 asks servers to take AUTH lines up to 12,288 octets; Dovecot 2.3.19 (Debian 12)
    // refuses one over 1 KiB, so a client must be able to send the token after the 334 instead.
    it(`an AUTH line that carries a real-size token (initial response): ${kind === 'dovecot' ? 'refused as too long' : 'accepted'}`, async () => {
      const token = await fetchToken(world)
      const smtp = await openSmtp(port, world.pki.caPem)
      try {
        const reply = await smtp.send(`AUTH XOAUTH2 ${xoauth2Blob(MAILBOX, token)}`)
        if (kind === 'dovecot') expect(reply).toMatch(/^500 5\.5\.2 Line too long/)
        else expect(reply).toMatch(/^235 /)
      } finally {
        smtp.close()
      }
    })
  })

  describe(`${label}: delivery`, () => {
    it('delivers once, with the envelope and headers the action wrote', async () => {
      const result = await runAction({
        to: 'dev@contoso.com, Ops Team <ops@contoso.com>',
        cc: 'lead@contoso.com',
        bcc: 'audit@contoso.com',
        subject: 'Interop: {{ github.workflow }} on {{ github.ref_name }}',
        body: `Sent through ${label}.`
      })
      expect(result.code, result.log).toBe(0)
      const sent = clientTranscript(result)
      expect(sent.findIndex((line) => line.startsWith('C: AUTH'))).toBeGreaterThan(sent.indexOf('C: STARTTLS'))
      expect(sent.indexOf('C: STARTTLS')).toBeGreaterThan(0)
      const messages = await sink.waitFor(1)
      expect(messages).toHaveLength(1)
      const [message] = messages
      expect(message!.mailFrom).toBe(MAILBOX)
      expect([...message!.rcptTo].sort()).toEqual(
        ['audit@contoso.com', 'dev@contoso.com', 'lead@contoso.com', 'ops@contoso.com'].sort()
      )
      const mail = message!.parsed
      expect(mail.from?.value).toEqual([{ name: 'CI Bot', address: MAILBOX }])
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual([
        'dev@contoso.com',
        'ops@contoso.com'
      ])
      expect(mail.cc && !Array.isArray(mail.cc) ? mail.cc.value.map((a) => a.address) : []).toEqual([
        'lead@contoso.com'
      ])
      expect(mail.subject).toBe('Interop: CI on main')
      expect(mail.text?.trim()).toBe(`Sent through ${label}.`)
      // Bcc is envelope only: no header may give the blind copy away.
      expect(message!.raw).not.toMatch(/^bcc:/im)
      expect(message!.raw).not.toContain('audit@contoso.com')
      expect(mail.messageId).toBeTruthy()
      expect(result.outputs['message-id']).toContain(mail.messageId!.replace(/^<|>$/g, ''))
      // every envelope recipient was accepted; the Bcc one is counted, never named
      expect(result.outputs['accepted-count']).toBe(String(message!.rcptTo.length))
      expect(result.outputs.accepted?.split(',').sort()).toEqual(
        message!.rcptTo.filter((address) => address !== 'audit@contoso.com').sort()
      )
      expect(result.log).not.toContain('audit@contoso.com')
      // The server authenticated the client over TLS before it relayed (RFC 3848: ESMTPSA).
      expect(message!.raw).toMatch(/^Received: [^]*?with ESMTPSA/m)
      expect(introspection.hits).toBe(1)
      world.expectNoSecrets(result)
    })

    it('declares SIZE on MAIL FROM and pipelines the envelope as advertised; sends DATA although CHUNKING is offered', async () => {
      const result = await runAction({
        to: 'dev@contoso.com, ops@contoso.com, lead@contoso.com',
        body: 'x'.repeat(2000)
      })
      expect(result.code, result.log).toBe(0)
      const [message] = await sink.waitFor(1)
      expect(message).toBeDefined()
      const sent = clientTranscript(result)
      const transcript = sent.join('\n')
      // nodemailer has no BDAT: CHUNKING is offered and harmlessly not used.
      expect(sent, transcript).toContain('C: DATA')
      expect(transcript).not.toMatch(/^C: BDAT/m)
      // PIPELINING: every RCPT TO leaves before the first reply to one of them comes back.
      const rcpts = sent.flatMap((line, i) => (line.startsWith('C: RCPT TO') ? [i] : []))
      expect(rcpts, transcript).toHaveLength(3)
      const firstRcptReply = sent.findIndex((line, i) => i > rcpts[0]! && line.startsWith('S: '))
      expect(firstRcptReply, transcript).toBeGreaterThan(rcpts[2]!)
      if (kind === 'dovecot') expect(serverPipelined(await runLog(), 'RCPT')).toBe(true)
      // SIZE (RFC 1870): the server advertised its limit, so the action says how big the message is.
      const params = mailFromParams(kind, await runLog())
      expect(params, 'MAIL FROM as the server received it').toBeDefined()
      expect(params!.SIZE ?? '(none)', `MAIL FROM parameters as received: ${JSON.stringify(params)}`).toMatch(/^\d+$/)
      const declared = Number(params!.SIZE)
      const actual = Buffer.byteLength(withoutServerHeaders(message!.raw))
      expect(declared, `SIZE= on MAIL FROM (message of ${actual} bytes)`).toBeGreaterThanOrEqual(actual * 0.9)
      expect(declared).toBeLessThanOrEqual(actual * 1.1 + 1024)
    })
  })

  describe(`${label}: a token check that fails for now`, () => {
    // What makes each server answer 454 4.7.0: Dovecot does for any failure of its back end;
    // Postfix only when Dovecot's answer takes longer than its own limit (10 s).
    const temporary: IntrospectionMode = kind === 'dovecot' ? 'unavailable' : 'hang'
    beforeEach(() => freshDovecot(), 30_000)

    it(`${temporary === 'hang' ? 'too slow' : 'answered 503'} once: 454 4.7.0, and the action retries and delivers once`, async () => {
      introspection.queue = [temporary]
      const result = await runAction({ 'max-attempts': '3', 'timeout-seconds': '60' })
      expect(result.code, result.log).toBe(0)
      expect(clientTranscript(result).join('\n')).toMatch(/^S: 454 4\.7\.0/m)
      expect(introspection.hits).toBe(2)
      expect(await sink.waitFor(1)).toHaveLength(1)
      expect(authAttempts(kind, await runLog())).toEqual({ failed: 1, succeeded: 1 })
    })

    it('failing throughout: retried, and headlined as temporary, not as a refused token', async () => {
      introspection.mode = temporary
      const result = await runAction({ 'max-attempts': '2', 'timeout-seconds': '50' })
      expect(result.code).toBe(1)
      expect(result.timedOut).toBe(false)
      const headline = (failedMessage(result) ?? '').split('\n')[0] ?? ''
      expect(headline).toContain('454 4.7.0')
      // In the action's own words, not only in the server's quoted reply.
      const own = headline.replace(/454 4\.7\.0.*$/, '')
      expect(own).toMatch(/temporar/i)
      expect(own).not.toMatch(/refused|rejected the token|535/i)
      expect(introspection.hits).toBe(2)
      expect(sink.messages).toHaveLength(0)
      world.expectNoSecrets(result)
    })

    if (kind === 'dovecot') {
      // Dovecot gives up on the introspection endpoint after timeout_msecs (3 s here).
      it('no answer once: 454 4.7.0, and the action retries and delivers once', async () => {
        introspection.queue = ['hang']
        const result = await runAction({ 'max-attempts': '3', 'timeout-seconds': '60' })
        expect(result.code, result.log).toBe(0)
        expect(clientTranscript(result).join('\n')).toMatch(/^S: 454 4\.7\.0/m)
        expect(introspection.hits).toBe(2)
        expect(await sink.waitFor(1)).toHaveLength(1)
      })
    }

    if (kind === 'postfix') {
      // Postfix 3.7 passes Dovecot's temporary failure on as a permanent 535 5.7.8: the action
      // cannot tell it from a refused token, so it must not retry it either (nor renew the token).
      it('answered 503: Postfix says 535 5.7.8 (reason unavailable), and the action sends AUTH once', async () => {
        introspection.mode = 'unavailable'
        const result = await runAction({ 'max-attempts': '3' })
        expect(result.code).toBe(1)
        expect(failedMessage(result)).toContain('535 5.7.8')
        expect(introspection.hits).toBe(1)
        expect(tokenRequests()).toBe(1)
        expect(authAttempts(kind, await runLog())).toEqual({ failed: 1, succeeded: 0 })
      })
    }
  })

  describe(`${label}: a rejected token`, () => {
    beforeEach(() => freshDovecot(), 30_000)

    it('fails with 535 5.7.8, shows the decoded challenge, and sends AUTH once', async () => {
      introspection.mode = 'reject'
      const result = await runAction({ 'max-attempts': '3' })
      expect(result.code).toBe(1)
      const headline = failedMessage(result) ?? ''
      expect(headline).toContain('535 5.7.8')
      expect(headline).not.toMatch(/not in the diagnosis catalogue/i)
      // The 334 challenge, base64-decoded: what the server says about the token.
      expect(headline).toContain('{"status":"401","schemes":"bearer","scope":"mail"}')
      // A token issued seconds earlier cannot be stale: no renewal, no second AUTH.
      expect(tokenRequests()).toBe(1)
      expect(introspection.hits).toBe(1)
      expect(authAttempts(kind, await runLog())).toEqual({ failed: 1, succeeded: 0 })
      expect(sink.messages).toHaveLength(0)
      world.expectNoSecrets(result)
    })
  })
}

/** A token from the test endpoint, as the action would get it (client credentials, secret). */
async function fetchToken(world: World): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: SECRET_APP,
    client_secret: SECRET_VALUE,
    scope: 'https://outlook.office365.com/.default'
  }).toString()
  const body = await new Promise<string>((resolve, reject) => {
    const req = https.request(
      world.endpoint.tokenUrl(TENANT),
      { method: 'POST', ca: world.pki.caPem, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d: string) => (text += d))
        res.on('end', () => resolve(text))
      }
    )
    req.once('error', reject)
    req.end(form)
  })
  const token = (JSON.parse(body) as { access_token?: string }).access_token
  if (!token) throw new Error(`no token from the test endpoint: ${body}`)
  return token
}
