#!/usr/bin/env node
// Runs the bundled action (dist/index.js) in dry-run on a sample event, the way the Actions
// runner starts it, and prints the message it would send. No tenant or network needed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const events = path.join(root, '__tests__/fixtures/events')

const USAGE = `Usage: npm run preview -- [options]

Renders the message the action would send (dry run of dist/index.js; run \`npm run bundle\` after
changing src/ or templates/). Nothing is sent and no token is requested.

Options:
  --event FILE         event payload (JSON), as the runner writes it to GITHUB_EVENT_PATH
                       (default: the sample of --event-name in __tests__/fixtures/events/)
  --event-name NAME    GITHUB_EVENT_NAME (default: push)
  --status STATUS      the job-status input: failure, cancelled, success or '' (default: failure
                       for the sample push; '' — the event's own message — once --event or
                       --event-name is given)
  --subject TEXT       the subject input (Liquid; file://path reads a file of the current directory)
  --body TEXT          the body input
  --html-body TEXT     the html-body input
  --markdown           the body is Markdown (the markdown input): its HTML part is rendered from it
  --vars TEXT          the vars input, YAML or JSON (e.g. 'environment: prod' for {{ vars.environment }})
  --attachments TEXT   the attachments input: globs relative to the current directory
  --html-out FILE      also write the HTML part to FILE, to open in a browser
  --summary            print the job summary too
  -h, --help           print this help

Examples:
  npm run preview                                        failure notification for a push
  npm run preview -- --status success
  npm run preview -- --event-name release                the release announcement (sample event)
  npm run preview -- --event release.json --event-name release
  npm run preview -- --subject '{{ github.workflow }} {{ job.status }}' --body file://notes.liquid
  npm run preview -- --body file://notes.md --markdown --vars 'environment: prod' --html-out notes.html
`

