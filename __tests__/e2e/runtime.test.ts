/**
 * Which Node runs the action in the end-to-end tests. vitest.config.ts runs this directory twice:
 * on the Node running the tests, and as project e2e-node24 with ACTION_NODE pointing at Node 24,
 * the runtime GitHub uses for this action (`runs.using: node24`).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { cleanupRunnerTemp, runAction } from '../fakes/runner.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the e2e-node24 project: the major version the action must run on. */
    actionNodeMajor?: number
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ema-runtime-'))
const script = join(dir, 'version.mjs')
writeFileSync(script, 'console.log(JSON.stringify({ version: process.version, execPath: process.execPath }))\n')

afterAll(() => {
  cleanupRunnerTemp()
  rmSync(dir, { recursive: true, force: true })
})

async function childNode(): Promise<{ version: string; execPath: string }> {
  const result = await runAction({ actionPath: script })
  expect(result.code, result.log).toBe(0)
  return JSON.parse(result.stdout) as { version: string; execPath: string }
}

describe('the Node that runs the action', () => {
  it('is $ACTION_NODE when set, else the Node running the tests; Node 24 in the e2e-node24 project', async () => {
    const actionNode = process.env.ACTION_NODE
    const expected = actionNode
      ? spawnSync(actionNode, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim()
      : process.version
    const child = await childNode()
    expect(child.version).toBe(expected)
    expect(realpathSync(child.execPath)).toBe(realpathSync(actionNode || process.execPath))
    const major = inject('actionNodeMajor')
    if (major !== undefined) expect(child.version).toMatch(new RegExp(`^v${major}\\.`))
  })
})
