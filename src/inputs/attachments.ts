import path from 'node:path'
import { optional } from '../shared/optional.js'
import { InputError } from './input-error.js'
import { readWorkspaceFile, resolveInWorkspace, workspaceFileIdentity, type PathApi } from './workspace-files.js'

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

/** What to do when an attachment pattern matches no file (actions/upload-artifact's input). */
export type IfNoFilesFound = 'warn' | 'error' | 'ignore'

/** The `if-no-files-found` input: warn (the default), error or ignore, in any case. */
export function parseIfNoFilesFound(value: string): IfNoFilesFound {
  const choice = (value || 'warn').toLowerCase()
  if (choice !== 'warn' && choice !== 'error' && choice !== 'ignore') {
    throw new InputError('if-no-files-found', `'${value}' is not one of warn, error or ignore.`)
  }
  return choice
}

/** The attachments found, and a warning for each pattern that found nothing (with `warn`). */
export interface FoundAttachments {
  /** The files, each once. */
  attachments: Attachment[]
  /** Warnings to show once the log can print them. */
  warnings: string[]
}

/**
 * Resolves the attachment patterns (relative to the workspace) with @actions/glob and reads the
 * files, before any network use: a file outside the workspace or not a regular file (see
 * workspace-files.ts), or a total above the limit, is an input error; a pattern that matches no
 * file is one with `if-no-files-found: error`, a warning with `warn` (a nightly report whose job
 * failed before writing it still mails what failed). The bytes are read once, here, and those
 * bytes are sent: nothing is read again by path later.
 */
export async function resolveAttachments(
  patterns: string[],
  workspace: string,
  maxBytes: number,
  ifNoFilesFound: IfNoFilesFound
): Promise<FoundAttachments> {
  if (patterns.length === 0) return { attachments: [], warnings: [] }
  // @actions/glob is loaded only when there is something to attach.
  const glob = await optional.glob()
  const matched = new Map<string, string | undefined>() // name → identity, once known
  const warnings: string[] = []
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!')
    const body = negated ? pattern.slice(1) : pattern
    const globber = await glob.create(globPattern(workspace, body, pattern), {
      matchDirectories: false,
      implicitDescendants: false
    })
    const files = await globber.glob()
    if (negated) {
      exclude(matched, files, workspace)
      continue
    }
    if (files.length === 0) {
      const found = noFileFound(pattern, workspace, ifNoFilesFound)
      if (found) warnings.push(found)
    }
    for (const file of files.sort()) if (!matched.has(file)) matched.set(file, undefined)
  }
  return { attachments: readAttachments([...matched.keys()], workspace, maxBytes), warnings }
}

/**
 * The absolute glob pattern for `body`. The workspace's own path is escaped: a runner folder
 * named `C:\actions-runner[2]` or `/home/me/build*` must not turn into a glob of its own. A
 * backslash is a separator on Windows only; elsewhere it is the glob's escape, so a pattern
 * written for Windows (`reports\*.xml`) would silently match nothing: it is refused instead.
 */
export function globPattern(workspace: string, body: string, pattern: string, p: PathApi = path): string {
  if (p.sep === '/' && body.includes('\\')) {
    throw new InputError(
      'attachments',
      `'${pattern}' holds a backslash, which is not a path separator on Linux or macOS runners: write '${pattern.replace(/\\/g, '/')}', which works on every runner. To match a glob character literally, use brackets ('[*]').`
    )
  }
  const absolute = resolveInWorkspace(workspace, body, 'attachments', 'pattern', p)
  const root = p.resolve(workspace)
  const relative = p.relative(root, absolute)
  if (relative === '') return escapeGlob(root, p)
  // Outside by name (another spelling of the workspace, see workspace-files.ts): as written.
  if (relative === '..' || relative.startsWith(`..${p.sep}`) || p.isAbsolute(relative)) return absolute
  return `${escapeGlob(root, p)}${p.sep}${relative}`
}

/** `literal` as a glob that matches exactly it (as @actions/glob's own Pattern.globEscape). */
function escapeGlob(literal: string, p: PathApi): string {
  return (p.sep === '/' ? literal.replace(/\\/g, '\\\\') : literal)
    .replace(/\[/g, '[[]')
    .replace(/\?/g, '[?]')
    .replace(/\*/g, '[*]')
}

/** What an unmatched pattern gives: an input error, a warning, or nothing. */
function noFileFound(pattern: string, workspace: string, ifNoFilesFound: IfNoFilesFound): string | undefined {
  if (ifNoFilesFound === 'ignore') return undefined
  const what = `'${pattern}' matches no file (in ${workspace})`
  if (ifNoFilesFound === 'error') {
    throw new InputError('attachments', `${what}; 'if-no-files-found' is 'error'.`)
  }
  return `Input 'attachments': ${what}: the message is sent without it. Set 'if-no-files-found' to 'error' to fail the step instead, or to 'ignore'.`
}

/**
 * Removes every matched file that an exclusion names, compared as files, not names: on NTFS and
 * APFS `!Reports/sub/*.xml` excludes `reports/sub/B.XML`, which the glob spells as found.
 */
function exclude(matched: Map<string, string | undefined>, files: string[], workspace: string): void {
  const excluded = new Set<string>()
  for (const file of files) {
    matched.delete(file)
    const id = workspaceFileIdentity(workspace, file)
    if (id !== undefined) excluded.add(id)
  }
  if (excluded.size === 0) return
  for (const [file, known] of matched) {
    const id = known ?? workspaceFileIdentity(workspace, file)
    matched.set(file, id)
    if (id !== undefined && excluded.has(id)) matched.delete(file)
  }
}

/** Reads the files, each once (two names of one file, such as `report.xml` and `REPORT.xml` on NTFS, count once). */
function readAttachments(files: string[], workspace: string, maxBytes: number): Attachment[] {
  const attachments: Attachment[] = []
  const seen = new Set<string>()
  let total = 0
  const tooLarge = (): InputError =>
    new InputError(
      'attachments',
      `the files total more than 'max-attachment-size' (${formatBytes(maxBytes)}). Exchange Online takes 35 MB per message after encoding, which adds about a third.`
    )
  for (const file of files) {
    if (total > maxBytes) throw tooLarge()
    // Known before reading, so that the second name is not measured against what is left.
    const id = workspaceFileIdentity(workspace, file)
    if (id !== undefined && seen.has(id)) continue
    const read = readWorkspaceFile(workspace, file, 'attachments', {
      maxBytes: maxBytes - total,
      label: 'file',
      tooLarge
    })
    if (read.identity !== undefined) {
      if (seen.has(read.identity)) continue
      seen.add(read.identity)
    }
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
