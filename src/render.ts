import { Liquid, type Template } from 'liquidjs'
import type { TemplateContext } from './context.js'
import { InputError } from './errors.js'
import type { InputName, TemplateSource } from './settings.js'
import { DEFAULT_TEMPLATES } from './templates.js'

/** The message as it will be sent. */
export interface RenderedMessage {
  /** One-line subject. */
  subject: string
  /** The text/plain part. */
  text: string
  /** The text/html part, if there is one. */
  html?: string
}

/** The templates of one message, compiled. */
export interface CompiledTemplates {
  /** Subject template (rendered as text, then made one line). */
  subject: Template[]
  /** Text body template, if any (otherwise derived from HTML). */
  text?: Template[]
  /** HTML body template, if any. */
  html?: Template[]
}

/** The template sources of one message. */
export interface MessageTemplates {
  /** Subject template. */
  subject?: TemplateSource
  /** Text body. */
  body?: TemplateSource
  /** HTML body. */
  htmlBody?: TemplateSource
}

/** Longest subject kept; longer ones are cut with an ellipsis. */
export const MAX_SUBJECT_LENGTH = 250

function registerFilters(engine: Liquid): void {
  engine.registerFilter('short_sha', (value: unknown, length: unknown = 7) =>
    String(value ?? '').slice(0, Number(length) || 7)
  )
  engine.registerFilter('first_line', (value: unknown) => String(value ?? '').split(/\r?\n/, 1)[0] ?? '')
}

function createEngine(html: boolean): Liquid {
  const engine = new Liquid({
    // No file system: {% include %} and {% render %} cannot read files.
    templates: {},
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: html ? 'escape' : undefined
  })
  registerFilters(engine)
  return engine
}

/** Liquid for subjects and text parts: no escaping. */
export const textEngine = createEngine(false)
/** Liquid for HTML parts: every output is HTML-escaped unless piped through `raw`. */
export const htmlEngine = createEngine(true)

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
 * Compiles the message's templates; a missing subject or body falls back to the defaults.
 * Throws InputError naming the input whose template does not parse.
 */
export function compileTemplates(templates: MessageTemplates): CompiledTemplates {
  const useDefaultBody = !templates.body && !templates.htmlBody
  return {
    subject: compile(textEngine, templates.subject ?? DEFAULT_TEMPLATES.subject),
    text: templates.body
      ? compile(textEngine, templates.body)
      : useDefaultBody
        ? compile(textEngine, DEFAULT_TEMPLATES.text)
        : undefined,
    html: templates.htmlBody
      ? compile(htmlEngine, templates.htmlBody)
      : useDefaultBody
        ? compile(htmlEngine, DEFAULT_TEMPLATES.html)
        : undefined
  }
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

/** Renders the compiled templates against the context. */
export async function renderMessage(compiled: CompiledTemplates, context: TemplateContext): Promise<RenderedMessage> {
  const scope = context as unknown as Record<string, unknown>
  const subject = toSingleLine(await render(textEngine, compiled.subject, scope, 'subject'))
  const html = compiled.html ? await render(htmlEngine, compiled.html, scope, 'html-body') : undefined
  let text = compiled.text ? await render(textEngine, compiled.text, scope, 'body') : undefined
  if (text === undefined) text = html ? await textFromHtml(html) : ''
  return html === undefined ? { subject, text } : { subject, text, html }
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
