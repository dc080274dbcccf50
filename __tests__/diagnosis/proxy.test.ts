/**
 * A corporate proxy that refuses CONNECT to the SMTP port: the refusal nodemailer's proxy client
 * raises, from a real proxy on loopback, is named and explained, and not retried.
 */
import http from 'node:http'
import type net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retryDecision } from '../../src/delivery/retry-policy.js'
import { diagnose, type DiagnosisContext } from '../../src/diagnosis/diagnose.js'
import { failureFromError } from '../../src/diagnosis/failure.js'
import { formatDiagnosis } from '../../src/diagnosis/format.js'
import { dial } from '../../src/smtp/dial.js'

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
  audience: 'api://AzureADTokenExchange'
}

let proxy: http.Server
let proxyUrl = ''
const connects: string[] = []

beforeAll(async () => {
  // Squid's default: CONNECT only to 443 (http_access deny CONNECT !SSL_ports), 403 otherwise.
  proxy = http.createServer((_req, res) => res.writeHead(405).end())
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
    connects.push(req.url ?? '')
    client.end(
      req.headers['proxy-authorization']
        ? 'HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n'
        : 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n'
    )
  })
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok))
  proxyUrl = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`
})
afterAll(async () => {
  proxy.closeAllConnections()
  await new Promise<void>((ok) => proxy.close(() => ok()))
})

async function refusal(smtpProxy: string): Promise<unknown> {
  const { connected } = dial({ smtpHost: 'smtp.office365.com', smtpPort: 587, smtpProxy }, 5_000)
  return connected.then(
    (socket) => {
      socket.destroy()
      throw new Error('the proxy opened a tunnel')
    },
    (err: unknown) => err
  )
}

describe('a proxy that refuses CONNECT to the SMTP port', () => {
  it('is named, with the port the proxy must allow and what to do instead, and is not retried', async () => {
    const err = await refusal(`http://ci:secret@${proxyUrl}`)
    expect(connects.at(-1)).toBe('smtp.office365.com:587')
    const d = diagnose(failureFromError(err), ctx)
    expect(d.entry?.id).toBe('Proxy refused CONNECT')
    const text = formatDiagnosis(d)
    expect(text).toContain('Invalid response from proxy: 403')
    expect(text).toContain('CONNECT only to port 443')
    expect(text).toContain('allow CONNECT to smtp.office365.com port 587')
    expect(text).toContain('port 25 with STARTTLS')
    expect(retryDecision(err).retry).toBe(false)
  })

  it('names a demand for credentials (407) with the same entry, and says where they go', async () => {
    const err = await refusal(`http://${proxyUrl}`)
    const d = diagnose(failureFromError(err), ctx)
    expect(d.entry?.id).toBe('Proxy refused CONNECT')
    const text = formatDiagnosis(d)
    expect(text).toContain('Invalid response from proxy: 407')
    expect(text).toContain('http://user:password@proxy.example.com:3128')
  })
})
