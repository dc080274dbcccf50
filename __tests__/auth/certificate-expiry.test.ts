import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { certificateExpiryWarning, EXPIRY_WARNING_DAYS } from '../../src/auth/certificate-expiry.js'
import type { Credential } from '../../src/inputs/credential.js'
import { parseSettings } from '../../src/inputs/settings.js'
import { createClientCertificate } from '../fakes/certs.js'
import { base, workspace } from '../inputs/parse-inputs.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** The credential the action reads from a certificate that ends at `notAfter`. */
function credentialEnding(notAfter: Date): Credential {
  const cert = createClientCertificate({ commonName: 'GitHub mail', notAfter })
  const { settings } = parseSettings(
    { ...base, 'client-secret': '', 'client-certificate': cert.combinedPem },
    { workspace, parseYaml }
  )
  return settings.credential
}

describe('a certificate that expires', () => {
  // whole seconds: a certificate's dates have no milliseconds
  const now = new Date(Math.floor(Date.now() / 1000) * 1000)

  it('is read with its notAfter', () => {
    const end = new Date(now.getTime() + 100 * DAY_MS)
    const credential = credentialEnding(end)
    expect(credential.kind === 'certificate' && credential.notAfter).toBe(end.toISOString().replace('.000Z', 'Z'))
  })

  it('within 30 days: a warning with the date, the days left and how to rotate', () => {
    const end = new Date(now.getTime() + 12 * DAY_MS - 60_000)
    const warning = certificateExpiryWarning(credentialEnding(end), now)
    expect(warning).toContain(`expires on ${end.toISOString().replace('.000Z', 'Z')}, in 12 days`)
    expect(warning).toContain('CN=GitHub mail')
    expect(warning).toContain('AADSTS700027')
    expect(warning).toContain('upload a new certificate')
  })

  it('expired: says so, and since when', () => {
    const end = new Date(now.getTime() - 3 * DAY_MS - 60_000)
    expect(certificateExpiryWarning(credentialEnding(end), now)).toMatch(
      /expired on \S+Z, 3 days ago: Entra ID refuses it/
    )
  })

  it('at the edge of the window: warned at 30 days, not at 31', () => {
    const credential = credentialEnding(new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY_MS))
    expect(certificateExpiryWarning(credential, now)).toContain('in 30 days')
    expect(certificateExpiryWarning(credential, new Date(now.getTime() - DAY_MS))).toBeUndefined()
  })

  it('nothing for a secret or OIDC', () => {
    expect(certificateExpiryWarning({ kind: 'secret', secret: 'x' }, now)).toBeUndefined()
    expect(certificateExpiryWarning({ kind: 'oidc', audience: 'api://AzureADTokenExchange' }, now)).toBeUndefined()
  })
})
