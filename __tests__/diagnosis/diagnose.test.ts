import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/diagnosis/catalogue.js'
import { diagnose, fillIn, type DiagnosisContext } from '../../src/diagnosis/diagnose.js'
import { failureFromError, type Failure } from '../../src/diagnosis/failure.js'
import { formatDiagnosis } from '../../src/diagnosis/format.js'
import { PartialDeliveryError } from '../../src/diagnosis/partial-delivery-error.js'
import { InputError } from '../../src/inputs/input-error.js'
import { GRAPH_SAMPLES } from './graph-samples.js'

const ctx: DiagnosisContext = {
  tenant: 'contoso.onmicrosoft.com',
  clientId: '11111111-2222-3333-4444-555555555555',
  mailbox: 'ci@contoso.com',
  from: 'ci@contoso.com',
  cloud: 'public',
  authorityHost: 'https://login.microsoftonline.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  scope: 'https://outlook.office365.com/.default',
  audience: 'api://AzureADTokenExchange',
  graphHost: 'https://graph.microsoft.com'
}

const trailer =
  ' Trace ID: 0b1c4a1e-6d0f-4a59-9c4d-1f2a3b4c5d6e Correlation ID: 7f3e2d1c-0b9a-4c8d-9e7f-6a5b4c3d2e1f Timestamp: 2026-11-27 10:00:00Z'

function entra(code: number, text: string, errorCode = 'invalid_client', status = 400): Failure {
  return { source: 'entra', errorCode, description: `AADSTS${code}: ${text}${trailer}`, status }
}

function smtp(response: string, command = 'AUTH XOAUTH2', code = 'EAUTH'): Failure {
  return { source: 'smtp', code, response, responseCode: Number(response.slice(0, 3)), command, message: response }
}

function transport(code: string, originalCode?: string, message = code): Failure {
  return originalCode
    ? { source: 'smtp', code, originalCode, command: 'CONN', message }
    : { source: 'smtp', code, command: 'CONN', message }
}

