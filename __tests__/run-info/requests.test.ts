import { describe, expect, it } from 'vitest'
import { fetchRunInfo } from '../../src/run-info/fetch.js'
import { loadRun, manyJobs, startGitHubApi, type GitHubApi } from '../fakes/github-api.js'
import { RUN_ID, SHA, TOKEN, useLocalGitHubApi } from './local-api.js'

describe('the GitHub API requests: pages of jobs and annotations, any API URL', () => {
  let api: GitHubApi
  const { request } = useLocalGitHubApi((started) => (api = started))

  it('reads past 100 jobs: pages 2 and 3 concurrently, failed and current jobs found on later pages', async () => {
    const template = loadRun('run-typical').jobs[0]!
    const failingId = 4600000180
    const jobs = manyJobs(250, template, {
      180: {
        conclusion: 'failure',
        steps: [
          { name: 'Set up job', status: 'completed', conclusion: 'success', number: 1 },
          { name: 'Run shard', status: 'completed', conclusion: 'failure', number: 2 }
        ]
      },
      249: {
        name: 'report',
        status: 'in_progress',
        conclusion: null,
        completed_at: null,
        runner_name: 'GitHub Actions 2',
        steps: [{ name: 'Run exchange-online-mail-action@v1', status: 'in_progress', conclusion: null, number: 1 }]
      }
    })
    const annotation = loadRun('run-typical').annotations['4518438102']!
    api.setRun(jobs, { [String(failingId)]: annotation })

    const result = await fetchRunInfo(request({ currentJob: 'report' }))
    expect(result.ok).toBe(true)
    expect(result.run.jobs).toHaveLength(250)
    expect(new Set(result.run.jobs.map((j) => j.id)).size).toBe(250)
    expect(result.run.failed_jobs.map((j) => [j.id, j.failed_step?.name, j.annotations.length])).toEqual([
      [failingId, 'Run shard', 2]
    ])
    expect(result.run.jobs.find((j) => j.current)?.name).toBe('report')
    const jobPages = api.requests.filter((r) => r.route === 'jobs').map((r) => r.query.page ?? '1')
    expect(jobPages.sort()).toEqual(['1', '2', '3'])
    expect(api.requests).toHaveLength(4)
  })

  it('follows the Link header when the answer has no total_count', async () => {
    const template = loadRun('run-typical').jobs[0]!
    api.setRun(manyJobs(250, template, { 120: { conclusion: 'failure' } }), {}, { omitTotalCount: true })
    const result = await fetchRunInfo(request())
    expect(result.run.jobs).toHaveLength(250)
    expect(result.run.failed_jobs.map((j) => j.id)).toEqual([4600000120])
    // No total_count: rel="next" in the Link header says there is more, page after page.
    expect(api.requests.filter((r) => r.route === 'jobs').map((r) => r.path)).toEqual([
      `/repos/octo/app/actions/runs/${RUN_ID}/attempts/1/jobs`,
      `/repos/octo/app/actions/runs/${RUN_ID}/attempts/1/jobs`,
      `/repos/octo/app/actions/runs/${RUN_ID}/attempts/1/jobs`
    ])
  })

  it('counts annotations beyond the first 100 from the last page', async () => {
    const typical = loadRun('run-typical')
    const one = typical.annotations['4518438102']![0]!
    const many = Array.from({ length: 240 }, (_, i) => ({ ...one, start_line: i + 1 }))
    api.setRun(typical.jobs, { '4518438102': many })
    const result = await fetchRunInfo(request({ currentJob: 'notify' }))
    expect(result.run.failed_jobs[0]).toMatchObject({ name: 'test', annotations_more: 235 })
    expect(result.run.failed_jobs[0]!.annotations).toHaveLength(5)
    expect(api.requests.filter((r) => r.route === 'annotations').map((r) => r.query.page ?? '1')).toEqual(['1', '3'])
  })

  it('sends the Link-style pagination GitHub uses', async () => {
    const template = loadRun('run-typical').jobs[0]!
    api.setRun(manyJobs(250, template))
    const response = await fetch(
      `${api.url}/repos/octo/app/actions/runs/${RUN_ID}/attempts/1/jobs?per_page=100&page=2`,
      {
        headers: { authorization: `Bearer ${TOKEN}` }
      }
    )
    const link = response.headers.get('link') ?? ''
    expect(link).toContain(
      `/repositories/123456789/actions/runs/${RUN_ID}/attempts/1/jobs?per_page=100&page=1>; rel="prev"`
    )
    expect(link).toContain('page=3>; rel="next"')
    expect(link).toContain('page=3>; rel="last"')
    expect(link).toContain('page=1>; rel="first"')
    const body = (await response.json()) as { total_count: number; jobs: unknown[] }
    expect(body.total_count).toBe(250)
    expect(body.jobs).toHaveLength(100)
  })

  it('works with a GitHub Enterprise Server API URL (/api/v3)', async () => {
    const several = loadRun('run-several-failed')
    const ghes = await startGitHubApi({ token: TOKEN, prefix: '/api/v3', ...several })
    try {
      const result = await fetchRunInfo(
        request({ apiUrl: ghes.url, serverUrl: 'https://ghe.example.com/', timeoutMs: 5000 })
      )
      expect(result.ok).toBe(true)
      expect(result.run.failed_jobs).toHaveLength(5)
      expect(result.run.failed_jobs[0]!.annotations[0]!.url).toBe(
        `https://ghe.example.com/octo/app/blob/${SHA}/src/parse.ts#L42`
      )
      expect(ghes.requests.every((r) => r.path.startsWith('/api/v3/repos/octo/app/'))).toBe(true)
    } finally {
      await ghes.close()
    }
  })
})
