/**
 * Text the action did not write never drives the runner, and a blind copy stays blind. Tried as
 * an attacker would: workflow commands in commit messages, PR bodies, release notes, file names
 * and every reply of a misbehaving SMTP server, read back the way the runner reads the log.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage, type ActionResult } from '../fakes/runner.js'
import { startScriptedSmtp, type Reply, type Step } from '../fakes/scripted-smtp.js'
import { smtpError } from '../fakes/smtp-server.js'
import pullRequestEvent from '../fixtures/events/pull_request.json' with { type: 'json' }
import pushEvent from '../fixtures/events/push.json' with { type: 'json' }
import releaseEvent from '../fixtures/events/release.json' with { type: 'json' }
import { PWNED, expectOnlyOwnCommands } from './runner-safety.js'
import { SECRET_VALUE, startWorld, type World } from './world.js'

let world: World

beforeAll(async () => {
  world = await startWorld()
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

/** Every command a stranger might plant, one per line, in both syntaxes. */
const HOSTILE_LINES = [
  `::set-output name=accepted::${PWNED}`,
  `::add-mask::${PWNED}-mask`,
  `  ::error title=${PWNED}::${PWNED} error`,
  `::warning::${PWNED} warning`,
  `::group::${PWNED} group`,
  `::stop-commands::${PWNED}-stop`,
  `::save-state name=x::${PWNED}`,
  `text then ##[set-output name=response;]${PWNED}`
]
const HOSTILE = `Fix the build\n\n${HOSTILE_LINES.join('\n')}`

/** The secret is never shown, whatever the hostile text did before or after it was masked. */
function expectSecretMasked(result: ActionResult): void {
  const view = expectOnlyOwnCommands(result, { failed: result.code !== 0 })
  expect(view.masks).toContain(SECRET_VALUE)
  expect(view.shown.join('\n')).not.toContain(SECRET_VALUE)
}

describe('event text with workflow commands', () => {
  // the default push message shows each commit's first line: the body template shows it all
  const hostileEvents: [string, string, object, Record<string, string>][] = [
    [
      'a commit message',
      'push',
      {
        ...pushEvent,
        head_commit: { ...pushEvent.head_commit, message: HOSTILE },
        commits: pushEvent.commits.map((c) => ({ ...c, message: HOSTILE }))
      },
      { body: '{{ github.event.head_commit.message }}' }
    ],
    [
      'a pull request body',
      'pull_request',
      { ...pullRequestEvent, pull_request: { ...pullRequestEvent.pull_request, body: HOSTILE } },
      {}
    ],
    ['release notes', 'release', { ...releaseEvent, release: { ...releaseEvent.release, body: HOSTILE } }, {}]
  ]

  it.each(hostileEvents)('%s is printed in a dry run, never executed', async (_, eventName, event, inputs) => {
    const result = await world.run({ eventName, event, inputs: world.inputs({ 'dry-run': 'true', ...inputs }) })
    expect(result.code, result.log).toBe(0)
    const view = expectOnlyOwnCommands(result, { failed: false })
    // the reader still sees the text as written
    expect(view.shown).toContain(`::set-output name=accepted::${PWNED}`)
    expect(result.outputs.accepted).toBe('')
    expectSecretMasked(result)
  })

  it('a commit message in the subject and body of a real send with debug: true', async () => {
    const result = await world.run({
      eventName: 'push',
      event: { ...pushEvent, head_commit: { ...pushEvent.head_commit, message: `::error::${PWNED}\n${HOSTILE}` } },
      inputs: world.inputs({
        subject: '{{ github.event.head_commit.message }}',
        body: '{{ github.event.head_commit.message }}',
        debug: 'true'
      })
    })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages[0]?.parsed.text).toContain(`::add-mask::${PWNED}-mask`)
    expect(result.outputs.accepted).toBe('dev@contoso.com')
    expectSecretMasked(result)
    world.expectNoSecrets(result)
  })
})

describe('a misbehaving SMTP server', () => {
  /** Runs the action against a scripted server whose replies carry commands. */
  async function againstScripted(
    replies: Partial<Record<Step, Reply>>,
    inputs: Record<string, string> = {}
  ): Promise<ActionResult> {
    const server = await startScriptedSmtp({
      tls: { key: world.pki.serverKeyPem, cert: world.pki.serverCertPem },
      replies
    })
    try {
      return await world.run({
        inputs: world.inputs({ 'smtp-port': String(server.port), 'max-attempts': '1', debug: 'true', ...inputs })
      })
    } finally {
      await server.close()
    }
  }

  it('commands in the greeting, EHLO and the final 250 are shown, not executed', async () => {
    const result = await againstScripted({
      greeting: { code: 220, lines: ['scripted.test ESMTP', ...HOSTILE_LINES] },
      ehlo: { code: 250, lines: ['scripted.test', ...HOSTILE_LINES, 'SIZE 157286400'] },
      message: { code: 250, lines: ['2.0.0 OK', ...HOSTILE_LINES, '2.0.0 queued'] }
    })
    expect(result.code, result.log).toBe(0)
    const view = expectOnlyOwnCommands(result, { failed: false })
    // the transcript (debug: true) and the "Delivered" line show the server's words
    expect(view.shown.join('\n')).toContain(`::error title=${PWNED}::${PWNED} error`)
    expect(result.outputs.response).toContain(`::set-output name=accepted::${PWNED}`)
    expect(result.outputs.accepted).toBe('dev@contoso.com')
    expectSecretMasked(result)
  })

  it('commands in a refusal are quoted in the failure, and the failure is still the one error', async () => {
    const result = await againstScripted({
      mail: { code: 550, lines: ['5.7.1 Refused', ...HOSTILE_LINES] }
    })
    expect(result.code).toBe(1)
    const view = expectOnlyOwnCommands(result, { failed: true })
    expect(view.named('error')[0]?.data).toMatch(/^The SMTP server localhost:\d+ refused the sender \(MAIL FROM\)/)
    expectSecretMasked(result)
  })

  it('a reply of a megabyte is cut to a few KB, marked, and not repeated', async () => {
    const line = `5.3.4 ${'x'.repeat(990)}`
    const lines = Array.from({ length: 1000 }, (_, i) => `${line.slice(0, 980)} ${String(i).padStart(5, '0')}`)
    const result = await againstScripted({ message: { code: 554, lines } })
    expect(result.code).toBe(1)
    const view = expectOnlyOwnCommands(result, { failed: true })
    const failure = view.named('error')[0]?.data ?? ''
    expect(failure).toContain('[cut:')
    expect(failure.length).toBeLessThan(4000)
    // the whole log, debug transcript included, stays small
    expect(result.stdout.length).toBeLessThan(30_000)
    // the reply's last line (past the cut) appears nowhere
    expect(result.stdout).not.toContain(' 00999')
  })
})

