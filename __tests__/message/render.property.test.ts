/**
 * Every default message over thousands of generated hostile payloads: event text, branch and
 * workflow names, run information and vars full of markup, scripts, header injections, control
 * characters, very long strings, deep nesting and wrong types. Rendering never throws, the HTML
 * part never carries markup that runs or loads anything, the subject stays one line, and the
 * time stays bounded. A fixed-seed PRNG makes every run the same.
 */
import { describe, expect, it } from 'vitest'
import { fixture, SAMPLE_ENV, SAMPLE_RUN_FAILURE, SAMPLE_RUN_SUCCESS } from '../fakes/sample-run.js'
import { buildContext, type DefaultMessageKind, type RunInfo } from '../../src/message/context.js'
import { compileTemplates, defaultMessageKind, renderMessage } from '../../src/message/render.js'

/** mulberry32: small, fast, and the same sequence for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.test/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '" onclick="alert(1)',
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  '[click](javascript:alert(1))',
  '[x](  javascript:alert(1) "t")',
  '![x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="javascript:alert(1)">x</a>',
  '<a href=" &#106;avascript:alert(1)">x</a>',
  '<iframe src="https://evil.test"></iframe>',
  '<style>body{background:url(https://evil.test/t.png)}</style>',
  '<link rel=stylesheet href=https://evil.test/x.css>',
  '<meta http-equiv="refresh" content="0;url=https://evil.test">',
  '<form action=https://evil.test><input name=p></form>',
  '<object data="javascript:alert(1)"></object>',
  '<details open ontoggle=alert(1)>x</details>',
  '<pre><img src=x onerror=alert(1)></pre>',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</script>',
  '`<script>`',
  '```\n<script>alert(1)</script>\n```',
  '| a |\n|---|\n| <img src=x onerror=1> |',
  '</td></tr></table></body></html>',
  '<!--',
  '-->',
  '<![CDATA[',
  '\r\nBcc: victim@example.com\r\n',
  '\nSubject: injected\n\n',
  'X-Priority: 1\r\n\r\n<html>',
  '\u0000\u0001\u0007\u001b[31m\u007f\u0085\u009b',
  '\u2028\u2029',
  '\u202e\u200b\ufeff',
  '{{ 7 | times: 7 }}',
  '{% include "/etc/passwd" %}',
  '&lt;script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '&amp;&quot;&#x27;',
  '@octocat #12',
  '😀🚀🧪',
  'e\u0301\u0327',
  '中文テキスト',
  '%0d%0aBcc:%20x@example.com',
  '\\',
  '***bold***',
  '_a_ *b* __c__',
  '> quote\n> > nested',
  '- [x] done\n- [ ] todo',
  '# Heading\n\n## Sub',
  'https://evil.test/path?q="><script>alert(1)</script>',
  '    indented code <script>',
  'line1\nline2\r\nline3\rline4'
]

const LONG_PIECES = ['x', '<script>', '_a', '*a', '[', '<a ', '>', ' ', '\n', '😀', '&#', '`', '|a', '\r\n']

type Random = () => number

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T

function hostileString(random: Random): string {
  if (random() < 0.015) {
    // very long: 100k characters of one piece, or of a mix
    const piece = pick(random, LONG_PIECES)
    const long = random() < 0.5 ? piece.repeat(Math.ceil(100_000 / piece.length)) : mix(random, 2000).repeat(50)
    return long.slice(0, 100_000)
  }
  const parts: string[] = []
  const n = 1 + Math.floor(random() * 4)
  for (let i = 0; i < n; i++)
    parts.push(random() < 0.8 ? pick(random, HOSTILE) : mix(random, 1 + Math.floor(random() * 40)))
  return parts.join(random() < 0.5 ? ' ' : '')
}

/** Random characters, markup and control characters included. */
function mix(random: Random, length: number): string {
  const alphabet = 'ab<>"\'&=/:;\\`*_[]()#!|~\r\n\t\u0000\u001f\u2028 é😀'
  const chars = [...alphabet]
  return Array.from({ length }, () => pick(random, chars)).join('')
}

function deep(random: Random, depth: number): unknown {
  let value: unknown = hostileString(random)
  for (let i = 0; i < depth; i++) value = random() < 0.5 ? [value] : { message: value, name: value }
  return value
}

