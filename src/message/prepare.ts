import type { Budget } from '../shared/budget.js'
import type { Attachment } from '../inputs/attachments.js'
import type { Settings } from '../inputs/settings.js'
import type { Logger } from '../shared/logger.js'
import type { DefaultMessageKind } from '../shared/message-kind.js'
import type { RunInfo } from '../shared/run-info.js'
import { messageFacts } from './facts.js'
import { buildContext, messageKind, readEventPayload } from './context.js'
import type { UserTemplate } from './liquid.js'
import type { MessageExtras } from './mime.js'
import { eventTextsWithMarkup } from './outside-text.js'
import { toLf } from './text.js'
import {
  compileTemplates,
  compileText,
  renderMessage,
  renderText,
  type CompiledTemplates,
  type RenderedMessage
} from './render.js'

/** The message templates and the thread key's, compiled (an InputError when one does not parse). */
export interface CompiledMessageTemplates {
  /** The subject and bodies. */
  message: CompiledTemplates
  /** The thread-key template, if any. */
  threadKey?: UserTemplate
}

/** Compiles the templates; the event's text that holds markup is found in inline inputs and shown as written. */
export function compileMessageTemplates(
  settings: Settings,
  event: unknown = readEventPayload(process.env)
): CompiledMessageTemplates {
  const eventTexts = eventTextsWithMarkup(event)
  const message = compileTemplates(settings, eventTexts)
  const threadKey = settings.threadKey ? compileText(settings.threadKey, eventTexts) : undefined
  return { message, ...(threadKey ? { threadKey } : {}) }
}

/** The message as rendered from the workflow context, with what goes into its headers besides. */
export interface PreparedMessage {
  rendered: RenderedMessage
  extras: MessageExtras
}

/**
 * Starts reading the run's jobs for a message of this kind, when it shows them (run-info/'s
 * startRunInfo, wired by the composition root); undefined when it does not. Never rejects.
 */
export type RunReader = (kind: DefaultMessageKind) => Promise<RunInfo | undefined> | undefined

/** What rendering needs from the steps before it. */
export interface MessageInputs {
  settings: Settings
  /** Templates compiled before the dial (those with Liquid markup), else compiled now. */
  templates?: CompiledMessageTemplates
  attachments: Attachment[]
  budget: Budget
  log: Logger
  readRun: RunReader
}

/**
 * Renders the message from the workflow context. The run's jobs (and what failed: steps,
 * annotations) are read from the GitHub API first, when the message shows them, bounded by the
 * budget; they never block delivery.
 */
export async function prepareMessage({
  settings,
  templates,
  attachments,
  log,
  readRun
}: MessageInputs): Promise<PreparedMessage> {
  const event = readEventPayload(process.env)
  const action = typeof event.action === 'string' ? event.action : ''
  const kind = messageKind(process.env.GITHUB_EVENT_NAME ?? '', action, settings.jobStatus)
  const runInfo = readRun(kind)
  const compiled = templates ?? compileMessageTemplates(settings, event)
  const run = await runInfo
  const context = buildContext(process.env, event, settings.jobStatus, { vars: settings.vars, ...(run ? { run } : {}) })
  const rendered = await log.group('Render message', async () => {
    for (const notice of compiled.message.notices ?? []) log.warning(notice)
    const message = await renderMessage(compiled.message, context, (notice) => log.warning(notice))
    log.info(
      messageFacts(settings, message)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\n')
    )
    return message
  })
  const warn = (notice: string): void => log.warning(notice)
  for (const notice of compiled.threadKey?.notices ?? []) warn(notice)
  const threadKey = compiled.threadKey ? await renderText(compiled.threadKey, context, 'thread-key', warn) : undefined
  return {
    rendered,
    // A name is text like any other: LF inside (the MIME encodes it), whatever the file system allows.
    extras: {
      attachments: attachments.map((a) => ({ ...a, filename: toLf(a.filename) })),
      repository: context.github.repository,
      ...(threadKey ? { threadKey } : {})
    }
  }
}
