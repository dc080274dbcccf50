import { Liquid, type Template } from 'liquidjs'
import type { Marked, Tokens } from 'marked'
import { messageKind, type DefaultMessageKind, type TemplateContext } from './context.js'
import { formatDuration } from './duration.js'
import { InputError } from '../inputs/input-error.js'
import type { InputName } from '../inputs/read-inputs.js'
import type { TemplateSource } from '../inputs/template-sources.js'
import { DEFAULT_MESSAGES, DEFAULT_PARTIALS, MARKDOWN_FRAME, type DefaultMessageFiles } from './default-templates.js'

/** The message as it will be sent. */
export interface RenderedMessage {
  /** One-line subject. */
  subject: string
  /** The text/plain part. */
  text: string
  /** The text/html part, if there is one. */
  html?: string
}

/**
 * Marks a part the built-in default message supplies. Which default (release announcement,
 * failure alert, pushed commits …) depends on the event and the job status, so it is chosen
 * when the message is rendered, not when the templates are compiled.
 */
export const USE_DEFAULT: unique symbol = Symbol('use the default message for the context')

/** A compiled template, or the marker for the default one. */
export type CompiledPart = Template[] | typeof USE_DEFAULT

/** The templates of one message, compiled. */
export interface CompiledTemplates {
  /** Subject template (rendered as text, then made one line). */
  subject: CompiledPart
  /** Text body template, if any (otherwise derived from HTML). */
  text?: CompiledPart
  /** HTML body template, if any. */
  html?: CompiledPart
  /** The text body is Markdown: without an HTML template, the HTML part is rendered from it. */
  markdown?: boolean
}

/** The template sources of one message. */
export interface MessageTemplates {
  /** Subject template. */
  subject?: TemplateSource
  /** Text body. */
  body?: TemplateSource
  /** HTML body. */
  htmlBody?: TemplateSource
  /** `body` is Markdown: the HTML part is rendered from it, the text part keeps the source. */
  markdown?: boolean
}

/** The built-in messages, one per kind of notification (chosen by messageKind in context.ts). */
export type { DefaultMessageKind } from './context.js'

/** Longest subject kept; longer ones are cut with an ellipsis. */
export const MAX_SUBJECT_LENGTH = 250

/** Longest Markdown source the `markdown` filter renders (GitHub allows 125,000 characters in a release body). */
export const MAX_MARKDOWN_LENGTH = 200_000

/** Objects nested deeper than this in the event, `vars` or `run` read as empty. */
const MAX_DATA_DEPTH = 64

// ---------------------------------------------------------------------------------------------
// Values as text, URLs, durations

