/**
 * Hand-made run information for the unit tests of the default messages (render.defaults and
 * render.property tests): templates tested against fixed values. The gallery does not use these:
 * it draws every picture from the API fixtures through the action itself (scripts/gallery.ts).
 */
import { readFileSync } from 'node:fs'
import type { RunInfo, RunJob } from '../../src/message/context.js'

/** The runner's environment of the samples (as on GitHub-hosted runners), shared with the gallery and `npm run preview`. */
export const SAMPLE_ENV = JSON.parse(
  readFileSync(new URL('../fixtures/runner-env.json', import.meta.url), 'utf8')
) as Record<string, string>

/** The event payload of a fixture under __tests__/fixtures/events/. */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/events/${name}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >
}

const RUN_URL = 'https://github.com/octo/app/actions/runs/1658821493'

function job(
  id: number,
  name: string,
  conclusion: string | null,
  duration: string,
  extra: Partial<RunJob> = {}
): RunJob {
  return {
    id,
    name,
    status: conclusion ? 'completed' : 'in_progress',
    conclusion,
    started_at: '2026-11-27T09:40:02Z',
    completed_at: conclusion ? '2026-11-27T09:43:14Z' : null,
    duration,
    duration_seconds: 0,
    url: `${RUN_URL}/job/${id}`,
    current: false,
    steps: [],
    failed_step: null,
    annotations: [],
    annotations_more: 0,
    ...extra
  }
}

const failedTest = job(31245001, 'test (ubuntu-latest, node 20)', 'failure', '2m 41s', {
  steps: [
    { name: 'Set up job', number: 1, status: 'completed', conclusion: 'success' },
    { name: 'Run actions/checkout@v5', number: 2, status: 'completed', conclusion: 'success' },
    { name: 'npm ci', number: 3, status: 'completed', conclusion: 'success' },
    { name: 'npm test', number: 4, status: 'completed', conclusion: 'failure' }
  ],
  failed_step: { name: 'npm test', number: 4 },
  annotations: [
    {
      level: 'failure',
      message:
        "AssertionError: expected 'Fix the parser' to be 'Fix the parser\\n'\n- Expected\n+ Received\n  at __tests__/render.test.ts:57:22",
      title: 'render.test.ts > user templates > renders the workflow context',
      path: '__tests__/render.test.ts',
      line: 57,
      url: 'https://github.com/octo/app/blob/6113728f27ae82c7b1a177c8d03f9e96e0adf246/__tests__/render.test.ts#L57'
    },
    {
      level: 'warning',
      message: "'marked' is imported but never used.",
      title: '',
      path: 'src/summary.ts',
      line: 3,
      url: 'https://github.com/octo/app/blob/6113728f27ae82c7b1a177c8d03f9e96e0adf246/src/summary.ts#L3'
    }
  ],
  annotations_more: 3
})

const failedLint = job(31245002, 'lint', 'failure', '38s', {
  failed_step: { name: 'npx eslint .', number: 3 },
  annotations: [
    {
      level: 'failure',
      message: 'Process completed with exit code 1.',
      title: '',
      path: '.github',
      line: null,
      url: `${RUN_URL}/job/31245002`
    }
  ]
})

/** Run information as the API lookup fills it for a failed run. */
export const SAMPLE_RUN_FAILURE: RunInfo = {
  available: true,
  jobs: [failedTest, failedLint, job(31245003, 'notify', null, '', { current: true })],
  failed_jobs: [failedTest, failedLint],
  jobs_more: 0,
  duration: '3m 12s',
  duration_seconds: 192
}

/** Run information for a successful run. */
export const SAMPLE_RUN_SUCCESS: RunInfo = {
  available: true,
  jobs: [
    job(31245101, 'lint', 'success', '41s'),
    job(31245102, 'test (ubuntu-latest, node 20)', 'success', '2m 37s'),
    job(31245103, 'test (windows-latest, node 20)', 'success', '4m 5s'),
    job(31245104, 'e2e', 'skipped', '0s'),
    job(31245105, 'notify', null, '', { current: true })
  ],
  failed_jobs: [],
  jobs_more: 0,
  duration: '5m 2s',
  duration_seconds: 302
}
