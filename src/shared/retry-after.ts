/**
 * Retry-After (RFC 9110) as seconds or an HTTP date, in milliseconds from now; undefined when absent
 * or unreadable. Entra's token endpoint and Microsoft Graph both send it with 429 and 503.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
