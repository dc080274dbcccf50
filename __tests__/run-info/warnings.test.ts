import { describe, expect, it } from 'vitest'
import { fetchRunInfo } from '../../src/run-info/fetch.js'
import { emptyRunInfo } from '../../src/run-info/types.js'
import { API_ERRORS, startGitHubApi, type GitHubApi } from '../fakes/github-api.js'
import { TOKEN, useLocalGitHubApi } from './local-api.js'

describe('never blocks delivery: each failure is a warning naming the fix, never the token', () => {
  let api: GitHubApi
  const { request, expectNoToken } = useLocalGitHubApi((started) => (api = started))

  it('401: names github-token', async () => {
    const result = await fetchRunInfo(request({ token: 'ghs_notTheRightToken000000000000000000' }))
    expect(result).toMatchObject({ ok: false, problem: 'token', run: emptyRunInfo() })
    expect(result.ok ? '' : result.warning).toMatch(/github-token/)
    expect(result.ok ? '' : result.warning).toContain('401')
    expect(JSON.stringify(result)).not.toContain('ghs_notTheRightToken')
    expect(api.requests).toHaveLength(1)
  })

  it('403 on jobs: the permissions block with actions: read (and checks: read)', async () => {
    api.fault('jobs', API_ERRORS.notAccessibleJobs)
    const result = await fetchRunInfo(request())
    expect(result).toMatchObject({ ok: false, problem: 'permission' })
    const warning = result.ok ? '' : result.warning
    expect(warning).toContain('Resource not accessible by integration')
    expect(warning).toContain('permissions:\n  actions: read')
    expect(warning).toContain('checks: read')
    expect(warning).toContain('github-token')
    expectNoToken(result)
  })

  it('403 for a fine-grained personal access token: the repository permissions to grant', async () => {
    api.fault('jobs', API_ERRORS.notAccessiblePat)
    const result = await fetchRunInfo(request())
    expect(result).toMatchObject({ ok: false, problem: 'permission' })
    expect(result.ok ? '' : result.warning).toContain('"Actions: Read-only" and "Checks: Read-only"')
  })

  it('403 for SAML single sign-on: authorize the token', async () => {
    api.fault('jobs', API_ERRORS.samlEnforced)
    const result = await fetchRunInfo(request())
    expect(result.ok ? '' : result.warning).toContain('SAML single sign-on')
  })

  it('403 on annotations only: keeps the jobs, warns with checks: read', async () => {
    api.fault('annotations', API_ERRORS.notAccessibleAnnotations)
    const result = await fetchRunInfo(request())
    expect(result).toMatchObject({ ok: true, problem: 'permission' })
    if (!result.ok) return
    expect(result.run.available).toBe(true)
    expect(result.run.failed_jobs).toHaveLength(5)
    expect(result.run.failed_jobs.every((j) => j.annotations.length === 0 && j.failed_step)).toBe(true)
    expect(result.warning).toContain('permissions:\n  checks: read')
    expect(result.warning).not.toContain('actions: read')
    expect(result.warning).toContain('5 failed jobs')
    expectNoToken(result)
  })

  it('one annotations request failing keeps the others', async () => {
    api.fault('annotations', API_ERRORS.serverError, { checkRunId: 4518437003 })
    const result = await fetchRunInfo(request())
    expect(result).toMatchObject({ ok: true, problem: 'server' })
    expect(result.run.failed_jobs.map((j) => j.annotations.length)).toEqual([5, 0, 0, 1, 1])
    expect(result.ok && result.warning).toContain('one failed job')
  })

  it('404: the token cannot see the repository (or the run does not exist)', async () => {
    const result = await fetchRunInfo(request({ runId: 42 }))
    expect(result).toMatchObject({ ok: false, problem: 'not-found' })
    const warning = result.ok ? '' : result.warning
    expect(warning).toContain('404')
    expect(warning).toContain('github-token')
    expect(warning).toContain('"Actions: Read-only"')
    expectNoToken(result)
  })

  it('rate limit (403 with x-ratelimit-remaining: 0): says when it resets', async () => {
    const reset = Math.floor(Date.UTC(2025, 10, 20, 10, 17) / 1000)
    api.fault('jobs', {
      ...API_ERRORS.rateLimited,
      headers: { ...API_ERRORS.rateLimited.headers, 'x-ratelimit-reset': String(reset) }
    })
    const result = await fetchRunInfo(request())
    expect(result).toMatchObject({ ok: false, problem: 'rate-limit' })
    expect(result.ok ? '' : result.warning).toContain('rate limit')
    expect(result.ok ? '' : result.warning).toContain('10:17 UTC')
    expect(result.ok ? '' : result.warning).toContain('github-token')
  })

  it('secondary rate limit (429, retry-after)', async () => {
    api.fault('jobs', API_ERRORS.secondaryRateLimit)
    const result = await fetchRunInfo(request())
    expect(result).toMatchObject({ ok: false, problem: 'rate-limit' })
    expect(result.ok ? '' : result.warning).toContain('Retry after 60 s')
  })

  it('5xx', async () => {
    api.fault('jobs', API_ERRORS.serverError)
    const result = await fetchRunInfo(request())
    expect(result).toMatchObject({ ok: false, problem: 'server' })
    expect(result.ok ? '' : result.warning).toContain('502')
  })

  it('connection reset, and nothing listening', async () => {
    api.fault('jobs', { destroy: true })
    const reset = await fetchRunInfo(request())
    expect(reset).toMatchObject({ ok: false, problem: 'network' })
    expect(reset.ok ? '' : reset.warning).toContain(api.url)

    const closed = await startGitHubApi({ token: TOKEN })
    const url = closed.url
    await closed.close()
    const refused = await fetchRunInfo(request({ apiUrl: url }))
    expect(refused).toMatchObject({ ok: false, problem: 'network' })
    expect(refused.ok ? '' : refused.warning).toContain('ECONNREFUSED')
    expectNoToken(refused)
  })

  it('a server echoing the token does not get it into the warning', async () => {
    api.fault('jobs', { status: 400, body: { message: `Bad header: token ${TOKEN}` } })
    const result = await fetchRunInfo(request())
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.warning).toContain('Bad header: token ***')
    expectNoToken(result)
  })

  it('no token, no run: no request at all', async () => {
    const noToken = await fetchRunInfo(request({ token: '' }))
    expect(noToken).toMatchObject({ ok: false, problem: 'input' })
    expect(noToken.ok ? '' : noToken.warning).toContain('github-token')
    const noRun = await fetchRunInfo(request({ runId: Number.NaN }))
    expect(noRun).toMatchObject({ ok: false, problem: 'input' })
    expect(api.requests).toHaveLength(0)
  })
})
