import { InputError } from './input-error.js'

/** Every input the action reads, exactly as declared in action.yml. */
export const INPUT_NAMES = [
  'tenant-id',
  'client-id',
  'client-secret',
  'client-certificate',
  'client-certificate-password',
  'oidc-audience',
  'cloud',
  'authority-host',
  'token-scope',
  'transport',
  'graph-host',
  'smtp-host',
  'smtp-port',
  'smtp-proxy',
  'from',
  'smtp-user',
  'mailbox',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'body',
  'html-body',
  'markdown',
  'vars',
  'attachments',
  'if-no-files-found',
  'max-attachment-size',
  'priority',
  'in-reply-to',
  'headers',
  'thread-key',
  'job-status',
  'github-token',
  'dry-run',
  'check-setup',
  'fail-on-rejected',
  'max-attempts',
  'timeout-seconds',
  'debug'
] as const

export type InputName = (typeof INPUT_NAMES)[number]

/** Raw input values by name; a missing input is the empty string, as on the runner. */
export type RawInputs = Partial<Record<InputName, string>>

/** An input's value, trimmed; the empty string when it was not given. */
export type InputValue = (name: InputName) => string

/** The variable the runner passes an input in: `INPUT_<NAME>`, upper-cased, spaces as `_` (as core.getInput reads it). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Reads one input of `raw`, trimmed. */
export function inputReader(raw: RawInputs): InputValue {
  return (name) => (raw[name] ?? '').trim()
}

/** Every input from its `INPUT_<NAME>` variable, trimmed as core.getInput trims it. */
export function readRawInputs(env: NodeJS.ProcessEnv): RawInputs {
  const raw: RawInputs = {}
  for (const name of INPUT_NAMES) raw[name] = (env[inputVariable(name)] ?? '').trim()
  return raw
}

export function required(value: string, input: InputName): string {
  if (!value) throw new InputError(input, 'is required and was not supplied.')
  return value
}

export function parseInteger(value: string, input: InputName, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new InputError(input, `'${value}' is not a whole number.`)
  const n = Number(value)
  if (n < min || n > max) throw new InputError(input, `${n} is out of range (${min}–${max}).`)
  return n
}

/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(value: string, input: InputName, fallback: boolean): boolean {
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(input, `'${value}' is not a boolean; use true or false.`)
}

/** A byte size such as 25MB, 10 MiB, 500kB or 1048576. */
export function parseSize(value: string, input: InputName): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim())
  if (!m) throw new InputError(input, `'${value}' is not a size; use e.g. 25MB or 1048576.`)
  const unit = (m[2] ?? 'b').toLowerCase().replace(/i?b$/, '')
  const factor = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit] ?? 1
  return Math.round(Number(m[1]) * factor)
}

/** Splits a comma- or newline-separated list, dropping empty entries. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter(Boolean)
}
