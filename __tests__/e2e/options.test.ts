/**
 * Message options end to end: attachments, priority, threading, headers, vars and Markdown, as
 * they arrive at the SMTP server and parse back with mailparser.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage, workflowCommands } from '../fakes/runner.js'
import { expectNothingSent, startWorld, type World } from './world.js'

let world: World
let workspace: string

beforeAll(async () => {
  world = await startWorld()
  workspace = mkdtempSync(path.join(tmpdir(), 'options-'))
  mkdirSync(path.join(workspace, 'reports'))
  writeFileSync(path.join(workspace, 'reports/nightly.html'), '<h1>Nightly</h1>')
  writeFileSync(path.join(workspace, 'reports/coverage.txt'), 'lines: 93.1%')
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

describe('message options', () => {
  it('attaches the files the globs match', async () => {
    const result = await world.run({
      cwd: workspace,
      inputs: world.inputs({ attachments: 'reports/*.html\nreports/*.txt', subject: 'Nightly', body: 'See attached.' })
    })
    expect(result.code, result.log).toBe(0)
    const mail = world.smtp.messages[0]!.parsed
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual(['coverage.txt', 'nightly.html'])
    expect(mail.attachments.find((a) => a.filename === 'coverage.txt')!.content.toString()).toBe('lines: 93.1%')
    expect(mail.text?.trim()).toBe('See attached.')
  })

  // The "Nightly report" recipe (docs/templates.md): `if: always()` with `attachments:
  // reports/*.html`, in a job that failed before writing its reports.
  it('sends the mail with a warning when a pattern matches nothing (if-no-files-found: warn, the default)', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'nightly-'))
    const result = await world.run({
      cwd: empty,
      inputs: world.inputs({ attachments: 'reports/*.html', 'job-status': 'failure', subject: 'Nightly' })
    })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    expect(world.smtp.messages[0]!.parsed.attachments).toEqual([])
    const warnings = workflowCommands(result).filter((c) => c.command === 'warning')
    expect(warnings.map((w) => w.message)).toEqual([
      `Input 'attachments': 'reports/*.html' matches no file (in ${empty}): the message is sent without it. Set 'if-no-files-found' to 'error' to fail the step instead, or to 'ignore'.`
    ])
  })

  it('says nothing with if-no-files-found: ignore', async () => {
    const result = await world.run({
      cwd: workspace,
      inputs: world.inputs({ attachments: 'reports/*.pdf\nreports/*.txt', 'if-no-files-found': 'ignore' })
    })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages[0]!.parsed.attachments.map((a) => a.filename)).toEqual(['coverage.txt'])
    expect(workflowCommands(result).filter((c) => c.command === 'warning')).toEqual([])
  })

  it('fails before connecting when a pattern matches nothing with if-no-files-found: error', async () => {
    const result = await world.run({
      cwd: workspace,
      inputs: world.inputs({ attachments: 'reports/*.pdf', 'if-no-files-found': 'error' })
    })
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toContain("Input 'attachments': 'reports/*.pdf' matches no file")
    expectNothingSent(world)
  })

  it.skipIf(process.platform === 'win32')(
    'refuses a backslash pattern on Linux and macOS before connecting, naming the / form',
    async () => {
      const result = await world.run({ cwd: workspace, inputs: world.inputs({ attachments: 'reports\\*.html' }) })
      expect(result.code).toBe(1)
      expect(failedMessage(result)).toContain("write 'reports/*.html', which works on every runner")
      expectNothingSent(world)
    }
  )

  it('sets priority, extra headers and In-Reply-To/References', async () => {
    const result = await world.run({
      inputs: world.inputs({
        priority: 'high',
        headers: 'X-Build: "42"\nX-Environment: prod',
        'in-reply-to': '<announce.1@contoso.com>'
      })
    })
    expect(result.code, result.log).toBe(0)
    const { parsed: mail, raw } = world.smtp.messages[0]!
    expect(raw).toMatch(/^X-Priority: 1 \(Highest\)\r?$/m)
    expect(raw).toMatch(/^Importance: High\r?$/m)
    expect(mail.headers.get('x-build')).toBe('42')
    expect(mail.headers.get('x-environment')).toBe('prod')
    expect(mail.inReplyTo).toBe('<announce.1@contoso.com>')
    expect(mail.references).toBe('<announce.1@contoso.com>')
  })

  it('threads messages with the same thread-key together, and only those', async () => {
    const send = (ref: string) =>
      world.run({
        env: { GITHUB_REF: ref, GITHUB_REF_NAME: ref.replace('refs/heads/', '') },
        inputs: world.inputs({ 'thread-key': '{{ github.workflow }}-{{ github.ref }}' })
      })
    expect((await send('refs/heads/main')).code).toBe(0)
    expect((await send('refs/heads/main')).code).toBe(0)
    expect((await send('refs/heads/release')).code).toBe(0)
    const [a, b, c] = world.smtp.messages.map((m) => m.parsed)
    expect(a!.messageId).not.toBe(b!.messageId)
    expect(a!.references).toBe(b!.references)
    expect(a!.inReplyTo).toBe(b!.inReplyTo)
    expect(a!.headers.get('thread-topic')).toBe('CI-refs/heads/main')
    expect(a!.headers.get('thread-index')).toBe(b!.headers.get('thread-index'))
    expect(c!.references).not.toBe(a!.references)
    expect(c!.headers.get('thread-index')).not.toBe(a!.headers.get('thread-index'))
  })

  it('gives templates the vars', async () => {
    const result = await world.run({
      inputs: world.inputs({
        vars: 'environment: prod\nversion: "2.3.0"',
        subject: 'Deployed {{ vars.version }} to {{ vars.environment }}'
      })
    })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages[0]!.parsed.subject).toBe('Deployed 2.3.0 to prod')
  })

  it('renders a Markdown body to HTML and keeps the Markdown as text', async () => {
    const result = await world.run({
      inputs: world.inputs({ markdown: 'true', body: '# Deployed\n\n- **api** to `prod`\n- [run]({{ run_url }})' })
    })
    expect(result.code, result.log).toBe(0)
    const mail = world.smtp.messages[0]!.parsed
    expect(mail.text).toContain('- **api** to `prod`')
    expect(mail.html).toMatch(/<h1[^>]*>Deployed<\/h1>/)
    expect(mail.html).toMatch(/<strong>api<\/strong>/)
    expect(mail.html).toContain('href="https://github.com/octo/app/actions/runs/1658821493"')
  })

  it('shows attachments with sizes in a dry run', async () => {
    const result = await world.run({
      cwd: workspace,
      inputs: world.inputs({ 'dry-run': 'true', attachments: 'reports/nightly.html', 'thread-key': 'nightly' })
    })
    expect(result.code, result.log).toBe(0)
    expect(result.stdout).toContain('Attachment: nightly.html (16 B,')
    expect(result.stdout).toContain('Thread key: nightly')
    expect(world.smtp.sessions).toBe(0)
  })
})
