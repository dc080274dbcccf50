/**
 * The step always ends: against peers that accept TCP and then say nothing (no TLS, no greeting,
 * no HTTP answer) and never close, the bundled action exits by itself within timeout-seconds plus
 * 2 s, on every path: a send, a failure, a dry run and a set-up check. A hung step would hold its
 * runner (and its billed minutes) until the job's 6-hour timeout.
 *
 * Each run is given far longer than its bound before runAction kills it, so a process that stays
 * alive shows as `timedOut`, not as a slow run.
 */
import net from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage, type ActionResult } from '../fakes/runner.js'
import { startSilentServer } from '../fakes/smtp-server.js'
import { FED_APP, startWorld, TENANT, type World } from './world.js'

const TIMEOUT_SECONDS = 5
/** The promise: the step ends within timeout-seconds plus 2 s. */
const BOUND_MS = (TIMEOUT_SECONDS + 2) * 1000
/** Starting Node and the bundle on a busy 2-core machine, which the action's own clock cannot see. */
const SPAWN_ALLOWANCE_MS = 1500
/** Long enough that a process still alive is unmistakably hung. */
const KILL_AFTER_MS = BOUND_MS + 20_000

let world: World
let silent: Awaited<ReturnType<typeof startSilentServer>>

beforeAll(async () => {
  world = await startWorld()
})
beforeEach(async () => {
  world.reset()
  silent = await startSilentServer()
})
afterEach(async () => {
  await silent.close()
})
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

/** A port where nothing listens: connections are refused at once. */
async function refusedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((ok) => server.close(() => ok()))
  return port
}

function expectEndedByItself(result: ActionResult): void {
  expect(result.timedOut, `still alive after ${KILL_AFTER_MS} ms:\n${result.log}`).toBe(false)
  expect(result.signal).toBeNull()
  expect(result.durationMs).toBeLessThan(BOUND_MS + SPAWN_ALLOWANCE_MS)
}

function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionResult> {
  return world.run({
    inputs: world.inputs({ 'timeout-seconds': String(TIMEOUT_SECONDS), ...inputs }),
    env,
    timeoutMs: KILL_AFTER_MS
  })
}

const silentUrl = (scheme: 'http' | 'https'): string => `${scheme}://127.0.0.1:${silent.port}`

describe('a silent token endpoint', () => {
  it('with the SMTP port refused: fails, and the process ends', async () => {
    const result = await run({
      'authority-host': silentUrl('https'),
      'smtp-port': String(await refusedPort()),
      'max-attempts': '1'
    })
    expectEndedByItself(result)
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toBeDefined()
    expect(silent.connections()).toBeGreaterThan(0)
    expect(world.smtp.messages).toHaveLength(0)
  })

  it('with a silent SMTP server too: fails at the deadline, and the process ends', async () => {
    const result = await run({ 'authority-host': silentUrl('https'), 'smtp-port': String(silent.port) })
    expectEndedByItself(result)
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toMatch(/did not answer within the step's time budget/)
  })

  it('in a set-up check: fails, and the process ends', async () => {
    const result = await run({ 'authority-host': silentUrl('https'), 'check-setup': 'true' })
    expectEndedByItself(result)
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toBeDefined()
  })
})

describe('a silent SMTP server', () => {
  it('fails the send, and the process ends', async () => {
    const result = await run({ 'smtp-port': String(silent.port) })
    expectEndedByItself(result)
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toContain('Diagnosis (ETIMEDOUT)')
  })

  it('fails a set-up check, and the process ends', async () => {
    const result = await run({ 'smtp-port': String(silent.port), 'check-setup': 'true' })
    expectEndedByItself(result)
    expect(result.code).toBe(1)
  })
})

describe('a silent GitHub API', () => {
  const failedRun = { 'job-status': 'failure', 'github-token': 'ghs_notARealTokenButShapedLikeOne0000000' }

  it('still sends the failure mail, without what failed, and the process ends', async () => {
    const result = await run(failedRun, { GITHUB_API_URL: silentUrl('http') })
    expectEndedByItself(result)
    expect(result.code).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    expect(result.stdout).toMatch(/^::warning::.*(time|answer)/m)
  })

  it('in a dry run: reports the message, and the process ends', async () => {
    const result = await run({ ...failedRun, 'dry-run': 'true' }, { GITHUB_API_URL: silentUrl('http') })
    expectEndedByItself(result)
    expect(result.code).toBe(0)
    expect(result.outputs.response).toBe('dry run: nothing sent')
  })
})

describe('a silent OIDC endpoint', () => {
  it('fails the federated sign-in, and the process ends', async () => {
    const result = await run(
      { 'tenant-id': TENANT, 'client-id': FED_APP, 'client-secret': '' },
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${silentUrl('http')}/_apis/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-token-for-the-oidc-request'
      }
    )
    expectEndedByItself(result)
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toBeDefined()
    expect(world.smtp.messages).toHaveLength(0)
  })
})

describe('a silent Graph endpoint', () => {
  // The world's token endpoint issues Exchange tokens: token-scope keeps the token request working,
  // so that only graph-host is silent.
  const graph = { transport: 'graph', 'token-scope': 'https://outlook.office365.com/.default' }

  it('fails the send, and the process ends', async () => {
    const result = await run({ ...graph, 'graph-host': silentUrl('https') })
    expectEndedByItself(result)
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toBeDefined()
    expect(silent.connections()).toBeGreaterThan(0)
  })

  it('fails a set-up check, and the process ends', async () => {
    const result = await run({ ...graph, 'graph-host': silentUrl('https'), 'check-setup': 'true' })
    expectEndedByItself(result)
    expect(result.code).toBe(1)
  })
})

describe('a silent proxy', () => {
  it('as smtp-proxy (CONNECT never answered): fails, and the process ends', async () => {
    const result = await run({ 'smtp-proxy': silentUrl('http') })
    expectEndedByItself(result)
    expect(result.code).toBe(1)
    expect(world.smtp.messages).toHaveLength(0)
  })

  it('as HTTPS_PROXY for the token request: fails, and the process ends', async () => {
    // A host name that is not loopback: the HTTP client bypasses the proxy for loopback addresses.
    const result = await run({ 'authority-host': 'https://login.example.test' }, { HTTPS_PROXY: silentUrl('http') })
    expectEndedByItself(result)
    expect(result.code).toBe(1)
    expect(world.smtp.messages).toHaveLength(0)
  })
})

describe('a send that works', () => {
  it('ends as soon as it is done', async () => {
    const result = await run({})
    expectEndedByItself(result)
    expect(result.code).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
  })
})
