/**
 * Self-test of the shared test peers in __tests__/fakes: proves the fake
 * Entra token endpoint, the OIDC provider, the SMTP server and the runner
 * behave as documented before other tests build on them.
 */
import { randomUUID, type KeyObject } from 'node:crypto'
import https from 'node:https'
import net from 'node:net'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SignJWT } from 'jose'
import nodemailer from 'nodemailer'
import {
  ConfidentialClientApplication,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse
} from '@azure/msal-node'
import { createClientCertificate, createTestPki, createUntrustedServerCert, type ClientCert } from './certs.js'
import { JWT_BEARER, startTokenEndpoint, type EntraErrorBody, type TokenEndpoint } from './token-endpoint.js'
import { startOidcProvider, type OidcProvider } from './oidc-provider.js'
import { EXO_REPLIES, smtpError, startSilentServer, startSmtpServer, type TestSmtpServer } from './smtp-server.js'
import { DEFAULT_GITHUB_ENV, cleanupRunnerTemp, failedMessage, maskedValues, runAction } from './runner.js'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const DOMAIN = 'contoso.onmicrosoft.com'
const SCOPE = 'https://outlook.office365.com/.default'
const SECRET_APP = '11111111-1111-4111-8111-111111111111'
const CERT_APP = '22222222-2222-4222-8222-222222222222'
const FED_APP = '33333333-3333-4333-8333-333333333333'
const EXPIRED_APP = '44444444-4444-4444-8444-444444444444'
const DISABLED_APP = '55555555-5555-4555-8555-555555555555'
const SECRET_VALUE = 'Xy98Q~abcdefghijklmnopqrstuvwxyz0123456789'
const SECRET_ID = 'a6f5c0e2-0d7c-4f73-9a0f-2e1f7f9d3c11'
const GH_AUD = 'api://AzureADTokenExchange'
const GH_SUBJECT = 'repo:octo/app:ref:refs/heads/main'

const pki = createTestPki()
let endpoint: TokenEndpoint
let oidc: OidcProvider
let cert: ClientCert
let smtp: TestSmtpServer

interface JsonResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Record<string, unknown>
}

/** node:https request trusting only the test CA */
function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: init.method ?? 'GET', headers: init.headers, ca: pki.caPem }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

async function postToken(tenant: string, form: Record<string, string>): Promise<JsonResponse> {
  const res = await request(endpoint.tokenUrl(tenant), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(form).toString()
  })
  return { status: res.status, headers: res.headers, body: JSON.parse(res.text) as Record<string, unknown> }
}

const secretForm = (over: Record<string, string> = {}): Record<string, string> => ({
  grant_type: 'client_credentials',
  client_id: SECRET_APP,
  scope: SCOPE,
  client_secret: SECRET_VALUE,
  ...over
})

/** Asserts the Entra error shape and returns the description's first part */
function expectEntraError(res: JsonResponse, status: number, error: string, code: number): string {
  expect(res.status).toBe(status)
  const body = res.body as unknown as EntraErrorBody
  expect(body.error).toBe(error)
  expect(body.error_codes).toEqual([code])
  expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/)
  expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/)
  expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/)
  expect(body.error_uri).toBe(`${endpoint.url}/error?code=${code}`)
  const [text, ...rest] = body.error_description.split('\r\n')
  expect(rest).toEqual([
    `Trace ID: ${body.trace_id}`,
    `Correlation ID: ${body.correlation_id}`,
    `Timestamp: ${body.timestamp}`
  ])
  expect(text).toMatch(new RegExp(`^AADSTS${code}: `))
  return text ?? ''
}

/** A certificate client assertion like msal-node builds it */
function certAssertion(
  signWith: KeyObject,
  thumbprintSha256Hex: string,
  over: { aud?: string; exp?: number; iss?: string; alg?: 'PS256' | 'RS256' } = {}
): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({
      alg: over.alg ?? 'PS256',
      typ: 'JWT',
      'x5t#S256': Buffer.from(thumbprintSha256Hex, 'hex').toString('base64url')
    })
    .setIssuer(over.iss ?? CERT_APP)
    .setSubject(CERT_APP)
    .setAudience(over.aud ?? endpoint.tokenUrl(TENANT))
    .setNotBefore(now)
    .setExpirationTime(over.exp ?? now + 600)
    .sign(signWith)
}

