/**
 * "Say what failed", end to end: the failure mail names the failed job, its failed step and its
 * error annotations, read from a local stand-in for the GitHub REST API (GITHUB_API_URL).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startGitHubApi, loadRun, API_ERRORS, type FixtureJob, type GitHubApi } from '../fakes/github-api.js'
import { cleanupRunnerTemp, type ActionResult } from '../fakes/runner.js'
import { startWorld, withoutMasks, type World } from './world.js'

const GITHUB_TOKEN = 'ghs_e2eT0kenF0rTheRunInfoTestXXXXXXXXXX'
const SHA = '8f3c2e1d9b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d'

let world: World
let api: GitHubApi

beforeAll(async () => {
  world = await startWorld()
  api = await startGitHubApi({ token: GITHUB_TOKEN })
})
beforeEach(() => {
  world.reset()
  api.reset()
  const typical = loadRun('run-typical')
  api.setRun(typical.jobs, typical.annotations)
})
afterAll(async () => {
  await Promise.all([world?.close(), api?.close()])
  cleanupRunnerTemp()
})

function failureRun(token = GITHUB_TOKEN) {
  return world.run({
    eventName: 'push',
    env: { GITHUB_API_URL: api.url, GITHUB_SHA: SHA, RUNNER_NAME: 'GitHub Actions 2', GITHUB_JOB: 'notify' },
    inputs: world.inputs({ 'job-status': 'failure', 'github-token': token })
  })
}

describe('the failure mail says what failed', () => {
  it('names the failed job, its failed step and the annotation with a path:line link', async () => {
    const result = await failureRun()
    expect(result.code, result.log).toBe(0)
    const mail = world.smtp.messages[0]!.parsed
    for (const part of [mail.text ?? '', mail.html as string]) {
      expect(part).toContain('test')
      expect(part).toContain('Run npm test')
      expect(part).toContain('AssertionError: expected 3 to be 4')
      expect(part).toContain('src/parse.ts:42')
    }
    expect(mail.html).toContain(`https://github.com/octo/app/blob/${SHA}/src/parse.ts#L42`)
    // the job this step runs in is not reported as failed
    expect(mail.text).not.toMatch(/Mail the team.*fail/i)
    // jobs and annotations: two requests, with the token
    expect(api.requests.map((r) => r.route)).toEqual(['jobs', 'annotations'])
    expect(api.requests[0]!.authorization).toMatch(new RegExp(`${GITHUB_TOKEN}$`))
    expect(withoutMasks(result.log)).not.toContain(GITHUB_TOKEN)
  })

  it('with a refused token: warns which permission to grant, and still delivers without the section', async () => {
    api.fault('jobs', API_ERRORS.notAccessibleJobs)
    const result = await failureRun()
    expect(result.code, result.log).toBe(0)
    expect(result.stdout).toMatch(/::warning::.*actions: read/)
    expect(result.stdout).toContain("The message is sent without the run's jobs.")
    const mail = world.smtp.messages[0]!.parsed
    expect(mail.subject).toContain('Failed')
    expect(mail.text).not.toContain('AssertionError')
    expect(withoutMasks(result.log)).not.toContain(GITHUB_TOKEN)
  })

  it('with a wrong token: warns about github-token and delivers', async () => {
    const result = await failureRun('ghs_wrong')
    expect(result.code, result.log).toBe(0)
    expect(result.stdout).toMatch(/::warning::.*github-token/)
    expect(world.smtp.messages).toHaveLength(1)
  })

  it('in a dry run, a refused token warns about the message shown, not about one sent', async () => {
    api.fault('jobs', API_ERRORS.notAccessibleJobs)
    const result = await world.run({
      env: { GITHUB_API_URL: api.url, GITHUB_SHA: SHA },
      inputs: world.inputs({ 'job-status': 'failure', 'github-token': GITHUB_TOKEN, 'dry-run': 'true' })
    })
    expect(result.code, result.log).toBe(0)
    expect(result.stdout).toMatch(/::warning::.*actions: read/)
    expect(result.stdout).toContain("The dry run's message is rendered without the run's jobs.")
    expect(result.stdout).not.toContain('The message is sent without')
  })

  it('shows the section in a dry run too, without token or SMTP', async () => {
    const result = await world.run({
      env: { GITHUB_API_URL: api.url, GITHUB_SHA: SHA },
      inputs: world.inputs({ 'job-status': 'failure', 'github-token': GITHUB_TOKEN, 'dry-run': 'true' })
    })
    expect(result.code, result.log).toBe(0)
    expect(result.stdout).toContain('AssertionError: expected 3 to be 4')
    expect(world.endpoint.requests).toHaveLength(0)
    expect(world.smtp.sessions).toBe(0)
  })
})

/** The hidden first line of the HTML part (what a mail client shows beside the subject). */
function preheader(html: string): string {
  return /<div style="display:none;[^>]*>([^<]*)<\/div>/.exec(html)?.[1] ?? ''
}

