/**
 * The default messages (no subject, body or html-body given): which one the event and job status
 * choose, and the facts each one must show in its subject, text part and HTML part.
 */
import { describe, expect, it } from 'vitest'
import { SAMPLE_ENV, SAMPLE_RUN_FAILURE, SAMPLE_RUN_SUCCESS, fixture } from '../fakes/sample-run.js'
import { buildContext, type ContextExtras, type DefaultMessageKind } from '../../src/message/context.js'
import { compileTemplates, defaultMessageKind, renderMessage, type RenderedMessage } from '../../src/message/render.js'

const RUN = 'https://github.com/octo/app/actions/runs/1658821493'
const TAG_ENV = { GITHUB_REF: 'refs/tags/v2.3.0', GITHUB_REF_NAME: 'v2.3.0', GITHUB_REF_TYPE: 'tag' }
const PR_ENV = { GITHUB_REF: 'refs/pull/47/merge', GITHUB_REF_NAME: '47/merge', GITHUB_HEAD_REF: 'markdown-notes' }

async function message(
  eventName: string,
  event: Record<string, unknown>,
  status: string,
  env: Record<string, string> = {},
  extra: ContextExtras = {}
): Promise<Required<RenderedMessage>> {
  const context = buildContext({ ...SAMPLE_ENV, GITHUB_EVENT_NAME: eventName, ...env }, event, status, extra)
  const m = await renderMessage(compileTemplates({}), context)
  expect(m.html, 'every default message has an HTML part').toBeDefined()
  return m as Required<RenderedMessage>
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
  middot: '·',
  mdash: '—'
}

