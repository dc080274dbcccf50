/**
 * The action end to end, as the runner runs it: dist/index.js against the local Entra token
 * endpoint and the Exchange-like SMTP server, with a client secret.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { escapeHtml } from '../../src/message/text.js'
import { cleanupRunnerTemp, failedMessage, maskedValues } from '../fakes/runner.js'
import { EXO_REPLIES } from '../fakes/smtp-server.js'
import pushEvent from '../fixtures/events/push.json' with { type: 'json' }
import {
  EXPIRED_APP,
  expectNothingSent,
  MAILBOX,
  SECRET_ID,
  SECRET_VALUE,
  TENANT,
  startWorld,
  withoutMasks,
  type World
} from './world.js'

let world: World

beforeAll(async () => {
  world = await startWorld()
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

/** Nothing was sent: no identity request, nothing said on the SMTP connection opened at start. */
function expectNoNetwork(): void {
  expectNothingSent(world)
}

describe('delivery with a client secret', () => {
  it('delivers a templated message and reports it in outputs and the job summary', async () => {
    const result = await world.run({
      eventName: 'push',
      event: pushEvent,
      inputs: world.inputs({
        to: 'dev@contoso.com, Ops Team <ops@contoso.com>',
        cc: 'lead@contoso.com',
        bcc: 'audit@contoso.com',
        'reply-to': 'noreply@contoso.com',
        subject: '{{ github.workflow }} {{ job.status }} on {{ github.ref_name }}\nBcc: attacker@evil.test',
        body: 'Commit {{ github.sha | short_sha }} by {{ github.actor }}: {{ github.event.head_commit.message | first_line }}\n{{ run_url }}',
        'job-status': 'failure'
      })
    })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    const [message] = world.smtp.messages
    const mail = message!.parsed
    expect(message!.user).toBe(MAILBOX)
    expect(message!.tlsVersion).toMatch(/TLSv1\.[23]/)
    expect(message!.envelope.mailFrom).toBe(MAILBOX)
    expect(message!.envelope.rcptTo.sort()).toEqual(
      ['audit@contoso.com', 'dev@contoso.com', 'lead@contoso.com', 'ops@contoso.com'].sort()
    )
    expect(mail.subject).toBe('CI failure on main Bcc: attacker@evil.test')
    expect(mail.from?.value).toEqual([{ name: 'CI Bot', address: 'ci@contoso.com' }])
    expect(mail.text?.trim()).toBe(
      'Commit 8f3c2e1 by octocat: Parse Liquid templates once\nhttps://github.com/octo/app/actions/runs/1658821493'
    )
    expect(mail.headers.has('bcc')).toBe(false)
    expect(message!.raw).not.toContain('audit@contoso.com')
    expect(message!.raw).not.toMatch(/^bcc:/im)
    expect(mail.replyTo?.text).toBe('noreply@contoso.com')

    expect(result.outputs['message-id']).toBe(mail.messageId)
    // the Bcc recipient is counted, never named: logs and outputs of public repositories are public
    expect(result.outputs.accepted?.split(',').sort()).toEqual([
      'dev@contoso.com',
      'lead@contoso.com',
      'ops@contoso.com'
    ])
    expect(result.outputs['accepted-count']).toBe('4')
    expect(result.log).not.toContain('audit@contoso.com')
    expect(result.outputs.rejected).toBe('')
    expect(result.outputs.response).toMatch(/^250 /)
    expect(result.summary).toContain('Notification sent')
    expect(result.summary).toContain('CI failure on main')
    expect(result.summary).toContain(escapeHtml(mail.messageId!))
    expect(result.summary).not.toContain('audit@contoso.com')

    // one token POST, nothing else: no instance discovery, no OpenID metadata
    expect(world.endpoint.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      `POST /${TENANT}/oauth2/v2.0/token`
    ])
  })

  it('sends the default message: text and HTML parts that say what failed and link the run', async () => {
    const result = await world.run({
      eventName: 'push',
      event: pushEvent,
      inputs: world.inputs({ 'job-status': 'failure' })
    })
    expect(result.code, result.log).toBe(0)
    const mail = world.smtp.messages[0]!.parsed
    expect(mail.subject).toBe('❌ Failed: CI on main in octo/app (#42)')
    expect(mail.text).toContain('The workflow "CI" failed.')
    expect(mail.text).toContain('Commit:     8f3c2e1 Parse Liquid templates once')
    expect(mail.html).toContain('href="https://github.com/octo/app/actions/runs/1658821493"')
    expect(mail.html).toContain('View run #42')
  })

  it('reads file:// templates from the workspace', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'workspace-'))
    mkdirSync(path.join(workspace, 'mail'))
    writeFileSync(path.join(workspace, 'mail/body.liquid'), 'Text for {{ github.repository }}')
    writeFileSync(path.join(workspace, 'mail/body.html'), '<p>HTML for {{ github.repository }}</p>')
    const result = await world.run({
      cwd: workspace,
      inputs: world.inputs({ body: 'file://mail/body.liquid', 'html-body': 'file://mail/body.html' })
    })
    expect(result.code, result.log).toBe(0)
    const mail = world.smtp.messages[0]!.parsed
    expect(mail.text?.trim()).toBe('Text for octo/app')
    expect(mail.html).toBe('<p>HTML for octo/app</p>')
  })

  it('authenticates as smtp-user when it differs from the From address', async () => {
    const result = await world.run({ inputs: world.inputs({ from: 'Team <team@contoso.com>', 'smtp-user': MAILBOX }) })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages[0]!.user).toBe(MAILBOX)
    expect(world.smtp.messages[0]!.parsed.from?.value).toEqual([{ name: 'Team', address: 'team@contoso.com' }])
  })
})

