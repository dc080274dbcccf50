// Renders every default message from the event fixtures and screenshots its HTML part with
// headless Chromium, for docs/gallery/ and the README's "Default messages" section.
//
//   npx tsx scripts/gallery.ts                 write docs/gallery/*.png
//   npx tsx scripts/gallery.ts --html DIR      keep the rendered messages (HTML and text) in DIR
//
// Needs Chromium (Debian: apt-get install chromium; or set CHROMIUM to its path). Chromium runs
// without network use (the messages load nothing remote anyway) and with a throw-away profile.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { buildContext, type RunInfo, type RunJob } from '../src/context.js'
import { compileTemplates, renderMessage, type RenderedMessage } from '../src/render.js'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** The runner's environment for the gallery (as on GitHub-hosted runners), shared with `npm run preview`. */
export const GALLERY_ENV = JSON.parse(
  readFileSync(path.join(root, '__tests__/fixtures/runner-env.json'), 'utf8')
) as Record<string, string>

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

/** One message of the gallery. */
export interface GalleryCase {
  /** File name (without .png) and anchor. */
  name: string
  /** What it shows, for the README. */
  title: string
  /** GITHUB_EVENT_NAME. */
  eventName: string
  /** Fixture under __tests__/fixtures/events/ (without .json). */
  fixture: string
  /** The job-status input. */
  status: string
  /** Run information, if looked up. */
  run?: RunInfo
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

/** Every default message, from the fixtures. */
export const GALLERY: GalleryCase[] = [
  {
    name: 'failure',
    title: 'Job failed (push)',
    eventName: 'push',
    fixture: 'push',
    status: 'failure',
    run: SAMPLE_RUN_FAILURE
  },
  {
    name: 'success',
    title: 'Job succeeded (push)',
    eventName: 'push',
    fixture: 'push',
    status: 'success',
    run: SAMPLE_RUN_SUCCESS
  },
  {
    name: 'cancelled',
    title: 'Run cancelled (pull request)',
    eventName: 'pull_request',
    fixture: 'pull_request',
    status: 'cancelled',
    env: PR_ENV
  },
  { name: 'release', title: 'Release published', eventName: 'release', fixture: 'release', status: '', env: TAG_ENV },
  { name: 'push', title: 'Commits pushed', eventName: 'push', fixture: 'push', status: '' },
  {
    name: 'pull-request',
    title: 'Pull request opened',
    eventName: 'pull_request',
    fixture: 'pull_request',
    status: '',
    env: PR_ENV
  },
  {
    name: 'workflow-dispatch',
    title: 'Workflow run by hand',
    eventName: 'workflow_dispatch',
    fixture: 'workflow_dispatch',
    status: '',
    env: { GITHUB_WORKFLOW: 'Deploy', GITHUB_JOB: 'deploy' }
  },
  {
    name: 'schedule',
    title: 'Scheduled run',
    eventName: 'schedule',
    fixture: 'schedule',
    status: '',
    env: { GITHUB_WORKFLOW: 'Nightly', GITHUB_JOB: 'report' }
  },
  { name: 'generic', title: 'Any other event (here: issues)', eventName: 'issues', fixture: 'push', status: '' }
]

/** The event payload of a fixture. */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(root, '__tests__/fixtures/events', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >
}

/** Renders one gallery message with the default templates. */
export async function renderCase(c: GalleryCase): Promise<RenderedMessage> {
  const env = { ...GALLERY_ENV, GITHUB_EVENT_NAME: c.eventName, ...c.env }
  const event =
    c.eventName === 'issues'
      ? { action: 'opened', issue: { number: 12, title: 'Mail on failure' } }
      : fixture(c.fixture)
  return renderMessage(compileTemplates({}), buildContext(env, event, c.status, c.run ? { run: c.run } : {}))
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
  const outDir = path.join(root, 'docs/gallery')
  mkdirSync(outDir, { recursive: true })
  const work = mkdtempSync(path.join(tmpdir(), 'gallery-'))
  const profile = path.join(work, 'profile')
  try {
    for (const c of GALLERY) {
      const message = await renderCase(c)
      if (!message.html) throw new Error(`${c.name}: no HTML part`)
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
      console.log(`${path.relative(root, png)}  ${WIDTH}×${height}  ${message.subject}`)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main()
}
