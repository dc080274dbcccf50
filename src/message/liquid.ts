import { Liquid, type Template } from 'liquidjs'
import type { TemplateContext } from './context.js'
import { DEFAULT_PARTIALS } from './default-templates.js'
import { formatDuration } from '../shared/duration.js'
import { markdownToHtml, type MarkdownLinks } from './markdown.js'
import { escapeHtml, safeUrl, toLf, toText } from './text.js'
import { InputError } from '../inputs/input-error.js'
import type { InputName } from '../inputs/read-inputs.js'
import type { TemplateSource } from '../inputs/template-sources.js'
import {
  escapeEventText,
  eventTextNotice,
  hasOwnLiquid,
  rawBlock,
  sentAsWrittenNotice,
  type EventText
} from './outside-text.js'

// The `duration` filter is the one format of durations everywhere (run facts, jobs lists).
export { formatDuration }

/** Objects nested deeper than this in the event, `vars` or `run` read as empty. */
const MAX_DATA_DEPTH = 64

/** A Liquid engine for subjects and text parts, and one for HTML parts. */
export interface Engines {
  /** No escaping. */
  text: Liquid
  /** Every output is HTML-escaped unless piped through `raw` (or ends in `markdown`). */
  html: Liquid
}

/** For users' templates: no partials, so no template can read a file. */
export const userEngines: Engines = { text: createEngine(false), html: createEngine(true) }

/** For the default messages: they also know the shared partials (layout, rows, sections). */
export const defaultEngines: Engines = {
  text: createEngine(false, DEFAULT_PARTIALS),
  html: createEngine(true, DEFAULT_PARTIALS)
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
        return markdownToHtml(value, markdownLinks(this.context.getAll()))
      }
    })
  } else {
    // In subjects and text parts Markdown stays as it is: it reads well as plain text, and a
    // Markdown body renders its HTML part from exactly this text.
    engine.registerFilter('markdown', (value: unknown) => toText(value))
  }
}

/** Relative links of Markdown in a template point into the repository of the run. */
export function markdownLinks(scope: Record<string, unknown>): MarkdownLinks {
  const github = (scope.github ?? {}) as Record<string, unknown>
  return {
    serverUrl: toText(github.server_url),
    repositoryUrl: toText(scope.repository_url),
    ref: toText(github.sha)
  }
}

/** Parses a template (as LF text); InputError names the input (and the file) when it does not parse. */
export function parseTemplate(engine: Liquid, source: TemplateSource): Template[] {
  try {
    return engine.parse(toLf(source.text), source.file)
  } catch (err) {
    const where = source.file ? ` (file://${source.file})` : ''
    const message = err instanceof Error ? err.message : String(err)
    throw new InputError(source.input, `the Liquid template${where} does not parse: ${message}`)
  }
}

/** A user's template, compiled, with what the step should be warned of. */
export interface UserTemplate {
  templates: Template[]
  /** Warnings for the log (event text shown as written, a template sent as written). */
  notices: string[]
  /** What to send instead when rendering fails: the input as written (inline text without Liquid of its author). */
  literal?: string
}

/**
 * Parses a user's template. A file:// template is its author's alone: any error fails the step.
 * Inline text may hold text the runner filled in with ${{ }}: the event's text in it is shown as
 * written, and text without Liquid of its author is sent as written when its markup fails (see
 * outside-text.ts and docs/templates.md); Liquid of the author's own that fails still fails.
 */
export function parseUserTemplate(engine: Liquid, source: TemplateSource, eventTexts: EventText[]): UserTemplate {
  if (source.file) return { templates: parseTemplate(engine, source), notices: [] }
  const escaped = escapeEventText(source.text, eventTexts)
  const notices = escaped.paths.length > 0 ? [eventTextNotice(source.input, escaped.paths)] : []
  const authored = hasOwnLiquid(escaped.own)
  try {
    const templates = engine.parse(escaped.text)
    return { templates, notices, ...(authored ? {} : { literal: source.text }) }
  } catch (err) {
    if (authored) return { templates: parseTemplate(engine, { ...source, text: escaped.text }), notices }
    const message = err instanceof Error ? err.message : String(err)
    notices.push(sentAsWrittenNotice(source.input, message))
    return { templates: engine.parse(rawBlock(source.text)), notices }
  }
}

/** Renders a parsed template against a scope; InputError names the input when it fails. */
export async function renderTemplate(
  engine: Liquid,
  templates: Template[],
  scope: Record<string, unknown>,
  input: InputName
): Promise<string> {
  try {
    return (await engine.render(templates, scope)) as string
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    throw new InputError(input, `the Liquid template failed to render: ${message}`)
  }
}

/**
 * The context as templates see it: the event, `vars` and `run` copied as plain data, so that
 * hostile shapes (`{"toString": 1}`, absurd nesting) cannot make rendering throw, and with LF
 * line ends (a release body typed in GitHub's web editor arrives with CRLF).
 */
export function templateScope(context: TemplateContext): Record<string, unknown> {
  const seen = new Map<object, unknown>()
  return {
    ...context,
    github: { ...context.github, event: plainData(context.github.event, 0, seen) ?? {} },
    vars: plainData(context.vars, 0, seen) ?? {},
    run: plainData(context.run, 0, seen) ?? {}
  }
}

function plainData(value: unknown, depth: number, seen: Map<object, unknown>): unknown {
  if (typeof value === 'string') return toLf(value)
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
