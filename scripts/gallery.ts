// The gallery (docs/gallery/*.png): every default message as the action itself renders it.
//
//   npm run bundle && npm run gallery      write docs/gallery/*.png
//   npm run gallery -- --html DIR          keep the rendered messages (HTML and text) in DIR too
//
// Each picture goes through the same code path as a real run: dist/index.js is started the way
// the runner starts it (__tests__/fakes/runner.ts), in dry run, on an event fixture, with the
// runner's environment of __tests__/fixtures/runner-env.json and, for the job-status messages,
// the local GitHub API stand-in serving a run fixture (__tests__/fixtures/github-api/). The
// message is taken from the action's dry-run output; nothing here renders a template itself.
//
// Needs Chromium (Debian: apt-get install chromium; or set CHROMIUM to its binary). It runs
// headless, with a throw-away profile and no background network use; the messages load nothing
// remote anyway.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { loadRun, startGitHubApi, type FixtureJob, type GitHubApi } from '../__tests__/fakes/github-api.js'
import { ACTION_PATH, cleanupRunnerTemp, runAction } from '../__tests__/fakes/runner.js'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** The runner's environment of every picture (as on GitHub-hosted runners), shared with `npm run preview`. */
export const GALLERY_ENV = JSON.parse(
  readFileSync(path.join(root, '__tests__/fixtures/runner-env.json'), 'utf8')
) as Record<string, string>

/** The github-token the stand-in accepts (the action reads the run with it, as with `${{ github.token }}`). */
const TOKEN = 'ghs_galleryG4lleryG4lleryG4lleryG4llery0'

type RunFixtureName = Parameters<typeof loadRun>[0]

/** One message of the gallery. */
export interface GalleryCase {
  /** File name (without .png). */
  name: string
  /** What it shows. */
  title: string
  /** GITHUB_EVENT_NAME. */
  eventName: string
  /** Payload: a fixture under __tests__/fixtures/events/ (without .json), or the payload itself. */
  event: string | Record<string, unknown>
  /** The job-status input. */
  status: string
  /** The run the GitHub API stand-in serves (fixtures/github-api/<run>.*.json). */
  run?: RunFixtureName
  /** Environment beyond GALLERY_ENV. */
  env?: Record<string, string>
}

const TAG_ENV = { GITHUB_REF: 'refs/tags/v2.3.0', GITHUB_REF_NAME: 'v2.3.0', GITHUB_REF_TYPE: 'tag' }
const PR_ENV = {
  GITHUB_REF: 'refs/pull/47/merge',
  GITHUB_REF_NAME: '47/merge',
  GITHUB_HEAD_REF: 'markdown-notes',
  GITHUB_BASE_REF: 'main',
  GITHUB_SHA: '0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6',
  GITHUB_ACTOR: 'hubot',
  GITHUB_TRIGGERING_ACTOR: 'hubot'
}
/** The run fixtures' reporting job: "Mail the team" (key notify) on runner "GitHub Actions 2", after the others. */
const NOTIFY_ENV = { GITHUB_JOB: 'notify', RUNNER_NAME: 'GitHub Actions 2' }

