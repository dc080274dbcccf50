/**
 * The link-swap check of src/inputs/workspace-files.ts compares file IDs. NTFS and ReFS IDs go
 * beyond 2^53, where two IDs can round to the same JavaScript number: here the file system is
 * made to report, for the file that is open and the file its name leads to afterwards, two IDs
 * that differ only in the lowest bit above 2^60, as two files of one NTFS volume can.
 */
import type * as fs from 'node:fs'
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

const ids = vi.hoisted(() => ({ next: [] as bigint[], none: false }))

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>()
  const fstatSync = ((fd: number, options?: fs.StatOptions) => {
    const stats = real.fstatSync(fd, options as fs.StatOptions & { bigint: true })
    const ino = ids.none ? 0n : ids.next.shift()
    if (ino === undefined) return stats
    // What a caller that did not ask for exact integers gets: the rounded number.
    return Object.assign(stats, { ino: options?.bigint ? ino : Number(ino) })
  }) as typeof fs.fstatSync
  return { ...real, default: { ...real, fstatSync }, fstatSync }
})

const { readWorkspaceFile, resolveInWorkspace } = await import('../../src/inputs/workspace-files.js')

const workspace = realpathSync(mkdtempSync(path.join(tmpdir(), 'ema-ids-')))
writeFileSync(path.join(workspace, 'report.xml'), 'inside')
const read = () => readWorkspaceFile(workspace, 'report.xml', 'attachments', { maxBytes: 100, label: 'file' })

afterEach(() => {
  ids.next = []
  ids.none = false
})

describe('file identity beyond 2^53', () => {
  it('refuses when the name leads to another file whose ID differs only past 2^53', () => {
    ids.next = [2n ** 60n, 2n ** 60n + 1n]
    expect(Number(ids.next[0]) === Number(ids.next[1])).toBe(true) // as numbers they are one file
    expect(read).toThrow(/changed while it was being read/)
  })

  it('reads when both stats name the same file', () => {
    ids.next = [2n ** 60n + 1n, 2n ** 60n + 1n]
    expect(read().content.toString()).toBe('inside')
  })

  // Some network shares report 0 for every file ID: then every directory would look like the
  // workspace, and a name outside it would pass for "the workspace spelt another way".
  it('takes no name for the workspace by its ID where the file system reports none', () => {
    const elsewhere = path.join(path.dirname(workspace), `${path.basename(workspace)}-other`)
    mkdirSync(elsewhere, { recursive: true })
    writeFileSync(path.join(elsewhere, 'secret.txt'), 'outside')
    ids.none = true
    expect(() => resolveInWorkspace(workspace, path.join(elsewhere, 'secret.txt'), 'body', 'template file')).toThrow(
      /is outside the workspace/
    )
    expect(read().content.toString()).toBe('inside') // files are still read, as before
  })
})
