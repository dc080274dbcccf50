import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { secretFragments } from '../../src/inputs/credential.js'
import type { RawInputs } from '../../src/inputs/read-inputs.js'
import { parseSettings } from '../../src/inputs/settings.js'
import { createClientCertificate } from '../fakes/certs.js'
import { base, workspace } from './parse-inputs.js'

describe('certificate credentials', () => {
  it('computes the SHA-256 thumbprint and keeps the chain, leaf first', () => {
    const cert = createClientCertificate()
    const other = createClientCertificate({ commonName: 'intermediate' })
    const { settings, derivedSecrets } = parseSettings(
      { ...base, 'client-secret': '', 'client-certificate': `${other.certPem}\n${cert.keyPem}\n${cert.certPem}` },
      { workspace, parseYaml }
    )
    const credential = settings.credential
    if (credential.kind !== 'certificate') throw new Error('expected a certificate credential')
    expect(credential.thumbprintSha256).toBe(cert.thumbprintSha256Hex)
    expect(credential.chainPem.indexOf(cert.certPem.trim())).toBe(0)
    expect(credential.chainPem).toContain(other.certPem.trim())
    expect(credential.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----')
    expect(derivedSecrets).toContain(credential.privateKeyPem)
  })

  it('decrypts an encrypted key with the password', () => {
    const cert = createClientCertificate({ password: 'pa55word' })
    const { settings } = parseSettings(
      {
        ...base,
        'client-secret': '',
        'client-certificate': cert.combinedPem,
        'client-certificate-password': 'pa55word'
      },
      { workspace, parseYaml }
    )
    expect(settings.credential.kind).toBe('certificate')
  })

  it.each<[string, () => RawInputs, string]>([
    ['not PEM', () => ({ 'client-certificate': 'hello' }), "Input 'client-certificate': is not PEM"],
    [
      'no private key',
      () => ({ 'client-certificate': createClientCertificate().certPem }),
      "Input 'client-certificate': holds no private key"
    ],
    [
      'no certificate',
      () => ({ 'client-certificate': createClientCertificate().keyPem }),
      "Input 'client-certificate': holds no certificate"
    ],
    [
      'a key that matches no certificate',
      () => ({
        'client-certificate': `${generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()}${createClientCertificate().certPem}`
      }),
      'none of its certificates matches the private key'
    ],
    [
      'an encrypted key without password',
      () => ({ 'client-certificate': createClientCertificate({ password: 'pw' }).combinedPem }),
      "give its password in 'client-certificate-password'"
    ],
    [
      'a wrong password',
      () => ({
        'client-certificate': createClientCertificate({ password: 'pw' }).combinedPem,
        'client-certificate-password': 'wrong'
      }),
      "Input 'client-certificate-password': the private key could not be decrypted"
    ]
  ])('rejects %s', (_name, overrides, message) => {
    expect(() => parseSettings({ ...base, 'client-secret': '', ...overrides() }, { workspace, parseYaml })).toThrow(
      message
    )
  })
})

describe('secretFragments', () => {
  it('masks the whole value and every line of a PEM, but not its armour lines', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nAAAA\nBBBB\n-----END PRIVATE KEY-----\n'
    expect(secretFragments(pem)).toEqual([pem.trim(), 'AAAA', 'BBBB'])
    expect(secretFragments('  ')).toEqual([])
  })
})