/** Every default message. */
export const GALLERY: GalleryCase[] = [
  {
    name: 'failure',
    title: 'A job failed (push), reported by a last job',
    eventName: 'push',
    event: 'push',
    status: 'failure',
    run: 'run-typical',
    env: NOTIFY_ENV
  },
  {
    name: 'success',
    title: 'The run succeeded (push): its jobs and their durations',
    eventName: 'push',
    event: 'push',
    status: 'success',
    run: 'run-success',
    env: NOTIFY_ENV
  },
  {
    name: 'cancelled',
    title: 'Run cancelled (pull request)',
    eventName: 'pull_request',
    event: 'pull_request',
    status: 'cancelled',
    run: 'run-cancelled',
    env: { ...PR_ENV, ...NOTIFY_ENV }
  },
  {
    name: 'release',
    title: 'Release published',
    eventName: 'release',
    event: 'release',
    status: '',
    env: { ...TAG_ENV, GITHUB_WORKFLOW: 'Release', GITHUB_JOB: 'announce' }
  },
  { name: 'push', title: 'Commits pushed', eventName: 'push', event: 'push', status: '' },
  {
    name: 'pull-request',
    title: 'Pull request opened',
    eventName: 'pull_request',
    event: 'pull_request',
    status: '',
    env: PR_ENV
  },
  {
    name: 'workflow-dispatch',
    title: 'Workflow run by hand',
    eventName: 'workflow_dispatch',
    event: 'workflow_dispatch',
    status: '',
    env: { GITHUB_WORKFLOW: 'Deploy', GITHUB_JOB: 'deploy' }
  },
  {
    name: 'schedule',
    title: 'Scheduled run',
    eventName: 'schedule',
    event: 'schedule',
    status: '',
    env: { GITHUB_WORKFLOW: 'Nightly', GITHUB_JOB: 'report' }
  },
  {
    name: 'generic',
    title: 'Any other event (here: issues)',
    eventName: 'issues',
    event: {
      action: 'opened',
      issue: { number: 12, title: 'Mail on failure', html_url: 'https://github.com/octo/app/issues/12' },
      repository: { full_name: 'octo/app', html_url: 'https://github.com/octo/app' },
      sender: { login: 'monalisa' }
    },
    status: '',
    env: { GITHUB_WORKFLOW: 'Triage', GITHUB_JOB: 'notify' }
  }
]

/** The event payload of a fixture under __tests__/fixtures/events/. */
export function eventFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(root, '__tests__/fixtures/events', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >
}

/**
 * The run fixture moved in time so that its last moment is `now` (less a few seconds): the run
 * is under way while the action runs, as in reality, and "Run time … so far" shows the fixture's
 * span rather than the months since the fixture was written.
 */
export function asOfNow(jobs: FixtureJob[], now: number): FixtureJob[] {
  const stamps = (value: unknown): number[] => {
    if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) return [Date.parse(value)]
    if (Array.isArray(value)) return value.flatMap(stamps)
    if (value && typeof value === 'object') return Object.values(value).flatMap(stamps)
    return []
  }
  const latest = Math.max(
    ...jobs.flatMap((job) => stamps([job.created_at, job.started_at, job.completed_at, job.steps]))
  )
  const shift = now - 5000 - latest
  const move = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string' && /_at$/.test(key) && /^\d{4}-\d\d-\d\dT/.test(value)) {
      return new Date(Date.parse(value) + shift).toISOString().replace(/\.000Z$/, 'Z')
    }
    if (Array.isArray(value)) return value.map((item) => move(item))
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, move(v, k)]))
    }
    return value
  }
  return jobs.map((job) => move(job) as FixtureJob)
}

/** A message as the action's dry run printed it. */
export interface GalleryMessage {
  subject: string
  text: string
  html: string
  /** The GitHub API requests the action made, by route. */
  apiRequests: string[]
}

/**
 * The message of the action's dry-run log: the group "Dry run: the message that would be sent"
 * holds `Subject: …`, then `--- text/plain ---` and `--- text/html ---` followed by the parts.
 * The HTML part ends with `</html>` (every default message does).
 */
export function messageFromLog(stdout: string): Omit<GalleryMessage, 'apiRequests'> {
  const lines = stdout.split(/\r?\n/)
  const group = lines.indexOf('::group::Dry run: the message that would be sent')
  const textAt = lines.indexOf('--- text/plain ---', group)
  const htmlAt = lines.indexOf('--- text/html ---', textAt)
  const end = lines.indexOf('</html>', htmlAt)
  if (group < 0 || textAt < 0 || htmlAt < 0 || end < 0) {
    throw new Error(`no dry-run message in the action's output:\n${stdout}`)
  }
  const subject = lines.slice(group, textAt).find((l) => l.startsWith('Subject: '))
  return {
    subject: subject?.slice('Subject: '.length) ?? '',
    text: lines.slice(textAt + 1, htmlAt).join('\n'),
    html: lines.slice(htmlAt + 1, end + 1).join('\n')
  }
}

