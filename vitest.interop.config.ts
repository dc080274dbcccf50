import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * `npm run test:interop` (scripts/interop.sh): the bundled action against Dovecot and Postfix from
 * Debian's packages (__tests__/interop/). A config of its own, so `npm test` never needs them;
 * its files end in .interop.ts, outside the default `*.test.ts` pattern of vitest.config.ts.
 *
 * The action runs on Node 24, its runtime in action.yml (ACTION_NODE, as in the e2e-node24
 * project), and takes dist/index.js unless INTEROP_ACTION_PATH names another build.
 */
const node24 = fileURLToPath(new URL(`node_modules/node-${process.platform}-${process.arch}/bin/node`, import.meta.url))

function actionNode(): string {
  if (process.env.ACTION_NODE) return process.env.ACTION_NODE
  if (existsSync(node24)) return node24
  console.warn(`interop: Node 24 not found at ${node24} (linux x64 only): the action runs on ${process.version}`)
  return process.execPath
}

export default defineConfig({
  test: {
    name: 'interop',
    environment: 'node',
    include: ['__tests__/interop/**/*.interop.ts'],
    globalSetup: ['__tests__/interop/setup.ts'],
    pool: 'forks',
    // The two files wait on servers and retries far more than they compute: run them side by side.
    maxWorkers: 2,
    fileParallelism: true,
    // Failed logins cost seconds by design (Dovecot's penalty, Postfix's error sleep).
    testTimeout: 90_000,
    hookTimeout: 60_000,
    env: { ACTION_NODE: actionNode() },
    reporters: ['default', 'json'],
    outputFile: { json: 'build/interop-results.json' }
  }
})
