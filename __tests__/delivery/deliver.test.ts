/**
 * Delivery with retries, through fake sessions (no sockets) on a fake clock: what is retried,
 * what is waited out, which recipients go in which transaction, and where the budget stops it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { deliverWithRetries, RecipientLedger, type DeliveryPlan } from '../../src/delivery/deliver.js'
import type { Tokens } from '../../src/auth/tokens.js'
import { TokenError } from '../../src/auth/token-error.js'
import { StepBudget } from '../../src/boot/step-budget.js'
import type { ComposedMessage } from '../../src/message/mime.js'
import type { Logger } from '../../src/shared/logger.js'
import type { ComposedMail, Transport } from '../../src/shared/transport.js'
import type { Refusal, Transaction } from '../../src/smtp/outcome.js'
import type { TokenSupplier } from '../../src/smtp/sasl.js'
import { SmtpTransport } from '../../src/smtp/transport.js'
import { smtpError } from '../../src/smtp/smtp-errors.js'

/** What a fake session does at one call of `send`: a transaction's outcome, or a failure. */
type SendStep = (batch: readonly string[]) => Transaction | Error

/** A session that follows a script: its login fails (or hangs), its sends answer in turn. */
class FakeSession {
  readonly sent: string[][] = []
  logins = 0
  closed = false
  aborted = false
  private rejectPending: ((err: Error) => void) | undefined

  constructor(private readonly script: { login?: Error | 'hang'; sends?: SendStep[]; onLogin?: () => void } = {}) {}

  async login(getToken: TokenSupplier): Promise<void> {
    this.logins++
    await getToken(false)
    this.script.onLogin?.()
    const { login } = this.script
    if (login === 'hang') return new Promise((_, reject) => (this.rejectPending = reject))
    if (login) throw login
  }

  send(_message: ComposedMessage, recipients: readonly string[]): Promise<Transaction> {
    this.sent.push([...recipients])
    const step = this.script.sends?.shift() ?? acceptAll
    const outcome = step(recipients)
    return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome)
  }

  close(): void {
    this.closed = true
  }

  abort(): void {
    this.aborted = true
    this.rejectPending?.(smtpError('Connection closed', { code: 'ECONNECTION' }))
  }
}

const acceptAll: SendStep = (batch) => ({
  delivered: true,
  messageId: '<m@x>',
  accepted: [...batch],
  refused: [],
  response: '250 2.0.0 OK queued'
})

/** Accepts the batch but refuses these recipients with these replies. */
const refuse =
  (replies: Record<string, string>): SendStep =>
  (batch) => {
    const refused: Refusal[] = Object.entries(replies).map(([address, response]) => ({
      address,
      response,
      code: Number(response.slice(0, 3))
    }))
    const accepted = batch.filter((a) => !(a in replies))
    return accepted.length
      ? { delivered: true, messageId: '<m@x>', accepted, refused, response: '250 2.0.0 OK queued' }
      : { delivered: false, accepted: [], refused }
  }

const dropped = (): Error => smtpError('Connection closed unexpectedly', { code: 'ECONNECTION' })
const reply = (response: string): Error =>
  smtpError(response, { code: 'EPROTOCOL', response, responseCode: Number(response.slice(0, 3)) })
const THROTTLED = '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded'

const addresses = (n: number): string[] => Array.from({ length: n }, (_, i) => `r${i}@contoso.com`)

function fakeTokens(error?: TokenError): Tokens {
  return {
    get: () => Promise.resolve({ token: 'tok', acquiredAt: 0, expiresOn: undefined }),
    error: () => error,
    pending: () => false,
    requests: () => [],
    claims: () => undefined
  }
}

function fakeLogger(lines: string[]): Logger {
  return {
    info: (text) => lines.push(text),
    debug: (text) => lines.push(`debug: ${text}`),
    warning: (text) => lines.push(`warning: ${text}`),
    infoGroup: (_name, text) => lines.push(text),
    group: (_name, work) => work(),
    isHidden: () => false,
    redact: (text) => text,
    mask: () => undefined
  }
}

