/**
 * The gallery (scripts/gallery.ts) shows what the action sends: each picture's message comes
 * from dist/index.js itself, run as the runner runs it, reading the run from the GitHub API
 * stand-in. These tests check that path without Chromium: the messages the pictures are made of.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GALLERY, asOfNow, renderCase, type GalleryMessage } from '../../scripts/gallery.js'
import { loadRun, startGitHubApi, type GitHubApi } from '../fakes/github-api.js'
import { cleanupRunnerTemp } from '../fakes/runner.js'

let api: GitHubApi
const messages = new Map<string, GalleryMessage>()

/** What a reader sees of the HTML part: no head, no hidden preheader, no tags, spaces collapsed. */
function visible(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<div style="display:none;[\s\S]*?<\/div>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&middot;/g, '·')
    .replace(/\s+/g, ' ')
    .trim()
}

beforeAll(async () => {
  api = await startGitHubApi({ token: 'ghs_galleryG4lleryG4lleryG4lleryG4llery0' })
  // One after the other, as `npm run gallery` does (the stand-in serves one run at a time).
  for (const c of GALLERY) messages.set(c.name, await renderCase(c, api))
}, 240_000)
afterAll(async () => {
  await api?.close()
  cleanupRunnerTemp()
})

describe('the gallery is what the action renders', () => {
  it('has one complete message per case, with an HTML part', () => {
    expect([...messages.keys()]).toEqual(GALLERY.map((c) => c.name))
    for (const [name, m] of messages) {
      expect(m.subject, name).not.toBe('')
      expect(m.html, name).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>$/)
      expect(m.text, name).not.toBe('')
    }
  })

  it('failure: the run read from the API names the failed job, its step and annotations', () => {
    const m = messages.get('failure')!
    expect(m.apiRequests).toEqual(['jobs', 'annotations'])
    const text = visible(m.html)
    expect(text).toContain('CI failed on main Job test failed in run #42.')
    expect(text).toContain('What failed test · failed after 2m 11s Step 5: Run npm test')
    expect(text).toContain('AssertionError: expected 3 to be 4')
    // the job that reports (key notify, "Mail the team") is not presented as failed
    expect(m.text).not.toMatch(/notify|Mail the team/)
  })

  it('success: every job with its duration, from one request', () => {
    const m = messages.get('success')!
    expect(m.apiRequests).toEqual(['jobs'])
    expect(m.text).toContain(
      'Jobs\n----\n✓ lint (48s)\n✓ test (ubuntu-latest, 24) (2m 11s)\n✓ test (windows-latest, 24) (3m 40s)\n– docs\n• Mail the team (this job)'
    )
    expect(visible(m.html)).toContain('3 jobs succeeded, 1 skipped in run #42.')
  })

  it('the run is under way while the action runs: "so far" is the run’s span, not the fixture’s age', () => {
    for (const name of ['failure', 'success', 'cancelled']) {
      const runTime = /Run time: {3}(.*) so far/.exec(messages.get(name)!.text)?.[1]
      expect(runTime, name).toMatch(/^\d+m \d+s$/)
    }
  })

  it('cancelled: names the cancelled job', () => {
    const m = messages.get('cancelled')!
    expect(visible(m.html)).toContain('CI was cancelled on PR #47 Job test was cancelled in run #42.')
  })

  it('the event messages do not read the run', () => {
    for (const name of ['release', 'push', 'pull-request', 'workflow-dispatch', 'schedule', 'generic']) {
      expect(messages.get(name)!.apiRequests, name).toEqual([])
    }
  })
})

describe('asOfNow', () => {
  it('moves every timestamp by the same amount, the latest to a few seconds before now', () => {
    const jobs = loadRun('run-typical').jobs
    const now = Date.parse('2027-03-01T12:00:00Z')
    const moved = asOfNow(jobs, now)
    const mail = moved.find((j) => j.name === 'Mail the team')!
    // its running step started last (09:42:22, 2 s after the job): now less 5 s
    expect(mail.started_at).toBe('2027-03-01T11:59:53Z')
    const lint = moved.find((j) => j.name === 'lint')!
    expect(Date.parse(lint.completed_at!) - Date.parse(lint.started_at!)).toBe(48_000)
    expect(moved[1]!.steps![4]).toMatchObject({ name: 'Run npm test', conclusion: 'failure' })
    const stepStart = (job: (typeof jobs)[number]): number =>
      Date.parse((job.steps![4] as unknown as { started_at: string }).started_at)
    expect(stepStart(moved[1]!) - stepStart(jobs[1]!)).toBe(now - 5000 - Date.parse('2025-11-20T09:42:22Z'))
  })
})
