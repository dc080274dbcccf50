/**
 * The process ends: endProcess and the watchdog, each in a child Node that holds a live socket
 * to a peer that never closes it, as a silent server or a stalled proxy would.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workflowCommands } from '../fakes/runner.js'
import { startSilentServer } from '../fakes/smtp-server.js'

const stepEnd = fileURLToPath(new URL('../../src/boot/step-end.ts', import.meta.url))
const dir = mkdtempSync(path.join(tmpdir(), 'ema-step-end-'))
let silent: Awaited<ReturnType<typeof startSilentServer>>

beforeAll(async () => {
  silent = await startSilentServer()
})
afterAll(async () => {
  await silent.close()
  rmSync(dir, { recursive: true, force: true })
})

interface Exit {
  code: number | null
  stdout: string
  killed: boolean
}

/** Runs `body` (ESM, with step-end's exports and a socket to the silent peer in scope) in a child Node. */
async function child(body: string): Promise<Exit> {
  const file = path.join(dir, `child-${Math.random().toString(36).slice(2)}.mts`)
  writeFileSync(
    file,
    [
      `import net from 'node:net'`,
      `import { armWatchdog, endProcess } from ${JSON.stringify(stepEnd)}`,
      `const socket = net.connect(${silent.port}, '127.0.0.1')`,
      `await new Promise((ok) => socket.once('connect', ok))`,
      body
    ].join('\n')
  )
  const proc = spawn(process.execPath, ['--import', 'tsx', file], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let stdout = ''
  proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  let killed = false
  const kill = setTimeout(() => {
    killed = true
    proc.kill('SIGKILL')
  }, 20_000)
  const code = await new Promise<number | null>((ok) => proc.once('close', ok))
  clearTimeout(kill)
  return { code, stdout, killed }
}

const errors = (stdout: string): string[] =>
  workflowCommands({ stdout })
    .filter((c) => c.command === 'error')
    .map((c) => c.message)

describe('endProcess', () => {
  it('exits with the code the run set although a socket is still open, after the whole log is out', async () => {
    const exit = await child(
      [
        `process.exitCode = 1`,
        `process.stdout.write('x'.repeat(4 * 1024 * 1024) + '\\nlast line\\n')`,
        `await endProcess()`
      ].join('\n')
    )
    expect(exit.killed).toBe(false)
    expect(exit.code).toBe(1)
    expect(exit.stdout.length).toBe(4 * 1024 * 1024 + '\nlast line\n'.length)
    expect(exit.stdout.endsWith('\nlast line\n')).toBe(true)
  })

  it('exits 0 after a run that set no failure', async () => {
    const exit = await child(`await endProcess()`)
    expect(exit).toEqual({ code: 0, stdout: '', killed: false })
  })
})

describe('the watchdog', () => {
  it('fails the step and ends a run that never settles', async () => {
    const exit = await child([`armWatchdog(Date.now() + 200, 7)`, `await new Promise(() => undefined)`].join('\n'))
    expect(exit.killed).toBe(false)
    expect(exit.code).toBe(1)
    expect(errors(exit.stdout)).toEqual([
      'The step did not finish within timeout-seconds (7 s) and was stopped: a server or proxy it was waiting for never answered.'
    ])
  })

  it('adds no second error to a run that already failed the step', async () => {
    const exit = await child(
      [
        `process.exitCode = 1`,
        `process.stdout.write('::error::Token endpoint timeout\\n')`,
        `armWatchdog(Date.now() + 200, 7)`,
        `await new Promise(() => undefined)`
      ].join('\n')
    )
    expect(exit.code).toBe(1)
    expect(errors(exit.stdout)).toEqual(['Token endpoint timeout'])
  })

  it('once disarmed, leaves the run to end itself', async () => {
    const exit = await child(
      [
        `const disarm = armWatchdog(Date.now() + 300, 7)`,
        `disarm()`,
        `setTimeout(() => { process.stdout.write('still running\\n'); socket.destroy() }, 800)`
      ].join('\n')
    )
    expect(exit.code).toBe(0)
    expect(exit.stdout).toBe('still running\n')
  })
})
