import { InputError } from './input-error.js'
import type { InputName } from './read-inputs.js'
import type { Settings } from './settings.js'

/** Parses YAML (and JSON) text; loaded only when `vars` or `headers` is given. */
export type ParseYaml = (text: string) => unknown

/** The `priority` input: high, normal (the default) or low, in any case. */
export function parsePriority(value: string): Settings['priority'] {
  const priority = (value || 'normal').toLowerCase()
  if (priority !== 'high' && priority !== 'normal' && priority !== 'low') {
    throw new InputError('priority', `'${priority}' is not a priority; use high, normal or low.`)
  }
  return priority
}

/** The `in-reply-to` input as a Message-ID in angle brackets, or undefined when not given. */
export function parseInReplyTo(value: string): string | undefined {
  if (!value) return undefined
  if (!/^<?[^<>\s@]+@[^<>\s@]+>?$/.test(value)) {
    throw new InputError('in-reply-to', `'${value}' is not a Message-ID (<id@host>).`)
  }
  return value.startsWith('<') ? value : `<${value}>`
}

function parseDocument(value: string, input: InputName, parseYaml: ParseYaml | undefined): unknown {
  if (!parseYaml) throw new Error(`No YAML parser was given to read '${input}'.`)
  try {
    return parseYaml(value)
  } catch (err) {
    throw new InputError(input, `is not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`)
  }
}

/** The `vars` input: a YAML or JSON mapping. */
export function parseVars(value: string, parseYaml: ParseYaml | undefined): Record<string, unknown> {
  if (!value.trim()) return {}
  const doc = parseDocument(value, 'vars', parseYaml)
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError('vars', 'must be a mapping of names to values (YAML or JSON object).')
  }
  return doc as Record<string, unknown>
}

/** Headers the action sets itself or that change how the message is read or routed. */
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
  'return-path',
  'received',
  'dkim-signature',
  'x-priority',
  'importance',
  'priority',
  'thread-topic',
  'thread-index'
])

/** The `headers` input: a YAML or JSON map of extra header names to single-line values. */
export function parseHeaders(value: string, parseYaml: ParseYaml | undefined): Record<string, string> {
  if (!value.trim()) return {}
  const doc = parseDocument(value, 'headers', parseYaml)
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError('headers', 'must be a map of header names to values, e.g. {"X-Build": "42"}.')
  }
  const headers: Record<string, string> = {}
  for (const [name, raw] of Object.entries(doc as Record<string, unknown>)) {
    if (!/^[!-9;-~]+$/.test(name)) throw new InputError('headers', `'${name}' is not a valid header name.`)
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new InputError('headers', `'${name}' is set by the action; use the matching input instead.`)
    }
    if (raw !== null && typeof raw === 'object') throw new InputError('headers', `the value of '${name}' must be text.`)
    // not an object (refused above): a string, number or boolean as YAML wrote it
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    const text = String(raw ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .trim()
    headers[name] = text
  }
  return headers
}
