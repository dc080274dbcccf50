import path from 'node:path'
import { InputError } from './input-error.js'
import type { InputName, RawInputs } from './read-inputs.js'
import { readWorkspaceFile, type PathApi } from './workspace-files.js'

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
  const name = fileUrlPath(trimmed.slice('file://'.length))
  if (!name) throw new InputError(input, 'file:// needs a path relative to the workspace.')
  const file = readWorkspaceFile(workspace, name, input, {
    maxBytes: MAX_TEMPLATE_BYTES,
    label: 'template file'
  })
  return { input, text: decodeText(file.content, name, input), file: file.relative }
}

/**
 * The path of a `file://` input. On Windows `file:///D:/a/repo/repo/body.md` (the URL form) and
 * `file:///${{ github.workspace }}/body.md` (which the runner fills in as `file:///D:\a\…`) both
 * put a `/` before the drive letter, which would make the path relative to the current drive's
 * root: it goes. Elsewhere `/D:/…` is a path like any other.
 */
export function fileUrlPath(rest: string, p: PathApi = path): string {
  return p.sep === '\\' && /^\/+[A-Za-z]:[\\/]/.test(rest) ? rest.replace(/^\/+/, '') : rest
}

/**
 * The text of a template file: UTF-8 (a BOM is dropped), or UTF-16 with its byte order mark
 * (what Windows PowerShell 5.1's `>` and `Out-File` write), never with characters silently
 * replaced.
 */
function decodeText(bytes: Buffer, name: string, input: InputName): string {
  const utf16 = utf16Encoding(bytes)
  if (utf16 === 'utf-16le' || utf16 === 'utf-16be') {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes)
    } catch {
      throw new InputError(
        input,
        `template file '${name}' starts as UTF-16 text but is not valid UTF-16. ${SAVE_AS_UTF8}`
      )
    }
  }
  if (utf16 === 'without BOM') {
    throw new InputError(
      input,
      `template file '${name}' looks like UTF-16 text without a byte order mark. ${SAVE_AS_UTF8}`
    )
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InputError(
      input,
      `template file '${name}' is not UTF-8 text: ${where(bytes, firstInvalidUtf8(bytes))} is not valid UTF-8 (saved as Windows-1252 or Latin-1?). Save it as UTF-8.`
    )
  }
}

const SAVE_AS_UTF8 =
  "Save it as UTF-8 (in PowerShell: Set-Content -Encoding utf8, or Out-File -Encoding utf8; PowerShell 5.1's '>' writes UTF-16)."

/**
 * UTF-16 by its byte order mark, or 'without BOM' when NUL bytes at every other place of the
 * first 200 bytes say so (ASCII text in UTF-16). UTF-8 text has no NUL byte.
 */
function utf16Encoding(bytes: Buffer): 'utf-16le' | 'utf-16be' | 'without BOM' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  const head = bytes.subarray(0, Math.min(bytes.length, 200) & ~1)
  if (head.length < 2) return undefined
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) evenNul++
    if (head[i + 1] === 0) oddNul++
  }
  const pairs = head.length / 2
  return evenNul >= pairs * 0.5 || oddNul >= pairs * 0.5 ? 'without BOM' : undefined
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
