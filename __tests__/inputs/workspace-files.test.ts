/**
 * Files named by inputs (src/inputs/workspace-files.ts): only regular files whose real path is inside
 * the workspace are read, checked on what was opened. Tried as an attacker with a checkout would.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InputError } from '../../src/inputs/input-error.js'
import { readWorkspaceFile, resolveInWorkspace } from '../../src/inputs/workspace-files.js'

let root: string
let workspace: string
let outside: string
const read = (name: string, maxBytes = 1 << 20): Buffer =>
  readWorkspaceFile(workspace, name, 'body', { maxBytes, label: 'template file' }).content

beforeAll(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ema-files-')))
  workspace = path.join(root, 'workspace')
  outside = path.join(root, 'runner-temp')
  mkdirSync(path.join(workspace, 'reports'), { recursive: true })
  mkdirSync(outside)
  writeFileSync(path.join(workspace, 'reports', 'ok.txt'), 'inside')
  writeFileSync(path.join(outside, 'credentials.json'), 'SECRET-OUTSIDE')
  symlinkSync(path.join(outside, 'credentials.json'), path.join(workspace, 'report.xml'))
  if (process.platform === 'linux') symlinkSync('/proc/self/environ', path.join(workspace, 'environ.xml'))
  symlinkSync(outside, path.join(workspace, 'linked-dir'), 'junction') // a junction on Windows
  symlinkSync(path.join(workspace, 'reports', 'ok.txt'), path.join(workspace, 'inner-link.txt'))
  writeFileSync(path.join(workspace, '..env.md'), 'dots')
  if (process.platform !== 'win32') writeFileSync(path.join(workspace, '...'), 'three dots') // Windows drops trailing dots
  // Another spelling of the workspace that names the same directory, as `/Users/x/REPO` names
  // `/Users/x/repo` on macOS's case-insensitive APFS; and one of another directory.
  symlinkSync(workspace, path.join(root, 'workspace-alias'))
  symlinkSync(outside, path.join(root, 'other-alias'))
  if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(workspace, 'pipe.txt')])
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

function refusal(name: string): string {
  try {
    read(name)
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return (err as Error).message
  }
  throw new Error(`'${name}' was read`)
}

describe('readWorkspaceFile', () => {
  it('reads a regular file inside the workspace, directly or through a link that stays inside', () => {
    expect(read('reports/ok.txt').toString()).toBe('inside')
    expect(read('inner-link.txt').toString()).toBe('inside')
    expect(read(path.join(workspace, 'reports/ok.txt')).toString()).toBe('inside')
  })

  it('refuses .. and absolute paths that leave the workspace, naming input, path and why', () => {
    expect(refusal('../runner-temp/credentials.json')).toMatch(
      /^Input 'body': template file '\.\.\/runner-temp\/credentials\.json' is outside the workspace .*GITHUB_WORKSPACE/
    )
    expect(refusal('/etc/passwd')).toMatch(/'\/etc\/passwd' is outside the workspace/)
    expect(refusal('..')).toMatch(/'\.\.' is outside the workspace/)
    expect(refusal('reports/../../runner-temp/credentials.json')).toMatch(/outside the workspace/)
  })

  it('reads root-level names that start with .. (they do not leave the workspace)', () => {
    expect(read('..env.md').toString()).toBe('dots')
    if (process.platform !== 'win32') expect(read('...').toString()).toBe('three dots')
    expect(read(path.join(workspace, '..env.md')).toString()).toBe('dots')
  })

  it('reads an absolute name that spells the workspace differently but is the same directory', () => {
    const other = path.join(root, 'workspace-alias', 'reports', 'ok.txt')
    expect(resolveInWorkspace(workspace, other, 'attachments', 'pattern')).toBe(other)
    expect(read(other).toString()).toBe('inside')
    expect(refusal(path.join(root, 'other-alias', 'credentials.json'))).toMatch(/is outside the workspace/)
  })

  it('refuses a symlink (at any level) whose target is outside', () => {
    expect(refusal('report.xml')).toMatch(
      /'report\.xml' leads outside the workspace \(to .*credentials\.json\) through a symlink/
    )
    if (process.platform === 'linux') {
      expect(refusal('environ.xml')).toMatch(/leads outside the workspace \(to \/proc\/\d+\/environ\)/)
    }
    expect(refusal('linked-dir/credentials.json')).toMatch(/leads outside the workspace/)
  })

  it.skipIf(process.platform === 'win32')('refuses what is not a regular file, without waiting on a pipe', () => {
    expect(refusal('pipe.txt')).toMatch(/'pipe\.txt' is not a regular file \(a named pipe\)/)
    expect(refusal('reports')).toMatch(/is not a regular file \(a directory\)/)
    expect(refusal('missing.txt')).toMatch(/'missing\.txt' does not exist/)
  })

  it('measures what is read and stops reading past the limit', () => {
    writeFileSync(path.join(workspace, 'big.txt'), 'x'.repeat(5000))
    expect(read('big.txt', 5000)).toHaveLength(5000)
    expect(() => read('big.txt', 4999)).toThrow(/larger than 4999 bytes/)
  })

  it('checks what it opened: a directory swapped for a link between check and open is refused', () => {
    // workspace/swap/ok.txt resolves inside; then, before the open, workspace/swap becomes a link
    // to an outside directory holding a file of the same name, so the open follows it there.
    const swap = path.join(workspace, 'swap')
    mkdirSync(swap)
    writeFileSync(path.join(swap, 'ok.txt'), 'inside')
    writeFileSync(path.join(outside, 'ok.txt'), 'SECRET-OUTSIDE')
    const toLink = (): void => {
      renameSync(swap, `${swap}.real`)
      symlinkSync(outside, swap)
    }
    const back = (): void => {
      rmSync(swap)
      renameSync(`${swap}.real`, swap)
    }
    const attempt = (interleave: (moment: 'before open' | 'after open') => void): unknown => {
      try {
        return readWorkspaceFile(workspace, 'swap/ok.txt', 'attachments', { maxBytes: 1000, label: 'file', interleave })
      } catch (err) {
        return err
      }
    }
    // the link stays: the opened file's real path is outside
    const stayed = attempt((moment) => moment === 'before open' && toLink())
    back()
    // the link is swapped back right after the open: the name resolves inside again, but to
    // another file than the one that is open (device and inode differ)
    const reverted = attempt((moment) => (moment === 'before open' ? toLink() : back()))
    for (const outcome of [stayed, reverted]) {
      expect(outcome).toBeInstanceOf(InputError)
      expect((outcome as Error).message).toMatch(
        /^Input 'attachments': file 'swap\/ok\.txt' changed while it was being read/
      )
    }
    // untouched, it reads
    expect(attempt(() => undefined)).toMatchObject({ content: Buffer.from('inside') })
  })
})

describe('resolveInWorkspace with Windows paths', () => {
  const ws = 'D:\\a\\repo\\repo'
  const resolve = (name: string): string => resolveInWorkspace(ws, name, 'attachments', 'pattern', path.win32)

  it('takes either separator, any case of the same path, and root names starting with ..', () => {
    expect(resolve('reports\\*.xml')).toBe('D:\\a\\repo\\repo\\reports\\*.xml')
    expect(resolve('reports/*.xml')).toBe('D:\\a\\repo\\repo\\reports\\*.xml')
    expect(resolve('d:\\A\\REPO\\repo\\x.xml')).toBe('d:\\A\\REPO\\repo\\x.xml')
    expect(resolve('..env.md')).toBe('D:\\a\\repo\\repo\\..env.md')
  })

  it('refuses another drive, a UNC share, and the ways out', () => {
    for (const name of ['E:\\a\\repo\\repo\\x', '\\\\server\\share\\x', '..\\x', '..', 'reports\\..\\..\\x', '\\x']) {
      expect(() => resolve(name), name).toThrow(/is outside the workspace/)
    }
  })
})
