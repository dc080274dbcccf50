import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  emptyRunInfo,
  fetchRunInfo,
  findCurrentJob,
  summariseJobs,
  type ApiAnnotation,
  type ApiJob,
  type RunInfoRequest,
  type RunInfoResult,
  type SummaryRequest
} from '../../src/run-info/run-info.js'
import { API_ERRORS, loadRun, manyJobs, startGitHubApi, type FixtureJob, type GitHubApi } from '../fakes/github-api.js'

const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'
const SHA = '8f3c2e1d9b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d'
const RUN_ID = 1658821493
/** "now" for the pure tests: 50 s after the current job ("build") started. */
const NOW = new Date('2025-11-20T09:45:00Z')

const asApi = (jobs: FixtureJob[]): ApiJob[] => jobs as unknown as ApiJob[]
const annotationMap = (annotations: Record<string, unknown[]>): Map<number, ApiAnnotation[]> =>
  new Map(Object.entries(annotations).map(([id, list]) => [Number(id), list as ApiAnnotation[]]))

const summaryRequest = (over: Partial<SummaryRequest> = {}): SummaryRequest => ({
  serverUrl: 'https://github.com',
  repository: 'octo/app',
  runId: RUN_ID,
  currentJob: 'build',
  runnerName: 'GitHub Actions 2',
  sha: SHA,
  ...over
})