/** The intro under the headline, as a reader sees it. */
function intro(html: string): string {
  const p = /<\/h1>\s*<p[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? ''
  return p
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function delivered(result: ActionResult) {
  expect(result.code, result.log).toBe(0)
  expect(world.smtp.messages).toHaveLength(1)
  return world.smtp.messages[0]!.parsed
}

describe('the run is read whenever the default body shows it', () => {
  it('a custom subject with job-status failure keeps "What failed" (jobs, step, annotations)', async () => {
    const result = await world.run({
      eventName: 'push',
      env: { GITHUB_API_URL: api.url, GITHUB_SHA: SHA, RUNNER_NAME: 'GitHub Actions 2', GITHUB_JOB: 'notify' },
      inputs: world.inputs({
        'job-status': 'failure',
        'github-token': GITHUB_TOKEN,
        subject: 'Build broken on {{ github.ref_name }}'
      })
    })
    const mail = delivered(result)
    expect(mail.subject).toBe('Build broken on main')
    for (const part of [mail.text ?? '', mail.html as string]) {
      expect(part).toContain('What failed')
      expect(part).toContain('Run npm test')
      expect(part).toContain('AssertionError: expected 3 to be 4')
      expect(part).toContain('src/parse.ts:42')
    }
    expect(api.requests.map((r) => r.route)).toEqual(['jobs', 'annotations'])
  })

  it('a custom subject with job-status cancelled reads the run too', async () => {
    const result = await world.run({
      eventName: 'push',
      env: { GITHUB_API_URL: api.url, GITHUB_SHA: SHA, RUNNER_NAME: 'GitHub Actions 2', GITHUB_JOB: 'notify' },
      inputs: world.inputs({ 'job-status': 'cancelled', 'github-token': GITHUB_TOKEN, subject: 'Stopped' })
    })
    const mail = delivered(result)
    expect(mail.text).toContain('What failed')
    expect(api.requests[0]?.route).toBe('jobs')
  })

  it('a custom body without run. does not read the run', async () => {
    const result = await world.run({
      eventName: 'push',
      env: { GITHUB_API_URL: api.url },
      inputs: world.inputs({ 'job-status': 'failure', 'github-token': GITHUB_TOKEN, body: 'It broke.' })
    })
    expect(delivered(result).text?.trim()).toBe('It broke.')
    expect(api.requests).toHaveLength(0)
  })
})

describe('a final notify job (needs: + job-status: failure) names the jobs that failed', () => {
  it('in the intro, the preheader and the facts: the failed job, never the job that reports', async () => {
    // run-typical: "lint" succeeded, "test" failed, "Mail the team" (key notify) is the job sending.
    const result = await failureRun()
    const mail = delivered(result)
    const html = mail.html as string
    expect(intro(html)).toBe('Job test failed in run #42.')
    expect(preheader(html)).toBe('Job test failed')
    expect(html).toMatch(/>Failed<\/td><td[^>]*>test<\/td>/)
    expect(mail.text).toContain('\nFailed:     test\n')
    for (const part of [mail.text ?? '', html]) {
      expect(part).not.toMatch(/\bnotify\b/)
      expect(part).not.toContain('Mail the team')
    }
  })

  it('several failed jobs are all named', async () => {
    const several = loadRun('run-several-failed')
    api.setRun(several.jobs, several.annotations)
    // The reporting job of this fixture is "build" on runner GitHub Actions 2; its own step failed too.
    const result = await world.run({
      eventName: 'push',
      env: { GITHUB_API_URL: api.url, GITHUB_SHA: SHA, RUNNER_NAME: 'GitHub Actions 2', GITHUB_JOB: 'build' },
      inputs: world.inputs({ 'job-status': 'failure', 'github-token': GITHUB_TOKEN })
    })
    const mail = delivered(result)
    expect(intro(mail.html as string)).toBe(
      'Jobs test (ubuntu-latest, 20), test (windows-latest, 20), docs and 2 more failed in run #42.'
    )
    expect(mail.text).toContain('Failed:     test (ubuntu-latest, 20), test (windows-latest, 20), docs and 2 more\n')
  })

  it('without the run (no actions: read), no job is named as failed: the sending job is named as sender', async () => {
    api.fault('jobs', API_ERRORS.notAccessibleJobs)
    const mail = delivered(await failureRun())
    const html = mail.html as string
    expect(intro(html)).toBe('Run #42 failed.')
    expect(preheader(html)).toBe('Run #42 failed')
    expect(mail.text).toContain('\nSent from:  job notify\n')
    expect(mail.text).not.toMatch(/Job:\s+notify|notify failed/)
  })
})

describe("the success message lists the run's jobs with their durations", () => {
  const succeeded = (): FixtureJob[] =>
    loadRun('run-typical').jobs.map((job) =>
      job.name === 'test'
        ? {
            ...job,
            conclusion: 'success',
            steps: job.steps?.map((s) => ({ ...s, conclusion: s.conclusion === 'failure' ? 'success' : s.conclusion }))
          }
        : job
    )

  it('reads the jobs in one request (no annotations) and lists each with its duration', async () => {
    api.setRun(succeeded())
    const result = await world.run({
      eventName: 'push',
      env: { GITHUB_API_URL: api.url, GITHUB_SHA: SHA, RUNNER_NAME: 'GitHub Actions 2', GITHUB_JOB: 'notify' },
      inputs: world.inputs({ 'job-status': 'success', 'github-token': GITHUB_TOKEN })
    })
    const mail = delivered(result)
    expect(api.requests.map((r) => r.route)).toEqual(['jobs'])
    expect(intro(mail.html as string)).toBe('2 jobs succeeded in run #42.')
    // lint ran 09:40:00–09:40:48, test 09:40:00–09:42:11 (run-typical.jobs.json)
    expect(mail.text).toContain('Jobs\n----\n✓ lint (48s)\n✓ test (2m 11s)\n• Mail the team (this job)')
    const html = (mail.html as string).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    expect(html).toContain('Jobs ✓ lint 48s ✓ test 2m 11s • Mail the team (this job)')
  })

  it('also when a job failed: the success message still costs one request', async () => {
    const result = await world.run({
      eventName: 'push',
      env: { GITHUB_API_URL: api.url, GITHUB_SHA: SHA, RUNNER_NAME: 'GitHub Actions 2', GITHUB_JOB: 'notify' },
      inputs: world.inputs({ 'job-status': 'success', 'github-token': GITHUB_TOKEN })
    })
    const mail = delivered(result)
    expect(mail.text).toContain('✗ test (2m 11s)')
    expect(intro(mail.html as string)).toBe('1 job succeeded, 1 failed in run #42.')
    expect(api.requests.map((r) => r.route)).toEqual(['jobs'])
  })

  it('never blocks: an API that does not answer costs a warning, not the message', async () => {
    api.fault('jobs', { hang: true })
    const result = await world.run({
      eventName: 'push',
      env: { GITHUB_API_URL: api.url },
      inputs: world.inputs({ 'job-status': 'success', 'github-token': GITHUB_TOKEN, 'timeout-seconds': '8' }),
      timeoutMs: 60_000
    })
    const mail = delivered(result)
    expect(result.stdout).toMatch(
      /::warning::Could not read this run's jobs: the GitHub API .* did not answer within 2 s/
    )
    expect(mail.text).toContain('The workflow "CI" succeeded.')
    expect(mail.text).not.toContain('Jobs\n----')
  })

  it('a release announcement (job-status success on a release) does not read the run', async () => {
    const result = await world.run({
      eventName: 'release',
      event: {
        action: 'published',
        release: { tag_name: 'v1.2.0', name: 'v1.2.0', html_url: 'https://github.com/octo/app/releases/tag/v1.2.0' }
      },
      env: {
        GITHUB_API_URL: api.url,
        GITHUB_REF: 'refs/tags/v1.2.0',
        GITHUB_REF_NAME: 'v1.2.0',
        GITHUB_REF_TYPE: 'tag'
      },
      inputs: world.inputs({ 'job-status': 'success', 'github-token': GITHUB_TOKEN })
    })
    expect(delivered(result).subject).toContain('v1.2.0')
    expect(api.requests).toHaveLength(0)
  })
})
