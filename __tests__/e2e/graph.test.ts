/**
 * `transport: graph` end to end: dist/index.js against the local token endpoint and the Graph
 * stand-in, as the runner runs it. What the recipients would see is read from the MIME Graph got.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage } from '../fakes/runner.js'
import { startConnectProxy } from '../fakes/proxies.js'
import {
  GRAPH_SCOPE,
  MAILBOX,
  NO_RIGHTS_APP,
  OTHER_MAILBOX,
  RBAC_APP,
  startGraphWorld,
  type GraphWorld
} from './graph-world.js'

let world: GraphWorld

beforeAll(async () => {
  world = await startGraphWorld()
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

const addresses = (
  field: { value: { address?: string }[] } | { value: { address?: string }[] }[] | undefined
): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) => f.value.map((a) => a.address ?? '')).sort()

describe('sending through Microsoft Graph', () => {
  it('posts the MIME to sendMail with Bcc in its headers, and never shows the Bcc recipients', async () => {
    const result = await world.run({
      inputs: world.inputs({
        to: 'dev@contoso.com, Ops Team <ops@contoso.com>',
        cc: 'lead@contoso.com',
        bcc: 'audit@contoso.com, Hidden Person <secret.watcher@contoso.com>',
        'reply-to': 'noreply@contoso.com',
        subject: 'Build {{ job.status }} on {{ github.ref_name }}',
        body: 'Commit {{ github.sha | short_sha }}\n{{ run_url }}',
        priority: 'high',
        'thread-key': 'nightly',
        'job-status': 'failure'
      })
    })
    expect(result.code, result.log).toBe(0)
    // No SMTP connection at all; one token request with Graph's audience.
    expect(world.smtp.sessions).toBe(0)
    // The connection opened while the token was on its way is the one the send used.
    expect(world.graph.connections).toBe(1)
    const tokenPosts = world.endpoint.requests.filter((r) => r.method === 'POST')
    expect(tokenPosts).toHaveLength(1)
    expect(tokenPosts[0]?.form.scope).toBe(GRAPH_SCOPE)

    expect(world.graph.messages).toHaveLength(1)
    const [sent] = world.graph.messages
    expect(sent?.mailbox).toBe(MAILBOX)
    expect(sent?.via).toBe('sendMail')
    const mail = sent!.parsed
    expect(mail.subject).toBe('Build failure on main')
    expect(addresses(mail.to)).toEqual(['dev@contoso.com', 'ops@contoso.com'])
    expect(addresses(mail.cc)).toEqual(['lead@contoso.com'])
    // Graph reads recipients from the headers only: without Bcc here they would get nothing.
    expect(addresses(mail.bcc)).toEqual(['audit@contoso.com', 'secret.watcher@contoso.com'])
    expect(mail.text?.trim()).toBe('Commit 8f3c2e1\nhttps://github.com/octo/app/actions/runs/1658821493')
    expect(sent!.mime).toMatch(/^Importance: High\r$/m)
    expect(mail.headers.get('thread-topic')).toBe('nightly')
    expect(mail.inReplyTo).toMatch(/^<thread\.[0-9a-f]{32}@contoso\.com>$/)
    // CRLF line endings throughout (bare LF breaks quoted-printable in Exchange)
    expect(sent!.mime).not.toMatch(/[^\r]\n/)

    const request = world.graph.requests.find((r) => r.path.endsWith('/sendMail'))
    expect(request?.path).toBe('/v1.0/users/ci@contoso.com/sendMail')
    expect(request?.headers['content-type']).toBe('text/plain')
    expect(request?.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/)

    // outputs as for SMTP: accepted names To and Cc, counts everyone
    expect(result.outputs['message-id']).toBe(mail.messageId)
    expect(result.outputs.accepted?.split(',').sort()).toEqual([
      'dev@contoso.com',
      'lead@contoso.com',
      'ops@contoso.com'
    ])
    expect(result.outputs['accepted-count']).toBe('5')
    const requestId = world.graph.requests.find((r) => r.path.endsWith('/sendMail'))
    expect(result.outputs.response).toMatch(/^202 Accepted \(request-id [0-9a-f-]{36}\)$/)
    expect(requestId).toBeDefined()
    // Bcc addresses nowhere the run shows
    for (const hidden of ['audit@contoso.com', 'secret.watcher@contoso.com', 'Hidden Person']) {
      expect(result.log).not.toContain(hidden)
      expect(result.summary).not.toContain(hidden)
      expect(JSON.stringify(result.outputs)).not.toContain(hidden)
    }
    expect(result.summary).toContain('2 Bcc')
    world.expectNoSecrets(result)
  })

  it('sends for an app granted Mail.Send only through Exchange RBAC for Applications (no role in its token)', async () => {
    const result = await world.run({ inputs: world.inputs({ 'client-id': RBAC_APP }) })
    expect(result.code, result.log).toBe(0)
    expect(world.graph.messages).toHaveLength(1)
    expect(world.graph.messages[0]?.appId).toBe(RBAC_APP)
  })

  it('sends as `mailbox` with From an address it may send as', async () => {
    const result = await world.run({
      inputs: world.inputs({ mailbox: MAILBOX, from: 'Alerts <alerts@contoso.com>' })
    })
    expect(result.code, result.log).toBe(0)
    expect(world.graph.messages[0]?.mailbox).toBe(MAILBOX)
    expect(world.graph.messages[0]?.parsed.from?.value[0]?.address).toBe('alerts@contoso.com')
  })

  it('renders a dry run without any request', async () => {
    const result = await world.run({ inputs: world.inputs({ 'dry-run': 'true', bcc: 'audit@contoso.com' }) })
    expect(result.code, result.log).toBe(0)
    expect(world.endpoint.requests).toHaveLength(0)
    expect(world.graph.requests).toHaveLength(0)
    expect(world.graph.connections).toBe(0)
    expect(result.summary).toContain('dry run')
    expect(result.log).not.toContain('audit@contoso.com')
  })
})

describe('inputs', () => {
  it('refuses a transport typo before any network use, naming both values', async () => {
    const result = await world.run({ inputs: world.inputs({ transport: 'grpah' }) })
    expect(result.code).toBe(1)
    const message = failedMessage(result) ?? ''
    expect(message).toContain('transport')
    expect(message).toContain('smtp')
    expect(message).toContain('graph')
    expect(world.endpoint.requests).toHaveLength(0)
    expect(world.graph.connections).toBe(0)
    expect(world.smtp.sessions).toBe(0)
  })
})

describe('refusals', () => {
  it.each([
    [
      'a mailbox the app has no right to (outside its RBAC scope)',
      { 'client-id': RBAC_APP, mailbox: OTHER_MAILBOX, from: OTHER_MAILBOX },
      403,
      'ErrorAccessDenied'
    ],
    ['an app with neither consent nor RBAC', { 'client-id': NO_RIGHTS_APP }, 403, 'ErrorAccessDenied'],
    ['a From the mailbox may not send as', { from: 'ceo@contoso.com', mailbox: MAILBOX }, 403, 'ErrorSendAsDenied'],
    ['a mailbox that does not exist', { from: 'nobody@contoso.com' }, 404, 'ErrorInvalidUser'],
    [
      'an Exchange token (the SMTP scope)',
      { 'token-scope': 'https://outlook.office365.com/.default' },
      401,
      'InvalidAuthenticationToken'
    ]
  ])('fails at once, without a retry, for %s', async (_what, inputs, status, code) => {
    const result = await world.run({ inputs: world.inputs(inputs) })
    expect(result.code).toBe(1)
    const sendMails = world.graph.requests.filter((r) => r.path.endsWith('/sendMail'))
    expect(sendMails).toHaveLength(1)
    expect(world.graph.messages).toHaveLength(0)
    const log = failedMessage(result) ?? ''
    expect(log).toContain(String(status))
    expect(log).toContain(code)
    // what Microsoft support asks for
    expect(log).toContain(`request-id ${sendMails[0]?.requestId}`)
    expect(log).toContain(String(sendMails[0]?.headers['client-request-id']))
    expect(world.smtp.sessions).toBe(0)
  })
})

describe('proxy', () => {
  it('goes through HTTPS_PROXY for the token and for Graph', async () => {
    const ports: Record<string, number> = {
      'login.example.test': world.endpoint.port,
      'graph.example.test': world.graph.port
    }
    const proxy = await startConnectProxy((host) => ports[host])
    try {
      const result = await world.run({
        inputs: world.inputs({
          'authority-host': `https://login.example.test:${world.endpoint.port}`,
          'graph-host': `https://graph.example.test:${world.graph.port}`
        }),
        env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'internal.example.test' }
      })
      expect(result.code, result.log).toBe(0)
      expect(proxy.connects).toContain(`login.example.test:${world.endpoint.port}`)
      expect(proxy.connects).toContain(`graph.example.test:${world.graph.port}`)
      expect(world.graph.messages).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })

  it('connects to a graph-host listed in NO_PROXY directly', async () => {
    const proxy = await startConnectProxy((host) => (host === 'login.example.test' ? world.endpoint.port : undefined))
    try {
      const result = await world.run({
        inputs: world.inputs({
          'authority-host': `https://login.example.test:${world.endpoint.port}`,
          // a name only the proxy knows: reached directly, it cannot be found
          'graph-host': `https://graph.example.test:${world.graph.port}`,
          'timeout-seconds': '10'
        }),
        env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'graph.example.test' }
      })
      expect(result.code).toBe(1)
      expect(proxy.connects).toContain(`login.example.test:${world.endpoint.port}`)
      expect(proxy.connects.filter((c) => c.startsWith('graph.example.test'))).toEqual([])
      expect(world.graph.connections).toBe(0)
    } finally {
      await proxy.close()
    }
  })
})
