import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type BigIntStats } from 'node:fs'
import path from 'node:path'
import { InputError } from './input-error.js'
import type { InputName } from './read-inputs.js'

/**
 * Reading files named by inputs. The action holds a credential and runs beside code it did not
 * write: a checked-out pull request can plant `report.xml -> /proc/self/environ`, and a template
 * input can say `file:///etc/passwd`. Only regular files whose real path (every symlink
 * resolved) lies inside the workspace are read, and the check is made on what was opened: the
 * file is opened, then its real path is resolved again and must name the very file (device and
 * file ID) that is open, so swapping a link between the check and the read gains nothing.
 * RUNNER_TEMP and the home directory are outside on purpose: other actions leave credentials
 * there. The same holds on Windows (drive letters, UNC paths and junctions) and macOS (names
 * that differ only in case).
 */

/** A file read from the workspace. */
interface WorkspaceFile {
  /** Real path (symlinks resolved). */
  path: string
  /** Path relative to the workspace, as the user would write it. */
  relative: string
  /** The bytes read. */
  content: Buffer
  /** Which file it is (device and file ID), whatever name reached it; undefined where the file system has no IDs. */
  identity: string | undefined
}

/** The path semantics of the runner's OS; tests pass `path.win32` to check Windows on Linux. */
export type PathApi = typeof path.posix

/** The workspace's own real path (it may itself be reached through a symlink). */
function realWorkspace(workspace: string, p: PathApi): string {
  try {
    return realpathSync(workspace)
  } catch {
    return p.resolve(workspace)
  }
}