describe('secrets', () => {
  it('masks the client secret and the access token before anything else, and prints neither', async () => {
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code, result.log).toBe(0)
    const [token] = [...world.endpoint.issued.keys()]
    expect(token).toBeDefined()
    const masks = maskedValues(result)
    expect(masks).toContain(SECRET_VALUE)
    expect(masks).toContain(token)
    // the secret's mask is the first thing the action writes
    expect(result.stdout.indexOf(`::add-mask::${SECRET_VALUE}`)).toBe(result.stdout.indexOf('::'))
    const unmasked = withoutMasks(result.log)
    expect(unmasked).not.toContain(SECRET_VALUE)
    expect(unmasked).not.toContain(token)
    expect(result.summary).not.toContain(SECRET_VALUE)
    expect(JSON.stringify(result.outputs)).not.toContain(token)
  })
})

describe('diagnosis', () => {
  it('AADSTS7000215: the secret ID was given instead of its value', async () => {
    const result = await world.run({ inputs: world.inputs({ 'client-secret': SECRET_ID }) })
    expect(result.code).toBe(1)
    world.expectNoSecrets(result)
    const error = failedMessage(result)
    expect(error).toContain('Entra ID refused the token request (AADSTS7000215).')
    expect(error).toContain('Server said: AADSTS7000215: Invalid client secret provided.')
    expect(error).toMatch(/Correlation ID: [0-9a-f-]{36}/)
    expect(error).toContain('copy its Value (shown only once), not the Secret ID')
    expect(world.smtp.messages).toHaveLength(0)
  })

  it('AADSTS7000222: the secret expired', async () => {
    const result = await world.run({ inputs: world.inputs({ 'client-id': EXPIRED_APP }) })
    expect(result.code).toBe(1)
    world.expectNoSecrets(result)
    expect(failedMessage(result)).toContain('Diagnosis (AADSTS7000222): The client secret has expired.')
    expect(world.smtp.messages).toHaveLength(0)
  })

  it('AADSTS700016: no such app in the tenant', async () => {
    const result = await world.run({ inputs: world.inputs({ 'client-id': '99999999-9999-4999-8999-999999999999' }) })
    expect(result.code).toBe(1)
    world.expectNoSecrets(result)
    const error = failedMessage(result)
    expect(error).toContain('Diagnosis (AADSTS700016)')
    expect(error).toContain("Check 'client-id'")
  })

  it('AADSTS90002: tenant not found, perhaps another cloud', async () => {
    const result = await world.run({ inputs: world.inputs({ 'tenant-id': 'fabrikam.onmicrosoft.com' }) })
    expect(result.code).toBe(1)
    world.expectNoSecrets(result)
    const error = failedMessage(result)
    expect(error).toContain('Entra ID refused the token request (AADSTS90002).')
    expect(error).toContain("Tenant 'fabrikam.onmicrosoft.com' was not found")
    expect(error).toContain("Check 'cloud' (now 'public')")
    // one POST: msal's discovery did not swallow the AADSTS code
    expect(world.endpoint.requests.filter((r) => r.method === 'GET')).toHaveLength(0)
  })

  it('535 5.7.3: Exchange rejects the token, with every cause and command', async () => {
    world.authorize = () => EXO_REPLIES.authUnsuccessful
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code).toBe(1)
    world.expectNoSecrets(result)
    const error = failedMessage(result)
    expect(error).toContain('refused authentication: 535 5.7.3 Authentication unsuccessful')
    expect(error).toContain('New-ServicePrincipal -AppId 11111111-1111-4111-8111-111111111111')
    expect(error).toContain(`Add-MailboxPermission -Identity ${MAILBOX}`)
    expect(error).toContain('SMTP.SendAsApp')
    expect(world.smtp.messages).toHaveLength(0)
  })

  it('535 5.7.139: SMTP AUTH is disabled; security defaults first, Graph as the way out', async () => {
    world.authorize = () => EXO_REPLIES.smtpAuthDisabled
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code).toBe(1)
    world.expectNoSecrets(result)
    const message = failedMessage(result)
    expect(message).toContain(`Set-CASMailbox -Identity ${MAILBOX} -SmtpClientAuthenticationDisabled $false`)
    expect(message).toContain('Entra admin center → Overview → Properties → Manage security defaults')
    expect(message).toContain('transport: graph')
  })

  it('refuses to authenticate when the server offers no STARTTLS', async () => {
    const plain = await startWorldWithoutStartTls()
    try {
      const result = await plain.run({ inputs: plain.inputs() })
      expect(result.code).toBe(1)
      plain.expectNoSecrets(result)
      world.expectNoSecrets(result)
      expect(failedMessage(result)).toContain('Diagnosis (STARTTLS)')
      expect(plain.smtp.authAttempts).toHaveLength(0)
      expect(plain.smtp.messages).toHaveLength(0)
    } finally {
      await plain.close()
    }
  })
})

