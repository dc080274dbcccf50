import path from 'node:path'
import { optional } from '../stages.js'
import { InputError } from './input-error.js'
import { readWorkspaceFile, resolveInWorkspace } from './workspace-files.js'

/** A file to attach. */
export interface Attachment {
  /** Real path of the file that was read. */
  path: string
  /** File name shown to the recipient. */
  filename: string
  /** Size in bytes, of what was read. */
  size: number
  /** The bytes sent. */
  content: Buffer
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
 * Resolves the attachment patterns (relative to the workspace) with @actions/glob and reads the
 * files, before any network use: a pattern that matches no file, a file outside the workspace or
 * not a regular file (see workspace-files.ts), or a total above the limit is an input error. The
 * bytes are read once, here, and those bytes are sent: nothing is read again by path later.
 */
export async function resolveAttachments(
  patterns: string[],
  workspace: string,
  maxBytes: number
): Promise<Attachment[]> {
  if (patterns.length === 0) return []
  // @actions/glob is loaded only when there is something to attach.
  const glob = await optional.glob()
  const matched = new Set<string>()
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!')
    const body = negated ? pattern.slice(1) : pattern
    const absolute = resolveInWorkspace(workspace, body, 'attachments', 'pattern')
    const globber = await glob.create(absolute, { matchDirectories: false, implicitDescendants: false })
    const files = await globber.glob()
    if (negated) {
      for (const file of files) matched.delete(file)
      continue
    }
    if (files.length === 0) throw new InputError('attachments', `'${pattern}' matches no file (in ${workspace}).`)
    for (const file of files.sort()) matched.add(file)
  }
  const attachments: Attachment[] = []
  let total = 0
  const tooLarge = (): InputError =>
    new InputError(
      'attachments',
      `the files total more than 'max-attachment-size' (${formatBytes(maxBytes)}). Exchange Online takes 35 MB per message after encoding, which adds about a third.`
    )
  for (const file of matched) {
    if (total > maxBytes) throw tooLarge()
    const read = readWorkspaceFile(workspace, file, 'attachments', {
      maxBytes: maxBytes - total,
      label: 'file',
      tooLarge
    })
    total += read.content.length
    attachments.push({
      path: read.path,
      filename: path.basename(file),
      size: read.content.length,
      content: read.content
    })
  }
  return attachments
}
