import { describe, expect, it } from 'vitest'
import type { TokenClaims } from '../../src/auth/claims.js'
import { diagnose, type DiagnosisContext } from '../../src/diagnosis/diagnose.js'
import { failureFromError } from '../../src/diagnosis/failure.js'
import { formatDiagnosis } from '../../src/diagnosis/format.js'
import { catalogueEntry } from '../../src/diagnosis/match.js'
import type { GraphError } from '../../src/graph/graph-error.js'
import { CLIENT_REQUEST_ID, DATE, REQUEST_ID, graphError, noAnswer } from './graph-samples.js'

const APP = '11111111-2222-3333-4444-555555555555'
const SP = '99999999-8888-7777-6666-555555555555'
const TENANT = '0c4f1c2e-1111-2222-3333-444455556666'

const ctx: DiagnosisContext = {
  tenant: TENANT,
  clientId: APP,
  mailbox: 'ci@contoso.com',
  from: 'ci@contoso.com',
  cloud: 'public',
  authorityHost: 'https://login.microsoftonline.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  transport: 'graph',
  graphHost: 'https://graph.microsoft.com',
  scope: 'https://graph.microsoft.com/.default'
}

/** Claims of a Graph token for this app, with the roles given. */
const token = (roles: string[] | undefined, extra: TokenClaims = {}): TokenClaims => ({
  aud: 'https://graph.microsoft.com',
  tid: TENANT,
  appid: APP,
  oid: SP,
  idtyp: 'app',
  ...(roles ? { roles } : {}),
  ...extra
})

const text = (err: GraphError, context: DiagnosisContext = ctx): string =>
  formatDiagnosis(diagnose(failureFromError(err), context))

const accessDenied = (operation: GraphError['operation'] = 'sendMail') =>
  graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.', { operation })

describe('a Graph failure', () => {
  it('is read as Graph, though its code starts with E like a socket error', () => {
    expect(failureFromError(accessDenied())).toMatchObject({
      source: 'graph',
      status: 403,
      code: 'ErrorAccessDenied',
      requestId: REQUEST_ID,
      clientRequestId: CLIENT_REQUEST_ID,
      date: DATE,
      mayHaveBeenAccepted: false
    })
  })

  it("shows Graph's words and the request-id, client-request-id and date that Microsoft support asks for", () => {
    const t = text(accessDenied())
    expect(t.split('\n')[0]).toBe(
      'Microsoft Graph at https://graph.microsoft.com refused sendMail as ci@contoso.com (HTTP 403 ErrorAccessDenied).'
    )
    expect(t).toContain('Server said: ErrorAccessDenied: Access is denied. Check credentials and try again.')
    expect(t).toContain(
      `For Microsoft support: request-id ${REQUEST_ID}, client-request-id ${CLIENT_REQUEST_ID}, date ${DATE}`
    )
    expect(t.indexOf('For Microsoft support')).toBeLessThan(t.indexOf('Diagnosis (403 ErrorAccessDenied)'))
  })
})

