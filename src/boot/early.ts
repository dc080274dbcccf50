import tls from 'node:tls'
import { CLOUDS, isCloudName } from '../inputs/clouds.js'
import { inputVariable } from '../inputs/read-inputs.js'
import type { EarlyTls } from '../shared/early-tls.js'
import { dial, type Dial } from '../smtp/dial.js'

// The contract lives in shared/, where auth/ and graph/ may import it.
export type { EarlyTls }

/**
 * The connections a run opens before it reads anything else: on a runner a few milliseconds from
 * Microsoft 365, a send's time is the CPU on its critical path, so the SMTP dial and the TLS
 * handshakes with the token endpoint (and graph-host) leave first and loading overlaps them.
 *
 * Only what the dial needs is read here (transport, dry-run, cloud, hosts, port, proxy), with the
 * rules of src/inputs/ but no error: whatever looks wrong or unusual is simply not dialled early,
 * and boot reads and checks every input as before. Nothing is sent on these connections but a
 * TCP handshake, a TLS ClientHello or a proxy's CONNECT without credentials, so a wrong input
 * costs at most the connections, never a byte of a secret; boot closes whatever the run will not use.
 */
export interface EarlyConnections {
  /** The SMTP connection under way, and where it goes. */
  smtp?: EarlySmtp
  /** The TLS connection to the authority host. */
  token?: EarlyTls
  /** With `transport: graph`, the TLS connection to graph-host. */
  graph?: EarlyTls
}

export interface EarlySmtp {
  host: string
  port: number
  proxy: string | undefined
  dial: Dial
}

/** The limit of an early connection attempt: the SMTP connection's usual one, or the step's budget if less. */
const CONNECT_LIMIT_MS = 30_000

/**
 * How long the TLS connections wait for the SMTP connection attempt to leave. Starting a TLS
 * connection costs 10–15 ms of CPU before its first byte (the root certificates load), and
 * would hold back the SMTP attempt, whose conversation is the send's critical path; the token
 * is needed only at AUTH, round trips later. The wait is bounded for a slow name lookup.
 */
const TLS_AFTER_SMTP_MS = 10

/** Opens the connections the inputs name, now; none in a dry run. */
export function openEarlyConnections(env: NodeJS.ProcessEnv = process.env): EarlyConnections {
  const get = (name: string): string => (env[inputVariable(name)] ?? '').trim()
  const transport = (get('transport') || 'smtp').toLowerCase()
  const cloud = get('cloud') || 'public'
  // Only getBooleanInput's true values mean a dry run; anything else either sends or is an input error.
  if (['true', 'True', 'TRUE'].includes(get('dry-run')) || !isCloudName(cloud)) return {}
  if (transport !== 'smtp' && transport !== 'graph') return {}
  const preset = CLOUDS[cloud]
  const limitMs = connectLimit(get('timeout-seconds'))
  const early: EarlyConnections = {}
  if (transport === 'smtp') {
    const smtp = earlySmtp(get('smtp-host') || preset.smtpHost, get('smtp-port') || '587', get('smtp-proxy'), limitMs)
    if (smtp) early.smtp = smtp
  }
  // @actions/http-client decides which proxy applies to HTTPS; with one set, boot's path keeps that decision.
  if (env.https_proxy || env.HTTPS_PROXY) return early
  const after = early.smtp ? Promise.race([early.smtp.dial.dialing, delay(TLS_AFTER_SMTP_MS)]) : Promise.resolve()
  const token = earlyTls(get('authority-host') || preset.authorityHost, limitMs, after)
  if (token) early.token = token
  if (transport === 'graph') {
    const graph = earlyTls(get('graph-host') || preset.graphHost, limitMs, after)
    if (graph) early.graph = graph
  }
  return early
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref())

/**
 * Resolves once every early connection attempt has left the process (host names resolved): loading
 * the rest keeps the CPU busy for tens of milliseconds, and would hold the attempts back.
 */
