/**
 * A tenant in a box for `transport: graph`: the local Entra token endpoint (issuing Graph tokens),
 * the Graph stand-in, and an SMTP server that must never be reached (a trap: Graph opens no SMTP
 * connection at all).
 */
import { expect } from 'vitest'
import { createTestPki, type TestPki } from '../fakes/certs.js'
import { GRAPH_RESOURCE, startGraphApi, type GraphApi } from '../fakes/graph-api.js'
import { runAction, type ActionResult, type RunActionOptions } from '../fakes/runner.js'
import { startSmtpServer, type TestSmtpServer } from '../fakes/smtp-server.js'
import { startTokenEndpoint, type TokenEndpoint } from '../fakes/token-endpoint.js'
import { withoutMasks } from './world.js'

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const MAILBOX = 'ci@contoso.com'
/** Another mailbox of the tenant, outside every RBAC scope. */
export const OTHER_MAILBOX = 'finance@contoso.com'
export const SECRET_VALUE = 'Gr4ph~s3cr3tV4lue-abcdefghijklmnopqrstuv'
export const GRAPH_SCOPE = `${GRAPH_RESOURCE}/.default`
/** Entra consent: Mail.Send for every mailbox. */
export const CONSENT_APP = 'a0000000-0000-4000-8000-00000000000a'
/** Entra consent: Mail.Send and Mail.ReadWrite. */
export const READWRITE_APP = 'b0000000-0000-4000-8000-00000000000b'
/** Exchange RBAC for Applications only: Mail.Send for MAILBOX, no role in its token. */
export const RBAC_APP = 'c0000000-0000-4000-8000-00000000000c'
/** RBAC only: Mail.Send and Mail.ReadWrite for MAILBOX. */
export const RBAC_READWRITE_APP = 'd0000000-0000-4000-8000-00000000000d'
/** Neither consent nor RBAC. */
export const NO_RIGHTS_APP = 'e0000000-0000-4000-8000-00000000000e'

export interface GraphWorld {
  pki: TestPki
  endpoint: TokenEndpoint
  graph: GraphApi
  /** Must stay untouched. */
  smtp: TestSmtpServer
  inputs(overrides?: Record<string, string>): Record<string, string>
  run(options: RunActionOptions): Promise<ActionResult>
  /** Asserts that no secret (client secret, issued tokens) was printed. */
  expectNoSecrets(result: ActionResult): void
  reset(): void
  close(): Promise<void>
}

export async function startGraphWorld(): Promise<GraphWorld> {
  const pki = createTestPki()
  const tls = { key: pki.serverKeyPem, cert: pki.serverCertPem }
  const graphRoles = (roles: string[]): { rolesByResource: Record<string, string[]> } => ({
    rolesByResource: { [GRAPH_RESOURCE]: roles }
  })
  const endpoint = await startTokenEndpoint({
    tls,
    tenants: [TENANT],
    extraScopes: [GRAPH_SCOPE],
    apps: [
      { clientId: CONSENT_APP, secretValue: SECRET_VALUE, ...graphRoles(['Mail.Send']) },
      { clientId: READWRITE_APP, secretValue: SECRET_VALUE, ...graphRoles(['Mail.Send', 'Mail.ReadWrite']) },
      { clientId: RBAC_APP, secretValue: SECRET_VALUE, ...graphRoles([]) },
      { clientId: RBAC_READWRITE_APP, secretValue: SECRET_VALUE, ...graphRoles([]) },
      { clientId: NO_RIGHTS_APP, secretValue: SECRET_VALUE, ...graphRoles([]) }
    ]
  })
  const graph = await startGraphApi({
    tls,
    issued: (token) => endpoint.issued.has(token),
    mailboxes: [MAILBOX, OTHER_MAILBOX],
    sendAs: { [MAILBOX]: ['alerts@contoso.com'] },
    rbac: [
      { appId: RBAC_APP, right: 'Mail.Send', mailboxes: [MAILBOX] },
      { appId: RBAC_READWRITE_APP, right: 'Mail.Send', mailboxes: [MAILBOX] },
      { appId: RBAC_READWRITE_APP, right: 'Mail.ReadWrite', mailboxes: [MAILBOX] }
    ]
  })
  const smtp = await startSmtpServer({ tls, authorize: () => true })
  const world: GraphWorld = {
    pki,
    endpoint,
    graph,
    smtp,
    inputs(overrides = {}) {
      return {
        transport: 'graph',
        'tenant-id': TENANT,
        'client-id': CONSENT_APP,
        'client-secret': SECRET_VALUE,
        'authority-host': endpoint.url,
        'graph-host': graph.url,
        // the trap: any SMTP connection would land here
        'smtp-host': 'localhost',
        'smtp-port': String(smtp.port),
        from: `CI Bot <${MAILBOX}>`,
        to: 'dev@contoso.com',
        ...overrides
      }
    },
    run(options) {
      return runAction({ caFile: pki.caFile, ...options })
    },
    expectNoSecrets(result) {
      const visible = [withoutMasks(result.log), result.summary, JSON.stringify(result.outputs)].join('\n')
      for (const secret of [SECRET_VALUE, ...endpoint.issued.keys()]) expect(visible).not.toContain(secret)
    },
    reset() {
      endpoint.reset()
      graph.reset()
      smtp.reset()
    },
    async close() {
      await Promise.all([endpoint.close(), graph.close(), smtp.close()])
    }
  }
  return world
}
