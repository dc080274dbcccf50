/**
 * `check-setup: true` with `transport: graph`, end to end: the token and its claims, then one
 * labelled test message to the sending mailbox itself; exit 0 only when Graph accepted it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage } from '../fakes/runner.js'
import { CONSENT_APP, MAILBOX, OTHER_MAILBOX, RBAC_APP, startGraphWorld, type GraphWorld } from './graph-world.js'

let world: GraphWorld

beforeAll(async () => {
  world = await startGraphWorld()
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

const recipients = (field: unknown): string[] =>
  ((Array.isArray(field) ? field : field ? [field] : []) as { value: { address?: string }[] }[]).flatMap((f) =>
    f.value.map((a) => a.address ?? '')
  )

describe('check-setup over Graph', () => {
  it('passes with Entra consent: shows the claims and sends one labelled message to the mailbox itself only', async () => {
    const result = await world.run({
      inputs: world.inputs({
        'check-setup': 'true',
        to: 'dev@contoso.com',
        cc: 'lead@contoso.com',
        bcc: 'a@contoso.com'
      })
    })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.sessions).toBe(0)
    expect(world.graph.messages).toHaveLength(1)
    const mail = world.graph.messages[0]!.parsed
    expect(recipients(mail.to)).toEqual([MAILBOX])
    expect(recipients(mail.cc)).toEqual([])
    expect(recipients(mail.bcc)).toEqual([])
    expect(mail.subject).toMatch(/^\[check-setup\] Test message/)
    expect(mail.text).toContain('You can delete it')
    expect(result.outputs['check-setup']).toBe('token=ok audience=ok role=ok tenant=ok send=ok')
    expect(result.log).toContain('aud https://graph.microsoft.com')
    expect(result.log).toContain('roles: Mail.Send')
    expect(result.log).toContain(`Test-ServicePrincipalAuthorization -Identity ${CONSENT_APP} -Resource ${MAILBOX}`)
    expect(result.log).toMatch(/Set-up check passed: ci@contoso\.com can send through Microsoft Graph/)
    expect(result.summary).toContain('Set-up check passed')
    world.expectNoSecrets(result)
  })

  it('passes for an app granted only through Exchange RBAC for Applications, saying its token carries no role', async () => {
    const result = await world.run({ inputs: world.inputs({ 'check-setup': 'true', 'client-id': RBAC_APP }) })
    expect(result.code, result.log).toBe(0)
    expect(world.graph.messages).toHaveLength(1)
    expect(result.outputs['check-setup']).toBe('token=ok audience=ok role=unknown tenant=ok send=ok')
    expect(result.log).toContain('RBAC for Applications (its token carries no role)')
  })

  it('fails for a mailbox outside the app’s RBAC scope, with Graph’s refusal', async () => {
    const result = await world.run({
      inputs: world.inputs({ 'check-setup': 'true', 'client-id': RBAC_APP, from: OTHER_MAILBOX })
    })
    expect(result.code).toBe(1)
    expect(world.graph.messages).toHaveLength(0)
    expect(result.outputs['check-setup']).toBe('token=ok audience=ok role=unknown tenant=ok send=fail')
    expect(failedMessage(result)).toContain('ErrorAccessDenied')
    expect(result.summary).toContain('Set-up check failed')
  })

  it('fails on a token for Exchange instead of Graph, naming the audience', async () => {
    const result = await world.run({
      inputs: world.inputs({ 'check-setup': 'true', 'token-scope': 'https://outlook.office365.com/.default' })
    })
    expect(result.code).toBe(1)
    expect(world.graph.messages).toHaveLength(0)
    expect(result.outputs['check-setup']).toMatch(/^token=ok audience=fail .* send=fail$/)
    expect(result.log).toContain('Microsoft Graph expects https://graph.microsoft.com')
    expect(failedMessage(result)).toContain('InvalidAuthenticationToken')
  })
})
