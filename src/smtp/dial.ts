import net, { type Socket } from 'node:net'
import httpProxyClient from 'nodemailer/lib/smtp-connection/http-proxy-client'
import { smtpError } from './smtp-errors.js'
import type { Settings } from '../inputs/settings.js'

/** The TCP connection to the SMTP host, under way. */
export interface Dial {
  /**
   * Resolves once the connection attempt has left the process (the host name is resolved) or
   * has failed; through `smtp-proxy`, at once.
   */
  readonly dialing: Promise<void>
  /** The connected socket (through the proxy's tunnel with `smtp-proxy`). */
  readonly connected: Promise<Socket>
  /** Destroys the socket still connecting (a direct connection only: the proxy client keeps its own). */
  cancel(): void
}

/** Starts the TCP connection to the SMTP host now, directly or through an HTTP CONNECT proxy. */
export function dial(settings: Pick<Settings, 'smtpHost' | 'smtpPort' | 'smtpProxy'>, timeoutMs: number): Dial {
  let dialed: () => void = () => undefined
  const dialing = new Promise<void>((resolve) => (dialed = resolve))
  if (settings.smtpProxy) {
    dialed()
    return { dialing, connected: throughProxy(settings, settings.smtpProxy, timeoutMs), cancel: () => undefined }
  }
  const socket = net.connect({ host: settings.smtpHost, port: settings.smtpPort, autoSelectFamily: true })
  return { dialing, connected: direct(socket, settings, timeoutMs, dialed), cancel: () => socket.destroy() }
}

/** The session was closed before the connection was made. */
export function closedWhileConnecting(): Error {
  return smtpError('The SMTP session was closed while connecting', { code: 'ECONNECTION' })
}

/**
 * Waits for a direct connection. Node resolves the name as every other client on the runner
 * does (/etc/hosts included) and tries each address, IPv6 and IPv4 in turn (happy eyeballs).
 * `dialed` is called as the first attempt leaves, or when the lookup fails.
 */
function direct(
  socket: Socket,
  { smtpHost: host, smtpPort: port }: Pick<Settings, 'smtpHost' | 'smtpPort'>,
  timeoutMs: number,
  dialed: () => void
): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        socket.destroy(
          smtpError(`Connection timeout: no TCP connection to ${host}:${port}`, { code: 'ETIMEDOUT', command: 'CONN' })
        ),
      timeoutMs
    )
    const settle = (err?: Error): void => {
      clearTimeout(timer)
      dialed()
      socket.removeListener('connect', onConnect)
      socket.removeListener('error', onError)
      socket.removeListener('close', onClose)
      if (err) reject(err)
      else resolve(socket)
    }
    const onConnect = (): void => settle()
    const onError = (err: Error): void => settle(err)
    const onClose = (): void => settle(closedWhileConnecting())
    socket.once('connectionAttempt', dialed)
    socket.once('connect', onConnect)
    socket.once('error', onError)
    socket.once('close', onClose)
  })
}

function throughProxy(
  { smtpHost, smtpPort }: Pick<Settings, 'smtpHost' | 'smtpPort'>,
  proxy: string,
  timeoutMs: number
): Promise<Socket> {
  return new Promise((resolve, reject) =>
    httpProxyClient(proxy, smtpPort, smtpHost, { timeout: timeoutMs }, (err, socket) =>
      err || !socket ? reject(err ?? new Error('The proxy gave no socket')) : resolve(socket)
    )
  )
}
