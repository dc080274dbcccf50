/**
 * The connections that leave at start (src/boot/early.ts), seen from the peers' side: the SMTP
 * server and the token endpoint are plain listeners that record every connection, every byte
 * that reached them (decrypted, for the token endpoint) and when the action closed it.
 *
 * A wrong input may cost the opened connections, never a byte of a secret, and each is closed as
 * soon as the run knows it will not use it (Exchange counts an open connection against the
 * mailbox's three); a dry run opens none.
 */
import net from 'node:net'
import tls from 'node:tls'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage } from '../fakes/runner.js'
import { SECRET_VALUE, startWorld, type World } from './world.js'

interface Peer {
  port: number
  connections: { bytes: Buffer; closed: boolean }[]
  reset(): void
  close(): Promise<void>
}

/** Accepts and never answers; records what arrives and when the client closes. */
async function startPeer(secure?: { key: string; cert: string }): Promise<Peer> {
  const connections: Peer['connections'] = []
  const sockets = new Set<net.Socket>()
  const onSocket = (socket: net.Socket): void => {
    const record = { bytes: Buffer.alloc(0), closed: false }
    connections.push(record)
    sockets.add(socket)
    socket.on('data', (chunk: Buffer) => (record.bytes = Buffer.concat([record.bytes, chunk])))
    socket.on('error', () => undefined)
    socket.on('close', () => {
      record.closed = true
      sockets.delete(socket)
    })
  }
  const server = secure ? tls.createServer(secure, onSocket) : net.createServer(onSocket)
  // A client that gives up during the handshake is a closed connection too.
  if (secure) server.on('connection', (raw: net.Socket) => raw.on('error', () => undefined))
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return {
    port: (server.address() as net.AddressInfo).port,
    connections,
    reset: () => connections.splice(0),
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((ok) => server.close(() => ok()))
    }
  }
}

/** Handshakes that began count as connections: wait until each has settled (closed) or time runs out. */
async function settled(peer: Peer, ms = 3000): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until && peer.connections.some((c) => !c.closed)) await new Promise((r) => setTimeout(r, 25))
}

let world: World
let smtp: Peer
let token: Peer
/** Raw TCP connections to the token endpoint, handshake or not. */
let tokenTcp: Peer

beforeAll(async () => {
  world = await startWorld()
  smtp = await startPeer()
  token = await startPeer({ key: world.pki.serverKeyPem, cert: world.pki.serverCertPem })
  tokenTcp = await startPeer()
})
beforeEach(() => {
  for (const peer of [smtp, token, tokenTcp]) peer.reset()
})
afterAll(async () => {
  await Promise.all([smtp?.close(), token?.close(), tokenTcp?.close(), world?.close()])
  cleanupRunnerTemp()
})

function run(inputs: Record<string, string>): ReturnType<World['run']> {
  return world.run({
    inputs: world.inputs({
      'smtp-host': '127.0.0.1',
      'smtp-port': String(smtp.port),
      'authority-host': `https://127.0.0.1:${token.port}`,
      ...inputs
    })
  })
}

describe('an input error after the early dial', () => {
  it('closes the connections it opened, and no byte of the secret reaches either peer', async () => {
    const result = await run({ to: 'not an address' })
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toMatch(/to/)
    await Promise.all([settled(smtp), settled(token)])
    // The dial left before the inputs were read: one connection each, closed by the action.
    expect(smtp.connections).toHaveLength(1)
    expect(smtp.connections.every((c) => c.closed)).toBe(true)
    expect(token.connections.length).toBeLessThanOrEqual(1)
    expect(token.connections.every((c) => c.closed)).toBe(true)
    // Nothing was said on them: no SMTP command, no HTTP request (let alone the secret).
    expect(smtp.connections.map((c) => c.bytes.length)).toEqual([0])
    expect(token.connections.map((c) => c.bytes.toString('latin1'))).not.toContainEqual(
      expect.stringContaining(SECRET_VALUE)
    )
    expect(token.connections.map((c) => c.bytes.length).every((n) => n === 0)).toBe(true)
  })

  it('with transport: graph too, the TLS to graph-host and to the authority are closed unused', async () => {
    const graph = await startPeer({ key: world.pki.serverKeyPem, cert: world.pki.serverCertPem })
    try {
      const result = await run({ transport: 'graph', 'graph-host': `https://127.0.0.1:${graph.port}`, cc: 'x@' })
      expect(result.code).toBe(1)
      await Promise.all([settled(graph), settled(token)])
      expect(graph.connections.length).toBeLessThanOrEqual(1)
      expect(graph.connections.every((c) => c.closed && c.bytes.length === 0)).toBe(true)
      expect(token.connections.every((c) => c.closed && c.bytes.length === 0)).toBe(true)
      expect(smtp.connections).toHaveLength(0)
    } finally {
      await graph.close()
    }
  })
})

describe('a dry run', () => {
  it('opens no connection at all', async () => {
    const result = await run({ 'dry-run': 'true' })
    expect(result.code, result.log).toBe(0)
    expect(smtp.connections).toHaveLength(0)
    expect(token.connections).toHaveLength(0)
  })
})

describe('smtp-proxy with a password', () => {
  it('is not dialled before every input is checked: the password never reaches the proxy on an input error', async () => {
    const result = await run({ 'smtp-proxy': `http://user:pa55@127.0.0.1:${tokenTcp.port}`, to: 'bad' })
    expect(result.code).toBe(1)
    await settled(tokenTcp)
    expect(tokenTcp.connections).toHaveLength(0)
    expect(smtp.connections).toHaveLength(0)
  })
})
