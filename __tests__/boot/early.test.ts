/**
 * The connections opened at start (src/boot/early.ts) and the agent that hands the early TLS
 * connection to the request that takes it (src/shared/connection-agent.ts), against loopback peers.
 */
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConnectionAgent } from '../../src/shared/connection-agent.js'
import { closeEarly, dialed, openEarlyConnections, type EarlyConnections } from '../../src/boot/early.js'
import { createTestPki } from '../fakes/certs.js'

const pki = createTestPki()
let plain: net.Server
let secure: https.Server
/** Connections each listener accepted, and requests the HTTPS one answered. */
const seen = { plain: 0, secure: 0, requests: 0 }
const plainSockets = new Set<net.Socket>()

beforeAll(async () => {
  // The test CA, for TLS connections made with the default trust store (as the action's are).
  // (Node 24's API; @types/node here describes Node 20.)
  const store = tls as unknown as {
    setDefaultCACertificates(certs: string[]): void
    getCACertificates(which: string): string[]
  }
  store.setDefaultCACertificates([...store.getCACertificates('default'), pki.caPem])
  plain = net.createServer((socket) => {
    seen.plain++
    plainSockets.add(socket)
    socket.on('close', () => plainSockets.delete(socket))
  })
  secure = https.createServer({ key: pki.serverKeyPem, cert: pki.serverCertPem, keepAlive: true }, (req, res) => {
    seen.requests++
    res.end('ok')
  })
  secure.on('connection', () => seen.secure++)
  await Promise.all([
    new Promise<void>((ok) => plain.listen(0, '127.0.0.1', ok)),
    new Promise<void>((ok) => secure.listen(0, '127.0.0.1', ok))
  ])
})
afterAll(async () => {
  for (const socket of plainSockets) socket.destroy()
  secure.closeAllConnections()
  await Promise.all([new Promise((ok) => plain.close(ok)), new Promise((ok) => secure.close(ok))])
})

const port = (server: net.Server): number => (server.address() as net.AddressInfo).port
const env = (inputs: Record<string, string>, extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const vars: NodeJS.ProcessEnv = { ...extra }
  for (const [name, value] of Object.entries(inputs)) vars[`INPUT_${name.toUpperCase()}`] = value
  return vars
}
const smtpInputs = (): Record<string, string> => ({
  'smtp-host': '127.0.0.1',
  'smtp-port': String(port(plain)),
  'authority-host': `https://localhost:${port(secure)}`
})

async function open(vars: NodeJS.ProcessEnv): Promise<EarlyConnections> {
  const early = openEarlyConnections(vars)
  await dialed(early)
  return early
}

describe('openEarlyConnections', () => {
  it('dials the SMTP host and opens TLS to the authority the inputs name', async () => {
    const early = await open(env(smtpInputs()))
    const socket = await early.smtp!.dial.connected
    expect(socket.remotePort).toBe(port(plain))
    expect(early.token?.origin).toBe(`https://localhost:${port(secure)}`)
    expect((await early.token!.socket).authorized).toBe(true)
    expect(early.graph).toBeUndefined()
    closeEarly(early)
  })

  it('opens nothing for a dry run, an unknown transport or an unknown cloud', () => {
    const odds: Record<string, string>[] = [
      { 'dry-run': 'true' },
      { 'dry-run': 'TRUE' },
      { transport: 'pigeon' },
      { cloud: 'mars' }
    ]
    for (const odd of odds) {
      expect(openEarlyConnections(env({ ...smtpInputs(), ...odd }))).toEqual({})
    }
  })

  it('with transport: graph, opens graph-host and the authority, and no SMTP connection', async () => {
    const graphHost = `https://localhost:${port(secure)}`
    const early = await open(env({ ...smtpInputs(), transport: 'Graph', 'graph-host': graphHost }))
    expect(early.smtp).toBeUndefined()
    expect(early.graph?.origin).toBe(graphHost)
    expect(early.token).toBeDefined()
    closeEarly(early)
  })

  it('leaves what it cannot do without a secret or a proxy decision to boot', async () => {
    const withPassword = await open(env({ ...smtpInputs(), 'smtp-proxy': 'http://u:p4ss@127.0.0.1:1' }))
    expect(withPassword.smtp).toBeUndefined()
    const behindProxy = await open(env(smtpInputs(), { HTTPS_PROXY: 'http://127.0.0.1:1' }))
    expect(behindProxy.token).toBeUndefined()
    expect(behindProxy.smtp).toBeDefined()
    closeEarly(behindProxy)
    expect(openEarlyConnections(env({ ...smtpInputs(), 'smtp-port': '99999' })).smtp).toBeUndefined()
    expect(openEarlyConnections(env({ ...smtpInputs(), 'authority-host': 'http://x' })).token).toBeUndefined()
  })

  it('closeEarly closes what the run will not use and keeps the rest', async () => {
    const early = await open(env(smtpInputs()))
    const [smtp, token] = await Promise.all([early.smtp!.dial.connected, early.token!.socket])
    closeEarly(early, { token: true })
    await new Promise((ok) => smtp.once('close', ok))
    expect(smtp.destroyed).toBe(true)
    expect(token.destroyed).toBe(false)
    closeEarly(early)
    await new Promise((ok) => token.once('close', ok))
  })
})

describe('ConnectionAgent, adopting the connection opened at start', () => {
  const get = (agent: https.Agent): Promise<string> =>
    new Promise((resolve, reject) => {
      https
        .get({ host: 'localhost', port: port(secure), path: '/', agent }, (res) => {
          let body = ''
          res.on('data', (d: Buffer) => (body += d.toString()))
          res.on('end', () => resolve(body))
        })
        .on('error', reject)
    })

  it('sends the first request over the connection opened at start, and keeps it for the next', async () => {
    const early = await open(env(smtpInputs()))
    closeEarly(early, { token: true })
    await early.token!.socket
    const before = seen.secure
    const agent = new ConnectionAgent(() => 5000)
    agent.adopt(early.token!)
    expect(await get(agent)).toBe('ok')
    expect(await get(agent)).toBe('ok')
    expect(seen.secure - before).toBe(0)
    agent.destroy()
  })

  it('connects afresh when the early connection was closed meanwhile', async () => {
    const early = await open(env(smtpInputs()))
    closeEarly(early)
    await early.token!.socket
    const before = seen.secure
    const agent = new ConnectionAgent(() => 5000)
    agent.adopt(early.token!)
    expect(await get(agent)).toBe('ok')
    expect(seen.secure - before).toBe(1)
    agent.destroy()
  })
})