const assertionForm = (clientId: string, assertion: string): Record<string, string> => ({
  grant_type: 'client_credentials',
  client_id: clientId,
  scope: SCOPE,
  client_assertion_type: JWT_BEARER,
  client_assertion: assertion
})

/** msal network client over node:https that trusts the test CA */
const networkClient: INetworkModule = {
  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return send<T>(url, 'GET', options)
  },
  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return send<T>(url, 'POST', options)
  }
}
async function send<T>(url: string, method: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
  const res = await request(url, { method, headers: options?.headers, body: options?.body })
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v
  return { status: res.status, headers, body: JSON.parse(res.text) as T }
}

function msalApp(tenant: string, credential: object): ConfidentialClientApplication {
  const host = new URL(endpoint.url).host
  return new ConfidentialClientApplication({
    auth: {
      clientId: (credential as { clientId?: string }).clientId ?? SECRET_APP,
      authority: `${endpoint.url}/${tenant}`,
      knownAuthorities: [host],
      authorityMetadata: JSON.stringify(endpoint.authorityMetadata(tenant)),
      cloudDiscoveryMetadata: JSON.stringify({
        tenant_discovery_endpoint: `${endpoint.url}/${tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
      }),
      ...credential
    },
    system: { networkClient }
  })
}

beforeAll(async () => {
  cert = createClientCertificate()
  oidc = await startOidcProvider({ subject: GH_SUBJECT })
  endpoint = await startTokenEndpoint({
    tls: { key: pki.serverKeyPem, cert: pki.serverCertPem },
    tenants: [TENANT, DOMAIN],
    apps: [
      { clientId: SECRET_APP, secretValue: SECRET_VALUE, secretId: SECRET_ID },
      { clientId: CERT_APP, certificates: [{ thumbprintSha256Hex: cert.thumbprintSha256Hex, certPem: cert.certPem }] },
      {
        clientId: FED_APP,
        federatedCredentials: [{ issuer: oidc.issuer, subject: GH_SUBJECT, audience: GH_AUD }]
      },
      { clientId: EXPIRED_APP, secretValue: 'old-secret', secretExpired: true },
      { clientId: DISABLED_APP, secretValue: 'x', disabled: true }
    ],
    federationIssuerKeys: () => [oidc.publicKey]
  })
})

afterAll(async () => {
  await endpoint?.close()
  await oidc?.close()
  cleanupRunnerTemp()
})

describe('certs', () => {
  it('builds a CA-signed localhost certificate and client credentials', async () => {
    const { X509Certificate } = await import('node:crypto')
    const server = new X509Certificate(pki.serverCertPem)
    const ca = new X509Certificate(pki.caPem)
    expect(server.checkIssued(ca)).toBe(true)
    expect(server.verify(ca.publicKey)).toBe(true)
    expect(server.subjectAltName).toBe(
      'DNS:localhost, DNS:login.example.test, DNS:smtp.example.test, DNS:graph.example.test, IP Address:127.0.0.1'
    )
    expect(createTestPki()).toBe(pki) // cached

    const enc = createClientCertificate({ password: 'pw', commonName: 'mail-bot' })
    expect(enc.keyPem).toContain('BEGIN ENCRYPTED PRIVATE KEY')
    expect(cert.keyPem).toContain('BEGIN PRIVATE KEY')
    expect(enc.combinedPem.indexOf('PRIVATE KEY')).toBeLessThan(enc.combinedPem.indexOf('BEGIN CERTIFICATE'))
    const x = new X509Certificate(enc.certPem)
    expect(x.subject).toBe('CN=mail-bot')
    expect(x.fingerprint256.replace(/:/g, '').toLowerCase()).toBe(enc.thumbprintSha256Hex)
    expect(x.fingerprint.replace(/:/g, '').toLowerCase()).toBe(enc.thumbprintSha1Hex)
  })
})

describe('token endpoint', () => {
  it('issues a token for the right secret, for tenant ID or domain', async () => {
    for (const tenant of [TENANT, DOMAIN]) {
      const res = await postToken(tenant, secretForm())
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 })
      const token = res.body.access_token as string
      expect(endpoint.issued.get(token)).toMatchObject({
        clientId: SECRET_APP,
        tenant,
        scope: SCOPE,
        credential: 'secret'
      })
    }
  })

  it('answers Entra error bodies', async () => {
    expect(
      expectEntraError(
        await postToken('00000000-0000-4000-8000-000000000000', secretForm()),
        400,
        'invalid_request',
        90002
      )
    ).toBe(
      "AADSTS90002: Tenant '00000000-0000-4000-8000-000000000000' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant."
    )
    expect(expectEntraError(await postToken('not a tenant!', secretForm()), 400, 'invalid_request', 900023)).toBe(
      "AADSTS900023: Specified tenant identifier 'not a tenant!' is neither a valid DNS name, nor a valid external domain."
    )
    const unknown = '99999999-9999-4999-8999-999999999999'
    expect(
      expectEntraError(await postToken(TENANT, secretForm({ client_id: unknown })), 400, 'unauthorized_client', 700016)
    ).toContain(`AADSTS700016: Application with identifier '${unknown}' was not found in the directory '${TENANT}'.`)
    const wrongSecret =
      "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" +
      SECRET_APP +
      "'."
    expect(
      expectEntraError(
        await postToken(TENANT, secretForm({ client_secret: SECRET_ID })),
        401,
        'invalid_client',
        7000215
      )
    ).toBe(wrongSecret)
    expect(
      expectEntraError(await postToken(TENANT, secretForm({ client_secret: 'nope' })), 401, 'invalid_client', 7000215)
    ).toBe(wrongSecret)
    expect(
      expectEntraError(
        await postToken(TENANT, secretForm({ client_id: EXPIRED_APP, client_secret: 'old-secret' })),
        401,
        'invalid_client',
        7000222
      )
    ).toMatch(new RegExp(`^AADSTS7000222: The provided client secret keys for app '${EXPIRED_APP}' are expired\\.`))
    expect(
      expectEntraError(
        await postToken(TENANT, secretForm({ scope: 'https://outlook.office365.com/SMTP.Send' })),
        400,
        'invalid_scope',
        1002012
      )
    ).toContain('Client credential flows must have a scope value with /.default suffixed')
    expectEntraError(
      await postToken(TENANT, secretForm({ scope: 'https://outlook.office365.us/.default' })),
      400,
      'invalid_resource',
      500011
    )
    expectEntraError(
      await postToken(TENANT, secretForm({ client_id: DISABLED_APP, client_secret: 'x' })),
      400,
      'unauthorized_client',
      7000112
    )
    const { client_secret: _omit, ...noSecret } = secretForm()
    expectEntraError(await postToken(TENANT, noSecret), 401, 'invalid_client', 7000218)
  })

  it('echoes a client-request-id as the correlation ID', async () => {
    const id = randomUUID()
    const res = await postToken(TENANT, secretForm({ client_secret: 'bad', 'client-request-id': id }))
    expect(res.body.correlation_id).toBe(id)
    expect(res.headers['client-request-id']).toBe(id)
  })

  it('records GETs and answers them 404', async () => {
    endpoint.reset()
    const res = await request(`${endpoint.url}/${TENANT}/v2.0/.well-known/openid-configuration`)
    expect(res.status).toBe(404)
    expect(endpoint.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /${TENANT}/v2.0/.well-known/openid-configuration`
    ])
  })

  it('verifies certificate assertions (x5t#S256, PS256 and RS256)', async () => {
    for (const alg of ['PS256', 'RS256'] as const) {
      const ok = await postToken(
        TENANT,
        assertionForm(CERT_APP, await certAssertion(cert.privateKey, cert.thumbprintSha256Hex, { alg }))
      )
      expect(ok.status).toBe(200)
      expect(endpoint.issued.get(ok.body.access_token as string)?.credential).toBe('certificate')
    }

    const other = createClientCertificate()
    const notRegistered = expectEntraError(
      await postToken(
        TENANT,
        assertionForm(CERT_APP, await certAssertion(other.privateKey, other.thumbprintSha256Hex))
      ),
      401,
      'invalid_client',
      700027
    )
    expect(notRegistered).toContain(
      'The certificate with identifier used to sign the client assertion is not registered on application.'
    )
    expect(notRegistered).toContain(`Thumbprint of key used by client: '${other.thumbprintSha256Hex.toUpperCase()}'`)

    // registered thumbprint, wrong key
    expect(
      expectEntraError(
        await postToken(
          TENANT,
          assertionForm(CERT_APP, await certAssertion(other.privateKey, cert.thumbprintSha256Hex))
        ),
        401,
        'invalid_client',
        700027
      )
    ).toBe('AADSTS700027: Client assertion failed signature validation.')

    const past = Math.floor(Date.now() / 1000) - 60
    expect(
      expectEntraError(
        await postToken(
          TENANT,
          assertionForm(CERT_APP, await certAssertion(cert.privateKey, cert.thumbprintSha256Hex, { exp: past }))
        ),
        401,
        'invalid_client',
        700024
      )
    ).toMatch(
      /^AADSTS700024: Client assertion is not within its valid time range\. Current time: \S+Z, assertion valid from/
    )

    expectEntraError(
      await postToken(
        TENANT,
        assertionForm(
          CERT_APP,
          await certAssertion(cert.privateKey, cert.thumbprintSha256Hex, { aud: 'https://elsewhere/token' })
        )
      ),
      401,
      'invalid_client',
      700023
    )
  })

  it('accepts a federated GitHub OIDC assertion and rejects a foreign subject', async () => {
    const url = `${oidc.requestUrl}&audience=${encodeURIComponent(GH_AUD)}`
    const denied = await fetch(url, { headers: { Authorization: 'Bearer wrong' } })
    expect(denied.status).toBe(401)
    const got = await fetch(url, { headers: { Authorization: `Bearer ${oidc.requestToken}` } })
    const { value } = (await got.json()) as { value: string }
    expect(oidc.issued).toContain(value)
    expect(oidc.requests.at(-1)?.audience).toBe(GH_AUD)

    const ok = await postToken(TENANT, assertionForm(FED_APP, value))
    expect(ok.status).toBe(200)
    expect(endpoint.issued.get(ok.body.access_token as string)?.credential).toBe('federated')

    const foreign = await oidc.signToken(GH_AUD, { sub: 'repo:evil/app:ref:refs/heads/main' })
    expect(
      expectEntraError(await postToken(TENANT, assertionForm(FED_APP, foreign)), 400, 'invalid_request', 70021)
    ).toBe(
      "AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'. Assertion Subject: 'repo:evil/app:ref:refs/heads/main'. Assertion Audience: 'api://AzureADTokenExchange'. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation"
    )
    const expired = await oidc.signToken(GH_AUD, { exp: Math.floor(Date.now() / 1000) - 5 })
    expectEntraError(await postToken(TENANT, assertionForm(FED_APP, expired)), 401, 'invalid_client', 700024)
  })

  it('injects faults in order', async () => {
    endpoint.enqueue({ status: 503, headers: { 'Retry-After': '1' }, body: 'Service Unavailable' })
    endpoint.enqueue({ delayMs: 150 })
    const r1 = await request(endpoint.tokenUrl(TENANT), { method: 'POST', body: '' })
    expect([r1.status, r1.text, r1.headers['retry-after']]).toEqual([503, 'Service Unavailable', '1'])
    const t0 = Date.now()
    expect((await postToken(TENANT, secretForm())).status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140)
  })

  it('speaks msal-node: secret and certificate, one POST each and no discovery', async () => {
    endpoint.reset()
    const bySecret = await msalApp(TENANT, { clientSecret: SECRET_VALUE }).acquireTokenByClientCredential({
      scopes: [SCOPE]
    })
    expect(endpoint.issued.has(bySecret?.accessToken ?? '')).toBe(true)

    const byCert = await msalApp(TENANT, {
      clientId: CERT_APP,
      clientCertificate: { thumbprintSha256: cert.thumbprintSha256Hex, privateKey: cert.keyPem, x5c: cert.certPem }
    }).acquireTokenByClientCredential({ scopes: [SCOPE] })
    expect(endpoint.issued.get(byCert?.accessToken ?? '')?.credential).toBe('certificate')

    const fed = await msalApp(TENANT, {
      clientId: FED_APP,
      clientAssertion: () => oidc.signToken(GH_AUD)
    }).acquireTokenByClientCredential({ scopes: [SCOPE] })
    expect(endpoint.issued.get(fed?.accessToken ?? '')?.credential).toBe('federated')

    const err = (await msalApp(TENANT, { clientSecret: SECRET_ID })
      .acquireTokenByClientCredential({ scopes: [SCOPE] })
      .catch((e: unknown) => e)) as { errorCode: string; errorNo: number; status: number; errorMessage: string }
    // note: errorNo is a number, not a string
    expect(err).toMatchObject({ errorCode: 'invalid_client', errorNo: 7000215, status: 401 })
    expect(err.errorMessage).toContain('AADSTS7000215: Invalid client secret provided.')

    expect(endpoint.requests.filter((r) => r.method !== 'POST')).toEqual([])
    expect(endpoint.requests).toHaveLength(4)
  })

  it('close() does not wait for a hanging request', async () => {
    const ep = await startTokenEndpoint({
      tls: { key: pki.serverKeyPem, cert: pki.serverCertPem },
      tenants: [TENANT],
      apps: []
    })
    ep.enqueue({ hang: true })
    const pending = request(ep.tokenUrl(TENANT), { method: 'POST', body: '' }).catch((e: unknown) => e)
    await new Promise((r) => setTimeout(r, 50))
    await ep.close()
    expect(await pending).toBeInstanceOf(Error)
  })
})

