import { describe, expect, it } from 'vitest'
import { refusedAuthAdvice } from '../../src/diagnosis/auth-refusal.js'
import { assessClaims, formatClaims, readClaims, type TokenClaims } from '../../src/auth/claims.js'
import { diagnose } from '../../src/diagnosis/diagnose.js'
import type { Failure } from '../../src/diagnosis/failure.js'
import { formatDiagnosis, troubleshootingAnchor, troubleshootingBase } from '../../src/diagnosis/format.js'

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
const jwt = (payload: unknown): string => `${b64({ typ: 'JWT', alg: 'RS256' })}.${b64(payload)}.c2lnbmF0dXJl`

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const APP = '11111111-2222-3333-4444-555555555555'
const OID = '99999999-8888-4777-8666-555555555555'
const CLAIMS: TokenClaims = {
  aud: 'https://outlook.office365.com',
  tid: TENANT,
  appid: APP,
  oid: OID,
  roles: ['SMTP.SendAsApp'],
  idtyp: 'app'
}
const EXPECTED = { tenant: TENANT, scope: 'https://outlook.office365.com/.default', smtpHost: 'smtp.office365.com' }

describe('readClaims', () => {
  it('reads the claims that tell set-up problems apart, and nothing else', () => {
    expect(readClaims(jwt({ ...CLAIMS, iss: 'https://sts.windows.net/x/', uti: 'u', upn: 'x' }))).toEqual(CLAIMS)
  })

  it('takes the first audience of a list, and azp when appid is absent (v2 tokens)', () => {
    expect(readClaims(jwt({ aud: ['https://outlook.office365.com', 'x'], azp: APP }))).toEqual({
      aud: 'https://outlook.office365.com',
      appid: APP
    })
  })

  it.each([
    ['an opaque token', 'EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA'],
    ['two parts', 'a.b'],
    ['a payload that is not JSON', 'a.bm90IGpzb24.c'],
    ['a payload that is not an object', `a.${b64([1, 2])}.c`],
    ['an empty string', '']
  ])('gives undefined for %s (not an error)', (_what, token) => {
    expect(readClaims(token)).toBeUndefined()
  })

  it('keeps a token without claims as an empty set, and ignores roles that are not text', () => {
    expect(readClaims(jwt({}))).toEqual({})
    expect(readClaims(jwt({ roles: ['SMTP.SendAsApp', 3, null] }))?.roles).toEqual(['SMTP.SendAsApp'])
  })

  it('drops values that are not short printable text: nothing can break a log line', () => {
    expect(
      readClaims(jwt({ oid: 'x\n::error::forged', tid: 'a'.repeat(201), roles: ['SMTP.SendAsApp', 'a b'] }))
    ).toEqual({
      roles: ['SMTP.SendAsApp']
    })
  })

  it('formats IDs only for the debug log', () => {
    expect(formatClaims({ aud: 'x', roles: [] })).toBe(
      'Access token claims: aud=x tid=(absent) appid=(absent) oid=(absent) roles=(none) idtyp=(absent)'
    )
    expect(formatClaims(undefined)).toBe('Access token: not a JWT; its claims cannot be read.')
  })
})

describe('assessClaims', () => {
  it('accepts a worldwide token for smtp.office365.com', () => {
    const a = assessClaims(CLAIMS, EXPECTED)
    expect([a.audience.state, a.tenant.state, a.role.state]).toEqual(['ok', 'ok', 'ok'])
  })

  it("accepts the Exchange API's application ID as audience", () => {
    expect(assessClaims({ aud: '00000002-0000-0ff1-ce00-000000000000' }, EXPECTED).audience.state).toBe('ok')
  })

  it("compares the audience with the SMTP host's cloud", () => {
    const a = assessClaims({ ...CLAIMS, aud: 'https://outlook.office365.us' }, EXPECTED)
    expect(a.audience).toEqual({
      state: 'fail',
      note: 'the token is for https://outlook.office365.us, but smtp.office365.com (Microsoft 365 worldwide) expects https://outlook.office365.com or https://outlook.office.com'
    })
  })

  it('compares the audience with the scope for a host that is not Microsoft’s', () => {
    const a = assessClaims({ aud: 'https://graph.microsoft.com' }, { ...EXPECTED, smtpHost: 'relay.example.com' })
    expect(a.audience.note).toBe(
      'the token is for https://graph.microsoft.com, but the requested scope https://outlook.office365.com/.default is for https://outlook.office365.com'
    )
  })

  it('says less when the tenant is a domain: tid cannot be compared with it', () => {
    const a = assessClaims(CLAIMS, { ...EXPECTED, tenant: 'contoso.onmicrosoft.com' })
    expect(a.tenant.state).toBe('unknown')
    expect(a.tenant.note).toContain('cannot be compared')
  })

  it('names the other tenant', () => {
    const a = assessClaims({ ...CLAIMS, tid: 'bbbbbbbb-0000-4000-8000-00000000000b' }, EXPECTED)
    expect(a.tenant).toEqual({
      state: 'fail',
      note: `the token was issued by tenant bbbbbbbb-0000-4000-8000-00000000000b, not by the configured tenant ${TENANT}`
    })
  })

  it('warns (does not fail) when the role is missing: Exchange RBAC may grant it', () => {
    expect(assessClaims({ ...CLAIMS, roles: ['Mail.Send'] }, EXPECTED).role).toEqual({
      state: 'warn',
      note: 'roles: Mail.Send; SMTP.SendAsApp is missing'
    })
    expect(assessClaims({ aud: CLAIMS.aud }, EXPECTED).role.state).toBe('warn')
  })

  it('reports missing claims as unknown', () => {
    const a = assessClaims({}, EXPECTED)
    expect([a.audience.state, a.tenant.state]).toEqual(['unknown', 'unknown'])
  })
})

