import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import https from 'node:https'
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node'
import type { EarlyTls } from '../shared/early-tls.js'
import { parseRetryAfter } from '../shared/retry-after.js'
import { ConnectionAgent } from '../shared/connection-agent.js'

const USER_AGENT = 'exchange-online-mail-action'

/** A token response is a few KB: an answer past this is none, and is not read further. */
const MAX_ANSWER_BYTES = 1024 * 1024

/** An answer as the token request reads it. */
interface Answer {
  status: number
  headers: IncomingHttpHeaders
  text: string
  /** The body went past MAX_ANSWER_BYTES: reading stopped there. */
  oversized: boolean
}

/**
 * msal-node's network client, on the same connection agent as Graph: its first request takes the
 * TLS connection opened at start, HTTPS_PROXY and NO_PROXY are honoured like every other action
 * (a CONNECT tunnel), each request is bounded by a timeout, requests are counted, and the cause of
 * a network failure is kept (msal-node reports only `network_error`). Not @actions/http-client: its
 * index loads undici (some 900 KB to parse) on every run, for a tunnel node's https makes as well.
 */
export class IdentityNetworkClient implements INetworkModule {
  /** Requests sent, in order (method and URL, never bodies). */
  readonly requests: { method: string; url: string }[] = []
  /** The last transport-level failure (DNS, refused, TLS, timeout), if any. */
  lastError: Error | undefined
  /** Retry-After of the last response, in milliseconds, if it had one. */
  lastRetryAfterMs: number | undefined
  /** What the last response was instead of a token response: a redirect or an HTML page. */
  lastOddity:
    | { kind: 'redirected'; status: number; location: string }
    | { kind: 'html_response'; status: number; excerpt: string }
    | undefined

  /** Keep-alive, so a renewal reuses the connection; its first is the one opened at start. */
  private readonly agent: ConnectionAgent

  /**
   * @param timeoutMs time limit of one request, connection included
   * @param connection the TLS connection to the authority opened at start, for the first request to take
   */
  constructor(
    private readonly timeoutMs: number,
    connection?: EarlyTls
  ) {
    this.agent = new ConnectionAgent(() => timeoutMs)
    if (connection) this.agent.adopt(connection)
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options)
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options)
  }

  private async send<T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    this.requests.push({ method, url })
    this.lastOddity = undefined
    try {
      const answer = await this.request(method, new URL(url), options?.body, options?.headers ?? {})
      const { status, text } = answer
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
      }
      let body: unknown
      if (status >= 300 && status < 400) {
        // Never followed: the client secret or assertion stays with the configured host. msal gets
        // an OAuth-shaped error; the facts stay here for the diagnosis.
        const location = (headers.location ?? '(no Location header)').slice(0, 200)
        this.lastOddity = { kind: 'redirected', status, location }
        body = { error: 'redirected', error_description: `HTTP ${status} redirect to ${location}` }
      } else if (answer.oversized) {
        body = { error: 'invalid_response', error_description: `HTTP ${status} with a body over 1 MiB` }
      } else {
        try {
          body = text ? JSON.parse(text) : {}
        } catch {
          // Not JSON (a proxy's or load balancer's error page): give msal an OAuth-shaped body.
          const html = /html/i.test(headers['content-type'] ?? '') || /^\s*</.test(text)
          const excerpt = html ? htmlText(text) : text.slice(0, 300)
          if (html) this.lastOddity = { kind: 'html_response', status, excerpt }
          body = {
            error: html ? 'html_response' : 'invalid_response',
            error_description: `HTTP ${status} with a non-JSON body: ${excerpt}`
          }
        }
      }
      this.lastRetryAfterMs = parseRetryAfter(headers['retry-after'])
      return { status, headers, body: body as T }
    } catch (err) {
      this.lastError = err instanceof Error ? err : new Error(String(err))
      throw this.lastError
    }
  }

  /** One request; redirects are never followed (node's https does not). */
  private request(
    method: string,
    url: URL,
    body: string | undefined,
    headers: Record<string, string>
  ): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }
      const request = https.request(url, {
        method,
        agent: this.agent,
        headers: { 'user-agent': USER_AGENT, ...length, ...headers }
      })
      // Worded as @actions/http-client words a timeout, so the logs of earlier versions still compare.
      request.setTimeout(this.timeoutMs, () =>
        request.destroy(new Error(`Request timeout: ${url.pathname}${url.search}`))
      )
      request.once('error', reject)
      request.once('response', (response) => void readAnswer(response).then(resolve, reject))
      request.end(body)
    })
  }
}

/** Reads an answer whole, or up to MAX_ANSWER_BYTES and no further. */
function readAnswer(response: IncomingMessage): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const chunks: Buffer[] = []
    let bytes = 0
    const answer = (oversized: boolean): Answer => ({
      status: response.statusCode ?? 0,
      headers: response.headers,
      text: Buffer.concat(chunks).toString('utf8'),
      oversized
    })
    response.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes <= MAX_ANSWER_BYTES) return void chunks.push(chunk)
      response.destroy()
      resolve(answer(true))
    })
    response.once('error', reject)
    response.once('end', () => resolve(answer(false)))
  })
}

/** The readable text of an HTML page, tags, scripts and styles stripped, at most 300 characters. */
export function htmlText(html: string, max = 300): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) =>
      name.startsWith('#') ? String.fromCharCode(Number(name.slice(1)) || 32) : (entities[name.toLowerCase()] ?? whole)
    )
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
