/**
 * The local GitHub API (`__tests__/fakes/github-api.ts`) for a file of fetchRunInfo tests:
 * started once, set to the run with several failed jobs before each test, GITHUB_API_URL
 * pointing at it.
 */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import type { RunInfoRequest, RunInfoResult } from '../../src/run-info/types.js'
import { loadRun, startGitHubApi, type GitHubApi } from '../fakes/github-api.js'

export const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'
export const SHA = '8f3c2e1d9b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d'
export const RUN_ID = 1658821493

/** Starts the API for this file; `use` receives it once started. */
export function useLocalGitHubApi(use: (api: GitHubApi) => void): {
  request: (over?: Partial<RunInfoRequest>) => RunInfoRequest
  expectNoToken: (result: RunInfoResult) => void
} {
  let api: GitHubApi
  const savedApiUrl = process.env.GITHUB_API_URL

  beforeAll(async () => {
    api = await startGitHubApi({ token: TOKEN })
    use(api)
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

  return { request, expectNoToken }
}
