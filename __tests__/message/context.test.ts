import { describe, expect, it } from 'vitest'
import { buildContext, emptyRunInfo, type RunInfo } from '../../src/message/context.js'

const env = {
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_REPOSITORY_OWNER: 'octo',
  GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main',
  GITHUB_RUN_ID: '1658821493',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_SERVER_URL: 'https://github.com'
}
const event = { head_commit: { message: 'Fix the parser\n\nLonger description' } }

describe('context', () => {
  it('uses the names of the workflow expression context and links the run attempt', () => {
    const ctx = buildContext(env, event, 'failure')
    expect(ctx.github.repository).toBe('octo/app')
    expect(ctx.github.run_attempt).toBe('2')
    expect(ctx.github.event).toBe(event)
    expect(ctx.job.status).toBe('failure')
    expect(ctx.run_url).toBe('https://github.com/octo/app/actions/runs/1658821493/attempts/2')
    expect(ctx.commit_url).toBe('https://github.com/octo/app/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246')
  })

  it('has empty vars and no run information unless given', () => {
    const ctx = buildContext(env, event, '')
    expect(ctx.vars).toEqual({})
    expect(ctx.run).toEqual({
      available: false,
      jobs: [],
      failed_jobs: [],
      jobs_more: 0,
      duration: '',
      duration_seconds: 0
    })
    expect(emptyRunInfo()).toEqual(ctx.run)
    expect(emptyRunInfo()).not.toBe(emptyRunInfo())
  })

  it('takes vars and run information', () => {
    const run: RunInfo = { ...emptyRunInfo(), available: true, duration: '3m 12s', duration_seconds: 192 }
    const ctx = buildContext(env, event, 'failure', { vars: { environment: 'staging' }, run })
    expect(ctx.vars).toEqual({ environment: 'staging' })
    expect(ctx.run).toBe(run)
  })

  it('derives ref_name and ref_type when the runner did not set them', () => {
    const ctx = buildContext({ GITHUB_REF: 'refs/tags/v1.2.0' }, {}, '')
    expect(ctx.github.ref_name).toBe('v1.2.0')
    expect(ctx.github.ref_type).toBe('tag')
  })
})