function hostileValue(random: Random, level = 0): unknown {
  const r = random()
  if (r < 0.55) return hostileString(random)
  if (r < 0.62) return pick(random, [0, -1, 42, 1e308, -0.5, 2 ** 53 + 1])
  if (r < 0.67) return pick(random, [true, false, null])
  if (r < 0.75) return { toString: hostileString(random), valueOf: 1, length: { toString: 2 }, size: 'x' }
  if (r < 0.8) return deep(random, pick(random, [10, 100, 2000]))
  if (r < 0.9 || level > 2)
    return Array.from({ length: Math.floor(random() * 4) }, () => hostileValue(random, level + 1))
  // own keys as JSON.parse makes them ("__proto__" included), on a plain, a null or a foreign prototype
  const prototype = pick(random, [Object.prototype, null, { toString: 'x', valueOf: null, name: '<script>' }])
  const obj = Object.create(prototype) as Record<string, unknown>
  for (const key of ['name', 'message', 'login', 'first', 'last', 'size', 'constructor', '__proto__', 'toString']) {
    if (random() < 0.4) {
      Object.defineProperty(obj, key, { value: hostileValue(random, level + 1), enumerable: true, writable: true })
    }
  }
  return obj
}

/** Replaces leaves (and now and then whole objects) of a payload with hostile values. */
function mutate(random: Random, value: unknown, rate: number): unknown {
  if (value !== null && typeof value === 'object') {
    if (random() < rate / 6) return hostileValue(random)
    if (Array.isArray(value)) return value.map((item) => mutate(random, item, rate))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mutate(random, v, rate)]))
  }
  return random() < rate ? hostileValue(random) : value
}

/** The fields the default messages print, set to hostile strings whatever the mutation did. */
function poison(random: Random, event: Record<string, unknown>): void {
  const set = (path: string[], value: unknown): void => {
    let node = event
    for (const key of path.slice(0, -1)) {
      if (!node[key] || typeof node[key] !== 'object' || Array.isArray(node[key])) node[key] = {}
      node = node[key] as Record<string, unknown>
    }
    node[path.at(-1) as string] = value
  }
  const paths = [
    ['head_commit', 'message'],
    ['release', 'body'],
    ['release', 'name'],
    ['release', 'tag_name'],
    ['release', 'html_url'],
    ['pull_request', 'title'],
    ['pull_request', 'body'],
    ['pull_request', 'html_url'],
    ['pull_request', 'head', 'ref'],
    ['pull_request', 'head', 'sha'],
    ['compare'],
    ['schedule'],
    ['workflow'],
    ['action'],
    ['inputs', hostileString(random).slice(0, 50)],
    ['workflow_run', 'head_branch'],
    ['workflow_run', 'head_commit', 'message']
  ]
  for (const path of paths) if (random() < 0.5) set(path, hostileString(random))
  if (random() < 0.5) {
    const commits = Array.from({ length: Math.floor(random() * 14) }, () => ({
      id: hostileString(random),
      message: hostileString(random),
      url: pick(random, ['javascript:alert(1)', hostileString(random), 'https://github.com/octo/app/commit/1']),
      author: { name: hostileString(random) }
    }))
    set(['commits'], commits)
  }
}

function hostileRun(random: Random): RunInfo {
  const base = random() < 0.5 ? SAMPLE_RUN_FAILURE : SAMPLE_RUN_SUCCESS
  const run = mutate(random, structuredClone(base), 0.4) as RunInfo
  const annotation = () => ({
    level: pick(random, ['failure', 'warning', 'notice', hostileString(random)]),
    message: hostileString(random),
    title: hostileString(random),
    path: hostileString(random),
    line: pick(random, [1, null, hostileValue(random)]),
    url: pick(random, ['javascript:alert(1)', hostileString(random), 'https://github.com/x'])
  })
  const job = () => ({
    id: 1,
    name: hostileString(random),
    status: 'completed',
    conclusion: pick(random, ['failure', 'success', null, hostileString(random)]),
    started_at: null,
    completed_at: null,
    duration: hostileString(random),
    duration_seconds: hostileValue(random) as number,
    url: pick(random, ['javascript:alert(1)', hostileString(random)]),
    current: random() < 0.2,
    steps: [],
    failed_step: { name: hostileString(random), number: hostileValue(random) },
    annotations: Array.from({ length: Math.floor(random() * 4) }, annotation),
    annotations_more: pick(random, [0, 3, hostileValue(random)]),
    ...(random() < 0.2 ? { name: hostileValue(random) } : {})
  })
  if (random() < 0.7) {
    const jobs = Array.from({ length: Math.floor(random() * 4) }, job)
    return {
      ...run,
      available: random() < 0.9,
      jobs,
      failed_jobs: jobs,
      jobs_more: pick(random, [0, 2, -1])
    } as RunInfo
  }
  return run
}

