import type { Template } from 'liquidjs'
import { messageKind, type DefaultMessageKind, type TemplateContext } from './context.js'
import { DEFAULT_MESSAGES, MARKDOWN_FRAME, type DefaultMessageFiles } from './default-templates.js'
import {
  defaultEngines,
  markdownLinks,
  parseTemplate,
  parseUserTemplate,
  renderTemplate,
  templateScope,
  userEngines,
  type Engines,
  type UserTemplate
} from './liquid.js'
import { markdownToHtml } from './markdown.js'
import { sentAsWrittenNotice, type EventText } from './outside-text.js'
import { htmlToText, toLf, toSingleLine, toText } from './text.js'
import type { InputName } from '../inputs/read-inputs.js'
import type { TemplateSource } from '../inputs/template-sources.js'

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
type CompiledPart = Template[] | typeof USE_DEFAULT

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
  /** Warnings from compiling (event text shown as written, an input sent as written). */
  notices?: string[]
  /** Parts to send as written if they fail to render (inline text without Liquid of its author). */
  literal?: Partial<Record<'subject' | 'text' | 'html', string>>
}

/** The template sources of one message. */
interface MessageTemplates {
  /** Subject template. */
  subject?: TemplateSource
  /** Text body. */
  body?: TemplateSource
  /** HTML body. */
  htmlBody?: TemplateSource
  /** `body` is Markdown: the HTML part is rendered from it, the text part keeps the source. */
  markdown?: boolean
}

/**
 * Compiles the message's templates. A missing subject, and a missing body when neither `body`
 * nor `html-body` is given, become USE_DEFAULT: the default for the event and job status,
 * chosen by renderMessage. The event's text in inline inputs is shown as written (`eventTexts`);
 * throws InputError naming the input whose own Liquid does not parse (see parseUserTemplate).
 */
export function compileTemplates(templates: MessageTemplates, eventTexts: EventText[] = []): CompiledTemplates {
  const useDefaultBody = !templates.body && !templates.htmlBody
  const compiled: CompiledTemplates = {
    subject: USE_DEFAULT,
    text: useDefaultBody ? USE_DEFAULT : undefined,
    html: useDefaultBody ? USE_DEFAULT : undefined
  }
  const notices: string[] = []
  const literal: NonNullable<CompiledTemplates['literal']> = {}
  const parts = [
    ['subject', templates.subject, userEngines.text],
    ['text', templates.body, userEngines.text],
    ['html', templates.htmlBody, userEngines.html]
  ] as const
  for (const [which, source, engine] of parts) {
    if (!source) continue
    const part = parseUserTemplate(engine, source, eventTexts)
    compiled[which] = part.templates
    notices.push(...part.notices)
    if (part.literal !== undefined) literal[which] = part.literal
  }
  if (templates.markdown) compiled.markdown = true
  if (notices.length > 0) compiled.notices = notices
  if (Object.keys(literal).length > 0) compiled.literal = literal
  return compiled
}

/**
 * Compiles a one-line template of another input (thread-key) as the subject is compiled: the
 * event's text in it is shown as written, and inline text without Liquid of its author is sent as
 * written when its markup fails.
 */
export function compileText(source: TemplateSource, eventTexts: EventText[] = []): UserTemplate {
  return parseUserTemplate(userEngines.text, source, eventTexts)
}

/**
 * Renders a template compiled by compileText against the context as one header-safe line, as
 * the subject is rendered (hostile event data cannot make it throw); InputError names the input
 * when it fails, unless the text goes as written (`warn` hears of it).
 */
export async function renderText(
  compiled: UserTemplate,
  context: TemplateContext,
  input: InputName,
  warn: (text: string) => void = () => {}
): Promise<string> {
  const scope = templateScope(context)
  return toSingleLine(await renderUserPart(userEngines.text, compiled.templates, compiled.literal, scope, input, warn))
}

/**
 * A user's part rendered: an error fails the step (InputError), except in text sent as written
 * when its markup fails (`literal`, inline text without Liquid of its author).
 */
async function renderUserPart(
  engine: Engines[keyof Engines],
  templates: Template[],
  literal: string | undefined,
  scope: Record<string, unknown>,
  input: InputName,
  warn: (text: string) => void
): Promise<string> {
  if (literal === undefined) return renderTemplate(engine, templates, scope, input)
  try {
    return (await engine.render(templates, scope)) as string
  } catch (err) {
    warn(sentAsWrittenNotice(input, err instanceof Error ? err.message : String(err)))
    return literal
  }
}

/** Which default message fits the event and the job status. */
export function defaultMessageKind(context: TemplateContext): DefaultMessageKind {
  const action = (context.github.event as Record<string, unknown> | undefined)?.action
  return messageKind(toText(context.github.event_name), toText(action), toText(context.job.status))
}

/**
 * Renders the compiled templates against the context; `warn` hears of a part sent as written
 * because it failed to render (see CompiledTemplates.literal).
 */
export async function renderMessage(
  compiled: CompiledTemplates,
  context: TemplateContext,
  warn: (text: string) => void = () => {}
): Promise<RenderedMessage> {
  const scope = templateScope(context)
  const usesDefault = compiled.subject === USE_DEFAULT || compiled.text === USE_DEFAULT || compiled.html === USE_DEFAULT
  const defaults = usesDefault ? defaultTemplates(defaultMessageKind(context)) : undefined
  const part = async (which: keyof CompiledDefault, input: InputName): Promise<string | undefined> => {
    const templates = compiled[which]
    const engine: keyof Engines = which === 'html' ? 'html' : 'text'
    if (templates === undefined) return undefined
    if (templates === USE_DEFAULT)
      return tidy(await renderTemplate(defaultEngines[engine], defaults![which], scope, input))
    return renderUserPart(userEngines[engine], templates, compiled.literal?.[which], scope, input, warn)
  }

  const subject = toSingleLine((await part('subject', 'subject')) ?? '')
  let html = await part('html', 'html-body')
  let text = await part('text', 'body')
  if (html === undefined && compiled.markdown && Array.isArray(compiled.text) && text !== undefined) {
    html = await markdownDocument(text, scope)
  }
  if (text === undefined) text = html ? await htmlToText(html) : ''
  // Templates and data are LF already; this also catches a CR a template writes itself.
  text = toLf(text)
  return html === undefined ? { subject, text } : { subject, text, html: toLf(html) }
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
      subject: parseTemplate(defaultEngines.text, files.subject),
      text: parseTemplate(defaultEngines.text, files.text),
      html: parseTemplate(defaultEngines.html, files.html)
    }
    compiledDefaults.set(files, compiled)
  }
  return compiled
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
  const content = await markdownToHtml(markdown, markdownLinks(scope))
  markdownFrame ??= parseTemplate(defaultEngines.html, MARKDOWN_FRAME)
  return renderTemplate(defaultEngines.html, markdownFrame, { ...scope, content }, 'body')
}
