/**
 * No stored secrets, end to end: a certificate credential and GitHub OIDC federation against the
 * local Entra token endpoint (which verifies the assertions' signatures), and proxies.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createClientCertificate } from '../fakes/certs.js'
import { startConnectProxy, type ConnectProxy } from '../fakes/proxies.js'
import { cleanupRunnerTemp, failedMessage, maskedValues } from '../fakes/runner.js'
import { startSmtpServer } from '../fakes/smtp-server.js'
import {
  CERT_APP,
  expectNothingSent,
  FED_APP,
  FED_SUBJECT,
  MAILBOX,
  TENANT,
  startWorld,
  withoutMasks,
  type World
} from './world.js'

let world: World
let proxy: ConnectProxy
/** Port of an implicit-TLS SMTP server that smtp.example.test:465 reaches through the proxy, while one runs. */
let implicitTlsPort: number | undefined

beforeAll(async () => {
  world = await startWorld()
  proxy = await startConnectProxy((host, port) => {
    if (host === 'login.example.test') return world.endpoint.port
    if (host === 'smtp.example.test' && port === 465) return implicitTlsPort
    if (host === 'smtp.example.test') return world.smtp.port
    return undefined
  })
})
beforeEach(() => {
  world.reset()
  proxy.connects.length = 0
})
afterAll(async () => {
  await Promise.all([world?.close(), proxy?.close()])
  cleanupRunnerTemp()
})

function certificateInputs(pem: string, extra: Record<string, string> = {}): Record<string, string> {
  return world.inputs({ 'client-id': CERT_APP, 'client-secret': '', 'client-certificate': pem, ...extra })
}

function tokenPosts(): string[] {
  return world.endpoint.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)
}

describe('certificate credential', () => {
  it('signs in with the registered certificate and delivers, in one identity request', async () => {
    const result = await world.run({ inputs: certificateInputs(world.cert.combinedPem) })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    const [issued] = [...world.endpoint.issued.values()]
    expect(issued?.credential).toBe('certificate')
    expect(issued?.clientId).toBe(CERT_APP)
    expect(tokenPosts()).toEqual([`POST /${TENANT}/oauth2/v2.0/token`])
    expect(result.stdout).toContain(`certificate ${world.cert.thumbprintSha256Hex.toUpperCase()}`)
  })

  it('masks every line of the key before anything is printed', async () => {
    const result = await world.run({ inputs: certificateInputs(world.cert.combinedPem) })
    expect(result.code, result.log).toBe(0)
    const masks = maskedValues(result)
    const keyLines = world.cert.keyPem
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('-----'))
    for (const line of keyLines) {
      expect(masks).toContain(line)
      expect(withoutMasks(result.log)).not.toContain(line)
    }
    // all of them before the first line that is not a mask
    const lines = result.stdout.split('\n')
    const firstOther = lines.findIndex((l) => !l.startsWith('::add-mask::'))
    for (const line of keyLines) expect(lines.indexOf(`::add-mask::${line}`)).toBeLessThan(firstOther)
  })

  it('decrypts an encrypted key with client-certificate-password, and masks the password', async () => {
    const password = 'c3rt-pa55word'
    const encryptedKey = world.cert.privateKey.export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: password
    }) as string
    const result = await world.run({
      inputs: certificateInputs(`${encryptedKey}\n${world.cert.certPem}`, { 'client-certificate-password': password })
    })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    expect(maskedValues(result)).toContain(password)
    expect(withoutMasks(result.log)).not.toContain(password)
  })

  it('AADSTS700027: names the thumbprint of a certificate the app does not know', async () => {
    const unknown = createClientCertificate({ commonName: 'not uploaded' })
    const result = await world.run({ inputs: certificateInputs(unknown.combinedPem) })
    expect(result.code).toBe(1)
    const error = failedMessage(result)
    expect(error).toContain('Diagnosis (AADSTS700027)')
    expect(error).toContain(`Presented certificate: SHA-256 thumbprint ${unknown.thumbprintSha256Hex.toUpperCase()}`)
    expect(error).toContain('Upload the certificate')
    expect(world.smtp.messages).toHaveLength(0)
  })

  it('rejects a PEM without a private key before any network use', async () => {
    const result = await world.run({ inputs: certificateInputs(world.cert.certPem) })
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toContain("Input 'client-certificate': holds no private key")
    expectNothingSent(world)
  })

  it('rejects a secret and a certificate together', async () => {
    const result = await world.run({
      inputs: world.inputs({ 'client-certificate': world.cert.combinedPem })
    })
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toContain("Input 'client-certificate': give one credential only")
    expect(world.endpoint.requests).toHaveLength(0)
  })
})

