import { HttpClient } from '@actions/http-client'
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node'

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

  private readonly http: HttpClient

  /** @param timeoutMs time limit of one request, connection included */
  constructor(timeoutMs: number) {
    this.http = new HttpClient('exchange-online-mail-action', [], {
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
    try {
      const response = await this.http.request(method, url, options?.body ?? null, options?.headers ?? {})
      const text = await response.readBody()
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(response.message.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
      }
      let body: unknown
      try {
        body = text ? JSON.parse(text) : {}
      } catch {
        // Not JSON (a proxy's or load balancer's error page): give msal an OAuth-shaped body.
        body = {
          error: 'invalid_response',
          error_description: `HTTP ${response.message.statusCode ?? 0} with a non-JSON body: ${text.slice(0, 200)}`
        }
      }
      this.lastRetryAfterMs = parseRetryAfter(headers['retry-after'])
      return { status: response.message.statusCode ?? 0, headers, body: body as T }
    } catch (err) {
      this.lastError = err instanceof Error ? err : new Error(String(err))
      throw this.lastError
    }
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