const HOSTILE_ENV_NAMES = [
  'GITHUB_REF_NAME',
  'GITHUB_HEAD_REF',
  'GITHUB_BASE_REF',
  'GITHUB_WORKFLOW',
  'GITHUB_JOB',
  'GITHUB_ACTOR',
  'GITHUB_TRIGGERING_ACTOR',
  'GITHUB_RUN_NUMBER',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_SHA',
  'GITHUB_REF_TYPE'
]

/** Event name, job status and the fixture to start from: every default message is reached. */
const SCENARIOS: [string, string, string][] = [
  ['release', '', 'release'],
  ['release', 'success', 'release'],
  ['push', 'failure', 'push'],
  ['push', 'cancelled', 'push'],
  ['push', 'success', 'push'],
  ['push', '', 'push'],
  ['pull_request', '', 'pull_request'],
  ['pull_request', 'failure', 'pull_request'],
  ['workflow_dispatch', '', 'workflow_dispatch'],
  ['schedule', '', 'schedule'],
  ['issues', '', 'push'],
  ['workflow_run', 'failure', 'push']
]

const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'style',
  'link',
  'base',
  'svg',
  'math',
  'img',
  'video',
  'audio',
  'source',
  'template',
  'details'
])
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'background',
  'poster',
  'xlink:href',
  'srcset',
  'data',
  'cite'
])

