/**
 * The toolkit without its HTTP stack (src/report/runner-commands.ts) writes what @actions/core
 * writes: the same calls through each, side by side, give the same stdout and the same
 * GITHUB_OUTPUT file, byte for byte (file-command delimiters are random, and compared as such).
 * A new @actions/core that moves or changes the modules it is built from fails here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as ours from '../../src/report/runner-commands.js'

type Toolkit = Pick<
  typeof core,
  'setSecret' | 'setOutput' | 'setFailed' | 'info' | 'debug' | 'warning' | 'startGroup' | 'endGroup'
>

/** Text the runner must not take for more than one command, nor for a command of its own. */
const HOSTILE = 'a%b\r\nc::set-output name=x::y\n%25 ::add-mask::z, :: ## [ok]'

/** Every call the action makes of the toolkit, with awkward values. */
function exercise(kit: Toolkit): void {
  kit.setSecret(HOSTILE)
  kit.info(HOSTILE)
  kit.debug(HOSTILE)
  kit.warning(HOSTILE)
  kit.warning(new Error(HOSTILE))
  kit.warning('w', { title: 'a:b,c', file: 'src\\x,y.ts', startLine: 3, endLine: 4, startColumn: 1 })
  kit.startGroup(HOSTILE)
  kit.endGroup()
  kit.setOutput('plain', 'one line')
  kit.setOutput('multi', HOSTILE)
  kit.setOutput('object', { a: 1, b: [HOSTILE] })
  kit.setFailed(HOSTILE)
  kit.setFailed(new Error('boom'))
}

let dir: string
let printed: string[]
const savedOutput = process.env.GITHUB_OUTPUT

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'runner-commands-'))
  printed = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk))
    return true
  })
})

afterEach(() => {
  vi.restoreAllMocks()
  process.exitCode = undefined
  if (savedOutput === undefined) delete process.env.GITHUB_OUTPUT
  else process.env.GITHUB_OUTPUT = savedOutput
  rmSync(dir, { recursive: true, force: true })
})

/** What the runner would read of one toolkit's calls: stdout, the output file and the exit code. */
function seen(kit: Toolkit, outputFile: boolean): { stdout: string; output: string; exitCode: unknown } {
  printed = []
  process.exitCode = undefined
  const file = path.join(dir, `output-${Math.random()}`)
  writeFileSync(file, '')
  if (outputFile) process.env.GITHUB_OUTPUT = file
  else delete process.env.GITHUB_OUTPUT
  exercise(kit)
  // The delimiter of each multi-line value is a fresh UUID: compare where they stand, not their value.
  const output = readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>')
  return { stdout: printed.join(''), output, exitCode: process.exitCode }
}

describe('the toolkit without its HTTP stack', () => {
  it.each([
    ['with the GITHUB_OUTPUT file', true],
    ['with no GITHUB_OUTPUT (the old set-output command)', false]
  ])('writes what @actions/core writes, %s', (_case, outputFile) => {
    const expected = seen(core, outputFile)
    const actual = seen(ours, outputFile)
    expect(actual).toEqual(expected)
    // The comparison saw something: commands, escapes and the failure.
    expect(expected.exitCode).toBe(1)
    expect(expected.stdout).toContain('::add-mask::a%25b%0D%0Ac::set-output')
    expect(expected.stdout).toContain('::warning title=a%3Ab%2Cc,file=src\\x%2Cy.ts,line=3,endLine=4,col=1::w')
    if (outputFile) expect(expected.output).toMatch(/^multi<<ghadelimiter_<uuid>\n/m)
    else expect(expected.stdout).toContain('::set-output name=plain::one line')
  })

  it('shares the job summary with @actions/core', () => {
    expect(ours.summary).toBe(core.summary)
  })
})
