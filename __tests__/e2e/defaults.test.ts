/**
 * The default messages end to end: dist/index.js run as the runner runs it, with only recipients
 * and the job status, on each kind of event; the message as the SMTP server received it (parsed
 * by mailparser): subject, text part and HTML part.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp } from '../fakes/runner.js'
import { loadRun, startGitHubApi, type GitHubApi } from '../fakes/github-api.js'
import pullRequestEvent from '../fixtures/events/pull_request.json' with { type: 'json' }
import pushEvent from '../fixtures/events/push.json' with { type: 'json' }
import releaseEvent from '../fixtures/events/release.json' with { type: 'json' }
import scheduleEvent from '../fixtures/events/schedule.json' with { type: 'json' }
import dispatchEvent from '../fixtures/events/workflow_dispatch.json' with { type: 'json' }
import { startWorld, type World } from './world.js'

const RUN = 'https://github.com/octo/app/actions/runs/1658821493'
const GITHUB_TOKEN = 'ghs_e2eT0kenF0rTheDefaultsTestXXXXXXXXX'
const TAG_ENV = { GITHUB_REF: 'refs/tags/v2.3.0', GITHUB_REF_NAME: 'v2.3.0', GITHUB_REF_TYPE: 'tag' }
const PR_ENV = {
  GITHUB_REF: 'refs/pull/47/merge',
  GITHUB_REF_NAME: '47/merge',
  GITHUB_HEAD_REF: 'markdown-notes',
  GITHUB_BASE_REF: 'main'
}

let world: World
let api: GitHubApi

beforeAll(async () => {
  world = await startWorld()
  api = await startGitHubApi({ token: GITHUB_TOKEN })
})
beforeEach(() => {
  world.reset()
  api.reset()
})
afterAll(async () => {
  await Promise.all([world?.close(), api?.close()])
  cleanupRunnerTemp()
})

interface Received {
  subject: string
  text: string
  html: string
}

/** Runs the action with the default message and returns what the SMTP server got. */
async function send(
  eventName: string,
  event: object,
  jobStatus: string,
  env: Record<string, string> = {},
  inputs: Record<string, string> = {}
): Promise<Received> {
  const result = await world.run({
    eventName,
    event,
    env,
    inputs: world.inputs({ 'job-status': jobStatus, ...inputs })
  })
  expect(result.code, result.log).toBe(0)
  expect(world.smtp.messages).toHaveLength(1)
  const mail = world.smtp.messages[0]!.parsed
  expect(typeof mail.html, 'an HTML part').toBe('string')
  const received = { subject: mail.subject ?? '', text: mail.text ?? '', html: mail.html as string }
  expectSafeHtml(received.html)
  return received
}

/** Nothing in the HTML part runs or loads anything. */
function expectSafeHtml(html: string): void {
  expect(html).not.toMatch(/<script|<img|<iframe|<style|<link|\son\w+=|javascript:/i)
}

function link(html: string, href: string, text: string): boolean {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].some(
    (m) => m[1]?.replace(/&amp;/g, '&') === href && m[2]?.replace(/<[^>]+>/g, '').trim() === text
  )
}