describe('summariseJobs (pure)', () => {
  const several = loadRun('run-several-failed')
  const run = summariseJobs(asApi(several.jobs), annotationMap(several.annotations), summaryRequest(), NOW)

  it('lists every job, and the failed and timed-out ones with their failed step, in API order', () => {
    expect(run.available).toBe(true)
    expect(run.jobs.map((j) => j.name)).toEqual([
      'lint',
      'test (ubuntu-latest, 20)',
      'test (windows-latest, 20)',
      'test (macos-latest, 20)',
      'docs',
      'e2e',
      'build',
      'build (arm64)',
      'deploy'
    ])
    expect(run.failed_jobs.map((j) => [j.name, j.conclusion, j.failed_step?.name, j.failed_step?.number])).toEqual([
      ['test (ubuntu-latest, 20)', 'failure', 'Run npm test', 5],
      ['test (windows-latest, 20)', 'failure', 'Run npm test', 5],
      ['docs', 'failure', 'Build docs', 5],
      // timed out: the step that was cut off
      ['e2e', 'timed_out', 'Run e2e tests', 5],
      // the current job (if: failure() at its end): its failed step is what the reader needs
      ['build', null, 'Run npm run build', 5]
    ])
    expect(run.jobs_more).toBe(0)
  })

  it('marks the job this step runs in as current, and no other', () => {
    expect(run.jobs.filter((j) => j.current).map((j) => j.name)).toEqual(['build'])
    const build = run.jobs.find((j) => j.name === 'build')
    expect(build).toMatchObject({ status: 'in_progress', conclusion: null, current: true, duration: '50s' })
  })

  it('keeps cancelled and skipped jobs out of the failures, but in the jobs', () => {
    const macos = run.jobs.find((j) => j.name === 'test (macos-latest, 20)')
    expect(macos).toMatchObject({ conclusion: 'cancelled', failed_step: null, current: false })
    expect(run.jobs.find((j) => j.name === 'deploy')).toMatchObject({ conclusion: 'skipped', failed_step: null })
    expect(run.failed_jobs.some((j) => j.conclusion === 'cancelled' || j.conclusion === 'skipped')).toBe(false)
  })

  it('orders annotations failures first, links path:line at the commit, and counts the rest', () => {
    const ubuntu = run.failed_jobs[0]!
    expect(ubuntu.annotations.map((a) => [a.level, a.path, a.line])).toEqual([
      ['failure', 'src/parse.ts', 42],
      ['failure', 'src/parse.ts', 57],
      ['failure', 'src/render test/escape.ts', 9],
      ['failure', '', null], // "Process completed with exit code 1." (path .github)
      ['warning', '', null]
    ])
    expect(ubuntu.annotations_more).toBe(2)
    expect(ubuntu.annotations[0]).toEqual({
      level: 'failure',
      title: '__tests__/parse.test.ts > parses a header',
      message: expect.stringContaining('AssertionError: expected 3 to be 4') as string,
      path: 'src/parse.ts',
      line: 42,
      url: `https://github.com/octo/app/blob/${SHA}/src/parse.ts#L42`
    })
    expect(ubuntu.annotations[2]!.url).toBe(`https://github.com/octo/app/blob/${SHA}/src/render%20test/escape.ts#L9`)
    // The runner's own annotations have no file: they link to the job's log.
    expect(ubuntu.annotations[3]).toMatchObject({
      message: 'Process completed with exit code 1.',
      url: `https://github.com/octo/app/actions/runs/${RUN_ID}/job/4518437002`
    })
  })

  it('gives a failed job without annotations an empty list', () => {
    const docs = run.failed_jobs.find((j) => j.name === 'docs')!
    expect(docs).toMatchObject({ annotations: [], annotations_more: 0 })
  })

  it('computes job and run durations', () => {
    expect(run.failed_jobs[0]).toMatchObject({ duration: '3m 12s', duration_seconds: 192 })
    expect(run.jobs.find((j) => j.name === 'e2e')).toMatchObject({ duration: '10m', duration_seconds: 600 })
    // First job started 09:40:00; a job is still running, so up to "now".
    expect(run).toMatchObject({ duration: '5m', duration_seconds: 300 })
  })

  it('ends the run duration at the last job when all are completed', () => {
    const done = several.jobs.filter((j) => j.status === 'completed')
    const finished = summariseJobs(asApi(done), new Map(), summaryRequest(), NOW)
    expect(finished).toMatchObject({ duration: '10m', duration_seconds: 600 })
  })

  it('applies the limits and counts what is left out', () => {
    const limited = summariseJobs(
      asApi(several.jobs),
      annotationMap(several.annotations),
      summaryRequest({ limits: { jobs: 2, annotations: 1 } }),
      NOW
    )
    expect(limited.failed_jobs.map((j) => j.name)).toEqual(['test (ubuntu-latest, 20)', 'test (windows-latest, 20)'])
    expect(limited.jobs_more).toBe(3)
    expect(limited.failed_jobs[0]).toMatchObject({ annotations_more: 6 })
    expect(limited.failed_jobs[0]!.annotations).toHaveLength(1)
  })

  it('counts annotations beyond those read when given a total', () => {
    const list = several.annotations['4518437003'] as unknown as ApiAnnotation[]
    const r = summariseJobs(
      asApi(several.jobs),
      new Map([[4518437003, { items: list, total: 240 }]]),
      summaryRequest(),
      NOW
    )
    expect(r.failed_jobs[1]).toMatchObject({ name: 'test (windows-latest, 20)', annotations_more: 238 })
  })

  it('does not list the current job as failed when none of its steps failed', () => {
    const typical = loadRun('run-typical')
    const r = summariseJobs(
      asApi(typical.jobs),
      annotationMap(typical.annotations),
      summaryRequest({ currentJob: 'notify' }),
      NOW
    )
    expect(r.jobs.find((j) => j.current)?.name).toBe('Mail the team')
    expect(r.failed_jobs.map((j) => j.name)).toEqual(['test'])
  })

  it('falls back to blob_href without a commit, builds a job URL without html_url, and cuts long messages', () => {
    const job: ApiJob = {
      id: 7,
      run_id: RUN_ID,
      name: 'test',
      status: 'completed',
      conclusion: 'failure',
      started_at: '2025-11-20T09:40:00Z',
      completed_at: '2025-11-20T09:41:00Z',
      html_url: null,
      steps: [{ name: 'Run npm test', status: 'completed', conclusion: 'failure', number: 4 }]
    }
    const annotation: ApiAnnotation = {
      path: 'a/b.ts',
      start_line: 3,
      end_line: 3,
      annotation_level: 'failure',
      title: null,
      message: 'x'.repeat(5000),
      blob_href: 'https://github.com/octo/app/blob/abc/a/b.ts'
    }
    const r = summariseJobs([job], new Map([[7, [annotation]]]), summaryRequest({ sha: '' }), NOW)
    expect(r.failed_jobs[0]!.url).toBe(`https://github.com/octo/app/actions/runs/${RUN_ID}/job/7`)
    expect(r.failed_jobs[0]!.annotations[0]).toMatchObject({
      url: 'https://github.com/octo/app/blob/abc/a/b.ts#L3',
      title: ''
    })
    expect(r.failed_jobs[0]!.annotations[0]!.message).toHaveLength(1000)
  })

  it('empty run info is what templates see without data', () => {
    expect(emptyRunInfo()).toEqual({
      available: false,
      jobs: [],
      failed_jobs: [],
      jobs_more: 0,
      duration: '',
      duration_seconds: 0
    })
  })
})

