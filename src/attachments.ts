import { statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from './errors.js'

/** A file to attach. */
export interface Attachment {
  /** Absolute path. */
  path: string
  /** File name shown to the recipient. */
  filename: string
  /** Size in bytes. */
  size: number
}

/** Bytes as "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['kB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

/**
 * Resolves the attachment patterns (relative to the workspace) with @actions/glob. A pattern
 * that matches no file, or a total above the limit, is an input error, found before connecting.
 */
export async function resolveAttachments(
  patterns: string[],
  workspace: string,
  maxBytes: number
): Promise<Attachment[]> {
  const found = new Map<string, Attachment>()
  if (patterns.length === 0) return []
  // @actions/glob is loaded only when there is something to attach.
  const glob = await import('@actions/glob')
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!')
    const body = negated ? pattern.slice(1) : pattern
    const absolute = path.isAbsolute(body) ? body : path.join(workspace, body)
    const globber = await glob.create(absolute, { matchDirectories: false, implicitDescendants: false })
    const files = await globber.glob()
    if (negated) {
      for (const file of files) found.delete(file)
      continue
    }
    if (files.length === 0) throw new InputError('attachments', `'${pattern}' matches no file (in ${workspace}).`)
    for (const file of files.sort()) {
      found.set(file, { path: file, filename: path.basename(file), size: statSync(file).size })
    }
  }
  const attachments = [...found.values()]
  const total = attachments.reduce((sum, a) => sum + a.size, 0)
  if (total > maxBytes) {
    throw new InputError(
      'attachments',
      `the files total ${formatBytes(total)}, above 'max-attachment-size' (${formatBytes(maxBytes)}). Exchange Online takes 35 MB per message after encoding, which adds about a third.`
    )
  }
  return attachments
}
