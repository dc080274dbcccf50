/**
 * A `client-certificate` that is about to expire is announced while there is time to rotate it,
 * and a refused certificate assertion names the certificate's end date.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createClientCertificate } from '../fakes/certs.js'
import { cleanupRunnerTemp, failedMessage, workflowCommands } from '../fakes/runner.js'
import { CERT_APP, startWorld, type World } from './world.js'

const DAY_MS = 24 * 60 * 60 * 1000
let world: World

beforeAll(async () => {
  world = await startWorld()
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

function certificateInputs(pem: string): Record<string, string> {
  return world.inputs({ 'client-id': CERT_APP, 'client-secret': '', 'client-certificate': pem })
}

const warnings = (stdout: string): string[] =>
  workflowCommands({ stdout })
    .filter((c) => c.command === 'warning')
    .map((c) => c.message)

describe('client-certificate near its end', () => {
  it('warns with the date, and AADSTS700027 names the notAfter of the certificate presented', async () => {
    const notAfter = new Date(Math.floor((Date.now() + 10 * DAY_MS) / 1000) * 1000)
    const iso = notAfter.toISOString().replace('.000Z', 'Z')
    // a new certificate nobody uploaded yet: Entra knows only the old one
    const cert = createClientCertificate({ commonName: 'GitHub mail 2027', notAfter })
    const result = await world.run({ inputs: certificateInputs(cert.combinedPem) })
    expect(result.code).toBe(1)
    expect(warnings(result.stdout)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^The certificate in 'client-certificate' \\(CN=GitHub mail 2027, .*\\) expires on ${iso}, in 10 days`
        )
      )
    ])
    const failure = failedMessage(result) ?? ''
    expect(failure).toContain('AADSTS700027')
    expect(failure).toContain(`valid until ${iso}`)
    expect(failure).toContain(`If ${iso} (its notAfter) has passed`)
    expect(world.smtp.messages).toHaveLength(0)
  })

  it('a certificate with most of its life left sends without a warning', async () => {
    const result = await world.run({ inputs: certificateInputs(world.cert.combinedPem) })
    expect(result.code, result.log).toBe(0)
    expect(warnings(result.stdout)).toEqual([])
    expect(world.smtp.messages).toHaveLength(1)
  })
})