function decode(text: string): string {
  return text.replace(/&(#?\w+);/g, (m, name: string) => ENTITIES[name] ?? m)
}

/** What a reader sees: no head, no hidden preheader, block tags as spaces, entities decoded, spaces collapsed. */
function visible(html: string): string {
  return decode(
    html
      .replace(/<head>[\s\S]*?<\/head>/, '')
      .replace(/<div style="display:none;[\s\S]*?<\/div>/, '')
      .replace(/<\/?(a|strong|b|em|i|span|code|kbd|del|s|sub|sup)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
  )
    .replace(/\s+/g, ' ')
    .trim()
}

/** Every link: its target and its visible text. */
function links(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
    href: decode(m[1] ?? ''),
    text: visible(m[2] ?? '')
  }))
}

function hasLink(html: string, href: string, text?: string | RegExp): boolean {
  return links(html).some(
    (l) => l.href === href && (text === undefined || (typeof text === 'string' ? l.text === text : text.test(l.text)))
  )
}

/** Mail-client friendly: tables and inline styles, nothing the clients drop or block. */
function expectMailFriendly(html: string): void {
  expect(html).toMatch(/^<!DOCTYPE html>/)
  expect(html).not.toMatch(/<style|<script|<link|<img|class=|display:\s*(flex|grid)/i)
  expect(html).toMatch(/<table role="presentation"/)
  expect(html).toContain('bgcolor=')
  // no Liquid left over (code blocks of release notes may well show some)
  expect(html.replace(/<pre[\s\S]*?<\/pre>/g, '')).not.toMatch(/\{\{|\{%/)
}

describe('which default message', () => {
  const ctx = (eventName: string, status: string, event: Record<string, unknown> = {}) =>
    buildContext({ GITHUB_EVENT_NAME: eventName }, event, status)
  it.each<[string, string, Record<string, unknown>, DefaultMessageKind]>([
    ['release', '', { action: 'published' }, 'release'],
    ['release', 'success', { action: 'published' }, 'release'],
    ['release', '', { action: 'prereleased' }, 'release'],
    ['release', '', { action: 'created' }, 'release'],
    ['release', '', { action: 'deleted' }, 'generic'],
    ['release', 'failure', { action: 'published' }, 'failure'],
    ['push', 'failure', {}, 'failure'],
    ['push', ' Failure ', {}, 'failure'],
    ['pull_request', 'cancelled', {}, 'cancelled'],
    ['schedule', 'success', {}, 'success'],
    ['push', '', {}, 'push'],
    ['pull_request', '', {}, 'pull_request'],
    ['pull_request_target', '', {}, 'pull_request'],
    ['workflow_dispatch', '', {}, 'workflow_dispatch'],
    ['schedule', '', {}, 'schedule'],
    ['issues', '', {}, 'generic'],
    ['push', 'skipped', {}, 'push']
  ])('%s with job status %j → %s', (eventName, status, event, kind) => {
    expect(defaultMessageKind(ctx(eventName, status, event))).toBe(kind)
  })
})

describe('release announcement', () => {
  it('shows repository, tag, name, author, the rendered notes and the link', async () => {
    const m = await message('release', fixture('release'), '', TAG_ENV)
    expect(m.subject).toBe('🚀 octo/app v2.3.0 · Gazelle released')

    expect(m.text).toMatch(
      /^octo\/app v2\.3\.0 \(Gazelle\) was released\.\n\nRepository: octo\/app\nTag: {8}v2\.3\.0\n/
    )
    expect(m.text).toContain('Author:     monalisa\n')
    expect(m.text).toContain('Published:  27 Nov 2026, 09:20 UTC\n')
    expect(m.text).toContain('Release:    https://github.com/octo/app/releases/tag/v2.3.0\n')
    // the notes as Markdown source, which reads well as text
    expect(m.text).toContain("Release notes\n-------------\n\n## What's Changed\n")
    expect(m.text).toContain('| `timeout` | 60 | 120 |')
    expect(m.text).toContain(
      '- app-linux-x64.tar.gz: https://github.com/octo/app/releases/download/v2.3.0/app-linux-x64.tar.gz'
    )

    const html = m.html
    expectMailFriendly(html)
    const text = visible(html)
    expect(text).toContain('RELEASE octo/app v2.3.0 Gazelle Published by monalisa on 27 Nov 2026, 09:20 UTC.')
    expect(hasLink(html, 'https://github.com/octo/app/releases/tag/v2.3.0', 'View the release')).toBe(true)
    expect(hasLink(html, 'https://github.com/octo/app/tree/v2.3.0', 'v2.3.0')).toBe(true)
    expect(hasLink(html, 'https://github.com/monalisa', 'monalisa')).toBe(true)
    // release notes rendered: headings, lists, emphasis, code, table, task list, links
    expect(html).toMatch(/<h2 style="[^"]*">What&#39;s Changed<\/h2>/)
    expect(html).toMatch(/<h3 style="[^"]*">Features<\/h3>/)
    expect(html).toMatch(/<li style="[^"]*">Send through Exchange Online with <strong>OAuth 2\.0<\/strong>/)
    expect(html).toMatch(/<code style="[^"]*">421 4\.4\.2<\/code>/)
    expect(html).toMatch(/<th bgcolor="#f6f8fa" style="[^"]*text-align:right;[^"]*">Before<\/th>/)
    expect(html).toMatch(
      /<pre style="[^"]*">- uses: octo\/app@v2\.3\.0\n {2}with:\n {4}job-status: \$\{\{ job\.status \}\}<\/pre>/
    )
    expect(text).toContain('☑ Tested against Exchange Online ☐ Tested against GCC High')
    expect(hasLink(html, 'https://github.com/octo/app/pull/41', 'https://github.com/octo/app/pull/41')).toBe(true)
    expect(hasLink(html, 'https://github.com/monalisa', '@monalisa')).toBe(true)
    expect(hasLink(html, 'https://github.com/octo/app/issues/43', '#43')).toBe(true)
    // a relative link points into the repository at the released commit
    expect(
      hasLink(
        html,
        'https://github.com/octo/app/blob/6113728f27ae82c7b1a177c8d03f9e96e0adf246/docs/setup.md',
        'set-up guide'
      )
    ).toBe(true)
    expect(hasLink(html, 'https://github.com/octo/app/releases/download/v2.3.0/SHA256SUMS', 'SHA256SUMS')).toBe(true)
    expect(text).toContain('app-linux-x64.tar.gz 3.4 MB SHA256SUMS 161 B')
  })

  it('marks a pre-release and a draft', async () => {
    const event = fixture('release')
    const release = event.release as Record<string, unknown>
    const pre = await message(
      'release',
      { ...event, action: 'prereleased', release: { ...release, prerelease: true } },
      '',
      TAG_ENV
    )
    expect(pre.subject).toBe('🧪 Pre-release: octo/app v2.3.0 · Gazelle')
    expect(pre.text).toMatch(/^octo\/app v2\.3\.0 \(Gazelle\) is out as a pre-release\./)
    expect(visible(pre.html)).toContain('PRE-RELEASE octo/app v2.3.0 Gazelle Pre-release published by monalisa')
    const draft = await message(
      'release',
      { ...event, action: 'created', release: { ...release, draft: true } },
      '',
      TAG_ENV
    )
    expect(draft.subject).toBe('📝 Draft release: octo/app v2.3.0 · Gazelle')
    expect(visible(draft.html)).toContain('DRAFT RELEASE')
  })

  it('does without a name and notes', async () => {
    const event = fixture('release')
    const release = { ...(event.release as Record<string, unknown>), name: '', body: null, assets: [] }
    const m = await message('release', { ...event, release }, '', TAG_ENV)
    expect(m.subject).toBe('🚀 octo/app v2.3.0 released')
    expect(m.text).not.toContain('Release notes')
    expect(m.html).not.toContain('Release notes')
    expect(m.html).not.toContain('Assets')
  })
})

describe('job status messages', () => {
  it('failure: status line, where, commit, trigger, run button, and what failed with annotations', async () => {
    const m = await message('push', fixture('push'), 'failure', {}, { run: SAMPLE_RUN_FAILURE })
    expect(m.subject).toBe('❌ Failed: CI on main in octo/app (#42)')
    expect(m.text).toMatch(
      /^The workflow "CI" failed\.\n\nRepository: octo\/app\nWorkflow: {3}CI \(run #42, attempt 1\)\nFailed: {5}test \(ubuntu-latest, node 20\) and lint\nBranch: {5}main\n/
    )
    expect(m.text).toContain('Commit:     6113728 Parse Liquid templates once\n')
    expect(m.text).toContain('Triggered:  monalisa (push)\n')
    expect(m.text).toContain(`Run:        ${RUN}\n`)
    expect(m.text).toContain('What failed\n-----------\n✗ test (ubuntu-latest, node 20) (2m 41s)\n  Step 4: npm test\n')
    expect(m.text).toContain(
      '  error __tests__/render.test.ts:57 render.test.ts > user templates > renders the workflow context\n'
    )
    expect(m.text).toContain(
      "    AssertionError: expected 'Fix the parser' to be 'Fix the parser\\n'\n    - Expected\n"
    )
    expect(m.text).toContain('  … and 3 more annotations\n')
    expect(m.text).toContain(`  ${RUN}/job/31245001\n`)

    const html = m.html
    expectMailFriendly(html)
    const text = visible(html)
    expect(text).toContain('FAILED CI failed on main Jobs test (ubuntu-latest, node 20) and lint failed in run #42.')
    expect(text).toContain(
      'Repository octo/app Workflow CI #42 Failed test (ubuntu-latest, node 20) and lint Branch main Commit 6113728 Parse Liquid templates once Triggered by monalisa via push Run time 3m 12s so far'
    )
    expect(hasLink(html, RUN, 'View run #42')).toBe(true)
    expect(
      hasLink(html, 'https://github.com/octo/app/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246', '6113728')
    ).toBe(true)
    expect(hasLink(html, 'https://github.com/octo/app/tree/main', 'main')).toBe(true)
    // failed job → failed step → annotations, each path:line linked
    expect(text).toContain(
      'What failed test (ubuntu-latest, node 20) · failed after 2m 41s Step 4: npm test Error __tests__/render.test.ts:57'
    )
    expect(hasLink(html, `${RUN}/job/31245001`, 'test (ubuntu-latest, node 20)')).toBe(true)
    expect(
      hasLink(
        html,
        'https://github.com/octo/app/blob/6113728f27ae82c7b1a177c8d03f9e96e0adf246/__tests__/render.test.ts#L57',
        '__tests__/render.test.ts:57'
      )
    ).toBe(true)
    expect(html).toContain('AssertionError: expected &#39;Fix the parser&#39; to be &#39;Fix the parser\\n&#39;<br />')
    expect(text).toContain('Warning src/summary.ts:3')
    expect(text).toContain('and 3 more annotations')
    expect(hasLink(html, `${RUN}/job/31245002`, 'lint')).toBe(true)
    expect(text).toContain('Step 3: npx eslint .')
  })

  it('a last job that reports (needs: + job-status: failure) names the failed jobs, never itself', async () => {
    // GITHUB_JOB is the reporting job; the run says which jobs failed.
    const m = await message('push', fixture('push'), 'failure', { GITHUB_JOB: 'notify' }, { run: SAMPLE_RUN_FAILURE })
    const preheader = /<div style="display:none;[^>]*>([^<]*)<\/div>/.exec(m.html)?.[1]
    expect(preheader).toBe('Jobs test (ubuntu-latest, node 20) and lint failed · Parse Liquid templates once')
    expect(visible(m.html)).toContain('Jobs test (ubuntu-latest, node 20) and lint failed in run #42.')
    expect(m.text).toContain('Failed:     test (ubuntu-latest, node 20) and lint\n')
    for (const part of [m.text, m.html]) expect(part).not.toMatch(/notify/)
  })

  it('names one failed job in the singular, and at most three with how many more', async () => {
    const [first, second] = SAMPLE_RUN_FAILURE.failed_jobs
    const one = await message(
      'push',
      fixture('push'),
      'failure',
      { GITHUB_JOB: 'notify' },
      {
        run: { ...SAMPLE_RUN_FAILURE, failed_jobs: [second!] }
      }
    )
    expect(visible(one.html)).toContain('Job lint failed in run #42.')
    expect(one.text).toContain('Failed:     lint\n')
    const many = [first!, second!, { ...second!, name: 'docs' }, { ...second!, name: 'e2e' }]
    const five = await message(
      'push',
      fixture('push'),
      'failure',
      { GITHUB_JOB: 'notify' },
      {
        run: { ...SAMPLE_RUN_FAILURE, failed_jobs: many, jobs_more: 1 }
      }
    )
    expect(visible(five.html)).toContain('Jobs test (ubuntu-latest, node 20), lint, docs and 2 more failed in run #42.')
    expect(five.text).toContain('Failed:     test (ubuntu-latest, node 20), lint, docs and 2 more\n')
  })

  it('failure without run information names no job as failed, only the job that sends', async () => {
    const m = await message('push', fixture('push'), 'failure', { GITHUB_JOB: 'notify' })
    expect(m.text).toContain('Sent from:  job notify\n')
    expect(m.text).not.toMatch(/^Job:/m)
    expect(visible(m.html)).toContain('CI failed on main Run #42 failed.')
    expect(visible(m.html)).toContain('Sent from notify job')
    expect(/<div style="display:none;[^>]*>([^<]*)<\/div>/.exec(m.html)?.[1]).toBe(
      'Run #42 failed · Parse Liquid templates once'
    )
  })

  it('cancelled: names the cancelled jobs of the run', async () => {
    const cancelled = { ...SAMPLE_RUN_FAILURE.jobs[1]!, name: 'deploy', conclusion: 'cancelled' }
    const run = { ...SAMPLE_RUN_FAILURE, jobs: [...SAMPLE_RUN_FAILURE.jobs, cancelled] }
    const m = await message('push', fixture('push'), 'cancelled', { GITHUB_JOB: 'notify' }, { run })
    expect(visible(m.html)).toContain('Job deploy was cancelled in run #42.')
    expect(m.text).toContain('Cancelled:  deploy\n')
  })

  it('success with the run: how the other jobs ended, not the job that sends', async () => {
    const m = await message('push', fixture('push'), 'success', { GITHUB_JOB: 'notify' }, { run: SAMPLE_RUN_SUCCESS })
    expect(visible(m.html)).toContain('CI succeeded on main 3 jobs succeeded, 1 skipped in run #42. Repository')
    expect(visible(m.html)).not.toContain('Job notify')
    expect(m.text).not.toMatch(/^Job:/m)
    const failed = { ...SAMPLE_RUN_SUCCESS.jobs[0]!, name: 'flaky', conclusion: 'failure' }
    const mixed = await message(
      'push',
      fixture('push'),
      'success',
      {},
      {
        run: { ...SAMPLE_RUN_SUCCESS, jobs: [...SAMPLE_RUN_SUCCESS.jobs, failed] }
      }
    )
    expect(visible(mixed.html)).toContain('3 jobs succeeded, 1 failed, 1 skipped in run #42.')
  })

  it('success without the run names the job that sends (its own status is what is known)', async () => {
    const m = await message('push', fixture('push'), 'success', { GITHUB_JOB: 'notify' })
    expect(visible(m.html)).toContain('Job notify succeeded in run #42.')
    expect(m.text).toContain('Job:        notify\n')
  })

  it('failure without run information still says what, where and links the run', async () => {
    const m = await message('push', fixture('push'), 'failure')
    expect(m.text).not.toContain('What failed')
    expect(m.html).not.toContain('What failed')
    expect(visible(m.html)).not.toContain('Run time')
    expect(hasLink(m.html, RUN, 'View run #42')).toBe(true)
  })

  it('failure: more jobs than listed', async () => {
    const m = await message('push', fixture('push'), 'failure', {}, { run: { ...SAMPLE_RUN_FAILURE, jobs_more: 4 } })
    expect(m.text).toContain(`… and 4 more jobs: ${RUN}\n`)
    expect(visible(m.html)).toContain('and 4 more jobs — see the run')
  })

  it('cancelled on a pull request: the PR, its head commit and title', async () => {
    const m = await message('pull_request', fixture('pull_request'), 'cancelled', PR_ENV, { run: SAMPLE_RUN_FAILURE })
    expect(m.subject).toBe('⚪ Cancelled: CI on PR #47 in octo/app (#42)')
    expect(m.text).toMatch(/^The workflow "CI" was cancelled\./)
    expect(m.text).toContain('PR:         #47 (markdown-notes → main)\n')
    expect(m.text).toContain('Commit:     ec26c3e Render release notes as Markdown\n')
    expect(m.text).toContain('What failed') // the failed jobs of a cancelled run are listed as well
    expect(visible(m.html)).toContain('CANCELLED CI was cancelled on PR #47')
    expect(hasLink(m.html, 'https://github.com/octo/app/pull/47', '#47 (markdown-notes → main)')).toBe(true)
    expect(
      hasLink(m.html, 'https://github.com/octo/app/commit/ec26c3e57ca3a959ca5aad62de7213c562f8c821', 'ec26c3e')
    ).toBe(true)
  })

  it('success: status line and, with run information, the jobs and their durations', async () => {
    const m = await message('push', fixture('push'), 'success', {}, { run: SAMPLE_RUN_SUCCESS })
    expect(m.subject).toBe('✅ Succeeded: CI on main in octo/app (#42)')
    expect(m.text).toMatch(/^The workflow "CI" succeeded\./)
    expect(m.text).toContain('Jobs\n----\n✓ lint (41s)\n✓ test (ubuntu-latest, node 20) (2m 37s)\n')
    expect(m.text).toContain('– e2e\n• notify (this job)')
    expect(m.text).not.toContain('What failed')
    const text = visible(m.html)
    expect(text).toContain('SUCCEEDED CI succeeded on main')
    expect(text).toContain(
      'Jobs ✓ lint 41s ✓ test (ubuntu-latest, node 20) 2m 37s ✓ test (windows-latest, node 20) 4m 5s – e2e • notify (this job)'
    )
    expect(hasLink(m.html, `${RUN}/job/31245101`, 'lint')).toBe(true)
  })

  it('success without run information: no job list', async () => {
    const m = await message('push', fixture('push'), 'success')
    expect(m.text).not.toContain('Jobs')
    expect(visible(m.html)).not.toContain('Jobs')
  })

  it('takes the commit of a workflow_run', async () => {
    const event = {
      action: 'completed',
      workflow_run: {
        head_branch: 'release/2.3',
        head_sha: '0123456789abcdef0123456789abcdef01234567',
        display_title: 'Cut 2.3',
        head_commit: { message: 'Bump version to 2.3.0\n\nSigned-off-by: monalisa' }
      }
    }
    const m = await message('workflow_run', event, 'failure')
    expect(m.subject).toBe('❌ Failed: CI on release/2.3 in octo/app (#42)')
    expect(m.text).toContain('Branch:     release/2.3\n')
    expect(m.text).toContain('Commit:     0123456 Bump version to 2.3.0\n')
  })
})

describe('event messages without a job status', () => {
  it('push: the commits, each linked with its first line and author, and the compare link', async () => {
    const m = await message('push', fixture('push'), '')
    expect(m.subject).toBe('⬆ 3 commits pushed to main in octo/app by monalisa: Parse Liquid templates once')
    expect(m.text).toBe(
      [
        'monalisa pushed 3 commits to main in octo/app.',
        '',
        '  2c5a1f0 Retry the SMTP greeting once on 421 (Hubot)',
        '  a7e9d3c Document the XOAUTH2 set-up for GCC High (Octo Cat)',
        '  6113728 Parse Liquid templates once (Mona Lisa)',
        '',
        'Repository: octo/app',
        'Branch:     main',
        'Compare:    https://github.com/octo/app/compare/9049f1265b7d...6113728f27ae',
        'Workflow:   CI (run #42)',
        `Run:        ${RUN}`,
        ''
      ].join('\n')
    )
    const html = m.html
    expectMailFriendly(html)
    expect(visible(html)).toContain(
      'PUSH 3 new commits on main monalisa pushed to main. 2c5a1f0 Retry the SMTP greeting once on 421 Hubot a7e9d3c Document the XOAUTH2 set-up for GCC High Octo Cat 6113728 Parse Liquid templates once Mona Lisa'
    )
    expect(
      hasLink(html, 'https://github.com/octo/app/commit/2c5a1f07b6e0d4a9c3b8e1f2a7d6c5b4e3f2a1b0', '2c5a1f0')
    ).toBe(true)
    expect(hasLink(html, 'https://github.com/octo/app/compare/9049f1265b7d...6113728f27ae', 'Compare changes')).toBe(
      true
    )
    expect(hasLink(html, 'https://github.com/octo/app/compare/9049f1265b7d...6113728f27ae', '9049f12…6113728')).toBe(
      true
    )
  })

  it('push: ten commits at most, and how many more', async () => {
    const event = fixture('push')
    const [first] = event.commits as Record<string, unknown>[]
    const commits = Array.from({ length: 13 }, (_, i) => ({
      ...first,
      id: `${i}`.padStart(40, 'a'),
      message: `Commit ${i + 1}`
    }))
    const m = await message('push', { ...event, commits }, '')
    expect(m.subject).toMatch(/^⬆ 13 commits pushed to main/)
    expect(m.text).toContain('Commit 10 (Hubot)\n  … and 3 more\n')
    expect(m.text).not.toContain('Commit 11')
    expect(visible(m.html)).toContain('Commit 10 Hubot and 3 more')
    expect(hasLink(m.html, 'https://github.com/octo/app/compare/9049f1265b7d...6113728f27ae', '3 more')).toBe(true)
    expect(visible(m.html)).not.toContain('Commit 11')
  })

  it('push: a new tag, a deleted branch, a force-push', async () => {
    const base = fixture('push')
    const tag = await message(
      'push',
      { ...base, ref: 'refs/tags/v2.3.0', created: true, commits: [], head_commit: null },
      '',
      TAG_ENV
    )
    expect(tag.subject).toBe('🏷 Tag v2.3.0 pushed to octo/app by monalisa')
    expect(tag.text).toMatch(/^monalisa pushed the tag v2\.3\.0 to octo\/app\./)
    const deleted = await message('push', { ...base, deleted: true, commits: [], head_commit: null }, '')
    expect(deleted.subject).toBe('🗑 Branch main deleted in octo/app by monalisa')
    expect(visible(deleted.html)).toContain('DELETED Branch main deleted monalisa deleted the branch main.')
    const forced = await message('push', { ...base, forced: true }, '')
    expect(forced.subject).toMatch(/^⬆ 3 commits force-pushed to main/)
    expect(visible(forced.html)).toContain('FORCE-PUSH')
  })

  it('pull_request: number, title, author, link, base ← head, changes, description', async () => {
    const m = await message('pull_request', fixture('pull_request'), '', PR_ENV)
    expect(m.subject).toBe('🔀 octo/app PR #47 opened: Render release notes as Markdown')
    expect(m.text).toMatch(
      /^Pull request #47 opened: Render release notes as Markdown\n\nRepository: octo\/app\nAuthor: {5}hubot\nBranches: {3}main ← hubot:markdown-notes\n/
    )
    expect(m.text).toContain('Changes:    3 commits, 7 files changed (+212 −38)\n')
    expect(m.text).toContain('Labels:     enhancement\n')
    expect(m.text).toContain('Link:       https://github.com/octo/app/pull/47\n')
    expect(m.text).toContain('- raw HTML is dropped\n')
    const html = m.html
    expectMailFriendly(html)
    const text = visible(html)
    expect(text).toContain(
      'PULL REQUEST #47 · OPENED Render release notes as Markdown hubot wants to merge 3 commits into main from hubot:markdown-notes.'
    )
    expect(text).toContain('Changes 7 files changed · +212 −38 Labels enhancement Reviewers monalisa')
    expect(hasLink(html, 'https://github.com/octo/app/pull/47', 'View pull request #47')).toBe(true)
    expect(hasLink(html, 'https://github.com/octo/app/pull/47', '#47')).toBe(true)
    expect(hasLink(html, 'https://github.com/hubot', 'hubot')).toBe(true)
    expect(hasLink(html, 'https://github.com/octo/app/issues/45', '#45')).toBe(true)
    expect(html).toMatch(/<li style="[^"]*">raw HTML is dropped<\/li>/)
  })

  it('pull_request: merged and closed', async () => {
    const event = fixture('pull_request')
    const pr = event.pull_request as Record<string, unknown>
    const merged = await message(
      'pull_request',
      { ...event, action: 'closed', pull_request: { ...pr, merged: true, merged_by: { login: 'monalisa' } } },
      '',
      PR_ENV
    )
    expect(merged.subject).toBe('🔀 octo/app PR #47 merged: Render release notes as Markdown')
    expect(visible(merged.html)).toContain('monalisa merged 3 commits into main')
    const closed = await message(
      'pull_request',
      { ...event, action: 'closed', pull_request: { ...pr, merged: false } },
      '',
      PR_ENV
    )
    expect(closed.subject).toBe('🔀 octo/app PR #47 closed: Render release notes as Markdown')
  })

  it('workflow_dispatch: what ran, who started it, the inputs, the run link', async () => {
    const m = await message('workflow_dispatch', fixture('workflow_dispatch'), '', { GITHUB_WORKFLOW: 'Deploy' })
    expect(m.subject).toBe('▶ Deploy started by monalisa on main in octo/app (#42)')
    expect(m.text).toContain('Workflow:   Deploy (.github/workflows/deploy.yml)\n')
    expect(m.text).toContain('Inputs\n------\nenvironment: staging\ndry-run: false\nversion: v2.3.0\n')
    const html = m.html
    expectMailFriendly(html)
    expect(visible(html)).toContain('Inputs environment staging dry-run false version v2.3.0')
    expect(hasLink(html, RUN, 'View run #42')).toBe(true)
    const none = await message('workflow_dispatch', { ...fixture('workflow_dispatch'), inputs: null }, '')
    expect(none.text).toContain('Inputs\n------\n(none)')
    expect(visible(none.html)).toContain('Inputs No inputs.')
  })

  it('schedule: what ran, the cron, the run link', async () => {
    const m = await message('schedule', fixture('schedule'), '', { GITHUB_WORKFLOW: 'Nightly' })
    expect(m.subject).toBe('⏰ Scheduled run of Nightly on main in octo/app (#42)')
    expect(m.text).toContain('Schedule:   30 5 * * 1-5 (cron, UTC)\n')
    expect(m.text).toContain('Workflow:   Nightly (.github/workflows/nightly.yml)\n')
    const html = m.html
    expectMailFriendly(html)
    expect(visible(html)).toContain('SCHEDULED RUN Scheduled run of Nightly')
    expect(visible(html)).toContain('Schedule 30 5 * * 1-5 cron, UTC')
    expect(hasLink(html, RUN, 'View run #42')).toBe(true)
  })

  it('anything else: event, repository, ref and run link', async () => {
    const m = await message('issues', { action: 'opened', issue: { number: 12 } }, '')
    expect(m.subject).toBe('CI ran for issues (opened) on main in octo/app (#42)')
    expect(m.text).toContain('Event:      issues (opened)\n')
    expect(m.text).toContain('Branch:     main\n')
    expect(m.text).toContain(`Run:        ${RUN}\n`)
    const html = m.html
    expectMailFriendly(html)
    expect(visible(html)).toContain('ISSUES · OPENED CI ran for issues')
    expect(hasLink(html, RUN, 'View run #42')).toBe(true)
  })
})

describe('every default', () => {
  it('has a hidden preview line, the repository link and the footer with the run', async () => {
    for (const [eventName, name, status, env] of [
      ['release', 'release', '', TAG_ENV],
      ['push', 'push', 'failure', {}],
      ['push', 'push', '', {}],
      ['pull_request', 'pull_request', '', PR_ENV],
      ['workflow_dispatch', 'workflow_dispatch', '', {}],
      ['schedule', 'schedule', '', {}],
      ['issues', 'push', '', {}]
    ] as const) {
      const m = await message(eventName, fixture(name), status, env)
      expect(m.html, eventName).toMatch(/<div style="display:none;[^"]*mso-hide:all;">[^<]+<\/div>/)
      expect(hasLink(m.html, 'https://github.com/octo/app', 'octo/app'), eventName).toBe(true)
      expect(hasLink(m.html, RUN, 'CI #42'), eventName).toBe(true)
      expect(m.text.endsWith('\n') && !m.text.endsWith('\n\n'), eventName).toBe(true)
      expect(m.text, eventName).not.toMatch(/[ \t]$/m)
    }
  })
})