describe('smtp server', () => {
  beforeAll(async () => {
    smtp = await startSmtpServer({
      tls: { key: pki.serverKeyPem, cert: pki.serverCertPem },
      authorize: (_user, token) => (endpoint.issued.has(token) ? true : EXO_REPLIES.authUnsuccessful),
      rejectRecipients: {
        'ghost@contoso.com': '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
      }
    })
  })
  afterAll(async () => {
    await smtp?.close()
  })

  const transport = (accessToken: string, over: Record<string, unknown> = {}) =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      requireTLS: true,
      tls: { ca: pki.caPem, minVersion: 'TLSv1.2' },
      auth: { type: 'OAuth2', user: 'bot@contoso.com', accessToken },
      ...over
    })

  async function freshToken(): Promise<string> {
    return (await postToken(TENANT, secretForm())).body.access_token as string
  }

  it('accepts XOAUTH2 over STARTTLS and records the message', async () => {
    smtp.reset()
    const info = (await transport(await freshToken()).sendMail({
      from: 'bot@contoso.com',
      to: 'dev@contoso.com',
      subject: 'Build #42 passed',
      text: 'All green.'
    })) as { response: string }
    expect(info.response).toMatch(/^250 2\.0\.0 OK <[^>]+> \[Hostname=/)
    const [msg] = await smtp.waitForMessages(1, 2000)
    expect(msg?.envelope).toEqual({ mailFrom: 'bot@contoso.com', rcptTo: ['dev@contoso.com'] })
    expect(msg?.user).toBe('bot@contoso.com')
    expect(msg?.parsed.subject).toBe('Build #42 passed')
    expect(msg?.tlsVersion).toMatch(/^TLSv1\.[23]$/)
    expect(smtp.authAttempts.map((a) => a.ok)).toEqual([true])
  })

  it('answers a bad token with a direct 535', async () => {
    smtp.reset()
    const err = (await transport('not-a-token')
      .sendMail({ from: 'bot@contoso.com', to: 'dev@contoso.com', text: 'x' })
      .catch((e: unknown) => e)) as { code: string; responseCode: number; response: string }
    expect(err).toMatchObject({ code: 'EAUTH', responseCode: 535 })
    expect(err.response).toBe('535 5.7.3 Authentication unsuccessful [SN4PR0601CA0003.namprd06.prod.outlook.com]')
    expect(smtp.authAttempts).toEqual([expect.objectContaining({ accessToken: 'not-a-token', ok: false })])
    expect(smtp.messages).toHaveLength(0)
  })

  it('rejects configured recipients and honours hooks', async () => {
    const token = await freshToken()
    const rcptErr = (await transport(token)
      .sendMail({ from: 'bot@contoso.com', to: 'ghost@contoso.com', text: 'x' })
      .catch((e: unknown) => e)) as { code: string; rejectedErrors?: { response: string }[] }
    expect(rcptErr.code).toBe('EENVELOPE')
    expect(rcptErr.rejectedErrors?.[0]?.response).toBe(
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
    )

    const hooked = await startSmtpServer({
      tls: { key: pki.serverKeyPem, cert: pki.serverCertPem },
      authorize: () => true,
      hooks: {
        onMailFrom: () => smtpError(EXO_REPLIES.concurrency.code, EXO_REPLIES.concurrency.message),
        onData: () => smtpError(EXO_REPLIES.sendAsDenied.code, EXO_REPLIES.sendAsDenied.message)
      }
    })
    try {
      const t = nodemailer.createTransport({
        host: '127.0.0.1',
        port: hooked.port,
        requireTLS: true,
        tls: { ca: pki.caPem },
        auth: { type: 'OAuth2', user: 'bot@contoso.com', accessToken: 'x' }
      })
      const e = (await t
        .sendMail({ from: 'bot@contoso.com', to: 'a@contoso.com', text: 'x' })
        .catch((x: unknown) => x)) as {
        responseCode: number
      }
      expect(e.responseCode).toBe(432)
    } finally {
      await hooked.close()
    }

    const dropping = await startSmtpServer({
      tls: { key: pki.serverKeyPem, cert: pki.serverCertPem },
      authorize: () => true,
      hooks: { onConnect: () => 'drop' }
    })
    try {
      const e = (await nodemailer
        .createTransport({ host: '127.0.0.1', port: dropping.port, requireTLS: true, tls: { ca: pki.caPem } })
        .sendMail({ from: 'bot@contoso.com', to: 'a@contoso.com', text: 'x' })
        .catch((x: unknown) => x)) as Error
      expect(e).toBeInstanceOf(Error)
      expect(dropping.sessions).toBe(1)
      await vi.waitFor(() => expect(dropping.activeSessions).toBe(0))
    } finally {
      await dropping.close()
    }
  })

  it('hides AUTH before STARTTLS and requires a login before MAIL FROM', async () => {
    const lines = await new Promise<string>((resolve, reject) => {
      const s = net.connect(smtp.port, '127.0.0.1')
      let buf = ''
      let step = 0
      s.setEncoding('utf8')
      s.on('error', reject)
      s.on('data', (d: string) => {
        buf += d
        if (step === 0 && buf.includes('\r\n')) {
          step = 1
          s.write('EHLO client.test\r\n')
        } else if (step === 1 && /^250 /m.test(buf)) {
          step = 2
          s.write('MAIL FROM:<bot@contoso.com>\r\n')
        } else if (step === 2 && /^530 /m.test(buf)) {
          s.end('QUIT\r\n')
          resolve(buf)
        }
      })
    })
    expect(lines).toMatch(/^220 SN4PR0601CA0003\.outlook\.office365\.com ESMTP Microsoft ESMTP MAIL Service ready/)
    expect(lines).toContain('250-STARTTLS')
    expect(lines).not.toContain('AUTH')
    expect(lines).toContain('530 5.7.57 Client not authenticated to send mail.')
  })

  it('supports implicit TLS and reports untrusted certificates to the client', async () => {
    const implicit = await startSmtpServer({
      tls: { key: pki.serverKeyPem, cert: pki.serverCertPem },
      implicitTls: true,
      authorize: () => true
    })
    const rogue = createUntrustedServerCert()
    const untrusted = await startSmtpServer({ tls: { key: rogue.keyPem, cert: rogue.certPem }, authorize: () => true })
    try {
      await nodemailer
        .createTransport({
          host: '127.0.0.1',
          port: implicit.port,
          secure: true,
          tls: { ca: pki.caPem },
          auth: { type: 'OAuth2', user: 'bot@contoso.com', accessToken: 't' }
        })
        .sendMail({ from: 'bot@contoso.com', to: 'a@contoso.com', text: 'x' })
      expect(implicit.messages).toHaveLength(1)
      expect(implicit.tlsVersion).toBe('TLSv1.3')

      const e = (await nodemailer
        .createTransport({
          host: '127.0.0.1',
          port: untrusted.port,
          requireTLS: true,
          tls: { ca: pki.caPem },
          auth: { type: 'OAuth2', user: 'bot@contoso.com', accessToken: 't' }
        })
        .sendMail({ from: 'bot@contoso.com', to: 'a@contoso.com', text: 'x' })
        .catch((x: unknown) => x)) as { code: string }
      expect(e.code).toBe('ESOCKET')
    } finally {
      await implicit.close()
      await untrusted.close()
    }
  })

  it('silent server triggers the greeting timeout', async () => {
    const silent = await startSilentServer()
    try {
      const e = (await nodemailer
        .createTransport({ host: '127.0.0.1', port: silent.port, greetingTimeout: 200 })
        .sendMail({ from: 'a@b.c', to: 'd@e.f', text: 'x' })
        .catch((x: unknown) => x)) as { code: string }
      expect(e.code).toBe('ETIMEDOUT')
      expect(silent.connections()).toBe(1)
    } finally {
      await silent.close()
    }
  })
})

