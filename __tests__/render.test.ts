import { describe, expect, it } from 'vitest'
import { buildContext } from '../src/context.js'
import { InputError } from '../src/errors.js'
import { compileTemplates, renderMessage, toSingleLine } from '../src/render.js'
import type { TemplateSource } from '../src/settings.js'

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

async function render(templates: Parameters<typeof compileTemplates>[0], status = '', payload: object = event) {
  return renderMessage(compileTemplates(templates), buildContext(env, payload as Record<string, unknown>, status))
}

describe('context', () => {
  it('uses the names of the workflow expression context and links the run attempt', () => {
    const ctx = buildContext(env, event, 'failure')
    expect(ctx.github.repository).toBe('octo/app')
    expect(ctx.github.run_attempt).toBe('2')
    expect(ctx.github.event).toBe(event)
    expect(ctx.job.status).toBe('failure')
    expect(ctx.run_url).toBe('https://github.com/octo/app/actions/runs/1658821493/attempts/2')
    expect(ctx.commit_url).toBe('https://github.com/octo/app/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246')
  })

  it('derives ref_name and ref_type when the runner did not set them', () => {
    const ctx = buildContext({ GITHUB_REF: 'refs/tags/v1.2.0' }, {}, '')
    expect(ctx.github.ref_name).toBe('v1.2.0')
    expect(ctx.github.ref_type).toBe('tag')
  })
})

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
    expect(() => compileTemplates({ body: src('body', '{{ x | no_such_filter }}') })).toThrow(
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

describe('default message', () => {
  it.each([
    ['failure', '❌ Failed: CI on main in octo/app (#42)', 'The workflow "CI" failed.'],
    ['success', '✅ Succeeded: CI on main in octo/app (#42)', 'The workflow "CI" succeeded.'],
    ['cancelled', '⚪ Cancelled: CI on main in octo/app (#42)', 'The workflow "CI" was cancelled.'],
    ['', 'CI ran on main in octo/app (#42)', 'The workflow "CI" ran (push).']
  ])('for job status %j says what happened, where, and links the run', async (status, subject, headline) => {
    const m = await render({}, status)
    expect(m.subject).toBe(subject)
    expect(m.text.startsWith(`${headline}\n\nRepository: octo/app\n`)).toBe(true)
    expect(m.text).toContain('Commit:     6113728 Fix the parser\n')
    expect(m.text).toContain('Run:        https://github.com/octo/app/actions/runs/1658821493/attempts/2')
    expect(m.html).toContain('href="https://github.com/octo/app/actions/runs/1658821493/attempts/2"')
    expect(m.html).toContain('View run #42')
  })

  it('announces a release', async () => {
    const m = await render({}, '', {
      release: { tag_name: 'v2.3.0', name: 'Gazelle', html_url: 'https://github.com/octo/app/releases/tag/v2.3.0' }
    })
    // event_name comes from the environment; the release branch needs it
    expect(m.subject).toContain('CI ran')
    const release = await renderMessage(
      compileTemplates({}),
      buildContext(
        {
          ...env,
          GITHUB_EVENT_NAME: 'release',
          GITHUB_REF: 'refs/tags/v2.3.0',
          GITHUB_REF_NAME: 'v2.3.0',
          GITHUB_REF_TYPE: 'tag'
        },
        {
          release: { tag_name: 'v2.3.0', name: 'Gazelle', html_url: 'https://github.com/octo/app/releases/tag/v2.3.0' }
        },
        ''
      )
    )
    expect(release.subject).toBe('🚀 octo/app v2.3.0 · Gazelle released')
    expect(release.text).toContain('Tag:        v2.3.0')
    expect(release.html).toContain('href="https://github.com/octo/app/releases/tag/v2.3.0"')
  })

  it('escapes hostile commit messages in the default HTML', async () => {
    const m = await render({}, 'failure', { head_commit: { message: '<img src=x onerror=alert(1)>' } })
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(m.html).not.toContain('<img')
  })
})

describe('toSingleLine', () => {
  it('cuts very long subjects', () => {
    const line = toSingleLine('x'.repeat(1000))
    expect(line.length).toBeLessThanOrEqual(250)
    expect(line.endsWith('…')).toBe(true)
  })
})