export function dialed(early: EarlyConnections): Promise<unknown> {
  return Promise.all([early.smtp?.dial.dialing, early.token?.dialing, early.graph?.dialing])
}

/** Closes every early connection the run will not use (all of them when `keep` is empty). */
export function closeEarly(early: EarlyConnections, keep: Partial<Record<keyof EarlyConnections, boolean>> = {}): void {
  if (early.smtp && !keep.smtp) {
    early.smtp.dial.cancel()
    early.smtp.dial.connected.then(
      (socket) => socket.destroy(),
      () => undefined
    )
  }
  for (const which of ['token', 'graph'] as const) {
    if (!keep[which]) early[which]?.socket.then((s) => s.destroy()).catch(() => undefined)
  }
}

function connectLimit(timeoutSeconds: string): number {
  const seconds = /^\d+$/.test(timeoutSeconds) ? Number(timeoutSeconds) : 0
  return seconds > 0 ? Math.min(CONNECT_LIMIT_MS, seconds * 1000) : CONNECT_LIMIT_MS
}

function earlySmtp(host: string, portText: string, proxyText: string, limitMs: number): EarlySmtp | undefined {
  const port = /^\d+$/.test(portText) ? Number(portText) : 0
  if (!/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/.test(host) || port < 1 || port > 65535) return undefined
  let proxy: string | undefined
  if (proxyText) {
    const url = URL.canParse(proxyText) ? new URL(proxyText) : undefined
    // Credentials for the proxy are a secret: they go only once every input has been checked.
    if (!url || url.username || url.password || !['http:', 'https:'].includes(url.protocol)) return undefined
    proxy = url.href
  }
  const connection = dial({ smtpHost: host, smtpPort: port, smtpProxy: proxy }, limitMs)
  // Until nodemailer takes the socket over (or boot closes it), a reset must not crash the process:
  // the session finds the socket closed and reports it as any failed connection.
  connection.connected.then(
    (socket) => socket.on('error', () => undefined),
    () => undefined
  )
  return { host, port, proxy, dial: connection }
}

function earlyTls(originText: string, limitMs: number, after: Promise<unknown>): EarlyTls | undefined {
  const url = URL.canParse(originText) ? new URL(originText) : undefined
  if (!url || url.protocol !== 'https:' || url.pathname !== '/' || url.search || url.username) return undefined
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const port = Number(url.port || 443)
  let dialed: () => void = () => undefined
  const dialing = new Promise<void>((resolve) => (dialed = resolve))
  const socket = after.then(() => handshake(host, port, limitMs, dialed))
  socket.catch(() => undefined) // whoever takes the connection sees the failure, and connects afresh
  return { origin: url.origin, host, port, socket, dialing }
}

function handshake(host: string, port: number, limitMs: number, dialed: () => void): Promise<tls.TLSSocket> {
  return new Promise<tls.TLSSocket>((resolve, reject) => {
    const s = tls.connect({
      host,
      port,
      ...(/^[\d.]+$/.test(host) || host.includes(':') ? {} : { servername: host }),
      minVersion: 'TLSv1.2',
      ALPNProtocols: ['http/1.1']
    })
    const timer = setTimeout(
      () => s.destroy(Object.assign(new Error('TLS connection timeout'), { code: 'ETIMEDOUT' })),
      limitMs
    ).unref()
    s.once('connectionAttempt', dialed)
    s.once('secureConnect', () => {
      clearTimeout(timer)
      dialed()
      resolve(s)
    })
    // Also while it waits, unused, for the request that takes it: a reset then is no crash.
    s.on('error', (err: Error) => {
      clearTimeout(timer)
      dialed()
      reject(err)
    })
    s.once('close', () => {
      dialed()
      reject(Object.assign(new Error('The connection was closed'), { code: 'ECONNRESET' }))
    })
  })
}
