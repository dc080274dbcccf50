import { readFileSync, writeFileSync } from 'node:fs'
import { buildContext } from './src/context.js'
import { compileTemplates, renderMessage } from './src/render.js'
const env = { GITHUB_REPOSITORY: 'octo/app', GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch', GITHUB_WORKFLOW: 'CI', GITHUB_JOB: 'build', GITHUB_RUN_ID: '1658821493', GITHUB_RUN_NUMBER: '42', GITHUB_RUN_ATTEMPT: '1', GITHUB_ACTOR: 'monalisa', GITHUB_SERVER_URL: 'https://github.com' }
const ev = (n: string) => JSON.parse(readFileSync(`__tests__/fixtures/events/${n}.json`, 'utf8'))
const run = { available: true, duration: '4m 12s', duration_seconds: 252, jobs_more: 0,
  jobs: [], failed_jobs: [{ id: 1, name: 'test (ubuntu-latest)', status: 'completed', conclusion: 'failure', started_at: null, completed_at: null, duration: '2m 3s', url: 'https://github.com/octo/app/actions/runs/1658821493/job/1', current: false, steps: [], failed_step: { name: 'Run npm test', number: 4 }, annotations: [{ level: 'failure', message: 'Expected 3, received 4\n  at parse (src/render.ts:42:7)', title: 'render.test.ts > parses', path: 'src/render.ts', line: 42, url: 'https://github.com/octo/app/blob/6113728/src/render.ts#L42' }], annotations_more: 2 }] }
const cases: [string, string, string, object?][] = [['release', 'release', ''], ['push', 'push', ''], ['pull_request', 'pull_request', ''], ['workflow_dispatch', 'workflow_dispatch', ''], ['schedule', 'schedule', ''], ['failure', 'push', 'failure', run], ['success', 'push', 'success'], ['cancelled', 'pull_request', 'cancelled'], ['generic', 'push', '']]
for (const [name, event, status, r] of cases) {
  const eventName = name === 'generic' ? 'issues' : event
  const ctx = buildContext({ ...env, GITHUB_EVENT_NAME: eventName }, ev(event), status, { run: r as never })
  const t0 = performance.now()
  const m = await renderMessage(compileTemplates({}), ctx)
  console.log(`=== ${name} (${(performance.now() - t0).toFixed(1)} ms)\nSUBJECT: ${m.subject}\n${m.text}\n`)
  writeFileSync(`/tmp/smoke/${name}.html`, m.html ?? '')
}
