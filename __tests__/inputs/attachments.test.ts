import { existsSync, linkSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  globPattern,
  parseIfNoFilesFound,
  resolveAttachments,
  type IfNoFilesFound
} from '../../src/inputs/attachments.js'
import { inputError, parse } from './parse-inputs.js'

const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'attachments-')))
const workspace = path.join(root, 'ws')
const file = (name: string, content: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true })
  writeFileSync(path.join(workspace, name), content)
}
file('reports/a.html', '<p>a</p>')
file('reports/b.html', '<p>bb</p>')
file('reports/skip.html', 'x')
file('big.bin', Buffer.alloc(2048))

const resolve = (patterns: string[], maxBytes = 1 << 20, ifNone: IfNoFilesFound = 'error', ws = workspace) =>
  resolveAttachments(patterns, ws, maxBytes, ifNone)
const names = async (patterns: string[], ws = workspace): Promise<string[]> =>
  (await resolve(patterns, 1 << 20, 'error', ws)).attachments.map((a) => path.relative(ws, a.path))

describe('resolveAttachments', () => {
  it('expands globs relative to the workspace, honours exclusions, and keeps sizes', async () => {
    const { attachments } = await resolve(['reports/*.html', '!reports/skip.html'])
    expect(attachments.map((f) => [f.filename, f.size])).toEqual([
      ['a.html', 8],
      ['b.html', 9]
    ])
    expect(attachments[0]!.path).toBe(path.join(workspace, 'reports/a.html'))
  })

  it('refuses a total above the limit before anything is sent', async () => {
    await expect(resolve(['big.bin'], 1000)).rejects.toThrow(
      "Input 'attachments': the files total more than 'max-attachment-size' (1000 B)"
    )
  })

  it('formats sizes for people', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB')
  })
})

describe('if-no-files-found', () => {
  it('warns by default and keeps what the other patterns found', async () => {
    expect(parse({}).ifNoFilesFound).toBe('warn')
    const found = await resolve(['reports/*.pdf', 'reports/a.html'], 1 << 20, 'warn')
    expect(found.attachments.map((a) => a.filename)).toEqual(['a.html'])
    expect(found.warnings).toEqual([
      `Input 'attachments': 'reports/*.pdf' matches no file (in ${workspace}): the message is sent without it. Set 'if-no-files-found' to 'error' to fail the step instead, or to 'ignore'.`
    ])
  })

  it('fails with error, naming the pattern', async () => {
    await expect(resolve(['reports/*.pdf'], 1024, 'error')).rejects.toThrow(
      "Input 'attachments': 'reports/*.pdf' matches no file"
    )
  })

  it('says nothing with ignore', async () => {
    expect(await resolve(['reports/*.pdf'], 1024, 'ignore')).toEqual({ attachments: [], warnings: [] })
  })

  it('takes warn, error and ignore in any case, and nothing else', () => {
    expect(['WARN', 'Error', 'ignore'].map(parseIfNoFilesFound)).toEqual(['warn', 'error', 'ignore'])
    expect(inputError({ 'if-no-files-found': 'fail' }).message).toBe(
      "Input 'if-no-files-found': 'fail' is not one of warn, error or ignore."
    )
  })
})

