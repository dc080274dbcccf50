import { optional } from '../shared/optional.js'

/** Longest subject kept; longer ones are cut with an ellipsis. */
const MAX_SUBJECT_LENGTH = 250

/** Any value as text, never throwing (Liquid's own conversion throws on `{"toString": 1}`). */
export function toText(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  // Liquid joins arrays without a separator when it prints them.
  if (Array.isArray(value)) return depth >= 8 ? '' : value.map((item) => toText(item, depth + 1)).join('')
  try {
    // An object prints as Liquid prints it: its own toString, else [object Object].
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return String(value)
  } catch {
    return ''
  }
}

/**
 * The text with LF line ends: CRLF (a Windows checkout, GitHub's web editor, PowerShell) and a
 * lone CR end a line as LF does. Rendering works on LF text only; the MIME puts CRLF back.
 */
export function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return toText(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
}

/** Like escapeHtml, but leaves character references (`&amp;`, `&#169;`) as they are. */
export function escapeHtmlKeepEntities(text: string): string {
  return text.replace(/&(?!#\d{1,7};|#x[\da-f]{1,6};|[a-z][a-z\d]{1,31};)|[<>"']/gi, (c) => HTML_ESCAPES[c] ?? c)
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * The URL if it is http(s) or mailto, resolved against `base` when relative (and a base is
 * given); otherwise the empty string. Never returns javascript:, data:, vbscript: … links.
 */
export function safeUrl(value: unknown, base?: string): string {
  const text = toText(value).trim()
  if (!text || text.length > 8192) return ''
  let url: URL
  try {
    url = base ? new URL(text, base) : new URL(text)
  } catch {
    return ''
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : ''
}

/** Makes any text a single header-safe line: no control characters, collapsed spaces, bounded length. */
export function toSingleLine(value: string, max = MAX_SUBJECT_LENGTH): string {
  const line = value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line
}

/** The text alternative of an HTML part (html-to-text is loaded only when a message needs it). */
export async function htmlToText(html: string): Promise<string> {
  const { convert } = await optional.htmlToText()
  return convert(html, { wordwrap: 78 })
}