let values
try {
  ;({ values } = parseArgs({
    options: {
      event: { type: 'string' },
      'event-name': { type: 'string' },
      status: { type: 'string' },
      subject: { type: 'string' },
      body: { type: 'string' },
      'html-body': { type: 'string' },
      markdown: { type: 'boolean', default: false },
      vars: { type: 'string' },
      attachments: { type: 'string' },
      'html-out': { type: 'string' },
      summary: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  }))
} catch (err) {
  process.stderr.write(`preview: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`)
  process.exit(2)
}
if (values.help) {
  process.stdout.write(USAGE)
  process.exit(0)
}

const eventName = values['event-name'] ?? 'push'
// The sample push shows the failure message (the one most people set up first); a named event
// shows its own message unless a status is asked for.
const chosenEvent = values.event !== undefined || values['event-name'] !== undefined
const status = values.status ?? (chosenEvent ? '' : 'failure')
// npm runs scripts in the package's directory: a relative --event is relative to where npm was started.
const cwd = process.env.INIT_CWD || process.cwd()
const eventFile = values.event !== undefined ? path.resolve(cwd, values.event) : sampleEvent(eventName)
if (!existsSync(eventFile)) {
  process.stderr.write(`preview: no event file ${eventFile}\n\n${USAGE}`)
  process.exit(2)
}
const dist = path.join(root, 'dist/index.js')
if (!existsSync(dist)) {
  process.stderr.write('preview: dist/index.js is missing: run `npm run bundle` first.\n')
  process.exit(2)
}

/** The sample payload for an event name (pull_request_target uses pull_request's); an empty one otherwise. */
function sampleEvent(name) {
  const file = path.join(events, `${name === 'pull_request_target' ? 'pull_request' : name}.json`)
  if (existsSync(file)) return file
  const empty = path.join(temp(), 'event.json')
  writeFileSync(empty, '{}')
  return empty
}

let tempDir
function temp() {
  tempDir ??= mkdtempSync(path.join(tmpdir(), 'preview-'))
  return tempDir
}

const summary = path.join(temp(), 'summary.md')
const output = path.join(temp(), 'output.txt')
writeFileSync(summary, '')
writeFileSync(output, '')

const inputs = {
  'tenant-id': 'contoso.onmicrosoft.com',
  'client-id': '00000000-0000-0000-0000-000000000000',
  from: 'CI Notifications <ci@contoso.com>',
  to: 'dev-team@contoso.com',
  'job-status': status,
  'dry-run': 'true',
  subject: values.subject ?? '',
  body: values.body ?? '',
  'html-body': values['html-body'] ?? '',
  markdown: values.markdown ? 'true' : 'false',
  vars: values.vars ?? '',
  attachments: values.attachments ?? ''
}
// A runner's environment as on GitHub-hosted runners (shared with scripts/gallery.ts).
const sample = JSON.parse(readFileSync(path.join(root, '__tests__/fixtures/runner-env.json'), 'utf8'))
const env = {
  ...sample,
  PATH: process.env.PATH,
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: eventName,
  GITHUB_EVENT_PATH: eventFile,
  GITHUB_WORKSPACE: cwd,
  GITHUB_STEP_SUMMARY: summary,
  GITHUB_OUTPUT: output,
  RUNNER_TEMP: temp()
}
if (eventName === 'release') {
  const tag = JSON.parse(readFileSync(eventFile, 'utf8'))?.release?.tag_name
  if (typeof tag === 'string' && tag) {
    Object.assign(env, { GITHUB_REF: `refs/tags/${tag}`, GITHUB_REF_NAME: tag, GITHUB_REF_TYPE: 'tag' })
  }
}
for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value

const result = spawnSync(process.execPath, [dist], { env, encoding: 'utf8' })
process.stdout.write(result.stdout)
process.stderr.write(result.stderr)
if (values.summary) process.stdout.write(`\n--- job summary ---\n${readFileSync(summary, 'utf8')}`)
const leftOut = runLeftOut()
if (leftOut && result.status === 0) {
  process.stderr.write(
    `preview: ${leftOut} left out: the action reads it from the GitHub API with 'github-token' while the job runs ` +
      '(permissions: actions: read, checks: read), and a preview has no run to read.\n'
  )
}
if (values['html-out'] !== undefined && result.status === 0) writeHtmlPart(path.resolve(cwd, values['html-out']))
rmSync(temp(), { recursive: true, force: true })
process.exit(result.status === 0 ? (process.exitCode ?? 0) : (result.status ?? 1))

/**
 * What of the run the message would show and the preview cannot: the rule of wantsRunInfo in
 * src/run-info/from-env.ts (a template that mentions `run.`; the default body of a failure,
 * cancellation or success), undefined when the message shows nothing of the run.
 */
function runLeftOut() {
  const templates = [inputs.subject, inputs.body, inputs['html-body']]
  const failed = "what failed (the run's jobs, failed steps and error annotations) is"
  if (templates.some((t) => /\brun\.\w/.test(t))) return 'the run (every `run.` value of the template) is'
  if (inputs.body || inputs['html-body']) return undefined
  const kind = status.trim().toLowerCase()
  if (kind === 'failure' || kind === 'cancelled') return failed
  const action = JSON.parse(readFileSync(eventFile, 'utf8'))?.action
  const announcement =
    eventName === 'release' && ['published', 'created', 'prereleased', 'released', ''].includes(action ?? '')
  if (kind === 'success' && !announcement) return "the run's jobs and their durations are"
  return undefined
}

/**
 * Writes the HTML part of the dry run's message: the group "Dry run: the message that would be
 * sent" (fenced with stop-commands when the message holds `::`) ends with `--- text/html ---`
 * and the HTML part.
 */
function writeHtmlPart(file) {
  const lines = result.stdout.split(/\r?\n/)
  const start = lines.indexOf('::group::Dry run: the message that would be sent')
  const fence = /^::stop-commands::(.+)$/.exec(lines[start + 1] ?? '')?.[1]
  const end = lines.indexOf(fence ? `::${fence}::` : '::endgroup::', start + 1)
  const block = lines.slice(start + 1, end)
  const html = block.indexOf('--- text/html ---', block.indexOf('--- text/plain ---'))
  if (start < 0 || end < 0 || html < 0 || !/^Parts: .*HTML/m.test(result.stdout)) {
    process.stderr.write('preview: the message has no HTML part; nothing written to --html-out.\n')
    process.exitCode = 1
    return
  }
  writeFileSync(
    file,
    `${block
      .slice(html + 1)
      .join('\n')
      .trimEnd()}\n`
  )
  process.stderr.write(`preview: HTML part written to ${file}\n`)
}
