/**
 * Sending over Graph with retries, through a scripted request function (no sockets) on a fake
 * clock: what is waited out, what is tried again, and what is never sent twice.
 */
import { describe, expect, it } from 'vitest'
import type { Tokens } from '../../src/auth/tokens.js'
import { StepBudget } from '../../src/boot/step-budget.js'
import { retryFor } from '../../src/delivery/deliver.js'
import { RecipientLedger } from '../../src/delivery/recipient-ledger.js'
import { graphRetryRules } from '../../src/graph/retries.js'
import { GraphError, type GraphErrorFacts } from '../../src/graph/graph-error.js'
import type { ConnectionAgent } from '../../src/shared/connection-agent.js'
import type { GraphRequest, GraphResponse } from '../../src/graph/request.js'
import { sendOverGraph } from '../../src/graph/send.js'
import type { Logger } from '../../src/shared/logger.js'

/** What the scripted Graph does with one request: an answer (status, headers) or a failure without one. */
type Step = { status: number; headers?: Record<string, string>; body?: object } | GraphError

const lost = (sent: boolean): GraphError =>
  new GraphError('no answer', {
    status: 0,
    code: 'ECONNRESET',
    graphMessage: '',
    operation: 'sendMail',
    clientRequestId: 'c',
    mayHaveBeenAccepted: sent
  } satisfies GraphErrorFacts)

function setUp(script: Step[], options: { maxAttempts?: number; budgetMs?: number } = {}) {
  const clock = { now: 0 }
  const budget = new StepBudget(options.budgetMs ?? 120_000, () => clock.now)
  const requests: GraphRequest[] = []
  const waits: number[] = []
  const lines: string[] = []
  const tokens: Tokens = {
    get: () => Promise.resolve({ token: 'tok', acquiredAt: 0, expiresOn: undefined }),
    error: () => undefined,
    pending: () => false,
    requests: () => [],
    claims: () => undefined
  }
  const log: Logger = {
    info: (text) => lines.push(text),
    debug: (text) => lines.push(`debug: ${text}`),
    warning: (text) => lines.push(`warning: ${text}`),
    infoGroup: (_name, text) => lines.push(text),
    group: (_name, work) => work(),
    isHidden: () => false,
    redact: (text) => text,
    mask: () => undefined
  }
  const to = ['dev@contoso.com', 'audit@contoso.com']
  const maxAttempts = options.maxAttempts ?? 3
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms)
    clock.now += ms
    return Promise.resolve()
  }
  const plan = {
    transport: { agent: {} as ConnectionAgent, timeoutMs: () => 1000, signal: budget.signal, debug: () => undefined },
    tokens,
    log,
    retry: retryFor({ budget, log, maxAttempts, rules: graphRetryRules, sleep }),
    settings: { graphHost: 'https://graph.microsoft.com', smtpUser: 'ci@contoso.com' },
    message: { envelope: { from: 'ci@contoso.com', to }, messageId: '<m@x>', raw: Buffer.from('Subject: x\r\n\r\nx') },
    ledger: new RecipientLedger(to),
    roles: () => undefined,
    send: (_transport: unknown, request: GraphRequest): Promise<GraphResponse> => {
      requests.push(request)
      const step = script.shift() ?? { status: 202, headers: { 'request-id': 'r-1' } }
      if (step instanceof GraphError) return Promise.reject(step)
      return Promise.resolve({
        status: step.status,
        headers: step.headers ?? {},
        text: step.body ? JSON.stringify(step.body) : '',
        clientRequestId: `c-${requests.length}`
      })
    }
  }
  return { plan, requests, waits, lines }
}

describe('sendOverGraph', () => {
  it('posts the MIME once, base64 as text/plain with the token, and reports everyone accepted', async () => {
    const { plan, requests } = setUp([])
    const delivery = await sendOverGraph(plan)
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({
      operation: 'sendMail',
      method: 'POST',
      url: 'https://graph.microsoft.com/v1.0/users/ci@contoso.com/sendMail',
      token: 'tok',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from('Subject: x\r\n\r\nx').toString('base64')
    })
    expect(delivery).toMatchObject({
      messageId: '<m@x>',
      accepted: ['dev@contoso.com', 'audit@contoso.com'],
      response: '202 Accepted (request-id r-1)'
    })
  })

  it('waits out 429 and 503 as Retry-After asks, without counting them against max-attempts', async () => {
    const { plan, requests, waits } = setUp(
      [
        { status: 429, headers: { 'retry-after': '7' } },
        { status: 503, headers: { 'retry-after': '3' } }
      ],
      { maxAttempts: 1 }
    )
    await sendOverGraph(plan)
    expect(requests).toHaveLength(3)
    expect(waits).toEqual([7000, 3000])
  })

  it('fails at once when Retry-After does not fit in the budget, saying for how long', async () => {
    const { plan, requests, waits } = setUp([{ status: 429, headers: { 'retry-after': '300' } }], { budgetMs: 60_000 })
    const err = (await sendOverGraph(plan).catch((e: unknown) => e)) as GraphError
    expect(err).toBeInstanceOf(GraphError)
    expect(err.message).toContain('throttled sendMail')
    expect(err.message).toContain('asked to wait 300 s')
    expect(err.retryAfterMs).toBe(300_000)
    expect(requests).toHaveLength(1)
    expect(waits).toEqual([])
  })

  it('never resends a request whose answer was lost', async () => {
    const { plan, requests } = setUp([lost(true)])
    const err = (await sendOverGraph(plan).catch((e: unknown) => e)) as GraphError
    expect(err.mayHaveBeenAccepted).toBe(true)
    expect(requests).toHaveLength(1)
    expect(plan.ledger.accepted()).toEqual([])
  })

  it('tries a request again when its connection failed before it was sent, up to max-attempts', async () => {
    const { plan, requests, waits } = setUp([lost(false), lost(false), lost(false)], { maxAttempts: 3 })
    await expect(sendOverGraph(plan)).rejects.toThrow('no answer')
    expect(requests).toHaveLength(3)
    expect(waits).toHaveLength(2)
    const again = setUp([lost(false)], { maxAttempts: 3 })
    await sendOverGraph(again.plan)
    expect(again.requests).toHaveLength(2)
  })

  it.each([400, 401, 403, 404, 413, 500])('does not retry HTTP %i', async (status) => {
    const { plan, requests } = setUp([{ status, body: { error: { code: 'Some', message: 'no' } } }])
    const err = (await sendOverGraph(plan).catch((e: unknown) => e)) as GraphError
    expect(err.status).toBe(status)
    expect(requests).toHaveLength(1)
  })
})
