import https from 'node:https'
import type { Duplex } from 'node:stream'
import type { EarlyTls } from '../shared/early-tls.js'

/**
 * The token request's agent: its first connection to the authority is the one opened at start
 * (boot/early.ts), whose handshake overlapped loading msal-node, so the request pays no TCP or
 * TLS round trip. Keep-alive, so a renewal takes it too. An early connection that failed or was
 * closed meanwhile is replaced by an ordinary one, made as @actions/http-client's own agent would
 * make it, so a failure reads exactly as it did without the early connection.
 */
export class EarlyConnectionAgent extends https.Agent {
  private early: EarlyTls | undefined

  constructor(early: EarlyTls) {
    super({ keepAlive: true })
    this.early = early
  }

  /** Whether a request to this URL goes where the early connection goes. */
  serves(url: URL): boolean {
    const early = this.early
    return !!early && url.protocol === 'https:' && url.origin === early.origin
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void
  ): Duplex | null | undefined {
    const early = this.early
    this.early = undefined
    if (
      !early ||
      String(options.host ?? options.hostname) !== early.host ||
      Number(options.port ?? 443) !== early.port
    ) {
      return super.createConnection(options, callback)
    }
    const fresh = (): void => {
      const socket = super.createConnection(options) as Duplex
      callback?.(null, socket)
    }
    early.socket.then(
      (socket) => (socket.destroyed || !socket.writable ? fresh() : callback?.(null, socket)),
      () => fresh()
    )
    return undefined
  }

  /** Closes the early connection too, if no request took it. */
  override destroy(): void {
    this.early?.socket.then((s) => s.destroy()).catch(() => undefined)
    this.early = undefined
    super.destroy()
  }
}