describe('one file, several names (NTFS and APFS ignore case)', () => {
  // On a case-insensitive file system `Reports` and `reports`, `REPORT.xml` and `report.xml`
  // name one directory, one file. On a case-sensitive one the second names are made links to the
  // first: the same file, reached under another spelling, as the glob reports it on NTFS or APFS.
  const ws = path.join(root, 'ci')
  mkdirSync(path.join(ws, 'reports', 'sub'), { recursive: true })
  writeFileSync(path.join(ws, 'reports', 'sub', 'A.xml'), 'a')
  writeFileSync(path.join(ws, 'reports', 'sub', 'B.XML'), 'b')
  writeFileSync(path.join(ws, 'report.xml'), 'x'.repeat(600))
  if (!existsSync(path.join(ws, 'REPORT.xml'))) {
    symlinkSync(path.join(ws, 'reports'), path.join(ws, 'Reports'))
    linkSync(path.join(ws, 'report.xml'), path.join(ws, 'REPORT.xml'))
  }

  it('excludes a file whatever spelling the exclusion uses', async () => {
    expect(await names(['reports/**/*.xml', 'reports/**/*.XML', '!Reports/sub/B.XML'], ws)).toEqual([
      path.join('reports', 'sub', 'A.xml')
    ])
    expect(await names(['reports/sub/*', '!Reports/sub/B.*'], ws)).toEqual([path.join('reports', 'sub', 'A.xml')])
  })

  it('attaches a file matched under two names once, and counts its size once', async () => {
    const { attachments } = await resolve(['*.xml', 'REPORT.xml'], 1000, 'error', ws)
    expect(attachments.map((a) => [a.filename.toLowerCase(), a.size])).toEqual([['report.xml', 600]])
  })

  it('lets a later pattern bring an excluded file back, as @actions/glob does', async () => {
    const { attachments } = await resolve(['reports/sub/*', '!reports/sub/*', 'Reports/sub/A.xml'], 1000, 'error', ws)
    expect(attachments.map((a) => [a.filename, a.path.toLowerCase()])).toEqual([
      ['A.xml', path.join(ws, 'reports', 'sub', 'A.xml').toLowerCase()]
    ])
  })
})

describe('the workspace path is never a pattern', () => {
  it('finds files in a workspace whose path holds [ ] * or ?', async () => {
    // `*` and `?` cannot be in a Windows file name; `[` can.
    for (const dir of process.platform === 'win32' ? ['runner[2]'] : ['runner[2]', 'build*', 'what?']) {
      const ws = path.join(root, dir)
      mkdirSync(path.join(ws, 'reports'), { recursive: true })
      writeFileSync(path.join(ws, 'reports', 'a.xml'), dir)
      expect(await names(['reports/*.xml'], ws), dir).toEqual([path.join('reports', 'a.xml')])
      expect(await names([`${ws}/reports/*.xml`], ws), dir).toEqual([path.join('reports', 'a.xml')])
    }
  })

  it.skipIf(process.platform === 'win32')(
    'does not reach a sibling folder the unescaped path would match',
    async () => {
      const ws = path.join(root, 'job*')
      mkdirSync(path.join(ws, 'reports'), { recursive: true })
      mkdirSync(path.join(root, 'job-secret', 'reports'), { recursive: true })
      writeFileSync(path.join(root, 'job-secret', 'reports', 'token.xml'), 'SECRET')
      await expect(resolve(['reports/*.xml'], 1000, 'error', ws)).rejects.toThrow(/matches no file/)
    }
  )

  it('escapes a Windows workspace with brackets, where backslash is the separator', () => {
    expect(globPattern('C:\\runner[2]\\_work\\r\\r', 'reports\\*.xml', 'reports\\*.xml', path.win32)).toBe(
      'C:\\runner[[]2]\\_work\\r\\r\\reports\\*.xml'
    )
    expect(globPattern('D:\\a\\r\\r', 'out/**/*.trx', 'out/**/*.trx', path.win32)).toBe('D:\\a\\r\\r\\out\\**\\*.trx')
  })
})

describe('names on every runner', () => {
  it('attaches root-level names that start with .. (they are inside the workspace)', async () => {
    const ws = path.join(root, 'dots')
    mkdirSync(ws)
    writeFileSync(path.join(ws, '..env.md'), 'x')
    if (process.platform !== 'win32') writeFileSync(path.join(ws, '...'), 'y') // Windows drops trailing dots
    expect(await names(['*'], ws)).toEqual(process.platform === 'win32' ? ['..env.md'] : ['...', '..env.md'])
  })

  it.skipIf(process.platform === 'win32')(
    'refuses a Windows backslash pattern on Linux and macOS, with the fix',
    async () => {
      await expect(resolve(['reports\\*.html'])).rejects.toThrow(
        "Input 'attachments': 'reports\\*.html' holds a backslash, which is not a path separator on Linux or macOS runners: write 'reports/*.html'"
      )
      await expect(resolve(['!reports\\skip.html'])).rejects.toThrow(/write '!reports\/skip\.html'/)
    }
  )
})
