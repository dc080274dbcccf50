/**
 * "Say what failed", end to end: the failure mail names the failed job, its failed step and its
 * error annotations, read from a local stand-in for the GitHub REST API (GITHUB_API_URL).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startGitHubApi, loadRun, API_ERRORS, type GitHubApi } from '../support/github-api.js'
import { cleanupRunnerTemp } from '../support/runner.js'
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

  it('does not call the API for a success with the default message', async () => {
    const result = await world.run({
      env: { GITHUB_API_URL: api.url },
      inputs: world.inputs({ 'job-status': 'success', 'github-token': GITHUB_TOKEN })
    })
    expect(result.code, result.log).toBe(0)
    expect(api.requests).toHaveLength(0)
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
