import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { generatedSections, renderReadme, renderTroubleshooting } from '../scripts/docs.js'
import { CATALOGUE } from '../src/catalogue.js'
import { troubleshootingAnchor } from '../src/diagnose.js'
import { OUTPUT_NAMES } from '../src/main.js'
import { INPUT_NAMES } from '../src/settings.js'

const actionYml = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
const action = parse(actionYml) as { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: unknown }

describe('action.yml', () => {
  it('declares every input the code reads, and the code reads every declared input', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort())
  })

  it('declares every output the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
  })

  it('runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
})

describe('README', () => {
  it('matches what npm run docs generates from action.yml, the clouds and the catalogue', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    expect(await renderReadme(readme, generatedSections(actionYml))).toBe(readme)
  })
})

describe('docs/troubleshooting.md', () => {
  const page = readFileSync(new URL('../docs/troubleshooting.md', import.meta.url), 'utf8')

  it('matches what npm run docs generates from the catalogue', async () => {
    expect(await renderTroubleshooting()).toBe(page)
  })

  it('has one heading per catalogue entry, each with a distinct anchor', () => {
    const headings = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1])
    expect(headings).toEqual(CATALOGUE.map((e) => e.id))
    expect(new Set(headings.map((h) => troubleshootingAnchor(h ?? ''))).size).toBe(headings.length)
  })
})
