import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatBytes, resolveAttachments } from '../../src/inputs/attachments.js'

const workspace = mkdtempSync(path.join(tmpdir(), 'attachments-'))
mkdirSync(path.join(workspace, 'reports'))
writeFileSync(path.join(workspace, 'reports/a.html'), '<p>a</p>')
writeFileSync(path.join(workspace, 'reports/b.html'), '<p>bb</p>')
writeFileSync(path.join(workspace, 'reports/skip.html'), 'x')
writeFileSync(path.join(workspace, 'big.bin'), Buffer.alloc(2048))

describe('resolveAttachments', () => {
  it('expands globs relative to the workspace, honours exclusions, and keeps sizes', async () => {
    const files = await resolveAttachments(['reports/*.html', '!reports/skip.html'], workspace, 1024 * 1024)
    expect(files.map((f) => [f.filename, f.size])).toEqual([
      ['a.html', 8],
      ['b.html', 9]
    ])
    expect(files[0]!.path).toBe(path.join(workspace, 'reports/a.html'))
  })

  it('names a pattern that matches nothing', async () => {
    await expect(resolveAttachments(['reports/*.pdf'], workspace, 1024)).rejects.toThrow(
      "Input 'attachments': 'reports/*.pdf' matches no file"
    )
  })

  it('refuses a total above the limit before anything is sent', async () => {
    await expect(resolveAttachments(['big.bin'], workspace, 1000)).rejects.toThrow(
      "Input 'attachments': the files total more than 'max-attachment-size' (1000 B)"
    )
  })

  it('formats sizes for people', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB')
  })
})
