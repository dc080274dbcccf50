import type { Renderer, Tokens } from 'marked'
import { optional } from '../shared/optional.js'
import { flattenDeepContainers, limitingHooks } from './markdown-limits.js'
import { escapeHtml, escapeHtmlKeepEntities, safeUrl, toLf, toText } from './text.js'

/** Longest Markdown source the `markdown` filter renders (GitHub allows 125,000 characters in a release body). */
export const MAX_MARKDOWN_LENGTH = 200_000

/** Where relative links and `@user` / `#123` references of rendered Markdown point. */
export interface MarkdownLinks {
  /** e.g. https://github.com: `@user` links there, `/path` links resolve against it. */
  serverUrl?: string
  /** e.g. https://github.com/octo/app: relative links point into the repository, `#123` to its issues. */
  repositoryUrl?: string
  /** Commit or ref relative links are resolved at (default HEAD). */
  ref?: string
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif"
const MONO = "ui-monospace,SFMono-Regular,Consolas,'Liberation Mono',Menlo,monospace"
const HEADING_SIZES = [0, 20, 18, 16, 15, 14, 13]
/** Tags kept from raw HTML in Markdown, always without attributes. */
const KEPT_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'sub', 'sup', 'kbd', 'code', 'br'])
/** Tags whose end becomes a line break when raw HTML is flattened. */
const BREAKING_TAGS = new Set(['p', 'div', 'li', 'tr', 'summary'])
/** Tags dropped from raw HTML together with their content. */
const DROPPED_CONTENT =
  /<(script|style|textarea|title|iframe|noscript|xmp|template|svg|math|object)\b[\s\S]*?(?:<\/\1\s*>|$)/gi
