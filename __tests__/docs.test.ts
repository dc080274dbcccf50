import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { docsLabel, EXAMPLES, generatedSections, renderDoc, renderTroubleshooting, TARGETS } from '../scripts/docs.js'
import { CATALOGUE } from '../src/diagnosis/catalogue.js'
import { troubleshootingAnchor } from '../src/diagnosis/format.js'
import { OUTPUT_NAMES } from '../src/report/outputs.js'
import { INPUT_NAMES } from '../src/inputs/read-inputs.js'

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

describe('documentation', () => {
  const read = (file: string): string => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')

  it.each(Object.keys(TARGETS))('%s matches what npm run docs generates', async (file) => {
    const text = read(file)
    expect(await renderDoc(file, text, generatedSections(actionYml))).toBe(text)
  })

  it('lists every input of action.yml in the README usage block: its whole description, an example or its default', () => {
    const readme = read('README.md')
    const block = /<!-- inputs:start -->\n+```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    const step = (parse(block) as { with: Record<string, unknown> }[])[0]!
    const inputs = action.inputs as Record<string, { description: string; default?: string }>
    expect(Object.keys(step.with)).toEqual(Object.keys(inputs))
    const comments = block.replace(/\n\s*# /g, ' ').replace(/\s+/g, ' ')
    for (const [name, input] of Object.entries(inputs)) {
      expect(String(step.with[name]), name).toBe(EXAMPLES[name] ?? input.default ?? '')
      // every sentence of the description, not only the first
      expect(comments, name).toContain(input.description.replace(/\s+/g, ' ').trim())
      if (EXAMPLES[name] !== undefined && input.default)
        expect(comments, name).toContain(`Default: \`${input.default}\`.`)
    }
  })

  // 20 KB: the input reference shows each input's whole description (issue 19), which took 3 KB more.
  it('keeps the README under 20 KB, and no table row of a generated file padded past 200 columns', () => {
    const readme = read('README.md')
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(20_000)
    for (const file of Object.keys(TARGETS)) {
      const long = read(file)
        .split('\n')
        .filter((line) => line.startsWith('|') && line.length > 200)
      expect(long, file).toEqual([])
    }
  })
})

describe('docs/migrate-from-action-send-mail.md', () => {
  // The inputs of dawidd6/action-send-mail's action.yml at c50dc4cc (v18, July 2026).
  const SEND_MAIL_INPUTS = [
    'connection_url',
    'server_address',
    'server_port',
    'secure',
    'username',
    'password',
    'subject',
    'to',
    'from',
    'body',
    'html_body',
    'cc',
    'bcc',
    'reply_to',
    'in_reply_to',
    'ignore_cert',
    'convert_markdown',
    'attachments',
    'priority',
    'headers',
    'nodemailerlog',
    'nodemailerdebug',
    'envelope_from',
    'envelope_to'
  ]
  const rows = readFileSync(new URL('../docs/migrate-from-action-send-mail.md', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
  // `name` or `name: value`
  const names = (cell = ''): string[] => [...cell.matchAll(/`([\w-]+)(?::[^`]*)?`/g)].map((m) => m[1] ?? '')

  it('maps every input of action-send-mail, once', () => {
    expect(rows.flatMap((row) => names(row[1])).sort()).toEqual([...SEND_MAIL_INPUTS].sort())
  })

  it('maps each to an input of this action, or says "none" and why', () => {
    for (const row of rows) {
      const answer = row[2] ?? ''
      const ours = names(answer).filter((name) => name in action.inputs)
      if (answer.startsWith('none:')) expect(answer.length, row[1]).toBeGreaterThan('none: '.length + 20)
      else expect(ours.length, `${row[1]}: ${answer}`).toBeGreaterThan(0)
    }
  })
})

describe('docs/troubleshooting.md', () => {
  const page = readFileSync(new URL('../docs/troubleshooting.md', import.meta.url), 'utf8')

  it("calls a link Microsoft's documentation only when it is Microsoft's", () => {
    const labelled = [...page.matchAll(/^(.+): <(https:[^>]+)>$/gm)].map((m) => [m[1] ?? '', m[2] ?? ''] as const)
    expect(labelled.length).toBe(CATALOGUE.length)
    for (const [label, url] of labelled) {
      expect(label === "Microsoft's documentation", `${label}: ${url}`).toBe(
        new URL(url).hostname === 'learn.microsoft.com'
      )
    }
    expect(docsLabel('https://www.rfc-editor.org/rfc/rfc7628#section-3.2.2')).toBe('RFC 7628')
  })

  it('matches what npm run docs generates from the catalogue', async () => {
    expect(await renderTroubleshooting()).toBe(page)
  })

  it('has one heading per catalogue entry, each with a distinct anchor', () => {
    const headings = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1])
    expect(headings).toEqual(CATALOGUE.map((e) => e.id))
    expect(new Set(headings.map((h) => troubleshootingAnchor(h ?? ''))).size).toBe(headings.length)
  })
})
