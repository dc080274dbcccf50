import { describe, expect, it } from 'vitest'
import { findCurrentJob } from '../../src/run-info/current-job.js'
import type { ApiJob } from '../../src/run-info/types.js'

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