describe('default messages through the SMTP server', () => {
  it('release: announcement with the notes rendered from Markdown', async () => {
    const m = await send('release', releaseEvent, '', TAG_ENV)
    expect(m.subject).toBe('🚀 octo/app v2.3.0 · Gazelle released')
    expect(m.text).toContain('octo/app v2.3.0 (Gazelle) was released.')
    expect(m.text).toContain('Author:     monalisa')
    expect(m.text).toContain("## What's Changed")
    expect(m.html).toMatch(/<h2 style="[^"]*">What(&#39;|')s Changed<\/h2>/)
    expect(m.html).toMatch(/<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;/)
    expect(link(m.html, 'https://github.com/octo/app/releases/tag/v2.3.0', 'View the release')).toBe(true)
    expect(link(m.html, 'https://github.com/monalisa', '@monalisa')).toBe(true)
  })

  it('push: the pushed commits and the compare link', async () => {
    const m = await send('push', pushEvent, '')
    expect(m.subject).toBe('⬆ 3 commits pushed to main in octo/app by monalisa: Parse Liquid templates once')
    expect(m.text).toContain('  2c5a1f0 Retry the SMTP greeting once on 421 (Hubot)')
    expect(m.text).toContain('Compare:    https://github.com/octo/app/compare/9049f1265b7d...6113728f27ae')
    expect(link(m.html, 'https://github.com/octo/app/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246', '6113728')).toBe(
      true
    )
    expect(link(m.html, 'https://github.com/octo/app/compare/9049f1265b7d...6113728f27ae', 'Compare changes')).toBe(
      true
    )
  })

  it('pull_request: number, title, author, base ← head', async () => {
    const m = await send('pull_request', pullRequestEvent, '', PR_ENV)
    expect(m.subject).toBe('🔀 octo/app PR #47 opened: Render release notes as Markdown')
    expect(m.text).toContain('Branches:   main ← hubot:markdown-notes')
    expect(m.html).toContain('Render release notes as Markdown</h1>')
    expect(link(m.html, 'https://github.com/octo/app/pull/47', 'View pull request #47')).toBe(true)
  })

  it('workflow_dispatch: what ran and its inputs', async () => {
    const m = await send('workflow_dispatch', dispatchEvent, '', { GITHUB_WORKFLOW: 'Deploy' })
    expect(m.subject).toBe('▶ Deploy started by octocat on main in octo/app (#42)')
    expect(m.text).toContain('Inputs\n------\nenvironment: staging\ndry-run: false\nversion: v2.3.0')
    expect(m.html).toMatch(/>environment<\/td><td [^>]*>staging<\/td>/)
    expect(link(m.html, RUN, 'View run #42')).toBe(true)
  })

  it('schedule: what ran and the cron', async () => {
    const m = await send('schedule', scheduleEvent, '', { GITHUB_WORKFLOW: 'Nightly' })
    expect(m.subject).toBe('⏰ Scheduled run of Nightly on main in octo/app (#42)')
    expect(m.text).toContain('Schedule:   30 5 * * 1-5 (cron, UTC)')
    expect(m.html).toContain('>30 5 * * 1-5</span>')
    expect(link(m.html, RUN, 'View run #42')).toBe(true)
  })

  it('any other event: event, repository, ref and run', async () => {
    const m = await send('issues', { action: 'opened', issue: { number: 12, title: 'Mail on failure' } }, '')
    expect(m.subject).toBe('CI ran for issues (opened) on main in octo/app (#42)')
    expect(m.text).toContain('Event:      issues (opened)')
    expect(link(m.html, RUN, 'View run #42')).toBe(true)
  })

  it('failure: what failed, from the GitHub API', async () => {
    const typical = loadRun('run-typical')
    api.setRun(typical.jobs, typical.annotations)
    const m = await send(
      'push',
      pushEvent,
      'failure',
      { GITHUB_API_URL: api.url, GITHUB_JOB: 'notify' },
      {
        'github-token': GITHUB_TOKEN
      }
    )
    expect(m.subject).toBe('❌ Failed: CI on main in octo/app (#42)')
    expect(m.text).toMatch(/^The workflow "CI" failed\.\n\nRepository: octo\/app\n/)
    expect(m.text).toContain('Commit:     8f3c2e1 Parse Liquid templates once')
    expect(m.text).toContain('What failed\n-----------\n')
    expect(m.text).toContain('AssertionError: expected 3 to be 4')
    expect(m.html).toContain('What failed</h2>')
    expect(
      link(
        m.html,
        'https://github.com/octo/app/blob/8f3c2e1d9b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d/src/parse.ts#L42',
        'src/parse.ts:42'
      )
    ).toBe(true)
    expect(link(m.html, RUN, 'View run #42')).toBe(true)
  })

  it('cancelled: on a pull request', async () => {
    const m = await send('pull_request', pullRequestEvent, 'cancelled', PR_ENV)
    expect(m.subject).toBe('⚪ Cancelled: CI on PR #47 in octo/app (#42)')
    expect(m.text).toContain('PR:         #47 (markdown-notes → main)')
    expect(m.html).toContain('CI was cancelled on PR #47</h1>')
  })

  it('success: the status line and the run link', async () => {
    const m = await send('push', pushEvent, 'success')
    expect(m.subject).toBe('✅ Succeeded: CI on main in octo/app (#42)')
    expect(m.text).toContain('The workflow "CI" succeeded.')
    expect(m.html).toContain('CI succeeded on main</h1>')
    expect(link(m.html, RUN, 'View run #42')).toBe(true)
  })

  it('a Markdown body with vars: HTML from the Markdown, the text part keeps the source', async () => {
    const hostile = {
      ...pushEvent,
      head_commit: { ...pushEvent.head_commit, message: '<img src=x onerror=alert(1)> Fix' }
    }
    const m = await send(
      'push',
      hostile,
      'success',
      {},
      {
        subject: 'Deployed to {{ vars.environment }}',
        body: '## {{ vars.environment }}\n\n- commit: {{ github.event.head_commit.message | first_line }}\n- [run]({{ run_url }})',
        markdown: 'true',
        vars: 'environment: staging'
      }
    )
    expect(m.subject).toBe('Deployed to staging')
    expect(m.text.trim()).toBe(`## staging\n\n- commit: <img src=x onerror=alert(1)> Fix\n- [run](${RUN})`)
    expect(m.html).toMatch(/<h2 style="[^"]*">staging<\/h2>/)
    expect(link(m.html, RUN, 'run')).toBe(true)
  })
})