describe('findCurrentJob', () => {
  const job = (id: number, name: string, status: string, runner: string | null = null): ApiJob => ({
    id,
    name,
    status,
    conclusion: null,
    started_at: null,
    completed_at: null,
    html_url: null,
    runner_name: runner
  })

  it('prefers the runner name over the job name', () => {
    const jobs = [job(1, 'build', 'in_progress', 'r1'), job(2, 'build (arm64)', 'in_progress', 'r2')]
    expect(findCurrentJob(jobs, 'build', 'r2')?.id).toBe(2)
  })

  it('tells matrix siblings apart only by runner', () => {
    const jobs = [job(1, 'test (a)', 'in_progress', 'r1'), job(2, 'test (b)', 'in_progress', 'r2')]
    expect(findCurrentJob(jobs, 'test', 'r1')?.id).toBe(1)
    expect(findCurrentJob(jobs, 'test')).toBeUndefined()
  })

  it('matches by name: exact, matrix variant, reusable workflow, display name starting with the key', () => {
    expect(findCurrentJob([job(1, 'lint', 'in_progress'), job(2, 'build', 'in_progress')], 'build')?.id).toBe(2)
    expect(findCurrentJob([job(1, 'lint', 'in_progress'), job(2, 'build (x64)', 'in_progress')], 'build')?.id).toBe(2)
    expect(findCurrentJob([job(1, 'lint', 'in_progress'), job(2, 'ci / build', 'in_progress')], 'build')?.id).toBe(2)
    expect(findCurrentJob([job(1, 'lint', 'in_progress'), job(2, 'Build and test', 'in_progress')], 'build')?.id).toBe(
      2
    )
  })

  it('ignores completed jobs and falls back to the only job in progress', () => {
    const jobs = [job(1, 'build', 'completed', 'r1'), job(2, 'Mail the team', 'in_progress', 'r9')]
    expect(findCurrentJob(jobs, 'build', 'unknown runner')?.id).toBe(2)
  })

  it('gives up when nothing tells the jobs apart', () => {
    expect(findCurrentJob([job(1, 'a', 'in_progress'), job(2, 'b', 'in_progress')], 'notify')).toBeUndefined()
  })
})

describe('fetchRunInfo against a local GitHub API', () => {
  let api: GitHubApi
  const savedApiUrl = process.env.GITHUB_API_URL

  beforeAll(async () => {
    api = await startGitHubApi({ token: TOKEN })
    // As on a runner: GITHUB_API_URL is the API the request goes to (@actions/github reads it
    // when first imported, and sets up its proxy-aware fetch for that host).
    process.env.GITHUB_API_URL = api.url
  })
  afterAll(async () => {
    if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL
    else process.env.GITHUB_API_URL = savedApiUrl
    await api.close()
  })
  beforeEach(() => {
    api.reset()
    const several = loadRun('run-several-failed')
    api.setRun(several.jobs, several.annotations)
  })

  const request = (over: Partial<RunInfoRequest> = {}): RunInfoRequest => ({
    token: TOKEN,
    apiUrl: api.url,
    serverUrl: 'https://github.com',
    repository: 'octo/app',
    runId: RUN_ID,
    attempt: 1,
    currentJob: 'build',
    runnerName: 'GitHub Actions 2',
    sha: SHA,
    timeoutMs: 5000,
    ...over
  })

  /** The token must appear nowhere in what the caller gets. */
  const expectNoToken = (result: RunInfoResult): void => {
    expect(JSON.stringify(result)).not.toContain(TOKEN)
  }

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

  describe('never blocks delivery: each failure is a warning naming the fix, never the token', () => {
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
