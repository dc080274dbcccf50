/**
 * Where every local peer listens: 127.0.0.1 at a free port, loopback only.
 */
import type { AddressInfo, Server, Socket } from 'node:net'

export interface Listening {
  port: number
  /** Stops listening and destroys every open connection (keep-alive and hanging ones included). */
  close: () => Promise<void>
}

/** Starts `server` on 127.0.0.1 at a free port and tracks its connections for close(). */
export async function listenOnLoopback(server: Server): Promise<Listening> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
  }
}