describe('bad inputs fail before any network use', () => {
  it.each([
    [{ 'smtp-port': 'abc' }, "Input 'smtp-port': 'abc' is not a whole number"],
    [{ to: '' }, "Input 'to': no recipient"],
    [{ to: 'dev@contoso.com, not an address' }, "Input 'to'"],
    [{ cloud: 'azure-germany' }, "Input 'cloud': unknown cloud 'azure-germany'"],
    [{ 'tenant-id': '' }, "Input 'tenant-id': is required"],
    [{ subject: '{% if %}' }, "Input 'subject': the Liquid template does not parse"],
    [{ 'html-body': '<p>{{ github.ref </p>' }, "Input 'html-body': the Liquid template does not parse"],
    [{ 'thread-key': '{{ github.ref | no_such_filter }}' }, "Input 'thread-key': the Liquid template does not parse"],
    [{ body: 'file://missing.liquid' }, "Input 'body': template file 'missing.liquid' does not exist"]
  ])('%j', async (overrides, message) => {
    const result = await world.run({ inputs: world.inputs(overrides) })
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toContain(message)
    expectNoNetwork()
    // the secret is masked before anything is printed, valid inputs or not
    expect(result.stdout.indexOf(`::add-mask::${SECRET_VALUE}`)).toBe(result.stdout.indexOf('::'))
  })
})

describe('dry run', () => {
  it('renders and reports the message, requests no token and connects to nothing', async () => {
    const result = await world.run({
      eventName: 'push',
      event: pushEvent,
      inputs: world.inputs({ 'dry-run': 'true', 'job-status': 'success' })
    })
    expect(result.code, result.log).toBe(0)
    expectNoNetwork()
    expect(result.stdout).toContain('Subject: ✅ Succeeded: CI on main in octo/app (#42)')
    expect(result.stdout).toContain('--- text/plain ---')
    expect(result.stdout).toContain('--- text/html ---')
    expect(result.summary).toContain('dry run, nothing sent')
    expect(result.summary).toContain('✅ Succeeded: CI on main in octo/app (#42)')
    expect(result.outputs['message-id']).toBe('')
  })
})

async function startWorldWithoutStartTls(): Promise<World> {
  return startWorld({ hideSTARTTLS: true })
}