/** One realistic failure per catalogue entry; every entry must be listed here (Graph's in graph-samples.ts). */
const SAMPLES: Record<string, Failure[]> = withGraph({
  AADSTS7000215: [
    entra(
      7000215,
      'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
      'invalid_client',
      401
    )
  ],
  AADSTS7000222: [entra(7000222, "The provided client secret keys for app '1111' are expired.", 'invalid_client', 401)],
  AADSTS700016: [
    entra(700016, "Application with identifier '1111' was not found in the directory 'contoso'.", 'unauthorized_client')
  ],
  AADSTS90002: [entra(90002, "Tenant 'contoso.example' not found.", 'invalid_request')],
  AADSTS900023: [
    entra(
      900023,
      'Specified tenant identifier is neither a valid DNS name, nor a valid external domain.',
      'invalid_request'
    )
  ],
  AADSTS70011: [
    entra(70011, 'The provided request must include a scope input parameter.', 'invalid_scope'),
    entra(1002012, 'The provided value for scope is not valid.', 'invalid_scope')
  ],
  AADSTS500011: [
    entra(
      500011,
      'The resource principal named https://outlook.office365.com was not found in the tenant named contoso.',
      'invalid_resource'
    )
  ],
  AADSTS700027: [
    entra(
      700027,
      'The certificate with identifier used to sign the client assertion is not registered on application.'
    ),
    entra(50012, 'Client assertion failed signature validation.'),
    entra(1000502, 'The provided certificate is not within its specified validity window.')
  ],
  AADSTS700024: [entra(700024, 'Client assertion is not within its valid time range.')],
  AADSTS70021: [
    entra(
      70021,
      "No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'.",
      'invalid_request'
    ),
    entra(700211, 'No matching federated identity record found for presented assertion issuer.'),
    entra(700212, 'No matching federated identity record found for presented assertion audience.'),
    entra(700213, 'No matching federated identity record found for presented assertion subject.')
  ],
  AADSTS7000112: [entra(7000112, "Application '1111' is disabled.", 'unauthorized_client')],
  AADSTS53003: [entra(53003, 'Access has been blocked by Conditional Access policies.', 'access_denied')],
  AADSTS50196: [
    entra(
      50196,
      'The server terminated an operation because it encountered a client request loop.',
      'temporarily_unavailable',
      429
    )
  ],
  'Token endpoint timeout': [
    { source: 'entra', errorCode: 'token_timeout', description: 'No answer within timeout-seconds (5 s).' },
    {
      source: 'entra',
      errorCode: 'network_error',
      description: '',
      networkCause: 'Request timeout: /contoso.onmicrosoft.com/oauth2/v2.0/token'
    }
  ],
  'HTML from the token endpoint': [
    {
      source: 'entra',
      errorCode: 'html_response',
      description: 'HTTP 502 with a non-JSON body',
      status: 502,
      htmlExcerpt: '502 Bad Gateway nginx'
    }
  ],
  'Token endpoint redirect': [
    {
      source: 'entra',
      errorCode: 'redirected',
      description: 'HTTP 302 redirect',
      status: 302,
      location: 'https://portal.example/login'
    }
  ],
  '535 5.7.8': [smtp('535 5.7.8 Authentication failed'), smtp('535 5.7.8 Username and Password not accepted.')],
  '454 4.7.0': [smtp('454 4.7.0 Temporary authentication failure')],
  'XOAUTH2 not offered': [
    {
      source: 'smtp',
      code: 'EAUTH',
      command: 'EHLO',
      message: 'no XOAUTH2',
      offered: ['PLAIN', 'LOGIN']
    }
  ],
  'SIZE exceeded': [
    {
      source: 'smtp',
      code: 'EMESSAGE',
      command: 'MAIL FROM',
      message: 'too large',
      size: { message: 40_000_000, limit: 36_700_160 }
    }
  ],
  '535 5.7.139': [
    smtp(
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.'
    ),
    smtp('535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.')
  ],
  '535 5.7.3': [smtp('535 5.7.3 Authentication unsuccessful [SN4PR0601CA0003.namprd06.prod.outlook.com]')],
  '530 5.7.57': [
    smtp(
      '530 5.7.57 Client not authenticated to send mail. [BN9PR03CA0123.namprd03.prod.outlook.com]',
      'MAIL FROM',
      'EENVELOPE'
    )
  ],
  '5.7.60 SendAsDenied': [
    smtp('550 5.7.60 SMTP; Client does not have permissions to send as this sender', 'MAIL FROM', 'EENVELOPE'),
    smtp('554 5.2.252 SendAsDenied; ci@contoso.com not allowed to send as ceo@contoso.com', 'DATA', 'EMESSAGE'),
    smtp('554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied', 'DATA', 'EMESSAGE')
  ],
  '432 4.3.2': [smtp('432 4.3.2 STOREDRV; mailbox server is too busy', 'MAIL FROM', 'EENVELOPE')],
  '554 5.2.2 SubmissionQuotaExceeded': [
    smtp('554 5.2.2 mailbox full; STOREDRV.Submission.Exception:SubmissionQuotaExceededException', 'DATA', 'EMESSAGE'),
    smtp(
      "550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients",
      'RCPT TO',
      'EENVELOPE'
    )
  ],
  '421 4.7.66': [
    smtp(
      '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2.',
      'EHLO',
      'ECONNECTION'
    )
  ],
  '451 4.7.500-699': [
    smtp('451 4.7.500 Server busy. Please try again later from [203.0.113.5]', 'MAIL FROM', 'EENVELOPE')
  ],
  '550 5.1.8': [smtp('550 5.1.8 Access denied, bad outbound sender', 'MAIL FROM', 'EENVELOPE')],
  '550 5.7.705/5.7.708': [
    smtp('550 5.7.705 Access denied, tenant has exceeded threshold', 'MAIL FROM', 'EENVELOPE'),
    smtp('550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP', 'MAIL FROM', 'EENVELOPE')
  ],
  '550 5.7.750': [
    smtp(
      '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains',
      'MAIL FROM',
      'EENVELOPE'
    )
  ],
  '550 5.1.10': [
    smtp(
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
      'RCPT TO',
      'EENVELOPE'
    )
  ],
  '550 5.7.520': [
    smtp('550 5.7.520 Access denied, Your organization does not allow external forwarding.', 'DATA', 'EMESSAGE')
  ],
  DNS: [
    transport('EDNS', 'ENOTFOUND', 'getaddrinfo ENOTFOUND smtp.office365.con'),
    {
      source: 'entra',
      errorCode: 'network_error',
      description: '',
      networkCause: 'ENOTFOUND: getaddrinfo ENOTFOUND login.example'
    }
  ],
  ECONNREFUSED: [transport('ESOCKET', 'ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:587')],
  ETIMEDOUT: [
    transport('ETIMEDOUT', undefined, 'Greeting never received'),
    transport('ETIMEDOUT', undefined, 'Connection timeout')
  ],
  'TLS certificate': [
    transport('ESOCKET', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
    transport('ETLS', 'ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"),
    {
      source: 'entra',
      errorCode: 'network_error',
      description: '',
      networkCause: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate'
    }
  ],
  STARTTLS: [transport('ETLS', undefined, 'Error upgrading connection with STARTTLS: 500 5.5.1 Unrecognized command')],
  'Proxy refused CONNECT': [transport('EPROXY', undefined, 'Invalid response from proxy: 403')]
})

/** The samples with Graph's added, Graph's network failures after SMTP's under the same entry. */
function withGraph(samples: Record<string, Failure[]>): Record<string, Failure[]> {
  const all = { ...samples }
  for (const [id, failures] of Object.entries(GRAPH_SAMPLES)) all[id] = [...(all[id] ?? []), ...failures]
  return all
}

describe('the catalogue', () => {
  it('has a sample for every entry, and unique ids', () => {
    const ids = CATALOGUE.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(Object.keys(SAMPLES).sort()).toEqual([...ids].sort())
  })

  it('gives every entry a meaning, a fix and a docs link', () => {
    for (const entry of CATALOGUE) {
      expect(entry.meaning.length, entry.id).toBeGreaterThan(10)
      expect(entry.fix.length, entry.id).toBeGreaterThan(0)
      expect(entry.docs, entry.id).toMatch(/^https:\/\//)
    }
  })

  const cases = Object.entries(SAMPLES).flatMap(([id, failures]) => failures.map((f, i) => [id, i, f] as const))
  it.each(cases)('recognises %s (sample %i)', (id, _i, failure) => {
    const d = diagnose(failure, ctx)
    expect(d.entry?.id).toBe(id)
    // every placeholder is filled in from the run (the federation ones need claims, tested below)
    const text = formatDiagnosis(d)
    if (id !== 'AADSTS70021' && id !== 'AADSTS700027') expect(text).not.toMatch(/\{[a-zA-Z]+\}/)
  })
})

describe('diagnose', () => {
  it('shows the server text and the correlation ID, then the cause and the fix', () => {
    const text = formatDiagnosis(diagnose(SAMPLES.AADSTS7000215![0]!, ctx))
    const lines = text.split('\n')
    expect(lines[0]).toBe('Entra ID refused the token request (AADSTS7000215).')
    expect(text).toContain('Server said: AADSTS7000215: Invalid client secret provided.')
    expect(text).toContain(
      'Correlation ID: 7f3e2d1c-0b9a-4c8d-9e7f-6a5b4c3d2e1f (trace ID 0b1c4a1e-6d0f-4a59-9c4d-1f2a3b4c5d6e)'
    )
    expect(text).toMatch(/Diagnosis \(AADSTS7000215\): .*"Secret ID" was stored instead of its "Value"/)
    expect(text.indexOf('Server said')).toBeLessThan(text.indexOf('Diagnosis'))
  })

  it('names the mailbox and the commands for 535 5.7.3', () => {
    const text = formatDiagnosis(diagnose(SAMPLES['535 5.7.3']![0]!, ctx))
    expect(text).toContain('The SMTP server smtp.office365.com:587 refused authentication: 535 5.7.3')
    expect(text).toContain('New-ServicePrincipal -AppId 11111111-2222-3333-4444-555555555555')
    expect(text).toContain("enterprise application's object ID, not the app registration's")
    expect(text).toContain('Add-MailboxPermission -Identity ci@contoso.com')
    expect(text).toContain('SMTP.SendAsApp')
    expect(text).toContain('up to an hour')
  })

  it('for 5.7.139, checks security defaults first, offers transport: graph, then the per-mailbox switch', () => {
    const text = formatDiagnosis(diagnose(SAMPLES['535 5.7.139']![0]!, ctx))
    const defaults = text.indexOf('Entra admin center → Overview → Properties → Manage security defaults')
    const graph = text.indexOf('transport: graph')
    const mailbox = text.indexOf('Set-CASMailbox -Identity ci@contoso.com -SmtpClientAuthenticationDisabled $false')
    expect(defaults).toBeGreaterThan(0)
    expect(graph).toBeGreaterThan(defaults)
    expect(mailbox).toBeGreaterThan(graph)
    expect(text).toContain('Conditional Access')
    // the per-mailbox switch does not override security defaults (Microsoft, "Enable or disable SMTP AUTH")
    expect(text).not.toMatch(/security defaults[^.]*overrides|overrides[^.]*security defaults/i)
    expect(text).toContain('Set-CASMailbox does not help')
  })

  it('fills the federated credential to create with the presented claims', () => {
    const f: Failure = {
      ...(SAMPLES.AADSTS70021![0] as Extract<Failure, { source: 'entra' }>),
      claims: {
        iss: 'https://token.actions.githubusercontent.com',
        sub: 'repo:octo/app:environment:prod',
        aud: 'api://AzureADTokenExchange',
        jti: 'x'
      }
    }
    const text = formatDiagnosis(diagnose(f, ctx))
    expect(text).toContain(
      'Presented GitHub OIDC token: iss=https://token.actions.githubusercontent.com sub=repo:octo/app:environment:prod aud=api://AzureADTokenExchange'
    )
    expect(text).toContain('Subject identifier: repo:octo/app:environment:prod')
    expect(text).toContain('"subject":"repo:octo/app:environment:prod"')
  })

  it('shows the presented thumbprint for certificate failures', () => {
    const f: Failure = {
      ...(SAMPLES.AADSTS700027![0] as Extract<Failure, { source: 'entra' }>),
      credentialKind: 'certificate'
    }
    const text = formatDiagnosis(diagnose(f, { ...ctx, thumbprint: 'abc123', notAfter: '2026-12-01T00:00:00Z' }))
    expect(text).toContain('Presented certificate: SHA-256 thumbprint ABC123, valid until 2026-12-01T00:00:00Z')
    expect(text).toContain('(SHA-256 thumbprint abc123, valid until 2026-12-01T00:00:00Z)')
    expect(text).toContain('If 2026-12-01T00:00:00Z (its notAfter) has passed, Entra refuses the certificate')
    expect(text).not.toMatch(/\{[a-zA-Z]+\}/)
  })

  it('keeps the server text and correlation ID of an unknown error', () => {
    const text = formatDiagnosis(diagnose(entra(9999999, 'Something new happened.'), ctx))
    expect(text).toContain('Server said: AADSTS9999999: Something new happened.')
    expect(text).toContain('Correlation ID: 7f3e2d1c-0b9a-4c8d-9e7f-6a5b4c3d2e1f')
    expect(text).toContain('not in the diagnosis catalogue')
  })

  it('explains a network failure to the token endpoint with its cause', () => {
    const text = formatDiagnosis(
      diagnose(
        {
          source: 'entra',
          errorCode: 'network_error',
          description: 'x',
          networkCause: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9'
        },
        ctx
      )
    )
    expect(text.split('\n')[0]).toBe(
      'Could not reach the Entra ID token endpoint at https://login.microsoftonline.com: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9.'
    )
    expect(text).toContain('Diagnosis (ECONNREFUSED)')
  })

  it('names the token endpoint, not SMTP, when it never answered', () => {
    const d = diagnose(SAMPLES['Token endpoint timeout']![0]!, ctx)
    expect(d.headline).toBe(
      "The Entra ID token endpoint at https://login.microsoftonline.com did not answer within the step's time budget (timeout-seconds); no token, so nothing was sent."
    )
    expect(diagnose(SAMPLES['Token endpoint timeout']![1]!, ctx).headline).toBe(d.headline)
  })

  it('says an HTML page came back, with its text as the server text', () => {
    const text = formatDiagnosis(diagnose(SAMPLES['HTML from the token endpoint']![0]!, ctx))
    expect(text.split('\n')[0]).toBe(
      'The token endpoint at https://login.microsoftonline.com (or a proxy in front of it) answered HTTP 502 with an HTML page, not a token response.'
    )
    expect(text).toContain('Server said: 502 Bad Gateway nginx')
  })

  it('says where a redirect pointed and that it was not followed', () => {
    const d = diagnose(SAMPLES['Token endpoint redirect']![0]!, ctx)
    expect(d.headline).toContain('redirected the request (HTTP 302) to https://portal.example/login')
    expect(d.headline).toContain('does not follow redirects, so the credential was not sent there')
  })

  it('lists the offered mechanisms and asks for an Exchange Online endpoint when XOAUTH2 is missing', () => {
    const d = diagnose(SAMPLES['XOAUTH2 not offered']![0]!, ctx)
    expect(d.headline).toBe(
      "The SMTP server smtp.office365.com:587 does not offer XOAUTH2 after STARTTLS (it offers PLAIN, LOGIN); no AUTH was sent. 'smtp-host' must be an Exchange Online submission endpoint, such as smtp.office365.com port 587."
    )
  })

  it('names both sizes when the message exceeds SIZE', () => {
    expect(diagnose(SAMPLES['SIZE exceeded']![0]!, ctx).headline).toBe(
      'The message is 40000000 bytes, larger than the 36700160 bytes the SMTP server smtp.office365.com:587 accepts (its EHLO SIZE); it was not uploaded.'
    )
  })

  it('headlines 454 4.7.0 at AUTH as temporary, not as a refusal', () => {
    const d = diagnose(SAMPLES['454 4.7.0']![0]!, ctx)
    expect(d.headline).toMatch(/could not check the token for now \(a temporary failure/)
    expect(d.headline).not.toContain('refused')
  })

  it('shows the decoded XOAUTH2 challenge of a 535 5.7.8', () => {
    const f = failureFromError(
      Object.assign(new Error('Invalid login: 535 5.7.8 Authentication failed'), {
        code: 'EAUTH',
        response: '535 5.7.8 Authentication failed',
        responseCode: 535,
        command: 'AUTH XOAUTH2',
        challenge: '{"status":"401","schemes":"bearer","scope":"mail"}'
      })
    )
    const text = formatDiagnosis(diagnose(f, ctx))
    expect(text).toContain('refused authentication: 535 5.7.8 Authentication failed')
    expect(text).toContain(
      `The server's XOAUTH2 challenge (decoded): {"status":"401","schemes":"bearer","scope":"mail"}`
    )
    expect(text).toContain('Diagnosis (535 5.7.8)')
  })

  it('keeps reports of thousands of refused recipients short: a count and the first five', () => {
    const rejected = Array.from({ length: 1000 }, (_, i) => ({
      address: `r${i}@contoso.com`,
      response: '550 5.1.10 RESOLVER.ADR.RecipientNotFound'
    }))
    const d = diagnose(failureFromError(new PartialDeliveryError({ accepted: ['a@contoso.com'], rejected })), ctx)
    expect(d.headline).toContain('rejected 1000 recipients: r0@contoso.com (550 5.1.10')
    expect(d.headline).toContain('… and 995 more')
    expect(d.headline).not.toContain('r5@contoso.com')
    expect(d.headline.length).toBeLessThan(600)
  })

  it('passes input errors through as they are', () => {
    const d = diagnose(failureFromError(new InputError('to', 'no recipient.')), ctx)
    expect(formatDiagnosis(d)).toBe("Input 'to': no recipient.")
  })
})

describe('helpers', () => {
  it('leaves unknown placeholders visible', () => {
    expect(fillIn('{a} and {b}', { a: 'x' })).toBe('x and {b}')
  })
})