/** True when `candidate` is `root` or lies below it, by name alone. */
function isBelow(root: string, candidate: string, p: PathApi): boolean {
  const relative = p.relative(root, candidate)
  // `..env.md` and `...` are names inside the root; only `..` itself or `../…` leaves it. On
  // Windows another drive gives an absolute "relative" path.
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${p.sep}`) && !p.isAbsolute(relative))
}

/**
 * True when `candidate` lies in the workspace: below it by name, or (on a case-insensitive file
 * system, where `/Users/x/REPO` names `/Users/x/repo`) below a directory that is the workspace
 * itself. Windows' path functions already ignore case; macOS's APFS needs the second test.
 */
function isInside(root: string, candidate: string, p: PathApi): boolean {
  if (isBelow(root, candidate, p)) return true
  const workspaceId = identityOf(root)
  // Without file IDs (some network shares report 0) every directory would look the same: no second test.
  if (workspaceId === undefined) return false
  for (let dir = p.dirname(candidate); ; dir = p.dirname(dir)) {
    if (identityOf(dir) === workspaceId) return true
    if (p.dirname(dir) === dir) return false
  }
}

/** Where `name` points, lexically, from the workspace; refuses a path that leaves it. */
export function resolveInWorkspace(
  workspace: string,
  name: string,
  input: InputName,
  label: string,
  p: PathApi = path
): string {
  const absolute = p.resolve(workspace, name)
  if (!isInside(p.resolve(workspace), absolute, p) && !isInside(realWorkspace(workspace, p), absolute, p)) {
    throw new InputError(input, `${label} '${name}' is outside the workspace (${workspace}); ${OUTSIDE_ADVICE}`)
  }
  return absolute
}

const OUTSIDE_ADVICE =
  'only files inside GITHUB_WORKSPACE are read. Copy a generated file into the workspace first (RUNNER_TEMP and the home directory are outside on purpose).'

// Opening a FIFO for reading would wait for a writer; a device could be a terminal.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0)

/**
 * Which file an open descriptor is: device and file ID as exact integers. NTFS and ReFS file IDs
 * go beyond 2^53, where JavaScript numbers lose bits and two files could compare equal. Always
 * from a descriptor: on newer Windows builds a stat by path comes from another API than a stat
 * of a handle, and the two need not agree.
 */
function identityOfDescriptor(fd: number): { id: string | undefined; stats: BigIntStats } {
  const stats = fstatSync(fd, { bigint: true })
  return { id: stats.ino === 0n ? undefined : `${stats.dev}:${stats.ino}`, stats }
}

/** The identity of the file or directory at `name` (opened, never read), or undefined. */
function identityOf(name: string): string | undefined {
  let fd: number
  try {
    fd = openSync(name, OPEN_FLAGS)
  } catch {
    return undefined
  }
  try {
    return identityOfDescriptor(fd).id
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

/**
 * The identity of `file` (a name the glob gave) when it is a regular file whose real path is
 * inside the workspace, else undefined. Attachments compare files by identity, not by name: on
 * NTFS and APFS `Reports/B.XML` and `reports/b.xml` are one file.
 */
export function workspaceFileIdentity(workspace: string, file: string): string | undefined {
  try {
    const real = realpathSync(file)
    if (!isInside(realWorkspace(workspace, path), real, path)) return undefined
    const fd = openSync(real, OPEN_FLAGS)
    try {
      const { id, stats } = identityOfDescriptor(fd)
      return stats.isFile() ? id : undefined
    } finally {
      closeSync(fd)
    }
  } catch {
    return undefined
  }
}

/**
 * Reads `name` (relative to the workspace, or absolute inside it): a regular file whose real
 * path is inside the workspace, at most `maxBytes` bytes (more is an input error that says so).
 */
export function readWorkspaceFile(
  workspace: string,
  name: string,
  input: InputName,
  limits: {
    /** The most bytes read. */
    maxBytes: number
    /** What the file is, for messages: "template file", "file". */
    label: string
    /** The error when the file holds more than maxBytes. */
    tooLarge?: () => Error
    /** Runs just before and just after the open (tests swap links there, as an attacker would). */
    interleave?: (moment: 'before open' | 'after open') => void
  }
): WorkspaceFile {
  const { maxBytes, label } = limits
  const root = realWorkspace(workspace, path)
  const absolute = resolveInWorkspace(workspace, name, input, label)
  const refuse = (why: string): never => {
    throw new InputError(input, `${label} '${name}' ${why}`)
  }
  let real: string
  try {
    real = realpathSync(absolute)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return refuse(
      code === 'ENOENT' ? `does not exist (looked in ${absolute}).` : `cannot be read (${code ?? describe(err)}).`
    )
  }
  if (!isInside(root, real, path))
    return refuse(`leads outside the workspace (to ${real}) through a symlink; ${OUTSIDE_ADVICE}`)

  limits.interleave?.('before open')
  let fd: number
  try {
    fd = openSync(real, OPEN_FLAGS)
  } catch (err) {
    return refuse(`cannot be opened (${(err as NodeJS.ErrnoException).code ?? describe(err)}).`)
  }
  try {
    limits.interleave?.('after open')
    const opened = identityOfDescriptor(fd)
    if (!opened.stats.isFile()) {
      return refuse(`is not a regular file (${kindOf(opened.stats)}); only regular files are read.`)
    }
    // What is open must still be what the real path names: a link swapped after realpath fails
    // here. Both identities come from open descriptors (see identityOfDescriptor).
    let again: string
    try {
      again = realpathSync(absolute)
    } catch {
      return refuse('changed while it was being read.')
    }
    if (!isInside(root, again, path) || (opened.id !== undefined && identityOf(again) !== opened.id)) {
      return refuse('changed while it was being read (a symlink was swapped); refused.')
    }
    const content = readBounded(fd, maxBytes)
    if (content === undefined) {
      throw limits.tooLarge?.() ?? new InputError(input, `${label} '${name}' is larger than ${maxBytes} bytes.`)
    }
    // Reached through another spelling of the workspace (APFS's case), the name as written says more.
    const relative = isBelow(root, real, path) ? path.relative(root, real) : name
    return { path: real, relative, content, identity: opened.id }
  } finally {
    closeSync(fd)
  }
}

/** Reads the whole file, or gives undefined as soon as it holds more than `maxBytes`. */
function readBounded(fd: number, maxBytes: number): Buffer | undefined {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes - total + 1))
    const read = readSync(fd, chunk, 0, chunk.length, null)
    if (read === 0) return Buffer.concat(chunks, total)
    total += read
    if (total > maxBytes) return undefined
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read))
  }
}

function kindOf(stats: BigIntStats): string {
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a named pipe'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  return 'not a file'
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : 'unknown error'
}