/** Runs the action on one case the way the runner does, and returns the message it would send. */
export async function renderCase(c: GalleryCase, api: GitHubApi): Promise<GalleryMessage> {
  api.reset()
  const fixture = c.run ? loadRun(c.run) : { jobs: [], annotations: {} }
  api.setRun(asOfNow(fixture.jobs, Date.now()), fixture.annotations)
  const result = await runAction({
    eventName: c.eventName,
    event: typeof c.event === 'string' ? eventFixture(c.event) : c.event,
    env: { ...GALLERY_ENV, GITHUB_API_URL: api.url, ...c.env },
    inputs: {
      'tenant-id': 'contoso.onmicrosoft.com',
      'client-id': '00000000-0000-0000-0000-000000000000',
      from: 'CI Notifications <ci@contoso.com>',
      to: 'dev-team@contoso.com',
      'github-token': TOKEN,
      'job-status': c.status,
      'dry-run': 'true'
    },
    timeoutMs: 60_000
  })
  if (result.code !== 0) throw new Error(`${c.name}: the action failed (exit ${result.code}):\n${result.log}`)
  const warning = result.stdout.split('\n').find((l) => l.startsWith('::warning'))
  if (warning) throw new Error(`${c.name}: the action warned: ${warning}`)
  return { ...messageFromLog(result.stdout), apiRequests: api.requests.map((r) => r.route) }
}

const WIDTH = 800

function chromium(args: string[], profile: string): string {
  const binary = process.env.CHROMIUM ?? 'chromium'
  return execFileSync(
    binary,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      `--user-data-dir=${profile}`,
      ...args
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }
  )
}

/** The page height at WIDTH, measured by a script in a copy of the message (the message has none). */
function measureHeight(html: string, dir: string, profile: string): number {
  const probe = path.join(dir, 'probe.html')
  const script =
    '<script>document.documentElement.setAttribute("data-height", String(document.documentElement.scrollHeight))</script>'
  writeFileSync(probe, html.includes('</body>') ? html.replace('</body>', `${script}</body>`) : html + script)
  const dom = chromium([`--window-size=${WIDTH},600`, '--dump-dom', pathToFileURL(probe).href], profile)
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1])
  if (!height) throw new Error('could not measure the page height')
  return height
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { html: { type: 'string' } } })
  if (!existsSync(ACTION_PATH)) throw new Error(`${ACTION_PATH} is missing: run \`npm run bundle\` first.`)
  const outDir = path.join(root, 'docs/gallery')
  mkdirSync(outDir, { recursive: true })
  const work = mkdtempSync(path.join(tmpdir(), 'gallery-'))
  const profile = path.join(work, 'profile')
  const api = await startGitHubApi({ token: TOKEN })
  try {
    for (const c of GALLERY) {
      const message = await renderCase(c, api)
      if (values.html) {
        mkdirSync(values.html, { recursive: true })
        writeFileSync(path.join(values.html, `${c.name}.html`), message.html)
        writeFileSync(path.join(values.html, `${c.name}.txt`), `Subject: ${message.subject}\n\n${message.text}`)
      }
      const page = path.join(work, `${c.name}.html`)
      writeFileSync(page, message.html)
      const height = measureHeight(message.html, work, profile)
      const png = path.join(outDir, `${c.name}.png`)
      chromium([`--window-size=${WIDTH},${height}`, `--screenshot=${png}`, pathToFileURL(page).href], profile)
      const requests = message.apiRequests.length ? `  (GitHub API: ${message.apiRequests.join(', ')})` : ''
      console.log(`${path.relative(root, png)}  ${WIDTH}×${height}  ${message.subject}${requests}`)
    }
  } finally {
    await api.close()
    cleanupRunnerTemp()
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main()
}
