import { describe, expect, it } from 'vitest'
import { buildContext, emptyRunInfo, type RunInfo } from '../../src/message/context.js'
import { InputError } from '../../src/inputs/input-error.js'
import { eventTextsWithMarkup } from '../../src/message/outside-text.js'
import { compileTemplates, compileText, renderMessage, renderText, USE_DEFAULT } from '../../src/message/render.js'
import type { TemplateSource } from '../../src/inputs/template-sources.js'

const env = {
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_REPOSITORY_OWNER: 'octo',
  GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main',
  GITHUB_REF_TYPE: 'branch',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'build',
  GITHUB_RUN_ID: '1658821493',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_ACTOR: 'octocat',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_SERVER_URL: 'https://github.com'
}
const event = { head_commit: { message: 'Fix the parser\n\nLonger description' } }

const src = (input: TemplateSource['input'], text: string): TemplateSource => ({ input, text })

async function render(
  templates: Parameters<typeof compileTemplates>[0],
  status = '',
  payload: object = event,
  extra: Parameters<typeof buildContext>[3] = {}
) {
  return renderMessage(
    compileTemplates(templates),
    buildContext(env, payload as Record<string, unknown>, status, extra)
  )
}

describe('user templates', () => {
  it('renders the workflow context in subject and body, with the filters', async () => {
    const m = await render(
      {
        subject: src('subject', '{{ github.workflow }} {{ job.status }} on {{ github.ref_name }}'),
        body: src(
          'body',
          '{{ github.sha | short_sha }} {{ github.event.head_commit.message | first_line }} {{ run_url }}'
        )
      },
      'failure'
    )
    expect(m.subject).toBe('CI failure on main')
    expect(m.text).toBe('6113728 Fix the parser https://github.com/octo/app/actions/runs/1658821493/attempts/2')
    expect(m.html).toBeUndefined()
  })

  it('escapes every output in the HTML body unless piped through raw', async () => {
    const m = await render(
      { htmlBody: src('html-body', '<p>{{ github.event.title }}</p>{{ "<b>ok</b>" | raw }}') },
      '',
      { title: '<script>alert(1)</script>' }
    )
    expect(m.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><b>ok</b>')
  })

  it('derives the text part from the HTML part when only HTML is given', async () => {
    const m = await render({
      htmlBody: src('html-body', '<h1>Deployed</h1><p>Version <b>{{ github.ref_name }}</b></p>')
    })
    expect(m.text).toContain('DEPLOYED')
    expect(m.text).toContain('Version main')
  })

  it('makes the subject one line whatever the data holds', async () => {
    const m = await render({ subject: src('subject', '{{ github.event.title }}'), body: src('body', 'x') }, '', {
      title: 'Hi\r\nBcc: victim@example.com\u0000\u2028there'
    })
    expect(m.subject).toBe('Hi Bcc: victim@example.com there')
    expect(m.subject).not.toMatch(/[\r\n]/)
  })

  it('rejects a template that does not parse, naming the input', () => {
    expect(() => compileTemplates({ subject: src('subject', '{% if %}') })).toThrow(InputError)
    expect(() => compileTemplates({ body: src('body', '{{ github.sha | no_such_filter }}') })).toThrow(
      /Input 'body': the Liquid template does not parse/
    )
  })

  it('names the file of a file:// template that does not parse', () => {
    expect(() => compileTemplates({ htmlBody: { input: 'html-body', text: '{% for %}', file: 'mail.html' } })).toThrow(
      /Input 'html-body': the Liquid template \(file:\/\/mail.html\) does not parse/
    )
  })

  it('cannot read files through include', async () => {
    await expect(render({ body: src('body', "{% include '/etc/passwd' %}") })).rejects.toThrow(InputError)
  })
})

describe('compiled templates', () => {
  it('mark every missing part for the default message of the context', () => {
    expect(compileTemplates({})).toEqual({ subject: USE_DEFAULT, text: USE_DEFAULT, html: USE_DEFAULT })
    const subjectOnly = compileTemplates({ subject: src('subject', 'Hi') })
    expect(Array.isArray(subjectOnly.subject)).toBe(true)
    expect(subjectOnly.text).toBe(USE_DEFAULT)
    expect(subjectOnly.html).toBe(USE_DEFAULT)
  })

  it('keep a given body without a default HTML part, and a given HTML part without a text template', () => {
    const body = compileTemplates({ body: src('body', 'x') })
    expect(body.subject).toBe(USE_DEFAULT)
    expect(Array.isArray(body.text)).toBe(true)
    expect(body.html).toBeUndefined()
    const html = compileTemplates({ htmlBody: src('html-body', '<p>x</p>') })
    expect(html.text).toBeUndefined()
    expect(Array.isArray(html.html)).toBe(true)
  })

  it('carry the markdown switch', () => {
    expect(compileTemplates({ body: src('body', '# x'), markdown: true }).markdown).toBe(true)
    expect(compileTemplates({ body: src('body', '# x') }).markdown).toBeUndefined()
  })

  it('give a user subject with the default body', async () => {
    const m = await render({ subject: src('subject', 'Build {{ job.status }}') }, 'failure')
    expect(m.subject).toBe('Build failure')
    expect(m.text).toContain('The workflow "CI" failed.')
    expect(m.html).toContain('CI failed on main')
  })
})

describe('vars and run in templates', () => {
  it('reads vars and run information', async () => {
    const run: RunInfo = { ...emptyRunInfo(), available: true, duration: '3m 12s', duration_seconds: 192 }
    const m = await render(
      {
        subject: src('subject', '[{{ vars.environment }}] {{ vars.service.name }}'),
        body: src(
          'body',
          '{{ run.available }} {{ run.duration }} {{ run.duration_seconds | duration }} {{ vars.count | plus: 1 }}'
        )
      },
      'success',
      event,
      { vars: { environment: 'staging', service: { name: 'api' }, count: 2 }, run }
    )
    expect(m.subject).toBe('[staging] api')
    expect(m.text).toBe('true 3m 12s 3m 12s 3')
  })

  it('never throws on hostile shapes in the event, vars or run', async () => {
    const m = await render(
      {
        subject: src(
          'subject',
          '{{ github.event.a }}|{{ vars.b }}|{{ github.event.a | truncate: 5 }}|{{ github.event.c }}'
        ),
        htmlBody: src('html-body', '<p>{{ github.event.a }}{{ vars.b | upcase }}{{ run.jobs }}</p>')
      },
      '',
      { a: { toString: 1, valueOf: 'x' }, c: [[[['deep']]]] },
      { vars: { b: { toString: 'not a function' } }, run: { ...emptyRunInfo(), jobs: [{ toString: 2 }] as never } }
    )
    expect(m.subject).toBe('[object Object]|[object Object]|[o...|deep')
    expect(m.html).toBe('<p>[object Object][OBJECT OBJECT][object Object]</p>')
  })
})

describe('markdown bodies', () => {
  it('render the HTML part from the Markdown, and keep the Markdown source as the text part', async () => {
    const m = await render({
      body: src(
        'body',
        '## Deployed {{ github.ref_name }}\n\n- commit `{{ github.sha | short_sha }}`\n- [run]({{ run_url }})'
      ),
      markdown: true
    })
    expect(m.text).toBe(
      '## Deployed main\n\n- commit `6113728`\n- [run](https://github.com/octo/app/actions/runs/1658821493/attempts/2)'
    )
    expect(m.html).toMatch(/<h2 style="[^"]*">Deployed main<\/h2>/)
    expect(m.html).toMatch(/<code style="[^"]*">6113728<\/code>/)
    expect(m.html).toContain('<a href="https://github.com/octo/app/actions/runs/1658821493/attempts/2"')
    expect(m.html).toMatch(/^<!DOCTYPE html>/)
  })

  it('sanitise event text that lands in the Markdown', async () => {
    const m = await render({ body: src('body', 'Fixed: {{ github.event.head_commit.message }}'), markdown: true }, '', {
      head_commit: {
        message: '<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3))'
      }
    })
    expect(m.text).toContain('<script>alert(1)</script>') // the text part is plain text: nothing runs there
    expect(m.html).not.toMatch(/<script|onerror|javascript:/i)
    expect(m.html).toContain('click')
  })

  it('leave a given HTML body alone', async () => {
    const m = await render({
      body: src('body', '# Title'),
      htmlBody: src('html-body', '<p>mine</p>'),
      markdown: true
    })
    expect(m.text).toBe('# Title')
    expect(m.html).toBe('<p>mine</p>')
  })

  it('render CRLF text as LF text: template, event data and vars alike', async () => {
    const lf = await render(
      {
        subject: src('subject', 'Release {{ vars.name }}'),
        body: src('body', '## Notes\n\n{{ github.event.notes }}\n\n{{ vars.footer }}'),
        markdown: true
      },
      '',
      { notes: '* **api:** one\n* **ui:** two\n\nLast line' },
      { vars: { name: 'v1\n', footer: 'Thanks\nTeam' } }
    )
    const crlf = await render(
      {
        subject: src('subject', 'Release {{ vars.name }}'),
        body: src('body', '## Notes\r\n\r\n{{ github.event.notes }}\r\n\r\n{{ vars.footer }}'),
        markdown: true
      },
      '',
      { notes: '* **api:** one\r\n* **ui:** two\r\n\r\nLast line' },
      { vars: { name: 'v1\r\n', footer: 'Thanks\r\nTeam' } }
    )
    expect(crlf).toEqual(lf)
    expect(lf.text).toBe('## Notes\n\n* **api:** one\n* **ui:** two\n\nLast line\n\nThanks\nTeam')
    expect(lf.html).toMatch(/<li style="[^"]*"><strong>api:<\/strong> one<\/li>/)
  })

  it('split CRLF event text into lines as LF text', async () => {
    const m = await render(
      {
        body: src(
          'body',
          '{% assign lines = github.event.notes | split: "\n" %}{{ lines.size }}:{{ lines | join: "|" }}'
        )
      },
      '',
      { notes: 'a\r\nb\rc' }
    )
    expect(m.text).toBe('3:a|b|c')
  })

  it('are plain text without the switch', async () => {
    const m = await render({ body: src('body', '# Title') })
    expect(m.html).toBeUndefined()
  })
})

describe('filters', () => {
  it('markdown renders sanitised HTML in the HTML part, unescaped once and only once', async () => {
    const m = await render(
      {
        htmlBody: src(
          'html-body',
          '<div>{{ github.event.notes | markdown }}</div><i>{{ github.event.notes | markdown | upcase }}</i>'
        )
      },
      '',
      { notes: '**bold** & <b onclick="x">b</b>' }
    )
    expect(m.html).toBe(
      '<div><p style="margin:0 0 12px;"><strong>bold</strong> &amp; <b>b</b></p></div>' +
        // not the last filter: its output is escaped like any other value
        '<i>&lt;P STYLE=&quot;MARGIN:0 0 12PX;&quot;&gt;&lt;STRONG&gt;BOLD&lt;/STRONG&gt; &amp;AMP; &lt;B&gt;B&lt;/B&gt;&lt;/P&gt;</i>'
    )
  })

  it('markdown leaves subjects and text parts as they are', async () => {
    const m = await render(
      {
        subject: src('subject', '{{ github.event.t | markdown }}'),
        body: src('body', '{{ github.event.t | markdown }}')
      },
      '',
      { t: '**v2** <b>' }
    )
    expect(m.subject).toBe('**v2** <b>')
    expect(m.text).toBe('**v2** <b>')
  })

  it('date takes a time zone (liquidjs built-in)', async () => {
    const m = await render(
      {
        body: src(
          'body',
          "{{ github.event.ts | date: '%Y-%m-%d %H:%M %Z', 'Europe/Berlin' }}|{{ github.event.ts | date: '%-d %b %Y, %H:%M', 'America/New_York' }}|{{ github.event.ts | date: '%H:%M', 'UTC' }}"
        )
      },
      '',
      { ts: '2026-11-27T10:42:17+01:00' }
    )
    expect(m.text).toBe('2026-11-27 10:42 Europe/Berlin|27 Nov 2026, 04:42|09:42')
  })

  it('duration, safe_url, short_sha and first_line take any value', async () => {
    const m = await render(
      {
        body: src(
          'body',
          "{{ 192 | duration }}|{{ '3725' | duration }}|{{ 'x' | duration }}|{{ github.event.u | safe_url }}|{{ github.event.j | safe_url }}|{{ github.event.n | short_sha }}|{{ github.event.a | first_line }}"
        )
      },
      '',
      { u: 'https://example.com/a b', j: 'javascript:alert(1)', n: 1234567890, a: ['x\ny', 'z'] }
    )
    expect(m.text).toBe('3m 12s|1h 2m 5s||https://example.com/a%20b||1234567|x')
  })

  it('are known to every part', () => {
    for (const filter of ['short_sha', 'first_line', 'markdown', 'safe_url', 'duration', 'date: "%Y"']) {
      const template = `{{ x | ${filter} }}`
      expect(() =>
        compileTemplates({
          subject: src('subject', template),
          body: src('body', template),
          htmlBody: src('html-body', template)
        })
      ).not.toThrow()
    }
  })
})

describe('one-line templates of other inputs', () => {
  it('compile and render like the subject, hostile data included', async () => {
    const templates = compileText(src('thread-key', '{{ github.workflow }}-{{ github.event.x }}'))
    const context = buildContext(env, { x: { toString: 1 } }, '')
    expect(await renderText(templates, context, 'subject')).toBe('CI-[object Object]')
    expect(() => compileText(src('subject', '{% if %}'))).toThrow(/Input 'subject': the Liquid template does not parse/)
  })

  it('show the event text the runner filled in as written, and send markup from elsewhere as written', async () => {
    const event = { head_commit: { message: 'fix {{ user.name }} and {% if' } }
    const context = buildContext(env, event, '')
    const filledIn = compileText(src('thread-key', `deploy: ${event.head_commit.message}`), eventTextsWithMarkup(event))
    expect(filledIn.notices.join('\n')).toContain('{{ github.event.head_commit.message }}')
    expect(await renderText(filledIn, context, 'thread-key')).toBe('deploy: fix {{ user.name }} and {% if')
    const warned: string[] = []
    const elsewhere = compileText(src('thread-key', 'tests {{ x | no_such_filter }}'))
    expect(await renderText(elsewhere, context, 'thread-key', (n) => warned.push(n))).toBe(
      'tests {{ x | no_such_filter }}'
    )
    // A filter that does not exist fails the parse: the notice comes with the compiled template.
    expect([...elsewhere.notices, ...warned]).toEqual([expect.stringMatching(/^Input 'thread-key' is sent as written/)])
  })

  it('render one header-safe line, as the subject', async () => {
    const templates = compileText(src('thread-key', '{{ github.event.x }}'))
    const context = buildContext(env, { x: 'deploy\r\nBcc: victim@example.com\u0000 ' }, '')
    expect(await renderText(templates, context, 'thread-key')).toBe('deploy Bcc: victim@example.com')
  })
})
