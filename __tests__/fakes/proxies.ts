/**
 * Network middlemen for tests and the benchmark, on loopback only:
 * - an HTTP CONNECT proxy (what HTTPS_PROXY and `smtp-proxy` point at) that resolves the
 *   test host names itself, so requests for login.example.test reach a local server;
 * - a TCP forwarder that delays every chunk by a fixed time in each direction, to emulate
 *   a network round trip.
 */
import http from 'node:http'
import net from 'node:net'

export interface ConnectProxy {
  /** e.g. http://127.0.0.1:PORT */
  url: string
  /** Every CONNECT target, as host:port. */
  connects: string[]
  close(): Promise<void>
}

/** Starts a CONNECT proxy; `resolve` maps a requested host:port to the local port to dial. */
export async function startConnectProxy(
  resolve: (host: string, port: number) => number | undefined
): Promise<ConnectProxy> {
  const sockets = new Set<net.Socket>()
  const connects: string[] = []
  const server = http.createServer((_req, res) => {
    res.writeHead(405).end()
  })
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const [host = '', portText = ''] = (req.url ?? '').split(':')
    connects.push(req.url ?? '')
    const port = resolve(host, Number(portText))
    if (port === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((ok) => server.close(() => ok()))
    }
  }
}

export interface DelayProxy {
  port: number
  close(): Promise<void>
}

/** Forwards TCP to 127.0.0.1:targetPort, holding every chunk `delayMs` in each direction. */
export async function startDelayProxy(targetPort: number, delayMs: number): Promise<DelayProxy> {
  const sockets = new Set<net.Socket>()
  const track = (socket: net.Socket): void => {
    // A network hop forwards each segment as it comes: Nagle's algorithm in the forwarder would
    // hold a small write back until the far end acknowledged the previous one (40 ms of delayed
    // ACK on Linux), a delay no real path adds and that falls only on senders writing twice.
    socket.setNoDelay(true)
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const forward = (from: net.Socket, to: net.Socket): void => {
    from.on('data', (chunk) => {
      if (delayMs === 0) to.write(chunk)
      else setTimeout(() => to.writable && to.write(chunk), delayMs)
    })
    from.on('end', () => setTimeout(() => to.end(), delayMs))
  }
  const server = net.createServer((client) => {
    track(client)
    const upstream = net.connect(targetPort, '127.0.0.1')
    track(upstream)
    forward(client, upstream)
    forward(upstream, client)
    // A closed side ends the other once the delayed data has gone out (destroying it would drop that data).
    client.on('close', () => setTimeout(() => upstream.end(), delayMs))
    upstream.on('close', () => setTimeout(() => client.end(), delayMs))
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return {
    port: (server.address() as net.AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((ok) => server.close(() => ok()))
    }
  }
}
