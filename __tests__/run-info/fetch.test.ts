import { describe, expect, it } from 'vitest'
import { fetchRunInfo } from '../../src/run-info/fetch.js'
import { loadRun, type GitHubApi } from '../fakes/github-api.js'
import { RUN_ID, SHA, TOKEN, useLocalGitHubApi } from './local-api.js'

describe('fetchRunInfo against a local GitHub API', () => {
  let api: GitHubApi
  const { request, expectNoToken } = useLocalGitHubApi((started) => (api = started))

  it('reads several failed jobs with failed steps and annotations', async () => {
    const result = await fetchRunInfo(request())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warning).toBeUndefined()
    expect(result.run.failed_jobs.map((j) => [j.name, j.failed_step?.name, j.annotations.length])).toEqual([
      ['test (ubuntu-latest, 20)', 'Run npm test', 5],
      ['test (windows-latest, 20)', 'Run npm test', 2],
      ['docs', 'Build docs', 0],
      ['e2e', 'Run e2e tests', 1],
      ['build', 'Run npm run build', 1]
    ])
    expect(result.run.failed_jobs[0]!.annotations[0]!.url).toBe(
      `https://github.com/octo/app/blob/${SHA}/src/parse.ts#L42`
    )
    expect(result.run.failed_jobs[4]).toMatchObject({ current: true })
    expect(result.run.failed_jobs[4]!.annotations[0]).toMatchObject({
      path: 'src/main.ts',
      line: 12,
      url: `https://github.com/octo/app/blob/${SHA}/src/main.ts#L12`
    })

    // One page of jobs, then one annotations request per failed job; none for the cancelled one.
    expect(api.requests.map((r) => `${r.route} ${r.path}`)).toEqual([
      `jobs /repos/octo/app/actions/runs/${RUN_ID}/attempts/1/jobs`,
      ...[4518437002, 4518437003, 4518437005, 4518437006, 4518437007].map(
        (id) => `annotations /repos/octo/app/check-runs/${id}/annotations`
      )
    ])
    expect(result.requests).toHaveLength(6)
    expect(api.requests[0]!.query).toEqual({ per_page: '100' })
    for (const r of api.requests) {
      expect(r.method).toBe('GET')
      expect(r.authorization).toBe(`token ${TOKEN}`)
      expect(r.userAgent).toContain('exchange-online-mail-action')
    }
    expectNoToken(result)
  })

  it('needs at most 3 requests for a typical run (one failed job, notification in its own job)', async () => {
    const typical = loadRun('run-typical')
    api.setRun(typical.jobs, typical.annotations)
    const result = await fetchRunInfo(request({ currentJob: 'notify' }))
    expect(result.ok).toBe(true)
    expect(result.run.failed_jobs.map((j) => [j.name, j.failed_step?.name, j.annotations.length])).toEqual([
      ['test', 'Run npm test', 2]
    ])
    expect(result.run.jobs.find((j) => j.current)?.name).toBe('Mail the team')
    expect(api.requests.length).toBeLessThanOrEqual(3)
    expect(api.requests).toHaveLength(2)
  })

  it('reports the failed step of the current job (if: failure() at the end of the failing job) in 2 requests', async () => {
    const several = loadRun('run-several-failed')
    api.setRun(
      several.jobs.filter((j) => j.name === 'build'),
      several.annotations
    )
    const result = await fetchRunInfo(request())
    expect(result.ok).toBe(true)
    expect(result.run.failed_jobs).toHaveLength(1)
    expect(result.run.failed_jobs[0]).toMatchObject({
      name: 'build',
      current: true,
      status: 'in_progress',
      failed_step: { name: 'Run npm run build', number: 5 }
    })
    expect(result.run.failed_jobs[0]!.annotations.map((a) => a.message)).toEqual([
      "Type 'string' is not assignable to type 'number'."
    ])
    expect(api.requests).toHaveLength(2)
  })

  it('lists a cancelled job without asking for its annotations', async () => {
    const result = await fetchRunInfo(request())
    const macos = result.run.jobs.find((j) => j.name === 'test (macos-latest, 20)')
    expect(macos).toMatchObject({ conclusion: 'cancelled', annotations: [], failed_step: null })
    expect(api.requests.some((r) => r.path.includes('/check-runs/4518437004/'))).toBe(false)
  })

  describe('time budget', () => {
    it('a hanging API: returns within the budget (plus slack) with a warning', async () => {
      api.fault('jobs', { hang: true })
      const started = Date.now()
      const result = await fetchRunInfo(request({ timeoutMs: 300 }))
      const elapsed = Date.now() - started
      expect(result).toMatchObject({ ok: false, problem: 'timeout' })
      expect(result.ok ? '' : result.warning).toContain('within 0.3 s')
      expect(elapsed).toBeGreaterThanOrEqual(250)
      expect(elapsed).toBeLessThan(300 + 2000)
    })

    it('a slow API beyond the budget', async () => {
      api.fault('jobs', { delayMs: 3000 })
      const started = Date.now()
      const result = await fetchRunInfo(request({ timeoutMs: 400 }))
      expect(result).toMatchObject({ ok: false, problem: 'timeout' })
      expect(Date.now() - started).toBeLessThan(400 + 2000)
    })

    it('a slow API within the budget', async () => {
      api.fault('jobs', { delayMs: 150 })
      const result = await fetchRunInfo(request({ timeoutMs: 5000 }))
      expect(result.ok).toBe(true)
      expect(result.run.failed_jobs).toHaveLength(5)
    })

    it('hanging annotations: keeps the jobs, warns', async () => {
      api.fault('annotations', { hang: true })
      const started = Date.now()
      const result = await fetchRunInfo(request({ timeoutMs: 500 }))
      expect(Date.now() - started).toBeLessThan(500 + 2000)
      expect(result).toMatchObject({ ok: true, problem: 'timeout' })
      expect(result.run.failed_jobs).toHaveLength(5)
      expect(result.ok && result.warning).toContain('without their error annotations')
    })
  })
})