describe('403 ErrorAccessDenied, told apart by the token', () => {
  it('with Mail.Send in the token: the mailbox is outside the scope; the role assignment for this app and mailbox', () => {
    const t = text(accessDenied(), { ...ctx, token: token(['Mail.Send']) })
    expect(t.split('\n')[0]).toContain('The token carries Mail.Send, so Entra consent is there')
    expect(t).toContain(
      `New-ManagementScope -Name "Send as ci@contoso.com" -RecipientRestrictionFilter "UserPrincipalName -eq 'ci@contoso.com'"`
    )
    expect(t).toContain(
      `New-ManagementRoleAssignment -Role "Application Mail.Send" -App ${SP} -CustomResourceScope "Send as ci@contoso.com"`
    )
    expect(t).toContain(`Test-ApplicationAccessPolicy -Identity ci@contoso.com -AppId ${APP}`)
    expect(t).toContain(`Test-ServicePrincipalAuthorization -Identity ${SP} -Resource ci@contoso.com`)
    expect(t).toContain('30 minutes to 2 hours')
    expect(t).not.toContain('Grant admin consent')
    expect(t).toContain('roles=Mail.Send')
  })

  it('without a role: admin consent, or the RBAC assignment with the service principal the token names', () => {
    const t = text(accessDenied(), { ...ctx, token: token(undefined) })
    expect(t.split('\n')[0]).toContain('The token carries no Mail.Send role (no roles claim)')
    expect(t).toContain(`New-ServicePrincipal -AppId ${APP} -ObjectId ${SP}`)
    expect(t).toContain('-Role "Application Mail.Send"')
    expect(t).toContain('Grant admin consent')
    expect(t).toContain('az ad app permission admin-consent --id ' + APP)
    expect(t).toContain('30 minutes to 2 hours')
  })

  it('other roles only: still no Mail.Send, and says which roles there are', () => {
    const t = text(accessDenied(), { ...ctx, token: token(['User.Read.All']) })
    expect(t.split('\n')[0]).toContain('(roles: User.Read.All)')
  })

  it('refusing the draft of a large message: Mail.ReadWrite, scoped like Mail.Send, or smaller attachments', () => {
    const t = text(accessDenied('createDraft'), { ...ctx, token: token(['Mail.Send']) })
    expect(t.split('\n')[0]).toContain('needs Mail.ReadWrite for ci@contoso.com')
    expect(t).toContain('-Role "Application Mail.ReadWrite"')
    expect(t).toContain('transport: smtp')
    expect(t.split('\n')[1]).toContain('refused creating the draft of a large message')
  })

  it('without readable claims: both cases, the RBAC assignment filled in with this app and mailbox', () => {
    const t = text(accessDenied())
    expect(t).toContain(`New-ServicePrincipal -AppId ${APP} -ObjectId <SP object ID>`)
    expect(t).toContain(
      `New-ManagementRoleAssignment -Role "Application Mail.Send" -App <SP object ID> -CustomResourceScope "Send as ci@contoso.com"`
    )
    expect(t).toContain('Grant admin consent')
    expect(t).toContain('30 minutes to 2 hours')
  })
})

describe('401 InvalidAuthenticationToken, told apart by the token', () => {
  const refused = graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.')

  it('an Exchange token: leave token-scope empty so that it becomes the Graph scope', () => {
    const t = text(refused, {
      ...ctx,
      scope: 'https://outlook.office365.com/.default',
      token: token(undefined, { aud: 'https://outlook.office365.com' })
    })
    expect(t.split('\n')[0]).toBe(
      "The token is for Exchange Online (aud https://outlook.office365.com), not for Microsoft Graph: the token scope (https://outlook.office365.com/.default) is Exchange's."
    )
    expect(t).toContain(
      "Leave 'token-scope' empty: with transport: graph it becomes https://graph.microsoft.com/.default"
    )
  })

  it("another cloud's Graph: cloud and graph-host from one cloud", () => {
    const t = text(refused, {
      ...ctx,
      graphHost: 'https://graph.microsoft.us',
      token: token(undefined, { aud: 'https://graph.microsoft.com' })
    })
    expect(t.split('\n')[0]).toContain('the request went to Microsoft Graph at https://graph.microsoft.us')
    expect(t).toContain("leave 'graph-host' and 'token-scope' empty")
  })

  it("Graph's application ID is Graph's audience too; then another tenant is the fault", () => {
    const t = text(refused, {
      ...ctx,
      token: token(undefined, {
        aud: '00000003-0000-0000-c000-000000000000',
        tid: 'ffffffff-1111-2222-3333-444455556666'
      })
    })
    expect(t.split('\n')[0]).toBe(
      `The token was issued by tenant ffffffff-1111-2222-3333-444455556666, not by the configured tenant ${TENANT}.`
    )
  })

  it("a right audience and tenant: points at Graph's own words", () => {
    const t = text(graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'), {
      ...ctx,
      token: token(['Mail.Send'])
    })
    expect(t.split('\n')[0]).toContain(
      'The token is for Microsoft Graph (aud https://graph.microsoft.com), yet Graph refused it'
    )
    expect(t).toContain('Server said: InvalidAuthenticationToken: Lifetime validation failed, the token is expired.')
  })
})