describe('GitHub OIDC federation', () => {
  function oidcInputs(): Record<string, string> {
    return world.inputs({ 'client-id': FED_APP, 'client-secret': '' })
  }

  it('exchanges the runner OIDC token for an Exchange token and delivers', async () => {
    const result = await world.run({ inputs: oidcInputs(), env: world.oidc.env() })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    expect(world.smtp.messages[0]!.user).toBe(MAILBOX)
    expect(world.oidc.requests.map((r) => r.audience)).toEqual(['api://AzureADTokenExchange'])
    const [issued] = [...world.endpoint.issued.values()]
    expect(issued?.credential).toBe('federated')
    expect(tokenPosts()).toEqual([`POST /${TENANT}/oauth2/v2.0/token`])
    // the runner's token is masked and never printed
    const [jwt] = world.oidc.issued
    expect(maskedValues(result)).toContain(jwt)
    expect(withoutMasks(result.log)).not.toContain(jwt)
  })

  it('without id-token: write, fails first and shows the permissions block to add', async () => {
    const result = await world.run({ inputs: oidcInputs() })
    expect(result.code).toBe(1)
    const error = failedMessage(result)
    expect(error).toContain('permissions:\n  id-token: write\n  contents: read\n  actions: read')
    // a block without these would cost the failure mail its "what failed" section
    expect(error).toContain('\n  checks: read')
    expectNothingSent(world)
  })

  it.each([
    ['environment', 'repo:octo/app:environment:prod'],
    ['pull request', 'repo:octo/app:pull_request'],
    ['tag', 'repo:octo/app:ref:refs/tags/v1.0.0']
  ])('names the federated credential to create when the %s subject does not match', async (_kind, subject) => {
    world.oidc.setSubject(subject)
    try {
      const result = await world.run({ inputs: oidcInputs(), env: world.oidc.env() })
      expect(result.code).toBe(1)
      const error = failedMessage(result)
      expect(error).toContain('Diagnosis (AADSTS70021)')
      expect(error).toContain(
        `Presented GitHub OIDC token: iss=https://token.actions.githubusercontent.com sub=${subject} aud=api://AzureADTokenExchange`
      )
      expect(error).toContain(`Subject identifier: ${subject}`)
      expect(error).not.toContain(world.oidc.issued.at(-1))
      expect(world.smtp.messages).toHaveLength(0)
    } finally {
      world.oidc.setSubject(FED_SUBJECT)
    }
  })
})

describe('proxies', () => {
  it('sends the token request through HTTPS_PROXY and SMTP through smtp-proxy', async () => {
    const result = await world.run({
      inputs: world.inputs({
        'authority-host': 'https://login.example.test',
        'smtp-host': 'smtp.example.test',
        'smtp-port': '587',
        'smtp-proxy': proxy.url
      }),
      env: { HTTPS_PROXY: proxy.url }
    })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages).toHaveLength(1)
    expect(proxy.connects.sort()).toEqual(['login.example.test:443', 'smtp.example.test:587'])
  })

  it('speaks implicit TLS on port 465, here through smtp-proxy', async () => {
    const implicit = await startSmtpServer({
      tls: { key: world.pki.serverKeyPem, cert: world.pki.serverCertPem },
      implicitTls: true,
      authorize: (user, token) => world.authorize(user, token)
    })
    implicitTlsPort = implicit.port
    try {
      const result = await world.run({
        inputs: world.inputs({ 'smtp-host': 'smtp.example.test', 'smtp-port': '465', 'smtp-proxy': proxy.url })
      })
      expect(result.code, result.log).toBe(0)
      expect(implicit.messages).toHaveLength(1)
      expect(implicit.tlsVersion).toMatch(/^TLSv1\.[23]$/)
      expect(proxy.connects).toEqual(['smtp.example.test:465'])
    } finally {
      implicitTlsPort = undefined
      await implicit.close()
    }
  })

  it('keeps the cause of a network failure of the token request', async () => {
    const result = await world.run({
      inputs: world.inputs({ 'authority-host': 'https://login.example.test' }),
      env: { HTTPS_PROXY: 'http://127.0.0.1:9' }
    })
    expect(result.code).toBe(1)
    const error = failedMessage(result)
    expect(error).toContain('Could not reach the Entra ID token endpoint at https://login.example.test: ')
    expect(error).toContain('ECONNREFUSED')
  })
})
