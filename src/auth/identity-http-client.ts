import { HttpClient } from '@actions/http-client'
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node'
import type { EarlyTls } from '../shared/early-tls.js'
import { parseRetryAfter } from '../shared/retry-after.js'
import { EarlyConnectionAgent } from './early-agent.js'

/**
 * msal-node's network client, built on @actions/http-client: it honours HTTPS_PROXY and
 * NO_PROXY like every other action, bounds each request by a timeout, counts requests, and
 * keeps the cause of a network failure (msal-node reports only `network_error`).
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

  private readonly http: HttpClient

  /**
   * @param timeoutMs time limit of one request, connection included
   * @param connection the TLS connection to the authority opened at start, for the first request to take
   */
  constructor(timeoutMs: number, connection?: EarlyTls) {
    const agent = connection ? new EarlyConnectionAgent(connection) : undefined
    // A handler is http-client's own hook into each request: here it only chooses the agent, for
    // requests to the host the early connection goes to (with no proxy, or none would be open).
    const handlers = agent
      ? [
          {
            prepareRequest: (options: { host?: string | null; port?: number | string | null; agent?: unknown }) => {
              if (options.host === connection?.host && Number(options.port) === connection?.port) options.agent = agent
            },
            canHandleAuthentication: () => false,
            handleAuthentication: () => Promise.reject(new Error('not an authentication handler'))
          }
        ]
      : []
    this.http = new HttpClient('exchange-online-mail-action', handlers, {
      allowRetries: false,
      allowRedirects: false,
      socketTimeout: timeoutMs
    })
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
      const response = await this.http.request(method, url, options?.body ?? null, options?.headers ?? {})
      const text = await response.readBody()
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(response.message.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
      }
      const status = response.message.statusCode ?? 0
      let body: unknown
      if (status >= 300 && status < 400) {
        // Never followed (allowRedirects: false): the client secret or assertion stays with the
        // configured host. msal gets an OAuth-shaped error; the facts stay here for the diagnosis.
        const location = (headers.location ?? '(no Location header)').slice(0, 200)
        this.lastOddity = { kind: 'redirected', status, location }
        body = { error: 'redirected', error_description: `HTTP ${status} redirect to ${location}` }
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
