import type { Template } from 'liquidjs'
import type { Settings } from '../inputs/settings.js'
import { compileTemplates, compileText, type CompiledTemplates } from './render.js'

/** The message templates and the thread key's, compiled (an InputError when one does not parse). */
export interface CompiledMessageTemplates {
  /** The subject and bodies. */
  message: CompiledTemplates
  /** The thread-key template, if any. */
  threadKey?: Template[]
}

export function compileMessageTemplates(settings: Settings): CompiledMessageTemplates {
  const message = compileTemplates(settings)
  const threadKey = settings.threadKey ? compileText(settings.threadKey) : undefined
  return { message, ...(threadKey ? { threadKey } : {}) }
}
