/**
 * The Graph stand-in checks what Graph checks: these tests hold it to that, so that the
 * end-to-end tests that rely on it cannot pass against a stand-in that lets everything through.
 */
import https from 'node:https'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestPki, type TestPki } from './certs.js'
import { GRAPH_RESOURCE, startGraphApi, type GraphApi } from './graph-api.js'

let pki: TestPki
let graph: GraphApi
const issued = new Set<string>()

function token(claims: Record<string, unknown>): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  const jwt = `${part({ alg: 'RS256' })}.${part({ aud: GRAPH_RESOURCE, ...claims })}.sig`
  issued.add(jwt)
  return jwt
}

/** What the stand-in answered: Graph's JSON (an id, an upload URL, or an error). */
interface Answer {
  status: number
  headers: Record<string, unknown>
  json: { id?: string; uploadUrl?: string; error?: { code: string; innerError: Record<string, string> } }
}

function call(
  method: string,
  path: string,
  options: { token?: string; body?: string | Buffer; headers?: Record<string, string> } = {}
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${graph.url}${path}`, {
      method,
      ca: pki.caPem,
      headers: {
        'client-request-id': 'c0ffee00-0000-4000-8000-000000000000',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers
      }
    })
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString()
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          json: text ? (JSON.parse(text) as Answer['json']) : {}
        })
      })
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

const mime = (from: string, to = 'dev@contoso.com'): string =>
  Buffer.from(`From: ${from}\r\nTo: ${to}\r\nSubject: hi\r\n\r\nhello\r\n`).toString('base64')
const sendMail = (mailbox: string, jwt: string, from = mailbox) =>
  call('POST', `/v1.0/users/${mailbox}/sendMail`, {
    token: jwt,
    body: mime(from),
    headers: { 'content-type': 'text/plain' }
  })

beforeAll(async () => {
  pki = createTestPki()
  graph = await startGraphApi({
    tls: { key: pki.serverKeyPem, cert: pki.serverCertPem },
    issued: (t) => issued.has(t),
    mailboxes: ['ci@contoso.com', 'finance@contoso.com'],
    rbac: [{ appId: 'rbac-app', right: 'Mail.Send', mailboxes: ['ci@contoso.com'] }]
  })
})
beforeEach(() => graph.reset())
afterAll(() => graph?.close())

describe('Graph stand-in', () => {
  it("refuses a token for another audience in Graph's error shape, with a request-id", async () => {
    const answer = await sendMail(
      'ci@contoso.com',
      token({ aud: 'https://outlook.office365.com', roles: ['Mail.Send'] })
    )
    expect(answer.status).toBe(401)
    expect(answer.json.error?.code).toBe('InvalidAuthenticationToken')
    expect(answer.json.error?.innerError['client-request-id']).toBe('c0ffee00-0000-4000-8000-000000000000')
    expect(answer.headers['request-id']).toBe(answer.json.error?.innerError['request-id'])
    expect(graph.messages).toHaveLength(0)
  })

  it('grants the union of Entra consent (any mailbox) and RBAC for Applications (its scope only)', async () => {
    const rbac = token({ appid: 'rbac-app' })
    expect((await sendMail('ci@contoso.com', rbac)).status).toBe(202)
    expect((await sendMail('finance@contoso.com', rbac)).status).toBe(403)
    // a leftover Entra consent cancels the RBAC scoping
    const both = token({ appid: 'rbac-app', roles: ['Mail.Send'] })
    expect((await sendMail('finance@contoso.com', both)).status).toBe(202)
    expect(graph.messages.map((m) => m.mailbox)).toEqual(['ci@contoso.com', 'finance@contoso.com'])
  })

  it('refuses a From the mailbox may not send as, an unknown mailbox and a body over the limit', async () => {
    const jwt = token({ appid: 'app', roles: ['Mail.Send'] })
    const sendAs = await sendMail('ci@contoso.com', jwt, 'ceo@contoso.com')
    expect([sendAs.status, sendAs.json.error?.code]).toEqual([403, 'ErrorSendAsDenied'])
    const nobody = await sendMail('nobody@contoso.com', jwt)
    expect([nobody.status, nobody.json.error?.code]).toEqual([404, 'ErrorInvalidUser'])
    const big = await call('POST', '/v1.0/users/ci@contoso.com/sendMail', {
      token: jwt,
      body: Buffer.alloc(4 * 1024 * 1024 + 1, 65),
      headers: { 'content-type': 'text/plain' }
    })
    expect(big.status).toBe(413)
  })

  it('needs Mail.ReadWrite for a draft, and holds the upload session to its protocol', async () => {
    expect(
      (
        await call('POST', '/v1.0/users/ci@contoso.com/messages', {
          token: token({ roles: ['Mail.Send'] }),
          body: mime('ci@contoso.com'),
          headers: { 'content-type': 'text/plain' }
        })
      ).status
    ).toBe(403)
    const jwt = token({ appid: 'rw', roles: ['Mail.Send', 'Mail.ReadWrite'] })
    const draft = await call('POST', '/v1.0/users/ci@contoso.com/messages', {
      token: jwt,
      body: mime('ci@contoso.com'),
      headers: { 'content-type': 'text/plain' }
    })
    expect(draft.status).toBe(201)
    const session = await call(
      'POST',
      `/v1.0/users/ci@contoso.com/messages/${draft.json.id ?? ''}/attachments/createUploadSession`,
      {
        token: jwt,
        body: JSON.stringify({ AttachmentItem: { attachmentType: 'file', name: 'a.bin', size: 10 } }),
        headers: { 'content-type': 'application/json' }
      }
    )
    expect(session.status).toBe(201)
    const path = new URL(session.json.uploadUrl ?? '').pathname + new URL(session.json.uploadUrl ?? '').search
    const put = (range: string, body: string, withToken = false) =>
      call('PUT', path, { body, headers: { 'content-range': range }, ...(withToken ? { token: jwt } : {}) })
    expect((await put('bytes 0-4/10', 'abcde', true)).status).toBe(401)
    expect((await put('bytes 5-9/10', 'fghij')).status).toBe(416)
    expect((await put('bytes 0-4/10', 'abcde')).status).toBe(200)
    expect((await put('bytes 5-9/10', 'fghij')).status).toBe(201)
    expect(
      (await call('POST', `/v1.0/users/ci@contoso.com/messages/${draft.json.id ?? ''}/send`, { token: jwt })).status
    ).toBe(202)
    expect(graph.messages[0]?.uploads[0]?.content.toString()).toBe('abcdefghij')
  })

  it('answers 429 with Retry-After on demand, and can lose an answer after taking the message', async () => {
    const jwt = token({ roles: ['Mail.Send'] })
    graph.enqueue('sendMail', { status: 429, headers: { 'Retry-After': '5' } })
    const throttled = await sendMail('ci@contoso.com', jwt)
    expect([throttled.status, throttled.headers['retry-after']]).toEqual([429, '5'])
    graph.enqueue('sendMail', { loseAnswer: true })
    await expect(sendMail('ci@contoso.com', jwt)).rejects.toThrow()
    expect(graph.messages).toHaveLength(1)
  })
})
