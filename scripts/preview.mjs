#!/usr/bin/env node
// Runs the bundled action (dist/index.js) in dry-run on a sample event, the way the Actions
// runner starts it, and prints the message it would send. No tenant or network needed.
//
//   npm run preview                                   failure notification for a push
//   npm run preview -- --status success
//   npm run preview -- --event path/to/event.json --event-name release --status ''
//   npm run preview -- --subject '{{ github.workflow }} {{ job.status }}' --body file://notes.liquid
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const { values } = parseArgs({
  options: {
    event: { type: 'string', default: path.join(root, '__tests__/fixtures/events/push.json') },
    'event-name': { type: 'string', default: 'push' },
    status: { type: 'string', default: 'failure' },
    subject: { type: 'string' },
    body: { type: 'string' },
    'html-body': { type: 'string' },
    summary: { type: 'boolean', default: false }
  }
})

const temp = mkdtempSync(path.join(tmpdir(), 'preview-'))
const summary = path.join(temp, 'summary.md')
const output = path.join(temp, 'output.txt')
writeFileSync(summary, '')
writeFileSync(output, '')

const inputs = {
  'tenant-id': 'contoso.onmicrosoft.com',
  'client-id': '00000000-0000-0000-0000-000000000000',
  from: 'CI Notifications <ci@contoso.com>',
  to: 'dev-team@contoso.com',
  'job-status': values.status,
  'dry-run': 'true',
  subject: values.subject ?? '',
  body: values.body ?? '',
  'html-body': values['html-body'] ?? ''
}
// A runner's environment as on GitHub-hosted runners (shared with scripts/gallery.ts).
const sample = JSON.parse(readFileSync(path.join(root, '__tests__/fixtures/runner-env.json'), 'utf8'))
const env = {
  ...sample,
  PATH: process.env.PATH,
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: values['event-name'],
  GITHUB_EVENT_PATH: path.resolve(values.event),
  GITHUB_WORKSPACE: process.cwd(),
  GITHUB_STEP_SUMMARY: summary,
  GITHUB_OUTPUT: output,
  RUNNER_TEMP: temp
}
for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value

const result = spawnSync(process.execPath, [path.join(root, 'dist/index.js')], { env, encoding: 'utf8' })
process.stdout.write(result.stdout)
process.stderr.write(result.stderr)
if (values.summary) process.stdout.write(`\n--- job summary ---\n${readFileSync(summary, 'utf8')}`)
process.exit(result.status ?? 1)