describe('Bcc stays blind', () => {
  const BCC = 'secret-auditor@contoso.com'

  /** No reader of the run can learn the Bcc address: log, summary, outputs. */
  function expectBccHidden(result: ActionResult): void {
    const visible = [result.stdout, result.stderr, result.summary, JSON.stringify(result.outputs)].join('\n')
    expect(visible.toLowerCase()).not.toContain(BCC)
  }

  it('a Bcc-only message, delivered with the SMTP transcript in the log', async () => {
    const result = await world.run({ inputs: world.inputs({ to: '', bcc: BCC, debug: 'true' }) })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages[0]?.envelope.rcptTo).toEqual([BCC])
    expectBccHidden(result)
    expect(result.outputs).toMatchObject({ accepted: '', 'accepted-count': '1', rejected: '', 'rejected-count': '0' })
    expect(result.stdout).toContain('to 1 Bcc recipient(s)')
    expect(result.summary).toContain('1 Bcc')
  })

  it('a Bcc recipient the server rejects (naming it), with and without failing the step', async () => {
    world.hooks.onRcptTo = (address) =>
      address.address === BCC
        ? smtpError(550, `5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient ${BCC} not found by SMTP address lookup`)
        : undefined
    const failing = await world.run({ inputs: world.inputs({ bcc: BCC, debug: 'true' }) })
    expect(failing.code).toBe(1)
    expect(failedMessage(failing)).toContain('[Bcc recipient]')
    expectBccHidden(failing)
    expect(failing.outputs['rejected-count']).toBe('1')

    const tolerated = await world.run({ inputs: world.inputs({ bcc: BCC, 'fail-on-rejected': 'false' }) })
    expect(tolerated.code, tolerated.log).toBe(0)
    expectBccHidden(tolerated)
    expect(tolerated.outputs).toMatchObject({ accepted: 'dev@contoso.com', rejected: '', 'rejected-count': '1' })
  })

  it('every recipient rejected, a Bcc among them', async () => {
    world.hooks.onRcptTo = (address) => smtpError(550, `5.1.10 Recipient ${address.address} not found`)
    const result = await world.run({ inputs: world.inputs({ bcc: BCC }) })
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toMatch(/dev@contoso\.com/)
    expectBccHidden(result)
  })

  it('a dry run counts Bcc recipients and names none', async () => {
    const result = await world.run({
      inputs: world.inputs({ bcc: `${BCC}, Other <other-bcc@contoso.com>`, 'dry-run': 'true' })
    })
    expect(result.code, result.log).toBe(0)
    expect(result.stdout).toContain('Bcc: 2 hidden recipient(s)')
    expectBccHidden(result)
    expect(result.stdout).not.toContain('other-bcc@contoso.com')
  })

  it('an address in both To and Bcc is a To recipient: shown', async () => {
    const result = await world.run({ inputs: world.inputs({ to: BCC, bcc: BCC, 'dry-run': 'true' }) })
    expect(result.code, result.log).toBe(0)
    expect(result.stdout).toContain(`To: ${BCC}`)
  })
})

describe('file names with commands', () => {
  // Windows forbids newlines and `:` in file names, so there such a name cannot be planted.
  it.skipIf(process.platform === 'win32')(
    'an attachment named with a newline and ::error:: is sent under its name and shown, not executed',
    async () => {
      const workspace = mkdtempSync(path.join(tmpdir(), 'ema-ws-'))
      const name = `report\n::error::${PWNED}.txt`
      writeFileSync(path.join(workspace, name), 'results')
      for (const dryRun of ['true', 'false']) {
        world.reset()
        const result = await world.run({
          cwd: workspace,
          inputs: world.inputs({ attachments: 'report*', 'dry-run': dryRun })
        })
        expect(result.code, result.log).toBe(0)
        expectOnlyOwnCommands(result, { failed: false })
        if (dryRun === 'true') expect(result.stdout).toContain(`::error::${PWNED}.txt (7 B,`)
        else expect(world.smtp.messages[0]?.parsed.attachments[0]?.filename).toBe(name)
      }
    }
  )
})
