/**
 * Set-up you can trust, end to end: a refused AUTH diagnosed from the claims of the token that
 * was presented (with this run's real IDs in the commands), `check-setup` (token, claims,
 * connection, STARTTLS, AUTH, QUIT; nothing sent), and the link to the troubleshooting section
 * at the version of the action that ran.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage, workflowCommands, type ActionResult } from '../fakes/runner.js'
import { EXO_REPLIES, type AuthorizeResult } from '../fakes/smtp-server.js'
import {
  MAILBOX,
  NOROLE_APP,
  NOROLE_APP_OID,
  OPAQUE_APP,
  OTHER_CLOUD_APP,
  OTHER_TENANT,
  OTHER_TENANT_APP,
  SECRET_APP,
  SECRET_APP_OID,
  TENANT,
  startWorld,
  type World
} from './world.js'

let world: World
let mailFromCommands = 0

beforeAll(async () => {
  world = await startWorld()
})
beforeEach(() => {
  world.reset()
  mailFromCommands = 0
  world.hooks.onMailFrom = () => {
    mailFromCommands++
  }
})
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

/** Token POSTs the endpoint received (msal must make no other request). */
const tokenRequests = (): number => world.endpoint.requests.filter((r) => r.method === 'POST').length

/** Exchange's decision as the service principal is set up: only tokens the endpoint issued count. */
const refuse =
  (reply: { code: number; message: string }) =>
  (_user: string, token: string): AuthorizeResult => {
    expect(world.endpoint.issued.has(token)).toBe(true)
    return reply
  }

/** Debug lines (core.debug) the runner would show with step debug logging on. */
const debugLines = (result: ActionResult): string[] =>
  workflowCommands(result)
    .filter((c) => c.command === 'debug')
    .map((c) => c.message)