/** A tag, a comment or a declaration in raw HTML. */
const HTML_TAG = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<\/?([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g

/**
 * Renders Markdown (GitHub-flavoured: tables, task lists, autolinks, hard line breaks) to HTML
 * that is safe to put in a message and renders in Outlook and Gmail:
 * - raw HTML in the source never reaches the output: harmless formatting tags (`<b>`, `<br>`,
 *   `<kbd>` …) are kept without attributes, other tags are dropped (their text stays, escaped);
 *   `<script>`, `<style>` and the like are dropped with their content;
 * - links keep only http(s) and mailto URLs; relative links point into the repository;
 * - images become links (no remote content is loaded when the message is opened);
 * - every element carries inline styles (no `<style>` block, no classes).
 */
export async function markdownToHtml(source: unknown, links: MarkdownLinks = {}): Promise<string> {
  let text = toLf(toText(source))
  if (!text.trim()) return ''
  if (text.length > MAX_MARKDOWN_LENGTH) text = `${text.slice(0, MAX_MARKDOWN_LENGTH)}…`
  text = flattenDeepContainers(text)
  const { Marked, Renderer, Lexer } = await optional.marked()
  const renderer = new Renderer()
  styleBlocks(renderer)
  styleInline(renderer, linkWriter(links))
  const hooks = limitingHooks(Lexer)
  const markdown = new Marked({ gfm: true, breaks: true, async: false, renderer, hooks })
  try {
    return markdown.parse(text, { async: false }).trim()
  } catch {
    // Should marked give up on absurd input all the same (it did on thousands of nested quotes,
    // before flattenDeepContainers): the text as it is, escaped, rather than no message at all.
    return `<p style="margin:0 0 12px;white-space:pre-wrap;">${escapeHtml(text)}</p>`
  }
}

/** How the links of one Markdown text are written. */
interface LinkWriter {
  /** A link target from the source: fragment-only links and unsafe schemes yield ''. */
  target(href: string): string
  /** An image as a link to it (or its alt text when it has no safe target). */
  imageLink(src: string, alt: string): string
  /** `@user` and `#123` as links, in text that is already escaped. */
  references(escaped: string): string
}

function linkWriter(links: MarkdownLinks): LinkWriter {
  const repositoryUrl = safeUrl(links.repositoryUrl)
  const serverUrl = safeUrl(links.serverUrl) || (repositoryUrl ? new URL(repositoryUrl).origin : '')
  const ref = encodeURIComponent(links.ref || 'HEAD')
  const pageBase = repositoryUrl ? `${repositoryUrl.replace(/\/+$/, '')}/blob/${ref}/` : undefined
  const rawBase = repositoryUrl ? `${repositoryUrl.replace(/\/+$/, '')}/raw/${ref}/` : undefined
  const target = (href: string, base = pageBase): string => (href.trim().startsWith('#') ? '' : safeUrl(href, base))
  return {
    target: (href) => target(href),
    imageLink(src, alt) {
      const href = target(src, rawBase)
      const label = `${alt.trim() ? escapeHtml(alt.trim()) : 'image'}`
      return href ? `[${anchor(href, `image: ${label}`)}]` : alt.trim() ? escapeHtml(alt) : ''
    },
    references(escaped) {
      if (!serverUrl && !repositoryUrl) return escaped
      return escaped.replace(
        /(^|[^\w@/&#.-])(@([A-Za-z\d](?:-?[A-Za-z\d]){0,38})|#(\d{1,9}))(?![\w-])/g,
        (match, before: string, whole: string, user?: string, issue?: string) => {
          if (user && serverUrl) return `${before}${anchor(`${serverUrl.replace(/\/+$/, '')}/${user}`, whole)}`
          if (issue && repositoryUrl)
            return `${before}${anchor(`${repositoryUrl.replace(/\/+$/, '')}/issues/${issue}`, whole)}`
          return match
        }
      )
    }
  }
}

function anchor(href: string, content: string): string {
  return `<a href="${escapeHtml(href)}" style="color:#0969da;text-decoration:underline;">${content}</a>`
}

/** Raw HTML from the source: kept formatting tags, image links, escaped text; nothing else. */
function sanitizeRawHtml(html: string, links: LinkWriter): string {
  let out = ''
  let last = 0
  const source = html.replace(DROPPED_CONTENT, '')
  for (const m of source.matchAll(HTML_TAG)) {
    out += escapeHtmlKeepEntities(source.slice(last, m.index))
    last = m.index + m[0].length
    const name = m[1]?.toLowerCase()
    if (!name) continue // comment, doctype, processing instruction
    const closing = m[0].startsWith('</')
    if (KEPT_TAGS.has(name)) out += closing ? (name === 'br' ? '' : `</${name}>`) : `<${name}>`
    else if (name === 'img') {
      const attributes = m[2] ?? ''
      out += links.imageLink(decodeEntities(attribute(attributes, 'src')), decodeEntities(attribute(attributes, 'alt')))
    } else if (BREAKING_TAGS.has(name) && closing) out += '<br>'
  }
  return out + escapeHtmlKeepEntities(source.slice(last))
}

/** The value of one attribute of a raw tag, quoted or not; '' when it is missing. */
function attribute(attributes: string, key: string): string {
  return (
    new RegExp(`(?:^|\\s)${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i')
      .exec(attributes)
      ?.slice(1)
      .find((v) => v !== undefined) ?? ''
  )
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? match
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
  })
}

/** Raw HTML, text, links and inline formatting: sanitised, references linked. */
function styleInline(renderer: Renderer, links: LinkWriter): void {
  let linkDepth = 0
  renderer.html = ({ text: html }: Tokens.HTML | Tokens.Tag) => sanitizeRawHtml(html, links)
  renderer.text = function (token: Tokens.Text | Tokens.Escape) {
    if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens)
    // Always escaped: marked flags text inside raw HTML blocks (after <script>, <pre> …) as
    // "escaped" meaning "print as is", and backslash escapes arrive as entities already.
    const escaped = escapeHtmlKeepEntities(token.text)
    return linkDepth > 0 ? escaped : links.references(escaped)
  }
  renderer.link = function ({ href, tokens, text: label }: Tokens.Link) {
    linkDepth++
    const content = tokens ? this.parser.parseInline(tokens) : escapeHtml(label)
    linkDepth--
    const url = links.target(href)
    return url ? anchor(url, content) : content
  }
  renderer.image = ({ href, text: alt }: Tokens.Image) => links.imageLink(href, alt)
  renderer.codespan = ({ text: code }: Tokens.Codespan) =>
    `<code style="font-family:${MONO};font-size:85%;background-color:#eff1f3;padding:1px 4px;border-radius:4px;">${escapeHtml(code)}</code>`
  renderer.strong = function ({ tokens }: Tokens.Strong) {
    return `<strong>${this.parser.parseInline(tokens)}</strong>`
  }
  renderer.em = function ({ tokens }: Tokens.Em) {
    return `<em>${this.parser.parseInline(tokens)}</em>`
  }
  renderer.del = function ({ tokens }: Tokens.Del) {
    return `<del>${this.parser.parseInline(tokens)}</del>`
  }
  renderer.checkbox = ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ ')
}

/** Paragraphs, headings, code blocks, quotes, lists and tables: inline styles that mail clients keep. */
function styleBlocks(renderer: Renderer): void {
  renderer.paragraph = function ({ tokens }: Tokens.Paragraph) {
    return `<p style="margin:0 0 12px;">${this.parser.parseInline(tokens)}</p>\n`
  }
  renderer.heading = function ({ tokens, depth }: Tokens.Heading) {
    const size = HEADING_SIZES[depth] ?? 14
    const rule = depth <= 2 ? 'padding-bottom:4px;border-bottom:1px solid #d8dee4;' : ''
    return `<h${depth} style="margin:20px 0 8px;font-family:${FONT};font-size:${size}px;line-height:1.3;font-weight:600;color:#1f2328;${rule}">${this.parser.parseInline(tokens)}</h${depth}>\n`
  }
  renderer.code = ({ text: code }: Tokens.Code) =>
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 12px;"><tr><td bgcolor="#f6f8fa" style="background-color:#f6f8fa;border:1px solid #d0d7de;padding:10px 12px;"><pre style="margin:0;font-family:${MONO};font-size:12px;line-height:1.45;color:#1f2328;white-space:pre-wrap;word-wrap:break-word;">${escapeHtml(code.replace(/\n$/, ''))}</pre></td></tr></table>\n`
  renderer.blockquote = function ({ tokens }: Tokens.Blockquote) {
    return `<blockquote style="margin:0 0 12px;padding:0 0 0 12px;border-left:4px solid #d0d7de;color:#59636e;">${this.parser.parse(tokens)}</blockquote>\n`
  }
  renderer.hr = () => '<hr style="border:0;border-top:1px solid #d0d7de;height:0;margin:16px 0;">\n'
  renderer.list = function (token: Tokens.List) {
    const tag = token.ordered ? 'ol' : 'ul'
    const start = token.ordered && typeof token.start === 'number' && token.start !== 1 ? ` start="${token.start}"` : ''
    const items = token.items.map((item) => this.listitem(item)).join('')
    return `<${tag}${start} style="margin:0 0 12px;padding-left:24px;">\n${items}</${tag}>\n`
  }
  renderer.listitem = function (item: Tokens.ListItem) {
    const style = item.task ? 'margin:0 0 4px;list-style-type:none;' : 'margin:0 0 4px;'
    return `<li style="${style}">${this.parser.parse(item.tokens).replace(/^<p style="margin:0 0 12px;">([\s\S]*)<\/p>\n$/, '$1')}</li>\n`
  }
  renderer.table = function (token: Tokens.Table) {
    const cell = (c: Tokens.TableCell): string => {
      const align = c.align ? `text-align:${c.align};` : 'text-align:left;'
      const head = c.header ? 'font-weight:600;background-color:#f6f8fa;' : ''
      const tag = c.header ? 'th' : 'td'
      return `<${tag}${c.header ? ' bgcolor="#f6f8fa"' : ''} style="border:1px solid #d0d7de;padding:6px 12px;font-family:${FONT};font-size:14px;${align}${head}">${this.parser.parseInline(c.tokens)}</${tag}>`
    }
    const head = `<tr>${token.header.map(cell).join('')}</tr>\n`
    const rows = token.rows.map((row) => `<tr>${row.map(cell).join('')}</tr>\n`).join('')
    return `<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px;">\n${head}${rows}</table>\n`
  }
}
