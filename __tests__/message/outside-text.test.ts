import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/inputs/input-error.js'
import type { TemplateSource } from '../../src/inputs/template-sources.js'
import { buildContext } from '../../src/message/context.js'
import { eventTextsWithMarkup, escapeEventText, hasOwnLiquid } from '../../src/message/outside-text.js'
import { compileTemplates, renderMessage } from '../../src/message/render.js'

const src = (input: TemplateSource['input'], text: string, file?: string): TemplateSource => ({
  input,
  text,
  ...(file ? { file } : {})
})

const BROKEN = 'Render {{ name }} and {% if broken\n\nSee {% endraw %} and ::error::PWNED'
const event = {
  head_commit: { message: BROKEN, author: { name: 'Mona' } },
  commits: [{ message: BROKEN }],
  pull_request: { title: 'Use {{ x }}' }
}
const context = buildContext({ GITHUB_ACTOR: 'octocat', GITHUB_EVENT_NAME: 'push' }, event, 'success')

/** Compiles and renders as the action does, collecting every warning. */
async function send(templates: Parameters<typeof compileTemplates>[0], payload: object = event) {
  const warnings: string[] = []
  const compiled = compileTemplates(templates, eventTextsWithMarkup(payload))
  warnings.push(...(compiled.notices ?? []))
  const message = await renderMessage(compiled, context, (w) => warnings.push(w))
  return { message, warnings }
}

describe('event text with Liquid markup', () => {
  it('is found once, under its simplest path', () => {
    const found = eventTextsWithMarkup(event)
    expect(found.map((t) => t.path).sort()).toEqual([
      'github.event.head_commit.message',
      'github.event.pull_request.title'
    ])
    expect(eventTextsWithMarkup({ 'odd key': ['{{'] })[0]?.path).toBe('github.event["odd key"][0]')
  })

  it('is sent as written when the runner filled it in, with a warning naming the Liquid way', async () => {
    const { message, warnings } = await send({ subject: src('subject', 'Use {{ x }}'), body: src('body', BROKEN) })
    expect(message.text).toBe(BROKEN)
    expect(message.subject).toBe('Use {{ x }}')
    expect(warnings).toHaveLength(2)
    expect(warnings[1]).toContain("Input 'body'")
    expect(warnings[1]).toContain('write {{ github.event.head_commit.message }} instead')
    expect(warnings[0]).toContain('github.event.pull_request.title')
  })

  it("keeps the author's Liquid around it working", async () => {
    const body = `{{ github.actor }} pushed:\n${BROKEN}\n{% if job.status == 'success' %}green{% endif %}`
    const { message } = await send({ body: src('body', body) })
    expect(message.text).toBe(`octocat pushed:\n${BROKEN}\ngreen`)
  })

  it('names a path of any length in a bounded warning', async () => {
    const key = 'k'.repeat(5000)
    const { message, warnings } = await send({ body: src('body', 'x {{ y') }, { [key]: 'x {{ y' })
    expect(message.text).toBe('x {{ y')
    expect(warnings[0]?.length).toBeLessThan(700)
    expect(warnings[0]).toContain(`github.event.${'k'.repeat(100)}`)
  })

  it('is found with the blanks @actions/core trims and with CRLF turned into LF', () => {
    const texts = eventTextsWithMarkup({ message: '  {{ a }}\r\nb\n' })
    expect(escapeEventText('x {{ a }}\nb', texts).paths).toEqual(['github.event.message'])
    expect(escapeEventText('{{ a }}\r\nb', texts).paths).toEqual(['github.event.message'])
  })

  it('in html-body stays HTML as the runner put it (not escaped)', async () => {
    const { message } = await send({ htmlBody: src('html-body', '<p>Use {{ x }}</p>') })
    expect(message.html).toBe('<p>Use {{ x }}</p>')
  })

  it('is left alone in a file:// template, and in text without it', async () => {
    expect(() => compileTemplates({ body: src('body', BROKEN, 'mail.txt') }, eventTextsWithMarkup(event))).toThrow(
      /file:\/\/mail.txt\) does not parse/
    )
    const { message, warnings } = await send({ body: src('body', '{{ github.actor }}') })
    expect(message.text).toBe('octocat')
    expect(warnings).toEqual([])
  })
})

describe('inline text whose Liquid fails', () => {
  it('without Liquid of its author is sent as written, with a warning (markup from elsewhere)', async () => {
    const log = 'Step output: {% nosuch %} {{ y | no_filter }}'
    const { message, warnings } = await send({ body: src('body', log) }, {})
    expect(message.text).toBe(log)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^Input 'body' is sent as written: its Liquid failed \(.*nosuch/)
  })

  it('that fails only while rendering is sent as written too', async () => {
    const text = "Output: {% layout 'x' %} done"
    const { message, warnings } = await send({ body: src('body', text) }, {})
    expect(message.text).toBe(text)
    expect(warnings[0]).toMatch(/^Input 'body' is sent as written/)
    // include and render are the author's: they fail the step
    await expect(send({ body: src('body', "Output: {% include 'x' %}") }, {})).rejects.toThrow(InputError)
  })

  it("with Liquid of its author fails the step, naming the input: the author's mistake", () => {
    for (const text of ['{{ github.actor }} {% if x %}', '{% for c in github.event.commits %}{{ c.message }']) {
      expect(() => compileTemplates({ body: src('body', text) })).toThrow(
        /Input 'body': the Liquid template does not parse/
      )
    }
  })

  it("fails when the author's part still fails once the event's text is set aside", () => {
    expect(() =>
      compileTemplates({ body: src('body', `${BROKEN}\n{{ github.actor `) }, eventTextsWithMarkup(event))
    ).toThrow(/Input 'body': the Liquid template does not parse/)
  })
})

describe('hasOwnLiquid', () => {
  it.each([
    ['{{ github.sha }}', true],
    ['{{- vars.env -}}', true],
    ['{%- if job.status %}', true],
    ['{{ x }}', false],
    ['{% nosuch %}', false],
    ['{{githubber}}', false],
    ['plain text', false]
  ])('%s → %s', (text, expected) => {
    expect(hasOwnLiquid(text)).toBe(expected)
  })
})
