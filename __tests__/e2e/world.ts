/**
 * A tenant in a box for the end-to-end tests: the local Entra token endpoint, the Exchange-like
 * SMTP server, the runner's OIDC service and registered app credentials, wired together.
 */
import { expect } from 'vitest'
import { xoauth2Blob } from '../../src/auth/tokens.js'
import { createClientCertificate, createTestPki, type ClientCert, type TestPki } from '../fakes/certs.js'
import { startOidcProvider, type OidcProvider } from '../fakes/oidc-provider.js'
import { runAction, type ActionResult, type RunActionOptions } from '../fakes/runner.js'
import {
  EXO_REPLIES,
  startSmtpServer,
  type AuthorizeResult,
  type SmtpHooks,
  type SmtpServerOptions,
  type TestSmtpServer
} from '../fakes/smtp-server.js'
import { startTokenEndpoint, type TokenEndpoint } from '../fakes/token-endpoint.js'

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const TENANT_DOMAIN = 'contoso.onmicrosoft.com'
export const MAILBOX = 'ci@contoso.com'
export const SECRET_APP = '11111111-1111-4111-8111-111111111111'
export const CERT_APP = '22222222-2222-4222-8222-222222222222'
export const FED_APP = '33333333-3333-4333-8333-333333333333'
export const EXPIRED_APP = '44444444-4444-4444-8444-444444444444'
/** Apps whose access tokens tell set-up mistakes apart (all sign in with SECRET_VALUE). */
export const NOROLE_APP = '55555555-5555-4555-8555-555555555555'
export const OPAQUE_APP = '66666666-6666-4666-8666-666666666666'
export const OTHER_CLOUD_APP = '77777777-7777-4777-8777-777777777777'
export const OTHER_TENANT_APP = '88888888-8888-4888-8888-888888888888'
export const OTHER_TENANT = 'bbbbbbbb-0000-4000-8000-00000000000b'
/** Object IDs of the apps' service principals (the enterprise applications): the `oid` of their tokens. */
export const SECRET_APP_OID = 'a1a1a1a1-0000-4000-8000-0000000000a1'
export const NOROLE_APP_OID = 'a5a5a5a5-0000-4000-8000-0000000000a5'
export const SECRET_VALUE = 'Xy98Q~s3cr3tV4lue-abcdefghijklmnopqrstuv'
export const SECRET_ID = 'a6f5c0e2-0d7c-4f73-9a0f-2e1f7f9d3c11'
export const FED_SUBJECT = 'repo:octo/app:ref:refs/heads/main'

export interface World {
  pki: TestPki
  endpoint: TokenEndpoint
  smtp: TestSmtpServer
  oidc: OidcProvider
  /** The certificate registered on CERT_APP. */
  cert: ClientCert
  /** Replaces the SMTP server's login decision (default: a token the endpoint issued, for MAILBOX). */
  authorize: (user: string, token: string) => AuthorizeResult
  /** Fault injection: the SMTP server calls these (reset between tests). */
  hooks: SmtpHooks
  /** Inputs of a working client-secret set-up against the local peers. */
  inputs(overrides?: Record<string, string>): Record<string, string>
  /** Asserts that no secret of the run (client secret, issued tokens, their XOAUTH2 blobs) was printed. */
  expectNoSecrets(result: ActionResult): void
  /** Runs dist/index.js with the test CA trusted. */
  run(options: RunActionOptions): Promise<ActionResult>
  /** Forgets recorded requests, messages and overrides between tests. */
  reset(): void
  close(): Promise<void>
}

