import type * as tls from 'node:tls'

/** A TLS connection opening to an https origin. */
export interface EarlyTls {
  /** The origin as URL.origin spells it, to compare with the settings'. */
  origin: string
  host: string
  port: number
  /** Settles once the handshake is done (the certificate verified) or has failed. */
  socket: Promise<tls.TLSSocket>
  /** Resolves once the connection attempt has left (the name resolved), or has failed. */
  dialing: Promise<void>
}
