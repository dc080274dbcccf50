/**
 * Only regular files inside the workspace are read, for templates (`file://`) and attachments.
 * Tried as a pull request's checkout would: `..`, absolute paths, a planted
 * `report.xml -> /proc/self/environ` (which would mail the environment, the client secret
 * included), a named pipe; refused before any network use. Workspace files keep working.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage } from '../fakes/runner.js'
import { expectOnlyOwnCommands } from './runner-safety.js'
import { expectNothingSent, SECRET_VALUE, startWorld, type World } from './world.js'

// Linux has the process's environment as a file; elsewhere the link leads to a file outside.
const SECRET_TARGET = process.platform === 'linux' ? '/proc/self/environ' : undefined

let world: World
let root: string
let workspace: string

beforeAll(async () => {
  world = await startWorld()
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ema-hostile-')))
  workspace = path.join(root, 'workspace')
  mkdirSync(path.join(workspace, 'reports'), { recursive: true })
  writeFileSync(path.join(root, 'outside.txt'), 'OUTSIDE-THE-WORKSPACE')
  writeFileSync(path.join(workspace, 'reports', 'junit.xml'), '<testsuite tests="3"/>')
  writeFileSync(path.join(workspace, 'body.liquid'), '\ufeffBuild {{ github.run_number }} passed: café ✓')
  // "Résumé" in Windows-1252: é is 0xE9, not valid UTF-8
  writeFileSync(path.join(workspace, 'subject-1252.txt'), Buffer.from([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9]))
  symlinkSync(SECRET_TARGET ?? path.join(root, 'outside.txt'), path.join(workspace, 'report.xml'))
  symlinkSync(SECRET_TARGET ?? path.join(root, 'outside.txt'), path.join(workspace, 'report.html'))
  symlinkSync(root, path.join(workspace, 'up'), 'junction') // a junction on Windows
  if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(workspace, 'reports', 'pipe.xml')])
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  rmSync(root, { recursive: true, force: true })
  cleanupRunnerTemp()
})

// Windows has no named pipes in the file system.
const PIPE_CASE: [Record<string, string>, RegExp] = [
  { attachments: 'reports/*' },
  /Input 'attachments': file '.*pipe\.xml' is not a regular file \(a named pipe\)/
]

describe('refused before any network use, naming the input, the path and why', () => {
  it.each<[Record<string, string>, string | RegExp]>([
    [{ body: 'file://../outside.txt' }, "Input 'body': template file '../outside.txt' is outside the workspace"],
    [{ body: 'file:///etc/passwd' }, "Input 'body': template file '/etc/passwd' is outside the workspace"],
    [
      { 'html-body': 'file://report.html' },
      "Input 'html-body': template file 'report.html' leads outside the workspace"
    ],
    [
      { subject: 'file://up/outside.txt' },
      "Input 'subject': template file 'up/outside.txt' leads outside the workspace"
    ],
    [{ attachments: '/etc/passwd' }, "Input 'attachments': pattern '/etc/passwd' is outside the workspace"],
    [{ attachments: '../*' }, "Input 'attachments': pattern '../*' is outside the workspace"],
    [
      { attachments: 'report.xml' },
      SECRET_TARGET
        ? /Input 'attachments': file '.*report\.xml' leads outside the workspace \(to \/proc\//
        : /Input 'attachments': file '.*report\.xml' leads outside the workspace \(to .*outside\.txt\)/
    ],
    ...(process.platform === 'win32' ? [] : [PIPE_CASE]),
    [
      { subject: 'file://subject-1252.txt' },
      "Input 'subject': template file 'subject-1252.txt' is not UTF-8 text: byte 0xE9 at line 1, column 2 is not valid UTF-8"
    ]
  ])('%j', async (overrides, message) => {
    const result = await world.run({ cwd: workspace, inputs: world.inputs(overrides), timeoutMs: 20_000 })
    expect(result.code, result.log).toBe(1)
    expect(result.timedOut).toBe(false)
    const failure = failedMessage(result) ?? ''
    if (typeof message === 'string') expect(failure).toContain(message)
    else expect(failure).toMatch(message)
    expectNothingSent(world)
    // nothing of the environment (the client secret is in INPUT_CLIENT-SECRET) or the outside file leaked
    expect(result.stdout).not.toContain('OUTSIDE-THE-WORKSPACE')
    expect(result.stdout).not.toContain('INPUT_CLIENT-SECRET')
    expect(result.log.split(SECRET_VALUE).length - 1).toBe(1) // only inside its own ::add-mask::
    expectOnlyOwnCommands(result, { failed: true })
  })
})

describe('workspace files keep working', () => {
  it('a UTF-8 template with a BOM and a report attachment are sent as before', async () => {
    const result = await world.run({
      cwd: workspace,
      inputs: world.inputs({ body: 'file://body.liquid', attachments: 'reports/*.xml\n!reports/pipe.xml' })
    })
    expect(result.code, result.log).toBe(0)
    const [message] = world.smtp.messages
    expect(message?.parsed.text?.trim()).toBe('Build 42 passed: café ✓')
    expect(message?.parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ['junit.xml', '<testsuite tests="3"/>']
    ])
  })

  it('files as a Windows job leaves them: a UTF-16 template by file:///<workspace>, a runner folder with [ ], ..names', async () => {
    const ws = path.join(root, 'actions-runner[2]', 'work')
    mkdirSync(path.join(ws, 'reports'), { recursive: true })
    const text = 'Nightly {{ github.run_number }}: grün'
    writeFileSync(path.join(ws, 'body.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    writeFileSync(path.join(ws, 'reports', 'a.xml'), '<a/>')
    writeFileSync(path.join(ws, 'reports', 'b.xml'), '<b/>')
    writeFileSync(path.join(ws, '..notes.md'), 'a root-level name that starts with ..')
    const result = await world.run({
      cwd: ws,
      inputs: world.inputs({
        body: `file:///${ws}/body.md`,
        attachments: 'reports/*.xml, !reports/b.xml, ..notes.md',
        'if-no-files-found': 'error'
      })
    })
    expect(result.code, result.log).toBe(0)
    const [message] = world.smtp.messages
    expect(message?.parsed.text?.trim()).toBe('Nightly 42: grün')
    expect(message?.parsed.attachments.map((a) => a.filename)).toEqual(['a.xml', '..notes.md'])
  })
})
