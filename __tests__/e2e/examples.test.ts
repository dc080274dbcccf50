/**
 * Examples are tests: every YAML example in README.md and docs/*.md is parsed, each step of this
 * action in it has its `with:` evaluated as the runner would (stand-ins for vars and secrets, the
 * event payload of its `on:` trigger, `job.status` from the step's `if:`, action.yml defaults for
 * what it leaves out), and runs through dist/index.js in dry run against a local GitHub API
 * stand-in. It must exit 0 without an error or a warning, and the message it prints must hold what
 * the prose beside the example promises.
 *
 * Files an `attachments` pattern asks for are written first, named as the pattern with `*` read as
 * `example` (`reports/*.html` → reports/example.html).
 *
 * A comment right before a block says what it promises, or why it cannot run:
 *   <!-- example expect="text in the message" reject="text not in it" event="release" -->
 *   <!-- example skip="why" -->
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { createClientCertificate } from '../fakes/certs.js'
import { API_ERRORS, loadRun, startGitHubApi, type GitHubApi } from '../fakes/github-api.js'
import { cleanupRunnerTemp, runAction, workflowCommands } from '../fakes/runner.js'

const ROOT = new URL('../../', import.meta.url)
const read = (file: string): string => readFileSync(new URL(file, ROOT), 'utf8')
const DOC_FILES = [
  'README.md',
  ...readdirSync(new URL('docs/', ROOT))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`)
]

/** Examples that cannot run as they are, each marked `<!-- example skip="…" -->` in its file. */
const EXPECTED_SKIP_MARKS = 4

const THIS_ACTION = /^OWNER\/exchange-online-mail-action@/
const GITHUB_TOKEN = 'ghs_examplesT0kenForTheRunXXXXXXXXXXXXXX'
const EVENTS = new URL('../fixtures/events/', import.meta.url)
const RUNNER_ENV = JSON.parse(readFileSync(new URL('../fixtures/runner-env.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>
const ACTION_INPUTS = (parse(read('action.yml')) as { inputs: Record<string, { default?: string }> }).inputs

interface Marks {
  skip?: string
  event?: string
  expect: string[]
  reject: string[]
}

interface Example {
  file: string
  line: number
  yaml: string
  marks: Marks
}

function parseMarks(attributes: string, where: string): Marks {
  const marks: Marks = { expect: [], reject: [] }
  for (const [, key, value = ''] of attributes.matchAll(/(\w+)="([^"]*)"/g)) {
    if (key === 'expect' || key === 'reject') marks[key].push(value)
    else if (key === 'skip' || key === 'event') marks[key] = value
    else throw new Error(`${where}: unknown example mark ${key}`)
  }
  return marks
}

/** The ```yaml blocks of a Markdown file, each with the mark that precedes it. */
export function extractExamples(file: string, text: string): Example[] {
  const lines = text.split('\n')
  const examples: Example[] = []
  let pending: Marks | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const mark = /^\s*<!-- example\b(.*?)-->\s*$/.exec(line)
    if (mark) {
      if (pending) throw new Error(`${file}:${i + 1}: two example marks before one block`)
      pending = parseMarks(mark[1] ?? '', `${file}:${i + 1}`)
      continue
    }
    const fence = /^(\s*)```ya?ml\s*$/.exec(line)
    if (!fence) continue
    const indent = fence[1]?.length ?? 0
    const body: string[] = []
    const start = i + 1
    for (i++; i < lines.length && (lines[i] ?? '').trim() !== '```'; i++) body.push((lines[i] ?? '').slice(indent))
    examples.push({ file, line: start, yaml: body.join('\n'), marks: pending ?? { expect: [], reject: [] } })
    pending = undefined
  }
  if (pending) throw new Error(`${file}: an example mark without a yaml block after it`)
  return examples
}

interface Step {
  uses?: string
  if?: string
  with?: Record<string, unknown>
}
interface Job {
  steps?: Step[]
  permissions?: Record<string, string> | string
  environment?: string | { name: string }
}
interface Workflow {
  name?: string
  on?: string | string[] | Record<string, unknown>
  permissions?: Record<string, string> | string
  jobs?: Record<string, Job>
}

interface StepRun {
  jobName: string
  job: Job
  step: Step
}

/** The steps of this action in a workflow, a job, a list of steps or one step. */
function stepsOfThisAction(doc: unknown): { workflow: Workflow; runs: StepRun[]; complete: boolean } {
  const isOurs = (s: unknown): s is Step => THIS_ACTION.test(String((s as Step | null)?.uses ?? ''))
  let workflow: Workflow = {}
  let jobs: Record<string, Job>
  if (Array.isArray(doc)) jobs = { job: { steps: doc as Step[] } }
  else if (doc && typeof doc === 'object' && 'jobs' in doc) {
    workflow = doc as Workflow
    jobs = workflow.jobs ?? {}
  } else if (doc && typeof doc === 'object' && 'steps' in doc) jobs = { job: doc as Job }
  else if (isOurs(doc)) jobs = { job: { steps: [doc] } }
  else jobs = {}
  const runs = Object.entries(jobs).flatMap(([jobName, job]) =>
    (job?.steps ?? []).filter(isOurs).map((step) => ({ jobName, job, step }))
  )
  return { workflow, runs, complete: 'jobs' in workflow }
}

function triggers(workflow: Workflow, marks: Marks): string[] {
  const on = workflow.on
  if (marks.event) return [marks.event]
  if (on === undefined) return ['push']
  if (typeof on === 'string') return [on]
  return Array.isArray(on) ? on : Object.keys(on)
}

/** The job statuses the step's `if:` lets it run with. */
function statuses(step: Step): string[] {
  const condition = String(step.if ?? '')
  if (condition.includes('always()')) return ['success', 'failure']
  if (condition.includes('failure()')) return ['failure']
  if (condition.includes('cancelled()')) return ['cancelled']
  return ['success']
}

/** The parts of a webhook payload the runner derives GITHUB_REF and friends from. */
interface EventPayload {
  ref?: string
  after?: string
  number?: number
  release?: { tag_name: string }
  pull_request?: { head: { ref: string }; base: { ref: string } }
  [field: string]: unknown
}

function eventPayload(eventName: string): EventPayload {
  return JSON.parse(readFileSync(new URL(`${eventName}.json`, EVENTS), 'utf8')) as EventPayload
}

/** What the runner sets for this event (GITHUB_REF and friends follow the payload). */
function runnerEnv(eventName: string, event: EventPayload, workflow: Workflow, jobName: string) {
  let ref = 'refs/heads/main'
  let sha = RUNNER_ENV.GITHUB_SHA ?? ''
  let headRef = ''
  let baseRef = ''
  if (eventName === 'push') {
    ref = String(event.ref)
    sha = String(event.after)
  } else if (eventName === 'release') ref = `refs/tags/${event.release?.tag_name}`
  else if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    ref = `refs/pull/${event.number}/merge`
    headRef = String(event.pull_request?.head.ref)
    baseRef = String(event.pull_request?.base.ref)
  } else if (eventName === 'workflow_dispatch') ref = String(event.ref)
  return {
    ...RUNNER_ENV,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\//, ''),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_SHA: sha,
    GITHUB_HEAD_REF: headRef,
    GITHUB_BASE_REF: baseRef,
    GITHUB_WORKFLOW: workflow.name ?? RUNNER_ENV.GITHUB_WORKFLOW ?? 'CI',
    GITHUB_JOB: jobName
  }
}