/**
 * A delivery plan over scripted sessions (the first one opened already, the others on demand), on
 * a clock that only the plan's sleep moves.
 */
function setUp(
  sessions: FakeSession[],
  options: { to?: string[]; maxAttempts?: number; budgetMs?: number; tokenError?: TokenError } = {}
) {
  const clock = { now: 0 }
  const budget = new StepBudget(options.budgetMs ?? 600_000, () => clock.now)
  const to = options.to ?? ['a@contoso.com']
  const opened: FakeSession[] = []
  const waits: number[] = []
  const lines: string[] = []
  const [first, ...later] = sessions
  const log = fakeLogger(lines)
  const transport = new SmtpTransport({
    user: 'ci@contoso.com',
    log,
    firstSession: first!,
    timeouts: () => budget.smtpTimeouts(),
    openSession: (timeouts) => {
      expect(timeouts).toEqual(budget.smtpTimeouts())
      const next = later.shift()
      if (!next) throw new Error('the script has no more sessions')
      opened.push(next)
      return next
    }
  })
  const plan: DeliveryPlan = {
    settings: { maxAttempts: options.maxAttempts ?? 3 },
    transport,
    tokens: fakeTokens(options.tokenError),
    message: { envelope: { from: 'ci@contoso.com', to }, messageId: '<m@x>', raw: Buffer.from('Subject: x\r\n\r\nx') },
    budget,
    ledger: new RecipientLedger(to),
    log,
    sleep: (ms) => {
      waits.push(ms)
      clock.now += ms
      return Promise.resolve()
    }
  }
  return { plan, clock, budget, opened, waits, lines }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('deliverWithRetries', () => {
  it('retries a transient failure on a new session and delivers', async () => {
    const first = new FakeSession({ login: dropped() })
    const second = new FakeSession()
    const { plan, opened, waits, lines } = setUp([first, second])
    const delivery = await deliverWithRetries(plan)
    expect(delivery).toMatchObject({ messageId: '<m@x>', accepted: ['a@contoso.com'], rejected: [], transactions: 1 })
    expect(opened).toEqual([second])
    expect(first.closed).toBe(true)
    expect(second.closed).toBe(true)
    expect(waits).toHaveLength(1)
    expect(lines).toContainEqual(
      expect.stringMatching(/^Attempt 1 of 3 failed: connection problem: .* Retrying in \d+ ms\.$/)
    )
    expect(lines).toContain('Delivered on attempt 2.')
  })

  it('gives up after max-attempts failed attempts, with the last failure', async () => {
    const failures = [dropped(), dropped(), reply('451 4.4.0 Temporary server error')]
    const sessions = failures.map((login) => new FakeSession({ login }))
    const { plan, opened, waits, lines } = setUp(sessions, { maxAttempts: 3 })
    await expect(deliverWithRetries(plan)).rejects.toBe(failures[2])
    expect(opened).toHaveLength(2)
    expect(waits).toHaveLength(2)
    expect(lines).toContainEqual(expect.stringMatching(/^Attempt 3 of 3 failed \(.*\); no attempts left\.$/))
  })

  it('waits out throttling without counting it against max-attempts', async () => {
    const sessions = [
      new FakeSession({ login: reply(THROTTLED) }),
      new FakeSession({ login: reply('451 4.7.500 Server busy, please try again later') }),
      new FakeSession({ login: reply(THROTTLED) }),
      new FakeSession({ login: dropped() }),
      new FakeSession()
    ]
    const { plan, opened, waits, lines } = setUp(sessions, { maxAttempts: 2 })
    const delivery = await deliverWithRetries(plan)
    expect(delivery.accepted).toEqual(['a@contoso.com'])
    expect(opened).toHaveLength(4)
    expect(waits).toHaveLength(4)
    expect(lines.filter((l) => l.includes('not counted against max-attempts'))).toHaveLength(3)
    expect(lines).toContain('Delivered on attempt 5.')
  })

  it('sends at most 500 recipients per transaction', async () => {
    const session = new FakeSession()
    const { plan } = setUp([session], { to: addresses(1200) })
    const delivery = await deliverWithRetries(plan)
    expect(session.sent.map((batch) => batch.length)).toEqual([500, 500, 200])
    expect(delivery.accepted).toEqual(addresses(1200))
    expect(delivery.transactions).toBe(3)
  })

  it('sends 4xx-deferred recipients again in a later transaction and keeps 5xx refusals final', async () => {
    const session = new FakeSession({
      sends: [
        refuse({ 'b@contoso.com': '452 4.5.3 Too many recipients', 'c@contoso.com': '550 5.1.10 Recipient not found' }),
        refuse({ 'b@contoso.com': '451 4.7.500 Server busy' }),
        acceptAll
      ]
    })
    const { plan, waits, lines } = setUp([session], { to: ['a@contoso.com', 'b@contoso.com', 'c@contoso.com'] })
    const delivery = await deliverWithRetries(plan)
    expect(session.sent).toEqual([
      ['a@contoso.com', 'b@contoso.com', 'c@contoso.com'],
      ['b@contoso.com'],
      ['b@contoso.com']
    ])
    expect(delivery.accepted).toEqual(['a@contoso.com', 'b@contoso.com'])
    expect(delivery.rejected).toEqual([{ address: 'c@contoso.com', response: '550 5.1.10 Recipient not found' }])
    expect(delivery.transactions).toBe(2)
    // the second transaction took nobody: the third waited
    expect(waits).toHaveLength(1)
    expect(lines).toContainEqual(
      expect.stringMatching(/^Every remaining recipient was deferred; asking again in \d+ ms\.$/)
    )
  })

  it('never sends the message twice to a recipient whose transaction was accepted', async () => {
    const to = addresses(600)
    const first = new FakeSession({ sends: [acceptAll, dropped] })
    const second = new FakeSession()
    const { plan } = setUp([first, second], { to })
    const delivery = await deliverWithRetries(plan)
    expect(first.sent.map((b) => b.length)).toEqual([500, 100])
    expect(second.sent).toEqual([to.slice(500)])
    const sentTwice = to.filter((a) => [...first.sent[0]!, ...second.sent.flat()].filter((s) => s === a).length > 1)
    expect(sentTwice).toEqual([])
    expect(delivery.accepted).toEqual(to)
  })

  it('fails with the last failure when the budget is too short to wait', async () => {
    const clockHolder: { advance?: (ms: number) => void } = {}
    const slow = (): void => clockHolder.advance?.(5000)
    const firstFailure = dropped()
    const lastFailure = reply('421 4.4.2 Connection dropped')
    const sessions = [
      new FakeSession({ login: firstFailure, onLogin: slow }),
      new FakeSession({ login: lastFailure, onLogin: slow })
    ]
    const { plan, clock, opened, waits, lines } = setUp(sessions, { budgetMs: 10_000, maxAttempts: 5 })
    clockHolder.advance = (ms) => (clock.now += ms)
    await expect(deliverWithRetries(plan)).rejects.toBe(lastFailure)
    expect(opened).toHaveLength(1)
    expect(waits).toHaveLength(1)
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Attempt 2 failed \(.*\); 1 s left of timeout-seconds, not enough to wait \d+ ms and retry\.$/
      )
    )
  })

  it('makes no further attempt once the budget has run out', async () => {
    vi.useFakeTimers()
    const failure = dropped()
    const first = new FakeSession({ login: failure })
    const { plan, budget, opened } = setUp([first, new FakeSession()], { budgetMs: 60_000 })
    // the deadline passes while the delivery waits before its second attempt
    plan.sleep = () => {
      vi.advanceTimersByTime(60_000)
      return Promise.resolve()
    }
    const work = deliverWithRetries(plan)
    await expect(budget.enforce(work, () => undefined)).rejects.toThrow('No delivery within timeout-seconds')
    await expect(work).rejects.toBe(failure)
    expect(budget.signal.aborted).toBe(true)
    expect(first.aborted).toBe(true)
    expect(opened).toEqual([])
  })

  it("drops the current session at the budget's deadline and cuts the wait short", async () => {
    vi.useFakeTimers()
    const first = new FakeSession({ login: dropped() })
    const second = new FakeSession({ login: 'hang' })
    const { plan, budget, opened } = setUp([first, second], { budgetMs: 3000 })
    delete plan.sleep // the default: a timer the budget's signal cuts short
    const work = deliverWithRetries(plan)
    const outcome = expect(budget.enforce(work, () => undefined)).rejects.toThrow('No delivery within timeout-seconds')
    await vi.advanceTimersByTimeAsync(3000)
    await outcome
    // the aborted login fails the attempt; the wait after it ends at once and no attempt follows
    await expect(work).rejects.toThrow('Connection closed')
    expect(opened).toEqual([second])
    expect(second.aborted).toBe(true)
    expect(second.closed).toBe(true)
  })

  it('reports the token error the tokens kept rather than the EAUTH nodemailer raised', async () => {
    const tokenError = new TokenError({
      errorCode: 'invalid_client',
      description: 'AADSTS7000215: Invalid client secret provided.',
      status: 401,
      credentialKind: 'secret'
    })
    const session = new FakeSession({ login: smtpError('Invalid login', { code: 'EAUTH', command: 'AUTH XOAUTH2' }) })
    const { plan, opened, lines } = setUp([session], { tokenError })
    await expect(deliverWithRetries(plan)).rejects.toBe(tokenError)
    expect(session.logins).toBe(1)
    expect(opened).toEqual([])
    expect(lines).toContain('debug: Not retried: token request refused (invalid_client)')
  })

  it('fails as nodemailer does when every recipient was rejected', async () => {
    const session = new FakeSession({ sends: [refuse({ 'a@contoso.com': '550 5.1.10 Recipient not found' })] })
    const { plan } = setUp([session])
    await expect(deliverWithRetries(plan)).rejects.toMatchObject({
      code: 'EENVELOPE',
      command: 'RCPT TO',
      response: '550 5.1.10 Recipient not found',
      rejectedErrors: [{ recipient: 'a@contoso.com', response: '550 5.1.10 Recipient not found' }]
    })
  })
})

