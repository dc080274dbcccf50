/**
 * What a run parses. On a runner a few milliseconds from Microsoft 365 a send's time is its CPU,
 * and a fifth to a quarter of that CPU is V8 compiling the chunks a run loads. undici (some 900 KB, the HTTP stack
 * @actions/core and @actions/http-client import) is needed only for GitHub's OIDC token: a send
 * with a secret or a certificate never loads it, through a proxy neither.
 *
 * The runs are watched from inside Node (a module hook preloaded with --import records every
 * file loaded), against the usual local peers.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startConnectProxy, type ConnectProxy } from '../fakes/proxies.js'
import { cleanupRunnerTemp } from '../fakes/runner.js'
import { CERT_APP, FED_APP, startWorld, type World } from './world.js'

let world: World
let proxy: ConnectProxy
let dir: string
let hook: string

beforeAll(async () => {
  world = await startWorld()
  proxy = await startConnectProxy((host) => (host === 'login.example.test' ? world.endpoint.port : undefined))
  dir = mkdtempSync(path.join(tmpdir(), 'what-loads-'))
  hook = path.join(dir, 'record-loads.mjs')
  writeFileSync(
    hook,
    [
      "import { registerHooks } from 'node:module'",
      "import { appendFileSync } from 'node:fs'",
      'registerHooks({ load(url, context, next) { appendFileSync(process.env.LOADS_FILE, url + "\\n"); return next(url, context) } })'
    ].join('\n')
  )
}, 60_000)
afterAll(async () => {
  await Promise.all([world?.close(), proxy?.close()])
  rmSync(dir, { recursive: true, force: true })
  cleanupRunnerTemp()
})
beforeEach(() => world.reset())

/** The chunks of dist/ one run loaded, as their texts. */
async function chunksLoaded(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<string[]> {
  const loads = path.join(dir, `loads-${Math.random()}.txt`)
  appendFileSync(loads, '')
  const result = await world.run({
    inputs,
    env: { ...env, LOADS_FILE: loads, NODE_OPTIONS: `--import=${pathToFileURL(hook).href}` }
  })
  expect(result.code, result.log).toBe(0)
  const files = readFileSync(loads, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:') && /\/dist\/[^/]+\.js$/.test(url))
    .map((url) => fileURLToPath(url))
  expect(files.length).toBeGreaterThan(3)
  return files.map((file) => readFileSync(file, 'utf8'))
}

/** undici's own diagnostics channel: in undici's code, whatever path comments the bundler keeps. */
const UNDICI = 'undici:request:create'
const MSAL = 'node_modules/@azure/msal-node/'

describe('what a run loads', () => {
  it('a send with a client secret parses neither undici nor @actions/core’s HTTP client', async () => {
    const chunks = await chunksLoaded(world.inputs())
    expect(world.smtp.messages).toHaveLength(1)
    expect(chunks.some((c) => c.includes(MSAL))).toBe(true)
    expect(chunks.some((c) => c.includes(UNDICI))).toBe(false)
  })

  it('a send with a client certificate does not either', async () => {
    const inputs = world.inputs({
      'client-id': CERT_APP,
      'client-secret': '',
      'client-certificate': world.cert.combinedPem
    })
    const chunks = await chunksLoaded(inputs)
    expect(world.smtp.messages).toHaveLength(1)
    expect(chunks.some((c) => c.includes(UNDICI))).toBe(false)
  })

  it('a token request through HTTPS_PROXY does not either: it takes the same CONNECT tunnel as Graph', async () => {
    const chunks = await chunksLoaded(world.inputs({ 'authority-host': 'https://login.example.test' }), {
      HTTPS_PROXY: proxy.url
    })
    expect(world.smtp.messages).toHaveLength(1)
    expect(proxy.connects).toContain('login.example.test:443')
    expect(chunks.some((c) => c.includes(UNDICI))).toBe(false)
  })

  it('a send with GitHub OIDC federation loads them, for the runner’s token', async () => {
    const chunks = await chunksLoaded(world.inputs({ 'client-id': FED_APP, 'client-secret': '' }), world.oidc.env())
    expect(world.smtp.messages).toHaveLength(1)
    expect(chunks.some((c) => c.includes(UNDICI))).toBe(true)
  })
})
