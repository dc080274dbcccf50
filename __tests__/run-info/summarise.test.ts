import { describe, expect, it } from 'vitest'
import { summariseJobs } from '../../src/run-info/summarise.js'
import type { ApiAnnotation, ApiJob, SummaryRequest } from '../../src/run-info/types.js'
import { loadRun, type FixtureJob } from '../fakes/github-api.js'
import { RUN_ID, SHA } from './local-api.js'

/** "now" for the pure tests: 50 s after the current job ("build") started. */
const NOW = new Date('2025-11-20T09:45:00Z')

const asApi = (jobs: FixtureJob[]): ApiJob[] => jobs
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
  it('links the relative backslash paths of Windows jobs as repository paths, not as %5C', () => {
    const job: ApiJob = {
      id: 8,
      run_id: RUN_ID,
      name: 'test (windows-latest)',
      status: 'completed',
      conclusion: 'failure',
      started_at: '2025-11-20T09:40:00Z',
      completed_at: '2025-11-20T09:41:00Z',
      html_url: null,
      steps: [{ name: 'Run npm test', status: 'completed', conclusion: 'failure', number: 4 }]
    }
    const at = (path: string, start_line: number): ApiAnnotation => ({
      path,
      start_line,
      end_line: start_line,
      annotation_level: 'failure',
      title: null,
      message: 'Type error'
    })
    const r = summariseJobs(
      [job],
      new Map([[8, [at('src\\app.ts', 7), at('.\\render test\\escape.ts', 9)]]]),
      summaryRequest({}),
      NOW
    )
    expect(r.failed_jobs[0]!.annotations.map((a) => [a.path, a.url])).toEqual([
      ['src/app.ts', `https://github.com/octo/app/blob/${SHA}/src/app.ts#L7`],
      ['render test/escape.ts', `https://github.com/octo/app/blob/${SHA}/render%20test/escape.ts#L9`]
    ])
  })
})