/** A transport that retries each of its requests itself (as Graph does): every send follows the script. */
class RequestRetriedTransport implements Transport {
  readonly retries = 'request'
  readonly recipientsPerSend = Number.POSITIVE_INFINITY
  readonly sent: string[][] = []
  authenticated = 0
  closed = 0

  constructor(private readonly sends: SendStep[] = []) {}

  open(): void {
    throw new Error('a transport retried per request is never reopened by delivery')
  }

  authenticate(): Promise<void> {
    this.authenticated++
    return Promise.resolve()
  }

  send(_message: ComposedMail, recipients: readonly string[]): Promise<Transaction> {
    this.sent.push([...recipients])
    const outcome = (this.sends.shift() ?? acceptAll)(recipients)
    return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome)
  }

  close(): void {
    this.closed++
  }

  abort(): void {}
}

describe('deliverWithRetries over a transport that retries each request itself', () => {
  it('sends every recipient at once when the transport takes them all in one send', async () => {
    const transport = new RequestRetriedTransport()
    const { plan, lines } = setUp([new FakeSession()], { to: addresses(1200) })
    const delivery = await deliverWithRetries({ ...plan, transport })
    expect(transport.sent.map((batch) => batch.length)).toEqual([1200])
    expect(delivery).toMatchObject({ accepted: addresses(1200), rejected: [], transactions: 1 })
    expect(lines.filter((line) => line.startsWith('Transaction'))).toEqual([])
    expect(transport.closed).toBe(1)
  })

  it('never sends again what the transport gave up on, even a failure delivery would retry', async () => {
    const failure = dropped()
    const transport = new RequestRetriedTransport([() => failure])
    const { plan, waits } = setUp([new FakeSession()], { to: ['a@contoso.com'] })
    await expect(deliverWithRetries({ ...plan, transport })).rejects.toBe(failure)
    expect(transport.sent).toHaveLength(1)
    expect(waits).toEqual([])
    expect(plan.ledger.accepted()).toEqual([])
  })
})
