import http from 'node:http'
import https from 'node:https'
import type { Duplex } from 'node:stream'
import tls from 'node:tls'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import type { EarlyTls } from './early-tls.js'

/** A place to connect to: host and port, as the agent keys its connections. */
interface Endpoint {
  host: string
  port: number
}

/**
 * The HTTPS connections of the token request and of the Graph transport: a keep-alive agent whose
 * first connection to its origin is the one opened at start (`adopt`, boot/early.ts) or opened
 * ahead of the first request (`preconnect`), so that request pays no TCP and TLS handshake.
 * `HTTPS_PROXY`/`NO_PROXY` are honoured as by every other action (@actions/http-client decides
 * which proxy applies), through an HTTP CONNECT tunnel; TLS is always end to end with the origin.
 */
export class ConnectionAgent extends https.Agent {
  private early: { key: string; socket: Promise<tls.TLSSocket> } | undefined
  /** Every connection opened, as host:port and through which proxy, for the debug log. */
  readonly opened: string[] = []

  /** @param timeoutMs the limit of one connection attempt (TCP, proxy and TLS together) */
  constructor(private readonly timeoutMs: () => number) {
    super({ keepAlive: true, maxSockets: 4 })
  }

  /**
   * Takes the connection opened at start (boot/early.ts) as the first to its origin, as if
   * `preconnect` had opened it: a failure of it is the first request's, retried as any other.
   */
  adopt(early: EarlyTls): void {
    this.opened.push(keyOf({ host: early.host, port: early.port }))
    this.early = { key: keyOf({ host: early.host, port: early.port }), socket: early.socket }
  }

  /** Opens the connection to `origin` now; the first request to it takes it. */
  preconnect(origin: string): void {
    const endpoint = endpointOf(new URL(origin))
    const socket = this.connect(endpoint)
    socket.catch(() => undefined) // the request that takes it reports the failure
    this.early = { key: keyOf(endpoint), socket }
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void
  ): Duplex | null | undefined {
    const endpoint = {
      host: String(options.host ?? options.hostname ?? 'localhost'),
      port: Number(options.port ?? 443)
    }
    const early = this.early?.key === keyOf(endpoint) ? this.early : undefined
    if (early) this.early = undefined
    const socket = early
      ? // closed meanwhile (an idle limit on the far side): a fresh one
        early.socket.then((s) => (s.destroyed || !s.writable ? this.connect(endpoint) : s))
      : this.connect(endpoint)
    socket.then(
      (s) => callback?.(null, s),
      (err: Error) => callback?.(err, undefined as unknown as Duplex)
    )
    return undefined
  }

  /** Closes every connection, the early one included: nothing keeps the process alive. */
  override destroy(): void {
    const early = this.early
    this.early = undefined
    early?.socket.then((s) => s.destroy()).catch(() => undefined)
    super.destroy()
  }

  private async connect(endpoint: Endpoint): Promise<tls.TLSSocket> {
    const proxy = getProxyUrl(new URL(`https://${hostForUrl(endpoint.host)}:${endpoint.port}`))?.href
    this.opened.push(`${keyOf(endpoint)}${proxy ? ` through ${new URL(proxy).host}` : ''}`)
    const timeoutMs = this.timeoutMs()
    const tunnel = proxy ? await connectThrough(new URL(proxy), endpoint, timeoutMs) : undefined
    return new Promise<tls.TLSSocket>((resolve, reject) => {
      const socket = tls.connect({
        ...(tunnel ? { socket: tunnel } : { host: endpoint.host, port: endpoint.port }),
        ...(isIp(endpoint.host) ? {} : { servername: endpoint.host }),
        minVersion: 'TLSv1.2',
        ALPNProtocols: ['http/1.1']
      })
      const timer = setTimeout(
        () => socket.destroy(codedError('ETIMEDOUT', `no TLS connection to ${keyOf(endpoint)} within ${timeoutMs} ms`)),
        timeoutMs
      )
      socket.once('secureConnect', () => {
        clearTimeout(timer)
        resolve(socket)
      })
      socket.once('error', (err: Error) => {
        clearTimeout(timer)
        reject(err)
      })
    })
  }
}

/** A tunnel to `endpoint` through an HTTP CONNECT proxy (an http:// or https:// proxy URL). */
function connectThrough(proxy: URL, endpoint: Endpoint, timeoutMs: number): Promise<Duplex> {
  const target = `${hostForUrl(endpoint.host)}:${endpoint.port}`
  const headers: Record<string, string> = { host: target }
  if (proxy.username || proxy.password) {
    const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
    headers['proxy-authorization'] = `Basic ${Buffer.from(user).toString('base64')}`
  }
  const request = (proxy.protocol === 'https:' ? https : http).request({
    host: proxy.hostname.replace(/^\[|\]$/g, ''),
    port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
    method: 'CONNECT',
    path: target,
    headers,
    agent: false,
    timeout: timeoutMs
  })
  return new Promise<Duplex>((resolve, reject) => {
    request.once('connect', (response, socket) => {
      if (response.statusCode === 200) return resolve(socket)
      socket.destroy()
      reject(codedError('EPROXY', `the proxy ${proxy.host} refused CONNECT ${target}: HTTP ${response.statusCode}`))
    })
    request.once('timeout', () =>
      request.destroy(codedError('ETIMEDOUT', `no answer from the proxy ${proxy.host} within ${timeoutMs} ms`))
    )
    request.once('error', reject)
    request.end()
  })
}

function endpointOf(url: URL): Endpoint {
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443) }
}

function keyOf(endpoint: Endpoint): string {
  return `${hostForUrl(endpoint.host)}:${endpoint.port}`
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':')
}

function codedError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code })
}