describe('runner', () => {
  it('runs a script with a clean runner environment and parses file commands', async () => {
    const core = join(fileURLToPath(new URL('../..', import.meta.url)), 'node_modules/@actions/core/lib/core.js')
    const dir = mkdtempSync(join(tmpdir(), 'ema-fake-action-'))
    const script = join(dir, 'index.mjs')
    writeFileSync(
      script,
      `import * as core from ${JSON.stringify(core)}
core.setSecret('s3cr3t')
core.setOutput('message-id', '<abc@contoso.com>')
core.setOutput('multi', 'line 1\\nline 2')
core.exportVariable('EXPORTED', 'yes')
await core.summary.addHeading('Mail sent').write()
core.setOutput('seen', JSON.stringify({
  to: core.getInput('to'), spaced: process.env['INPUT_MY_INPUT'], leaked: Object.keys(process.env).filter((k) => /^(ACTIONS_|HTTPS?_PROXY|NODE_OPTIONS|VITEST)/.test(k)),
  event: process.env.GITHUB_EVENT_NAME, ca: process.env.NODE_EXTRA_CA_CERTS, cwd: process.cwd() === process.env.GITHUB_WORKSPACE }))
core.setFailed('Sending failed: 535 5.7.3\\nsecond line 100%')
`
    )
    chmodSync(script, 0o644)
    const result = await runAction({
      actionPath: script,
      inputs: { to: 'dev@contoso.com', 'my input': 'spaced' },
      caFile: pki.caFile,
      env: { GITHUB_REF_NAME: undefined }
    })
    expect(result.code).toBe(1)
    expect(result.outputs['message-id']).toBe('<abc@contoso.com>')
    expect(result.outputs.multi).toBe('line 1\nline 2')
    expect(result.exportedEnv).toEqual({ EXPORTED: 'yes' })
    expect(JSON.parse(result.outputs.seen ?? '{}')).toEqual({
      to: 'dev@contoso.com',
      spaced: 'spaced',
      leaked: [],
      event: 'workflow_dispatch',
      ca: pki.caFile,
      cwd: true
    })
    expect(result.env.GITHUB_REF_NAME).toBeUndefined()
    expect(result.env.GITHUB_REPOSITORY).toBe(DEFAULT_GITHUB_ENV.GITHUB_REPOSITORY)
    expect(result.summary).toContain('<h1>Mail sent</h1>')
    expect(failedMessage(result)).toBe('Sending failed: 535 5.7.3\nsecond line 100%')
    expect(maskedValues(result)).toEqual(['s3cr3t'])
  })

  it('kills a hanging action after timeoutMs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ema-hang-'))
    const script = join(dir, 'hang.mjs')
    writeFileSync(script, 'setInterval(() => {}, 1000)\n')
    const result = await runAction({ actionPath: script, timeoutMs: 300 })
    expect(result).toMatchObject({ code: null, signal: 'SIGKILL', timedOut: true })
  })
})