let certificate = ''
const VARS: Record<string, string> = {
  M365_TENANT_ID: 'contoso.onmicrosoft.com',
  M365_CLIENT_ID: '3b0b6c2e-5f4d-4f1e-9a2b-7c8d9e0f1a2b'
}
const SECRETS: Record<string, () => string> = {
  M365_CLIENT_SECRET: () => 'Xy98Q~examplesS3cretValue-abcdefghijklmn',
  M365_CERTIFICATE: () => certificate
}

/** `${{ … }}` as the runner evaluates it, for property paths; anything else needs a mark. */
function evaluate(value: string, context: Record<string, unknown>): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_whole, expression: string) => {
    if (!/^[\w-]+(\.[\w-]+)*$/.test(expression)) {
      throw new Error(`cannot evaluate \${{ ${expression} }} in an example: give it a stand-in or mark the example`)
    }
    const [head = '', ...path] = expression.split('.')
    if (head === 'secrets' && path.length === 1) {
      const secret = SECRETS[path[0] ?? '']
      if (!secret) throw new Error(`no stand-in for secrets.${path[0]}`)
      return secret()
    }
    let node: unknown = context[head]
    for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key]
    if (node === undefined) throw new Error(`no stand-in for \${{ ${expression} }}`)
    // Context values are parsed JSON: a string as it is, anything else (numbers, booleans, objects) as JSON.
    return typeof node === 'string' ? node : JSON.stringify(node)
  })
}

/** Whether a `permissions:` block (job or workflow) grants `scope` at least read (write for id-token). */
function grants(permissions: Record<string, string> | string | undefined, scope: string): boolean | undefined {
  if (permissions === undefined) return undefined
  if (typeof permissions === 'string')
    return permissions === 'write-all' || (permissions === 'read-all' && scope !== 'id-token')
  const level = permissions[scope]
  return scope === 'id-token' ? level === 'write' : level === 'read' || level === 'write'
}

/** Files the example's `attachments` patterns expect in the workspace, as a previous step would write them. */
function writeAttachments(workspace: string, patterns: string): void {
  for (const pattern of patterns.split(/[\n,]/).map((p) => p.trim())) {
    if (!pattern || pattern.startsWith('!')) continue
    const file = join(
      workspace,
      pattern
        .replace(/\*\*\//g, '')
        .replace(/\*/g, 'example')
        .replace(/\?/g, 'x')
    )
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, '<html><body>report</body></html>\n')
  }
}

const examples = DOC_FILES.flatMap((file) => extractExamples(file, read(file)))
const runnable = examples.filter((e) => e.marks.skip === undefined)
const temps: string[] = []

