/**
 * Long and hostile Markdown through the bundled action: the default release message renders
 * `release.body | markdown`, as a release whose notes conventional-changelog wrote, typed with
 * LF or with CRLF (GitHub's web editor, a Windows checkout). And bodies made to be slow still
 * make a message. And the same files, written with CRLF on a Windows runner, make the same message.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp } from '../fakes/runner.js'
import releaseEvent from '../fixtures/events/release.json' with { type: 'json' }
import { startWorld, type World } from './world.js'

const TAG_ENV = { GITHUB_REF: 'refs/tags/v2.3.0', GITHUB_REF_NAME: 'v2.3.0', GITHUB_REF_TYPE: 'tag' }
const ITEMS = 600

let world: World

beforeAll(async () => {
  world = await startWorld()
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

/** Item `i` as conventional-changelog writes it: bold scope, then the issue and the commit. */
function item(i: number): string {
  const sha = (0xabc0000 + i).toString(16)
  return `* **scope${i}:** message ${i} ([#${1000 + i}](https://github.com/o/r/issues/${1000 + i})) ([${sha}](https://github.com/o/r/commit/${sha}))`
}

function changelog(eol: string): string {
  const items = Array.from({ length: ITEMS }, (_, i) => item(i))
  return ['## 2.3.0 (2026-12-01)', '', '### Features', '', ...items, ''].join(eol)
}

interface Received {
  text: string
  html: string
  raw: string
  ms: number
}

/** Runs the default release message with this body; what the SMTP server received. */
async function release(body: string): Promise<Received> {
  const event = { ...releaseEvent, release: { ...releaseEvent.release, body } }
  const result = await world.run({ eventName: 'release', event, env: TAG_ENV, inputs: world.inputs() })
  expect(result.code, result.log).toBe(0)
  expect(world.smtp.messages).toHaveLength(1)
  const message = world.smtp.messages[0]!
  expect(typeof message.parsed.html, 'an HTML part').toBe('string')
  return {
    text: message.parsed.text ?? '',
    html: message.parsed.html as string,
    raw: message.raw,
    ms: result.durationMs
  }
}

/** The HTML of the release notes only (the default message has its own tables and links around them). */
function notes(html: string): string {
  const start = html.indexOf('2.3.0 (2026-12-01)</h2>')
  expect(start, 'the notes heading').toBeGreaterThan(0)
  return html.slice(start, html.lastIndexOf('</ul>') + 5)
}

function expectCrlfOnTheWire(raw: string): void {
  expect(raw.match(/(?<!\r)\n/g), 'bare LF in the MIME').toBeNull()
  expect(raw.match(/\r(?!\n)/g), 'bare CR in the MIME').toBeNull()
}

describe('a release body of 600 conventional-changelog items', () => {
  let lf: Received

  it('renders 600 list items with their bold scopes and links, and the text part keeps the list', async () => {
    lf = await release(changelog('\n'))
    const html = notes(lf.html)
    const items = [...html.matchAll(/<li style="[^"]*">([\s\S]*?)<\/li>/g)].map((m) => m[1]!)
    expect(items).toHaveLength(ITEMS)
    items.forEach((content, i) => {
      const sha = (0xabc0000 + i).toString(16)
      expect(content).toMatch(new RegExp(`^<strong>scope${i}:</strong> message ${i} \\(<a href="`))
      expect(content).toContain(`<a href="https://github.com/o/r/issues/${1000 + i}"`)
      expect(content).toContain(`<a href="https://github.com/o/r/commit/${sha}"`)
    })
    expect(html).not.toMatch(/\\\*|\\_|\*\*scope/) // nothing escaped, nothing left as literal Markdown
    const lines = lf.text.split(/\r?\n/).filter((line) => line.startsWith('* '))
    expect(lines).toEqual(Array.from({ length: ITEMS }, (_, i) => item(i)))
    expectCrlfOnTheWire(lf.raw)
  })

  it('renders the same message from CRLF notes', async () => {
    const crlf = await release(changelog('\r\n'))
    expect(notes(crlf.html)).toBe(notes(lf.html))
    expect(crlf.text).toBe(lf.text)
    expectCrlfOnTheWire(crlf.raw)
  })
})

describe('hostile release bodies', () => {
  it.each([
    ['one paragraph of 60,000 `*` and `_`', '*_'.repeat(30_000), /(\*_){100}/],
    ['one paragraph of 60,000 `_a`', '_a'.repeat(60_000), /(_a){100}/],
    ['thousands of nested quotes', `${'>'.repeat(5_000)} deep`, /deep/],
    ['thousands of nested quotes, spaced', `${'> '.repeat(5_000)}deep`, /deep/]
  ])('%s: the message goes out, with the text as written', { timeout: 60_000 }, async (_name, body, kept) => {
    const m = await release(body)
    // generous: a bound on "it ends", not a speed figure (the figures are in npm run bench)
    expect(m.ms).toBeLessThan(30_000)
    expect(m.html).toMatch(kept)
    expect(m.html).not.toMatch(/<script|<img|<iframe|<style|\son\w+=|javascript:/i)
    expect(m.html).toContain('View the release')
    expect(m.text).toContain(body.slice(0, 1000))
  })
})

describe('CRLF from a Windows runner', () => {
  let root: string

  beforeAll(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ema-crlf-')))
    for (const eol of ['\n', '\r\n']) {
      const workspace = path.join(root, eol === '\n' ? 'lf' : 'crlf')
      mkdirSync(path.join(workspace, 'reports'), { recursive: true })
      const notes = [
        '## {{ vars.product }} notes',
        '',
        '{% for i in (1..3) %}* **scope{{ i }}:** change {{ i }}',
        '{% endfor %}',
        '{{ vars.footer }}'
      ]
      writeFileSync(path.join(workspace, 'notes.md'), notes.join(eol))
      // a file name may hold a CR where the file system allows it
      writeFileSync(path.join(workspace, 'reports', `a${eol === '\n' ? '\n' : '\r\n'}b.txt`), 'report')
    }
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  async function send(eol: string): Promise<Received & { attachments: string[] }> {
    const result = await world.run({
      cwd: path.join(root, eol === '\n' ? 'lf' : 'crlf'),
      inputs: world.inputs({
        body: 'file://notes.md',
        markdown: 'true',
        vars: ['product: App', 'footer: |', '  Thanks,', '  the team'].join(eol),
        attachments: 'reports/*.txt'
      })
    })
    expect(result.code, result.log).toBe(0)
    const message = world.smtp.messages.at(-1)!
    return {
      text: message.parsed.text ?? '',
      html: message.parsed.html as string,
      raw: message.raw,
      ms: result.durationMs,
      attachments: message.parsed.attachments.map((a) => a.filename ?? '')
    }
  }

  it('a CRLF template, CRLF vars and a CR in a file name make the message LF text makes', async () => {
    const lf = await send('\n')
    const crlf = await send('\r\n')
    expect(lf.text).toBe(
      '## App notes\n\n* **scope1:** change 1\n* **scope2:** change 2\n* **scope3:** change 3\n\nThanks,\nthe team\n'
    )
    expect(lf.html).toMatch(/<li style="[^"]*"><strong>scope3:<\/strong> change 3<\/li>/)
    expect(crlf.text).toBe(lf.text)
    expect(crlf.html).toBe(lf.html)
    expect(crlf.attachments).toEqual(['a\nb.txt'])
    expect(lf.attachments).toEqual(['a\nb.txt'])
    expectCrlfOnTheWire(crlf.raw)
  })
})