describe('a refused AUTH is diagnosed from the claims of the presented token', () => {
  it('role present, service principal not registered: the commands carry the token oid, appid and the AUTH mailbox', async () => {
    world.authorize = refuse(EXO_REPLIES.authUnsuccessful)
    const result = await world.run({ inputs: world.inputs() })
    expect(result.code).toBe(1)
    const message = failedMessage(result) ?? ''
    expect(message).toContain('The token carries SMTP.SendAsApp, so Entra ID is set up')
    expect(message).toContain(`New-ServicePrincipal -AppId ${SECRET_APP} -ObjectId ${SECRET_APP_OID}`)
    expect(message).toContain(
      `Add-MailboxPermission -Identity ${MAILBOX} -User ${SECRET_APP_OID} -AccessRights FullAccess`
    )
    expect(message).toContain('allow up to an hour')
    expect(message).toContain('Server said: 535 5.7.3 Authentication unsuccessful')
    expect(message).not.toContain('Admin consent')
    expect(world.smtp.messages).toHaveLength(0)
    // The IDs are logged at debug level; the token never is.
    expect(debugLines(result)).toContain(
      `Access token claims: aud=https://outlook.office365.com tid=${TENANT} appid=${SECRET_APP} oid=${SECRET_APP_OID} roles=SMTP.SendAsApp idtyp=app`
    )
    world.expectNoSecrets(result)
  })

  it('role missing: admin consent headline with the exact place to grant it, and AUTH was still tried', async () => {
    world.authorize = refuse(EXO_REPLIES.authUnsuccessful)
    const result = await world.run({ inputs: world.inputs({ 'client-id': NOROLE_APP }) })
    expect(result.code).toBe(1)
    const message = failedMessage(result) ?? ''
    expect(message.split('\n')[0]).toBe(
      'Admin consent for SMTP.SendAsApp is missing or not yet effective: the token that was presented carries no SMTP.SendAsApp role (no roles claim; SMTP.SendAsApp is missing).'
    )
    expect(message).toContain(
      `App registrations → (app ${NOROLE_APP}) → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp`
    )
    expect(message).toContain(`${world.endpoint.url}/${TENANT}/adminconsent?client_id=${NOROLE_APP}`)
    expect(message).toContain(`az ad app permission admin-consent --id ${NOROLE_APP}`)
    // With RBAC for Applications the Exchange side is the rest of the answer, with this app's IDs.
    expect(message).toContain(`New-ServicePrincipal -AppId ${NOROLE_APP} -ObjectId ${NOROLE_APP_OID}`)
    expect(world.smtp.authAttempts.length).toBeGreaterThanOrEqual(1)
    world.expectNoSecrets(result)
  })

  it('a missing role does not stop delivery when Exchange grants it (RBAC for Applications)', async () => {
    const result = await world.run({ inputs: world.inputs({ 'client-id': NOROLE_APP }) })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
  })

  it('535 5.7.139: Set-CASMailbox for the AUTH mailbox, with the propagation delay', async () => {
    world.authorize = refuse(EXO_REPLIES.smtpAuthDisabled)
    const result = await world.run({ inputs: world.inputs({ 'smtp-user': 'relay@contoso.com' }) })
    expect(result.code).toBe(1)
    const message = failedMessage(result) ?? ''
    expect(message.split('\n')[0]).toContain('SMTP AUTH is turned off for relay@contoso.com')
    expect(message).toContain('Set-CASMailbox -Identity relay@contoso.com -SmtpClientAuthenticationDisabled $false')
    expect(message).toContain('allow up to an hour')
    world.expectNoSecrets(result)
  })

  it('a token for another cloud: says which audience it has and which was expected', async () => {
    world.authorize = refuse(EXO_REPLIES.authUnsuccessful)
    const result = await world.run({ inputs: world.inputs({ 'client-id': OTHER_CLOUD_APP }) })
    expect(failedMessage(result)?.split('\n')[0]).toBe(
      'Exchange refused the token because it is for another resource: the token is for https://outlook.office365.us, but the requested scope https://outlook.office365.com/.default is for https://outlook.office365.com.'
    )
  })

  it('a token from another tenant: says which tenant issued it', async () => {
    world.authorize = refuse(EXO_REPLIES.authUnsuccessful)
    const result = await world.run({ inputs: world.inputs({ 'client-id': OTHER_TENANT_APP }) })
    expect(failedMessage(result)?.split('\n')[0]).toBe(
      `Exchange refused the token because it comes from another tenant: the token was issued by tenant ${OTHER_TENANT}, not by the configured tenant ${TENANT}.`
    )
  })

  it('a token that is not a JWT is no error: the diagnosis says less', async () => {
    world.authorize = refuse(EXO_REPLIES.authUnsuccessful)
    const result = await world.run({ inputs: world.inputs({ 'client-id': OPAQUE_APP }) })
    expect(result.code).toBe(1)
    const message = failedMessage(result) ?? ''
    expect(message.split('\n')[0]).toBe(
      'The SMTP server localhost:' +
        world.smtp.port +
        ' refused authentication: 535 5.7.3 Authentication unsuccessful [SN4PR0601CA0003.namprd06.prod.outlook.com]'
    )
    expect(message).toContain(`New-ServicePrincipal -AppId ${OPAQUE_APP} -ObjectId <Object ID from Entra`)
    expect(debugLines(result)).toContain('Access token: not a JWT; its claims cannot be read.')
    world.expectNoSecrets(result)
  })
})

