import { InputError } from './input-error.js'
import type { InputName, RawInputs } from './read-inputs.js'
import { readWorkspaceFile } from './workspace-files.js'

/** A message template and where it came from. */
export interface TemplateSource {
  /** The input that supplied it. */
  input: InputName
  /** Liquid source text. */
  text: string
  /** Workspace file it was read from (file://), if any. */
  file?: string
}

/** The largest template file read (`file://`): far above any real message, well below a runaway read. */
const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024

/** A template input: its text, or with `file://` the text of that workspace file. */
export function readTemplate(raw: RawInputs, input: InputName, workspace: string): TemplateSource | undefined {
  const value = raw[input] ?? ''
  if (!value.trim()) return undefined
  const trimmed = value.trim()
  if (!trimmed.startsWith('file://')) return { input, text: value }
  const name = trimmed.slice('file://'.length)
  if (!name) throw new InputError(input, 'file:// needs a path relative to the workspace.')
  const file = readWorkspaceFile(workspace, name, input, {
    maxBytes: MAX_TEMPLATE_BYTES,
    label: 'template file'
  })
  return { input, text: decodeUtf8(file.content, name, input), file: file.relative }
}

/** The text of a template file: UTF-8 (a BOM is dropped), never with characters silently replaced. */
function decodeUtf8(bytes: Buffer, name: string, input: InputName): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InputError(
      input,
      `template file '${name}' is not UTF-8 text: ${where(bytes, firstInvalidUtf8(bytes))} is not valid UTF-8 (saved as Windows-1252 or Latin-1?). Save it as UTF-8.`
    )
  }
}

/** "byte 0xE9 at line 3, column 7" (column in bytes). */
function where(bytes: Buffer, offset: number): string {
  const before = bytes.subarray(0, offset)
  const line = before.filter((b) => b === 0x0a).length + 1
  const column = offset - (before.lastIndexOf(0x0a) + 1) + 1
  const value = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')
  return `byte 0x${value} at line ${line}, column ${column}`
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (Unicode table 3-7). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] as number
    let length: number
    let low = 0x80
    let high = 0xbf
    if (lead < 0x80) length = 1
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) low = 0xa0
      if (lead === 0xed) high = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) low = 0x90
      if (lead === 0xf4) high = 0x8f
    } else return i
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf]
      if (next === undefined || next < min || next > max) return i
    }
    i += length
  }
  return -1
}
