import type tls from 'node:tls'

/**
 * A TLS connection opening to an https origin, dialled at start (boot/early.ts) and taken over by
 * the stage that talks to that origin (the token client, the Graph transport). A contract at the
 * bottom of the layers, so that those stages need not import the composition root.
 */
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