describe('the diagnosis links to its section of docs/troubleshooting.md', () => {
  it('at the version of the action that ran', async () => {
    world.authorize = refuse(EXO_REPLIES.authUnsuccessful)
    const result = await world.run({
      inputs: world.inputs(),
      env: { GITHUB_ACTION_REPOSITORY: 'contoso/exchange-mail', GITHUB_ACTION_REF: 'v1.2.0' }
    })
    const message = failedMessage(result) ?? ''
    expect(message).toContain(
      'See https://github.com/contoso/exchange-mail/blob/v1.2.0/docs/troubleshooting.md#535-573'
    )
    expect(message).not.toContain('learn.microsoft.com')
    // The anchor is the one GitHub makes for the page's heading.
    const page = readFileSync(new URL('../../docs/troubleshooting.md', import.meta.url), 'utf8')
    expect(page).toMatch(/^## 535 5\.7\.3$/m)
  })

  it("Microsoft's page when the runner does not say where the action comes from (uses: ./)", async () => {
    world.authorize = refuse(EXO_REPLIES.authUnsuccessful)
    const result = await world.run({ inputs: world.inputs() })
    expect(failedMessage(result)).toContain(
      'See https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth'
    )
  })

  it('for a token endpoint error too', async () => {
    const result = await world.run({
      inputs: world.inputs({ 'client-secret': 'wrong' }),
      env: { GITHUB_ACTION_REPOSITORY: 'contoso/exchange-mail', GITHUB_ACTION_REF: 'main' }
    })
    expect(failedMessage(result)).toContain(
      'See https://github.com/contoso/exchange-mail/blob/main/docs/troubleshooting.md#aadsts7000215'
    )
  })
})

describe('check-setup: true', () => {
  const checkInputs = (overrides: Record<string, string> = {}): Record<string, string> => {
    const { to: _to, ...inputs } = world.inputs({ 'check-setup': 'true', ...overrides })
    return inputs
  }

  it('authenticates and sends nothing: no recipients needed, one token request, a checklist', async () => {
    const result = await world.run({ inputs: checkInputs() })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.authAttempts).toEqual([expect.objectContaining({ user: MAILBOX, ok: true })])
    expect(mailFromCommands).toBe(0)
    expect(world.smtp.messages).toHaveLength(0)
    expect(tokenRequests()).toBe(1)
    expect(result.outputs['check-setup']).toBe('token=ok audience=ok role=ok tenant=ok smtp=ok tls=ok auth=ok')
    expect(result.outputs['message-id']).toBeUndefined()
    expect(result.summary).toContain('Set-up check passed')
    for (const line of [
      'Token acquired',
      'Audience',
      'Role SMTP.SendAsApp',
      'Tenant',
      'SMTP reachable',
      'TLS',
      'AUTH XOAUTH2'
    ]) {
      expect(result.summary).toContain(`<tr><td>✅</td><th align="left">${line}</th>`)
    }
    expect(result.stdout).toContain(
      `Set-up check passed: ${MAILBOX} can authenticate to localhost with XOAUTH2. Nothing was sent.`
    )
    // The connection ended with QUIT, not by dropping it.
    expect(debugLines(result)).toContain('smtp debug: QUIT')
    world.expectNoSecrets(result)
  })

  it('a missing role is a warning with its fix; the check passes when Exchange accepts AUTH', async () => {
    const result = await world.run({ inputs: checkInputs({ 'client-id': NOROLE_APP }) })
    expect(result.code, result.log).toBe(0)
    expect(result.outputs['check-setup']).toBe('token=ok audience=ok role=warn tenant=ok smtp=ok tls=ok auth=ok')
    expect(result.summary).toContain('<tr><td>⚠️</td><th align="left">Role SMTP.SendAsApp</th>')
    expect(result.summary).toContain(`az ad app permission admin-consent --id ${NOROLE_APP}`)
  })

  it('fails when AUTH is refused: the failing line carries the fix with the real IDs', async () => {
    world.authorize = refuse(EXO_REPLIES.authUnsuccessful)
    const result = await world.run({ inputs: checkInputs() })
    expect(result.code).toBe(1)
    expect(result.outputs['check-setup']).toBe('token=ok audience=ok role=ok tenant=ok smtp=ok tls=ok auth=fail')
    expect(result.summary).toContain('Set-up check failed')
    const authRow = result.summary.split('<tr>').find((row) => row.includes('AUTH XOAUTH2')) ?? ''
    expect(authRow).toContain('❌')
    expect(authRow).toContain(`New-ServicePrincipal -AppId ${SECRET_APP} -ObjectId ${SECRET_APP_OID}`)
    expect(authRow).toContain(
      `Add-MailboxPermission -Identity ${MAILBOX} -User ${SECRET_APP_OID} -AccessRights FullAccess`
    )
    expect(failedMessage(result)).toContain(`New-ServicePrincipal -AppId ${SECRET_APP} -ObjectId ${SECRET_APP_OID}`)
    // A check asks once: no renewal, no retry, nothing sent.
    expect(tokenRequests()).toBe(1)
    expect(world.smtp.authAttempts).toHaveLength(1)
    expect(mailFromCommands).toBe(0)
    world.expectNoSecrets(result)
  })

  it('role missing and AUTH refused: consent on the role line, the Exchange commands on the AUTH line', async () => {
    world.authorize = refuse(EXO_REPLIES.authUnsuccessful)
    const result = await world.run({ inputs: checkInputs({ 'client-id': NOROLE_APP }) })
    expect(result.code).toBe(1)
    expect(result.outputs['check-setup']).toBe('token=ok audience=ok role=warn tenant=ok smtp=ok tls=ok auth=fail')
    const rows = result.summary.split('<tr>')
    const roleRow = rows.find((row) => row.includes('Role SMTP.SendAsApp')) ?? ''
    const authRow = rows.find((row) => row.includes('AUTH XOAUTH2')) ?? ''
    expect(roleRow).toContain(`adminconsent?client_id=${NOROLE_APP}`)
    expect(authRow).toContain('Admin consent for SMTP.SendAsApp is missing or not yet effective')
    expect(authRow).toContain(`New-ServicePrincipal -AppId ${NOROLE_APP} -ObjectId ${NOROLE_APP_OID}`)
    expect(authRow).not.toContain('adminconsent')
  })

  it('fails at the token: AUTH is not tried, the token line has the AADSTS fix', async () => {
    const result = await world.run({ inputs: checkInputs({ 'client-secret': 'wrong' }) })
    expect(result.code).toBe(1)
    expect(result.outputs['check-setup']).toBe(
      'token=fail audience=skipped role=skipped tenant=skipped smtp=ok tls=ok auth=skipped'
    )
    const tokenRow = result.summary.split('<tr>').find((row) => row.includes('Token acquired')) ?? ''
    expect(tokenRow).toContain('❌')
    expect(tokenRow).toContain('AADSTS7000215')
    expect(tokenRow).toContain(`(app ${SECRET_APP}) → Certificates &amp; secrets`)
    expect(world.smtp.authAttempts).toHaveLength(0)
  })

  it('fails when the SMTP server is unreachable: the token is still checked', async () => {
    const result = await world.run({ inputs: checkInputs({ 'smtp-port': '1', 'timeout-seconds': '20' }) })
    expect(result.code).toBe(1)
    expect(result.outputs['check-setup']).toBe(
      'token=ok audience=ok role=ok tenant=ok smtp=fail tls=skipped auth=skipped'
    )
    expect(failedMessage(result)).toContain('ECONNREFUSED')
  })

  it("fails on TLS when the server's certificate is not trusted: reachable, TLS failed, AUTH not tried", async () => {
    // Without the test CA neither peer is trusted: the token request fails too.
    const result = await world.run({ inputs: checkInputs(), caFile: undefined })
    expect(result.code).toBe(1)
    expect(result.outputs['check-setup']).toBe(
      'token=fail audience=skipped role=skipped tenant=skipped smtp=ok tls=fail auth=skipped'
    )
    const rows = result.summary.split('<tr>')
    const tokenRow = rows.find((row) => row.includes('Token acquired')) ?? ''
    const tlsRow = rows.find((row) => row.includes('>TLS<')) ?? ''
    expect(tokenRow).toContain('NODE_EXTRA_CA_CERTS')
    expect(tlsRow).toContain('❌')
    // Node 24 adds a hint after Node's own words; both versions say this much.
    expect(tlsRow).toMatch(/failed: unable to verify the first certificate.*\(the fix is on an earlier line\)/)
    expect(world.smtp.authAttempts).toHaveLength(0)
  })

  it('is refused together with dry-run', async () => {
    const result = await world.run({ inputs: checkInputs({ 'dry-run': 'true' }) })
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toContain("Input 'check-setup'")
    expect(tokenRequests()).toBe(0)
  })
})