export async function startWorld(smtpOptions: Partial<SmtpServerOptions> = {}): Promise<World> {
  const pki = createTestPki()
  const cert = createClientCertificate({ commonName: 'GitHub mail' })
  const oidc = await startOidcProvider({ subject: FED_SUBJECT })
  const endpoint = await startTokenEndpoint({
    tls: { key: pki.serverKeyPem, cert: pki.serverCertPem },
    tenants: [TENANT, TENANT_DOMAIN],
    apps: [
      {
        clientId: SECRET_APP,
        secretValue: SECRET_VALUE,
        secretId: SECRET_ID,
        servicePrincipalObjectId: SECRET_APP_OID
      },
      { clientId: NOROLE_APP, secretValue: SECRET_VALUE, servicePrincipalObjectId: NOROLE_APP_OID, roles: [] },
      { clientId: OPAQUE_APP, secretValue: SECRET_VALUE, opaqueAccessTokens: true },
      {
        clientId: OTHER_CLOUD_APP,
        secretValue: SECRET_VALUE,
        accessTokenClaims: { aud: 'https://outlook.office365.us' }
      },
      { clientId: OTHER_TENANT_APP, secretValue: SECRET_VALUE, accessTokenClaims: { tid: OTHER_TENANT } },
      { clientId: EXPIRED_APP, secretValue: SECRET_VALUE, secretExpired: true },
      { clientId: CERT_APP, certificates: [{ thumbprintSha256Hex: cert.thumbprintSha256Hex, certPem: cert.certPem }] },
      {
        clientId: FED_APP,
        federatedCredentials: [
          {
            issuer: 'https://token.actions.githubusercontent.com',
            subject: FED_SUBJECT,
            audience: 'api://AzureADTokenExchange'
          }
        ]
      }
    ],
    federationIssuerKeys: [oidc.publicKey]
  })
  const defaultAuthorize = (user: string, token: string): AuthorizeResult =>
    user === MAILBOX && endpoint.issued.has(token) ? true : EXO_REPLIES.authUnsuccessful
  const world: World = {
    pki,
    endpoint,
    oidc,
    cert,
    authorize: defaultAuthorize,
    hooks: {},
    smtp: await startSmtpServer({
      tls: { key: pki.serverKeyPem, cert: pki.serverCertPem },
      authorize: (user, token) => world.authorize(user, token),
      hooks: {
        onConnect: (session) => world.hooks.onConnect?.(session),
        onMailFrom: (address, session) => world.hooks.onMailFrom?.(address, session),
        onRcptTo: (address, session) => world.hooks.onRcptTo?.(address, session),
        onData: (message, session) => world.hooks.onData?.(message, session)
      },
      ...smtpOptions
    }),
    inputs(overrides = {}) {
      return {
        'tenant-id': TENANT,
        'client-id': SECRET_APP,
        'client-secret': SECRET_VALUE,
        'authority-host': endpoint.url,
        'smtp-host': 'localhost',
        'smtp-port': String(world.smtp.port),
        from: `CI Bot <${MAILBOX}>`,
        to: 'dev@contoso.com',
        ...overrides
      }
    },
    run(options) {
      return runAction({ caFile: pki.caFile, ...options })
    },
    expectNoSecrets(result) {
      const tokens = [...endpoint.issued.keys()]
      const secrets = [SECRET_VALUE, ...tokens, ...tokens.map((t) => xoauth2Blob(MAILBOX, t))]
      const visible = [withoutMasks(result.log), result.summary, JSON.stringify(result.outputs)].join('\n')
      for (const secret of secrets) expect(visible).not.toContain(secret)
    },
    reset() {
      endpoint.reset()
      world.smtp.reset()
      oidc.requests.length = 0
      world.authorize = defaultAuthorize
      world.hooks = {}
    },
    async close() {
      await Promise.all([endpoint.close(), world.smtp.close(), oidc.close()])
    }
  }
  return world
}

/** Every line the action logged that is not a workflow command. */
export function plainLog(result: ActionResult): string {
  return result.log
    .split('\n')
    .filter((line) => !line.startsWith('::'))
    .join('\n')
}

/** The log without the `::add-mask::` commands themselves (the runner consumes them). */
export function withoutMasks(log: string): string {
  return log
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
}

/**
 * An input error was found before anything was sent: no identity request, and on the SMTP side
 * at most the connection opened at start (issue 22), on which not one command was said, no AUTH
 * tried and no message sent.
 */
export function expectNothingSent(world: World): void {
  expect(world.endpoint.requests).toHaveLength(0)
  expect(world.smtp.sessions).toBeLessThanOrEqual(1)
  expect(world.smtp.commands).toHaveLength(0)
  expect(world.smtp.authAttempts).toHaveLength(0)
  expect(world.smtp.messages).toHaveLength(0)
}