/** Any value as text, never throwing (Liquid's own conversion throws on `{"toString": 1}`). */
export function toText(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  // Liquid joins arrays without a separator when it prints them.
  if (Array.isArray(value)) return depth >= 8 ? '' : value.map((item) => toText(item, depth + 1)).join('')
  try {
    return String(value)
  } catch {
    return ''
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return toText(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
}

/** Like escapeHtml, but leaves character references (`&amp;`, `&#169;`) as they are. */
function escapeHtmlKeepEntities(text: string): string {
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

// One format for durations everywhere (run facts, jobs lists, the `duration` filter).
export { formatDuration } from './duration.js'

// ---------------------------------------------------------------------------------------------
// Markdown → sanitised, e-mail friendly HTML

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
/** Tags dropped from raw HTML together with their content. */
const DROPPED_CONTENT =
  /<(script|style|textarea|title|iframe|noscript|xmp|template|svg|math|object)\b[\s\S]*?(?:<\/\1\s*>|$)/gi
/** A tag, a comment or a declaration in raw HTML. */
const HTML_TAG = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<\/?([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g

let markedModule: Promise<typeof import('marked')> | undefined

/** marked is loaded when Markdown is first rendered. */
function loadMarked(): Promise<typeof import('marked')> {
  markedModule ??= import('marked')
  return markedModule
}

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
  let text = toText(source)
  if (!text.trim()) return ''
  if (text.length > MAX_MARKDOWN_LENGTH) text = `${text.slice(0, MAX_MARKDOWN_LENGTH)}…`
  text = defuseEmphasis(text)
  const { Marked, Renderer } = await loadMarked()
  const repositoryUrl = safeUrl(links.repositoryUrl)
  const serverUrl = safeUrl(links.serverUrl) || (repositoryUrl ? new URL(repositoryUrl).origin : '')
  const ref = encodeURIComponent(links.ref || 'HEAD')
  const pageBase = repositoryUrl ? `${repositoryUrl.replace(/\/+$/, '')}/blob/${ref}/` : undefined
  const rawBase = repositoryUrl ? `${repositoryUrl.replace(/\/+$/, '')}/raw/${ref}/` : undefined

  /** A link target from the source: fragment-only links and unsafe schemes yield ''. */
  const target = (href: string, base = pageBase): string => (href.trim().startsWith('#') ? '' : safeUrl(href, base))
  const anchor = (href: string, content: string): string =>
    `<a href="${escapeHtml(href)}" style="color:#0969da;text-decoration:underline;">${content}</a>`
  const imageLink = (src: string, alt: string): string => {
    const href = target(src, rawBase)
    const label = `${alt.trim() ? escapeHtml(alt.trim()) : 'image'}`
    return href ? `[${anchor(href, `image: ${label}`)}]` : alt.trim() ? escapeHtml(alt) : ''
  }
  /** `@user` and `#123` as links, in text that is already escaped. */
  const references = (escaped: string): string => {
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
  /** Raw HTML from the source: kept formatting tags, image links, escaped text; nothing else. */
  const sanitize = (html: string): string => {
    let out = ''
    let last = 0
    const source = html.replace(DROPPED_CONTENT, '')
    for (const m of source.matchAll(HTML_TAG)) {
      out += escapeHtmlKeepEntities(source.slice(last, m.index))
      last = m.index + m[0].length
      const name = m[1]?.toLowerCase()
      if (!name) continue // comment, doctype, processing instruction
      if (KEPT_TAGS.has(name)) out += m[0].startsWith('</') ? (name === 'br' ? '' : `</${name}>`) : `<${name}>`
      else if (name === 'img') {
        const attr = (key: string): string =>
          new RegExp(`(?:^|\\s)${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i')
            .exec(m[2] ?? '')
            ?.slice(1)
            .find((v) => v !== undefined) ?? ''
        out += imageLink(decodeEntities(attr('src')), decodeEntities(attr('alt')))
      } else if (name === 'p' || name === 'div' || name === 'li' || name === 'tr' || name === 'summary') {
        if (m[0].startsWith('</')) out += '<br>'
      }
    }
    return out + escapeHtmlKeepEntities(source.slice(last))
  }

  let linkDepth = 0
  const renderer = new Renderer()
  renderer.html = ({ text: html }: Tokens.HTML | Tokens.Tag) => sanitize(html)
  renderer.text = function (token: Tokens.Text | Tokens.Escape) {
    if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens)
    // Always escaped: marked flags text inside raw HTML blocks (after <script>, <pre> …) as
    // "escaped" meaning "print as is", and backslash escapes arrive as entities already.
    const escaped = escapeHtmlKeepEntities(token.text)
    return linkDepth > 0 ? escaped : references(escaped)
  }
  renderer.link = function ({ href, tokens, text: label }: Tokens.Link) {
    linkDepth++
    const content = tokens ? this.parser.parseInline(tokens) : escapeHtml(label)
    linkDepth--
    const url = target(href)
    return url ? anchor(url, content) : content
  }
  renderer.image = ({ href, text: alt }: Tokens.Image) => imageLink(href, alt)
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
  renderer.codespan = ({ text: code }: Tokens.Codespan) =>
    `<code style="font-family:${MONO};font-size:85%;background-color:#eff1f3;padding:1px 4px;border-radius:4px;">${escapeHtml(code)}</code>`
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
  renderer.checkbox = ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ ')
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
  renderer.strong = function ({ tokens }: Tokens.Strong) {
    return `<strong>${this.parser.parseInline(tokens)}</strong>`
  }
  renderer.em = function ({ tokens }: Tokens.Em) {
    return `<em>${this.parser.parseInline(tokens)}</em>`
  }
  renderer.del = function ({ tokens }: Tokens.Del) {
    return `<del>${this.parser.parseInline(tokens)}</del>`
  }

  const marked: Marked = new Marked({ gfm: true, breaks: true, async: false, renderer })
  try {
    return (marked.parse(text, { async: false }) as string).trim()
  } catch {
    // marked gives up on absurd input (thousands of nested quotes exhaust the stack):
    // the text as it is, escaped, rather than no message at all.
    return `<p style="margin:0 0 12px;white-space:pre-wrap;">${escapeHtml(text)}</p>`
  }
}

/** Emphasis delimiters one paragraph may hold before they are taken literally. */
const MAX_DELIMITERS = 2000

/**
 * marked matches emphasis in time quadratic in the number of `*` and `_` of a paragraph
 * (60,000 of them take a minute): in a paragraph with more than MAX_DELIMITERS they are
 * escaped, which no real text has.
 */
function defuseEmphasis(text: string): string {
  return text
    .split(/(\n[ \t]*\n)/)
    .map((block) => {
      let delimiters = 0
      for (let i = 0; i < block.length; i++) if (block[i] === '*' || block[i] === '_') delimiters++
      return delimiters > MAX_DELIMITERS ? block.replace(/[*_]/g, '\\$&') : block
    })
    .join('')
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? match
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
  })
}

/** Relative links of Markdown in a template point into the repository of the run. */
function linksFromScope(scope: Record<string, unknown>): MarkdownLinks {
  const github = (scope.github ?? {}) as Record<string, unknown>
  return {
    serverUrl: toText(github.server_url),
    repositoryUrl: toText(scope.repository_url),
    ref: toText(github.sha)
  }
}

// ---------------------------------------------------------------------------------------------
// Liquid engines

function registerFilters(engine: Liquid, html: boolean): void {
  engine.registerFilter('short_sha', (value: unknown, length: unknown = 7) =>
    toText(value).slice(0, Number(length) || 7)
  )
  engine.registerFilter('first_line', (value: unknown) => toText(value).split(/\r?\n|\r/, 1)[0] ?? '')
  engine.registerFilter('safe_url', (value: unknown) => safeUrl(value))
  engine.registerFilter('duration', (value: unknown) => formatDuration(value))
  if (html) {
    // The output is sanitised HTML: `raw` keeps the engine from escaping it again when the
    // filter is the last one of an output, as in {{ github.event.release.body | markdown }}.
    engine.registerFilter('markdown', {
      raw: true,
      handler(value: unknown) {
        return markdownToHtml(value, linksFromScope(this.context.getAll() as Record<string, unknown>))
      }
    })
  } else {
    // In subjects and text parts Markdown stays as it is: it reads well as plain text, and a
    // Markdown body renders its HTML part from exactly this text.
    engine.registerFilter('markdown', (value: unknown) => toText(value))
  }
}

function createEngine(html: boolean, partials: Record<string, string> = {}): Liquid {
  const engine = new Liquid({
    // No file system: {% include %} and {% render %} find only the given partials (none for
    // users' templates, so they cannot read files).
    templates: partials,
    cache: Object.keys(partials).length > 0,
    // The default messages test values JavaScript's way: '' and 0 are false (users' templates keep Liquid's).
    jsTruthy: Object.keys(partials).length > 0,
    strictFilters: true,
    ownPropertyOnly: true,
    // A fixed locale: asking Intl for the default one costs ~10 ms of start-up, before the connection starts.
    locale: 'en-US',
    outputEscape: html ? (value: unknown) => escapeHtml(value) : (value: unknown) => toText(value)
  })
  registerFilters(engine, html)
  return engine
}

/** Liquid for subjects and text parts: no escaping. */
export const textEngine = createEngine(false)
/** Liquid for HTML parts: every output is HTML-escaped unless piped through `raw` (or ends in `markdown`). */
export const htmlEngine = createEngine(true)

// The default messages' engines also know the shared partials (layout, rows, sections).
const defaultTextEngine = createEngine(false, DEFAULT_PARTIALS)
const defaultHtmlEngine = createEngine(true, DEFAULT_PARTIALS)

function compile(engine: Liquid, source: TemplateSource): Template[] {
  try {
    return engine.parse(source.text, source.file)
  } catch (err) {
    throw templateError(source.input, source.file, err)
  }
}

function templateError(input: InputName, file: string | undefined, err: unknown): InputError {
  const where = file ? ` (file://${file})` : ''
  const message = err instanceof Error ? err.message : String(err)
  return new InputError(input, `the Liquid template${where} does not parse: ${message}`)
}

/**
 * Compiles the message's templates. A missing subject, and a missing body when neither `body`
 * nor `html-body` is given, become USE_DEFAULT: the default for the event and job status,
 * chosen by renderMessage. Throws InputError naming the input whose template does not parse.
 */
export function compileTemplates(templates: MessageTemplates): CompiledTemplates {
  const useDefaultBody = !templates.body && !templates.htmlBody
  const compiled: CompiledTemplates = {
    subject: templates.subject ? compile(textEngine, templates.subject) : USE_DEFAULT,
    text: templates.body ? compile(textEngine, templates.body) : useDefaultBody ? USE_DEFAULT : undefined,
    html: templates.htmlBody ? compile(htmlEngine, templates.htmlBody) : useDefaultBody ? USE_DEFAULT : undefined
  }
  if (templates.markdown) compiled.markdown = true
  return compiled
}

/** Compiles a one-line text template of another input (e.g. thread-key) with the subject's engine. */
export function compileText(source: TemplateSource): Template[] {
  return compile(textEngine, source)
}

/**
 * Renders a template compiled by compileText against the context, as the subject is rendered
 * (hostile event data cannot make it throw); InputError names the input when it fails.
 */
export async function renderText(templates: Template[], context: TemplateContext, input: InputName): Promise<string> {
  return render(textEngine, templates, templateScope(context), input)
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

/** Which default message fits the event and the job status. */
export function defaultMessageKind(context: TemplateContext): DefaultMessageKind {
  const action = (context.github.event as Record<string, unknown> | undefined)?.action
  return messageKind(toText(context.github.event_name), toText(action), toText(context.job.status))
}

interface CompiledDefault {
  subject: Template[]
  text: Template[]
  html: Template[]
}

const compiledDefaults = new Map<DefaultMessageFiles, CompiledDefault>()

function defaultTemplates(kind: DefaultMessageKind): CompiledDefault {
  const files = DEFAULT_MESSAGES[kind]
  let compiled = compiledDefaults.get(files)
  if (!compiled) {
    compiled = {
      subject: compile(defaultTextEngine, files.subject),
      text: compile(defaultTextEngine, files.text),
      html: compile(defaultHtmlEngine, files.html)
    }
    compiledDefaults.set(files, compiled)
  }
  return compiled
}

/**
 * The context as templates see it: the event, `vars` and `run` copied as plain data, so that
 * hostile shapes (`{"toString": 1}`, absurd nesting) cannot make rendering throw.
 */
function templateScope(context: TemplateContext): Record<string, unknown> {
  const seen = new Map<object, unknown>()
  return {
    ...context,
    github: { ...context.github, event: plainData(context.github.event, 0, seen) ?? {} },
    vars: plainData(context.vars, 0, seen) ?? {},
    run: plainData(context.run, 0, seen) ?? {}
  }
}

function plainData(value: unknown, depth: number, seen: Map<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value
  // Dates, buffers … stay as they are; plain objects are copied whatever their prototype.
  if (!Array.isArray(value) && Object.prototype.toString.call(value) !== '[object Object]') return value
  if (seen.has(value)) return seen.get(value)
  if (depth >= MAX_DATA_DEPTH) return null
  if (Array.isArray(value)) {
    const copy: unknown[] = []
    seen.set(value, copy)
    for (const item of value) copy.push(plainData(item, depth + 1, seen))
    return copy
  }
  const copy: Record<string, unknown> = {}
  seen.set(value, copy)
  for (const [key, item] of Object.entries(value)) {
    // A value there would make String(object) throw; functions cannot come from JSON or YAML.
    if (key === 'toString' || key === 'valueOf') continue
    // An own "__proto__" (JSON.parse makes one) stays data: assigning it would set the prototype.
    Object.defineProperty(copy, key, {
      value: plainData(item, depth + 1, seen),
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  return copy
}

/** Renders the compiled templates against the context. */
export async function renderMessage(compiled: CompiledTemplates, context: TemplateContext): Promise<RenderedMessage> {
  const scope = templateScope(context)
  const usesDefault = compiled.subject === USE_DEFAULT || compiled.text === USE_DEFAULT || compiled.html === USE_DEFAULT
  const defaults = usesDefault ? defaultTemplates(defaultMessageKind(context)) : undefined
  const part = (engine: Liquid, defaultEngine: Liquid, which: 'subject' | 'text' | 'html', input: InputName) => {
    const templates = compiled[which]
    if (templates === undefined) return Promise.resolve(undefined)
    if (templates === USE_DEFAULT) return render(defaultEngine, defaults![which], scope, input).then(tidy)
    return render(engine, templates, scope, input)
  }

  const subject = toSingleLine((await part(textEngine, defaultTextEngine, 'subject', 'subject')) ?? '')
  let html = await part(htmlEngine, defaultHtmlEngine, 'html', 'html-body')
  let text = await part(textEngine, defaultTextEngine, 'text', 'body')
  if (html === undefined && compiled.markdown && Array.isArray(compiled.text) && text !== undefined) {
    html = await markdownDocument(text, scope)
  }
  if (text === undefined) text = html ? await textFromHtml(html) : ''
  return html === undefined ? { subject, text } : { subject, text, html }
}

/** A default part without trailing spaces on its lines and without blank lines at its end. */
function tidy(text: string): string {
  return `${text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd()}\n`
}

let markdownFrame: Template[] | undefined

/** The HTML part of a Markdown body: the rendered Markdown in a plain frame. */
async function markdownDocument(markdown: string, scope: Record<string, unknown>): Promise<string> {
  const content = await markdownToHtml(markdown, linksFromScope(scope))
  markdownFrame ??= compile(defaultHtmlEngine, MARKDOWN_FRAME)
  return render(defaultHtmlEngine, markdownFrame, { ...scope, content }, 'body')
}

/** The text alternative of an HTML part (html-to-text is loaded only when needed). */
async function textFromHtml(html: string): Promise<string> {
  const { convert } = await import('html-to-text')
  return convert(html, { wordwrap: 78 })
}

async function render(
  engine: Liquid,
  templates: Template[],
  scope: Record<string, unknown>,
  input: InputName
): Promise<string> {
  try {
    return await engine.render(templates, scope)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    throw new InputError(input, `the Liquid template failed to render: ${message}`)
  }
}