function decodeAttribute(value: string): string {
  return value
    .replace(/&#x([\da-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/**
 * What in an HTML part could run, load or inject something. Text from the data is always
 * escaped (`&lt;`), so every `<name …>` in the output is markup: no script or other active
 * tag, no event handler attribute, no URL other than http(s) and mailto, no CSS that loads.
 */
export function unsafeMarkup(html: string): string[] {
  const problems: string[] = []
  if (/<\s*\/?\s*script/i.test(html)) problems.push('script tag')
  for (const tag of html.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const name = (tag[1] ?? '').toLowerCase()
    const attributes = tag[2] ?? ''
    if (FORBIDDEN_TAGS.has(name)) problems.push(`<${name}>`)
    if (name === 'meta' && /http-equiv/i.test(attributes)) problems.push('<meta http-equiv>')
    for (const attr of attributes.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      const key = (attr[1] ?? '').toLowerCase()
      const value = decodeAttribute(attr[2] ?? attr[3] ?? attr[4] ?? '')
      // eslint-disable-next-line no-control-regex
      const compact = value.replace(/[\u0000-\u0020]+/g, '')
      if (key.startsWith('on')) problems.push(`${key}= on <${name}>`)
      if (URL_ATTRIBUTES.has(key) && !/^(https?:\/\/|mailto:)/i.test(compact)) problems.push(`${key}="${value}"`)
      if (/javascript:|vbscript:|data:/i.test(compact) && !(URL_ATTRIBUTES.has(key) && /^https?:\/\//i.test(compact))) {
        problems.push(`script URL in ${key}`)
      }
      if (key === 'style' && /expression\(|url\(|@import|behavior:|javascript:/i.test(compact)) {
        problems.push('active CSS')
      }
    }
  }
  return problems
}

describe('the markup checker', () => {
  it('catches what it must', () => {
    for (const bad of [
      '<script>alert(1)</script>',
      '<p>x</p><SCRIPT src=x>',
      '<img src="https://x/y.png">',
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" java&#x09;script:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<a href="data:text/html,x">x</a>',
      '<p onclick="x">x</p>',
      '<td style="background:url(https://evil.test/t.png)">',
      "<div title='x' onmouseover=alert(1)>",
      '<meta http-equiv="refresh" content="0">',
      '<iframe src="https://evil.test">'
    ]) {
      expect(unsafeMarkup(bad), bad).not.toEqual([])
    }
  })

  it('lets escaped text and safe markup through', () => {
    expect(
      unsafeMarkup(
        '<p style="color:#fff">&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) onerror=alert(1)</p><a href="https://github.com/a?b=1&amp;c=2" style="color:#0969da;">x</a><a href="mailto:a@b.c">m</a>'
      )
    ).toEqual([])
  })
})

describe('default messages over hostile payloads', () => {
  it(
    'never throw, never carry active markup, keep the subject one line, and stay fast',
    { timeout: 300_000 },
    async () => {
      const random = prng(0x5eed_2026)
      const compiled = compileTemplates({})
      const kinds = new Map<DefaultMessageKind, number>()
      const ITERATIONS = 3000
      const fixtures = new Map(SCENARIOS.map(([, , name]) => [name, fixture(name)]))
      let slowest = 0
      let rendering = 0
      let escapedMarkup = 0
      let hostileTextInSubject = 0
      const started = performance.now()
      for (let i = 0; i < ITERATIONS; i++) {
        const [eventName, status, name] = SCENARIOS[i % SCENARIOS.length] as [string, string, string]
        const mutated = mutate(random, fixtures.get(name), 0.25)
        // the payload itself is always an object (readEventPayload sees to that)
        const event = (mutated && typeof mutated === 'object' && !Array.isArray(mutated) ? mutated : {}) as Record<
          string,
          unknown
        >
        poison(random, event)
        const env: Record<string, string> = { ...SAMPLE_ENV, GITHUB_EVENT_NAME: eventName }
        for (const key of HOSTILE_ENV_NAMES) if (random() < 0.3) env[key] = hostileString(random)
        const context = buildContext(env, event, status, {
          vars: random() < 0.5 ? (hostileValue(random) as Record<string, unknown>) : {},
          run: hostileRun(random)
        })
        kinds.set(defaultMessageKind(context), (kinds.get(defaultMessageKind(context)) ?? 0) + 1)

        const t0 = performance.now()
        let message
        try {
          message = await renderMessage(compiled, context)
        } catch (err) {
          throw new Error(`iteration ${i} (${eventName}, ${JSON.stringify(status)}) threw: ${String(err)}`)
        }
        const took = performance.now() - t0
        rendering += took
        slowest = Math.max(slowest, took)

        const where = `iteration ${i} (${eventName}, ${JSON.stringify(status)})`
        expect(message.subject, where).not.toMatch(/[\r\n]/)
        // eslint-disable-next-line no-control-regex
        expect(message.subject, where).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)
        expect(message.subject.length, where).toBeLessThanOrEqual(250)
        expect(typeof message.text, where).toBe('string')
        expect(message.html, where).toBeDefined()
        const problems = unsafeMarkup(message.html ?? '')
        if (problems.length) throw new Error(`${where}: ${problems.join(', ')}`)
        if (/&lt;(script|img|svg)/i.test(message.html ?? '')) escapedMarkup++
        if (/<script|onerror=/i.test(message.subject)) hostileTextInSubject++
      }
      const elapsed = performance.now() - started
      console.log(
        `${ITERATIONS} hostile payloads: ${(elapsed / 1000).toFixed(1)} s in all, ${(rendering / 1000).toFixed(1)} s rendering, slowest message ${slowest.toFixed(0)} ms, kinds ${JSON.stringify(Object.fromEntries(kinds))}`
      )
      // Every default was exercised, and the hostile text did reach the messages (escaped).
      expect([...kinds.keys()].sort()).toEqual(
        [
          'cancelled',
          'failure',
          'generic',
          'pull_request',
          'push',
          'release',
          'schedule',
          'success',
          'workflow_dispatch'
        ].sort()
      )
      expect(escapedMarkup).toBeGreaterThan(ITERATIONS / 2)
      expect(hostileTextInSubject).toBeGreaterThan(100)
      expect(slowest).toBeLessThan(10_000)
      expect(rendering).toBeLessThan(60_000)
    }
  )
})