describe('the other Graph refusals', () => {
  it('404: names the id that was used, and says it must be the UPN or object ID', () => {
    const t = text(graphError(404, 'ErrorInvalidUser', "The requested user 'ci@contoso.com' is invalid."), {
      ...ctx,
      mailbox: 'alias@contoso.com'
    })
    expect(t.split('\n')[0]).toContain('refused sendMail as alias@contoso.com (HTTP 404 ErrorInvalidUser)')
    expect(t).toContain('no mailbox it can send from under the id alias@contoso.com')
    expect(t).toContain('user principal name (UPN) or its Entra object ID')
    expect(t).toContain(
      'Get-Mailbox -Identity alias@contoso.com | Format-List UserPrincipalName,ExternalDirectoryObjectId'
    )
    expect(t).toMatch(/on premises/)
  })

  it('403 ErrorSendAsDenied: the mailbox is given Send As on the From address', () => {
    const t = text(
      graphError(
        403,
        'ErrorSendAsDenied',
        'does not have the right to send mail on behalf of the specified sending account.'
      ),
      {
        ...ctx,
        from: 'releases@contoso.com'
      }
    )
    expect(t).toContain('The From address releases@contoso.com is not the sending mailbox ci@contoso.com')
    expect(t).toContain(
      'Add-RecipientPermission -Identity releases@contoso.com -Trustee ci@contoso.com -AccessRights SendAs'
    )
  })

  it.each([
    ['413', graphError(413, '', '')],
    ['400 maximum request length', graphError(400, 'BadRequest', 'The maximum request length supported is 4MB.')],
    [
      'ErrorMessageSizeExceeded',
      graphError(400, 'ErrorMessageSizeExceeded', 'The message exceeds the maximum supported size.')
    ]
  ])('size (%s): smaller attachments, Mail.ReadWrite, or SMTP', (_name, err) => {
    const t = text(err)
    expect(t).toContain('Diagnosis (413 Request too large)')
    expect(t).toContain('about 2.2 MB of raw attachments')
    expect(t).toContain('Application Mail.ReadWrite')
    expect(t).toContain('transport: smtp')
  })

  it('an unrelated 400 is not taken for a size problem', () => {
    const d = diagnose(
      failureFromError(graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.')),
      ctx
    )
    expect(d.entry).toBeUndefined()
    expect(formatDiagnosis(d)).toContain('not in the diagnosis catalogue')
  })

  it('throttling: says throttled and for how long', () => {
    const t = text(
      graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
        retryAfterMs: 300_000
      })
    )
    expect(t.split('\n')[0]).toBe(
      'Microsoft Graph at https://graph.microsoft.com throttled sendMail for ci@contoso.com (HTTP 429) and asked to wait 5 min (Retry-After); the wait did not fit in what was left of timeout-seconds, so the message was not sent.'
    )
    expect(t).toContain('Diagnosis (429 Throttled)')
    const unavailable = text(graphError(503, 'ServiceUnavailable', 'Service Unavailable', { retryAfterMs: 45_000 }))
    expect(unavailable.split('\n')[0]).toContain('(HTTP 503, service unavailable) and asked to wait 45 s (Retry-After)')
    expect(text(graphError(429, 'TooManyRequests', 'Too many requests')).split('\n')[0]).toContain(
      'gave no Retry-After'
    )
  })

  it('a lost answer: may have been delivered, not resent, look in Sent Items', () => {
    const t = text(noAnswer('ECONNRESET', 'The connection was reset after the request was sent.', true))
    expect(t.split('\n')[0]).toBe(
      'The message may have been delivered: the request to Microsoft Graph at https://graph.microsoft.com (sendMail) was sent in full, but its answer never came (ECONNRESET). It was not resent, so that nobody gets it twice.'
    )
    expect(t).toContain('Diagnosis (Graph answer lost)')
    expect(t).toContain('Sent Items of ci@contoso.com')
    expect(t).toContain(`request-id (none: no answer), client-request-id ${CLIENT_REQUEST_ID}`)
    // not the network entry of the same code: this one must not be read as "try again"
    expect(catalogueEntry(failureFromError(noAnswer('ECONNRESET', 'reset', true)))?.id).toBe('Graph answer lost')
  })

  it('a connection that failed before the request went out: the network entry, naming Graph on 443', () => {
    const t = text(noAnswer('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:443'))
    expect(t.split('\n')[0]).toBe(
      'Could not reach Microsoft Graph at https://graph.microsoft.com (sendMail): connect ECONNREFUSED 10.0.0.1:443'
    )
    expect(t).toContain('Diagnosis (ECONNREFUSED)')
    expect(t).toContain('allow outbound TCP 443 to graph.microsoft.com')
    expect(t).not.toContain('smtp.office365.com')
  })
})