describe('a refused AUTH, diagnosed from the claims passed in', () => {
  const refused: Failure = {
    source: 'smtp',
    code: 'EAUTH',
    response: '535 5.7.3 Authentication unsuccessful [SN4PR0601CA0003.namprd06.prod.outlook.com]',
    responseCode: 535,
    command: 'AUTH XOAUTH2',
    message: 'Invalid login'
  }
  const ctx = {
    tenant: TENANT,
    clientId: APP,
    mailbox: 'ci@contoso.com',
    authorityHost: 'https://login.microsoftonline.com',
    smtpHost: 'smtp.office365.com',
    smtpPort: 587,
    scope: 'https://outlook.office365.com/.default',
    cloud: 'public'
  }

  it('role present: the Exchange commands with the oid and appid of the token and the AUTH mailbox', () => {
    const text = formatDiagnosis(diagnose(refused, { ...ctx, token: CLAIMS }))
    expect(text.split('\n')[0]).toContain('The token carries SMTP.SendAsApp, so Entra ID is set up')
    expect(text).toContain(`New-ServicePrincipal -AppId ${APP} -ObjectId ${OID}`)
    expect(text).toContain(`Add-MailboxPermission -Identity ci@contoso.com -User ${OID} -AccessRights FullAccess`)
    expect(text).toContain('Presented access token: aud=https://outlook.office365.com')
  })

  it('role missing: admin consent first, at the exact place', () => {
    const d = diagnose(refused, { ...ctx, token: { ...CLAIMS, roles: undefined } })
    expect(d.headline).toMatch(/^Admin consent for SMTP\.SendAsApp is missing or not yet effective/)
    expect(d.fix[0]).toContain(
      'API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online'
    )
    expect(d.fix.join('\n')).toContain(`https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${APP}`)
  })

  it('the appid of the token wins over the configured client ID (it is what Exchange saw)', () => {
    const advice = refusedAuthAdvice('5.7.3', { ...CLAIMS, appid: 'abc' }, assessClaims(CLAIMS, EXPECTED), ctx)
    expect(advice.fix[0]).toContain('New-ServicePrincipal -AppId abc -ObjectId')
  })

  it('without claims the catalogue answers as before', () => {
    const d = diagnose(refused, ctx)
    expect(d.headline).toBe(
      'The SMTP server smtp.office365.com:587 refused authentication: 535 5.7.3 Authentication unsuccessful [SN4PR0601CA0003.namprd06.prod.outlook.com]'
    )
    expect(d.fix[0]).toContain('<Object ID from Entra → Enterprise applications → (this app)>')
  })
})

describe('links to docs/troubleshooting.md', () => {
  it.each([
    ['AADSTS7000215', 'aadsts7000215'],
    ['535 5.7.3', '535-573'],
    ['535 5.7.139', '535-57139'],
    ['550 5.7.705/5.7.708', '550-5770557708'],
    ['5.7.60 SendAsDenied', '5760-sendasdenied'],
    ['451 4.7.500-699', '451-47500-699'],
    ['TLS certificate', 'tls-certificate']
  ])('%s → #%s, as GitHub makes the anchor of the heading', (heading, anchor) => {
    expect(troubleshootingAnchor(heading)).toBe(anchor)
  })

  it('points at the version of the action that ran, only when the runner says which', () => {
    expect(troubleshootingBase({ GITHUB_ACTION_REPOSITORY: 'octo/mail', GITHUB_ACTION_REF: 'v2' })).toBe(
      'https://github.com/octo/mail/blob/v2/docs/troubleshooting.md'
    )
    expect(troubleshootingBase({ GITHUB_ACTION_REPOSITORY: '', GITHUB_ACTION_REF: '' })).toBeUndefined()
    expect(troubleshootingBase({ GITHUB_ACTION_REPOSITORY: 'octo/mail' })).toBeUndefined()
  })
})