let api: GitHubApi
beforeAll(async () => {
  certificate = createClientCertificate({ commonName: 'GitHub mail' }).combinedPem
  api = await startGitHubApi({ token: GITHUB_TOKEN })
})
afterAll(async () => {
  await api?.close()
  cleanupRunnerTemp()
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

describe('the YAML examples of README.md and docs/', () => {
  it('are found, and every one that cannot run is marked with why; the marks are counted', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(10)
    const skipped = examples
      .filter((e) => e.marks.skip !== undefined)
      .map((e) => `${e.file}:${e.line}: ${e.marks.skip}`)
    expect(skipped).toHaveLength(EXPECTED_SKIP_MARKS)
    for (const e of examples) expect(e.marks.skip ?? 'run', `${e.file}:${e.line}`).not.toBe('')
  })

  it.each(runnable.map((e) => [`${e.file}:${e.line}`, e] as const))('%s runs as documented', async (_name, example) => {
    const where = `${example.file}:${example.line}`
    const { workflow, runs, complete } = stepsOfThisAction(parse(example.yaml))
    expect(runs.length, `${where} has no step of this action: mark it skip="…"`).toBeGreaterThan(0)
    const events = triggers(workflow, example.marks)
    const docText = read(example.file)

    let ran = 0
    for (const eventName of events) {
      let event: EventPayload
      try {
        event = eventPayload(eventName)
      } catch {
        continue // a trigger without a fixture (e.g. workflow_run): another trigger must run
      }
      for (const { jobName, job, step } of runs) {
        const permissions = job.permissions ?? workflow.permissions
        const withInputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]))
        const oidc = !withInputs['client-secret'] && !withInputs['client-certificate']
        if (complete && oidc) {
          // On GitHub, without id-token: write the runner hands out no OIDC token at all.
          expect(grants(permissions, 'id-token'), `${where}: OIDC federation needs permissions: id-token: write`).toBe(
            true
          )
          const environment = typeof job.environment === 'object' ? job.environment.name : job.environment
          if (eventName === 'push' && !environment) {
            // Each branch is a subject of its own: a push workflow that signs in by OIDC names its branch.
            const push = (workflow.on as Record<string, { branches?: string[] } | null> | undefined)?.push
            expect(
              push?.branches,
              `${where}: on: push with OIDC federation works for one branch: name it`
            ).toHaveLength(1)
          }
          if (eventName === 'release') {
            // A release runs for its tag: only an environment gives one stable subject.
            expect(environment, `${where}: a release job with OIDC federation needs an environment:`).toBeTruthy()
            expect(docText, `${where}: the page explains the subject`).toContain(`:environment:${environment}`)
          }
        }
        for (const status of statuses(step)) {
          api.reset()
          const run = loadRun('run-typical')
          api.setRun(run.jobs, run.annotations)
          // The GITHUB_TOKEN has only what permissions: grants (all scopes when the example shows none).
          if (grants(permissions, 'actions') === false) api.fault('jobs', API_ERRORS.notAccessibleJobs)
          if (grants(permissions, 'checks') === false) api.fault('annotations', API_ERRORS.notAccessibleAnnotations)

          const env = { ...runnerEnv(eventName, event, workflow, jobName), GITHUB_API_URL: api.url }
          const context = {
            vars: VARS,
            job: { status },
            runner: { os: 'Linux' },
            github: {
              ...Object.fromEntries(
                Object.entries(env)
                  .filter(([k]) => k.startsWith('GITHUB_'))
                  .map(([k, v]) => [k.slice('GITHUB_'.length).toLowerCase(), v])
              ),
              event,
              token: GITHUB_TOKEN
            }
          }
          const inputs: Record<string, string> = {}
          for (const [name, input] of Object.entries(ACTION_INPUTS)) {
            const value = name in withInputs ? withInputs[name] : input.default
            if (value !== undefined) inputs[name] = evaluate(value, context)
          }
          inputs['dry-run'] = 'true'

          const workspace = mkdtempSync(join(tmpdir(), 'ema-example-'))
          temps.push(workspace)
          if (inputs.attachments) writeAttachments(workspace, inputs.attachments)

          const label = `${where} on ${eventName} with job.status ${status}`
          const result = await runAction({ eventName, event, env, inputs, cwd: workspace, timeoutMs: 60_000 })
          expect(result.code, `${label}\n${result.log}`).toBe(0)
          const problems = workflowCommands(result).filter((c) => c.command === 'error' || c.command === 'warning')
          expect(problems, label).toEqual([])
          expect(result.stdout, label).toContain('Dry run: the message that would be sent')
          for (const text of example.marks.expect) expect(result.stdout, `${label}: promised "${text}"`).toContain(text)
          for (const text of example.marks.reject) expect(result.stdout, `${label}: "${text}"`).not.toContain(text)
          ran++
        }
      }
    }
    expect(ran, `${where}: no trigger of ${events.join(', ')} has an event fixture`).toBeGreaterThan(0)
  })
})
