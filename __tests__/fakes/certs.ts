/**
 * Throw-away X.509 material for the local peers (token endpoint, SMTP server)
 * and for Entra certificate credentials.
 *
 * Keys come from node:crypto (fast, native); node-forge is only used to build
 * and sign the certificates, which node:crypto cannot do.
 */
import { createHash, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import forge from 'node-forge'

export interface TestPki {
  /** PEM of the test CA: trust it with `ca` or NODE_EXTRA_CA_CERTS */
  caPem: string
  /** Temp file holding caPem (for NODE_EXTRA_CA_CERTS) */
  caFile: string
  /** PKCS#8 PEM key of the server certificate */
  serverKeyPem: string
  /** Server certificate for localhost, login.example.test, smtp.example.test, graph.example.test and 127.0.0.1, signed by the CA */
  serverCertPem: string
}

export interface KeyCertPair {
  keyPem: string
  certPem: string
}

export interface ClientCert {
  /** PKCS#8 PEM; `BEGIN ENCRYPTED PRIVATE KEY` when a password was given */
  keyPem: string
  certPem: string
  /** keyPem + certPem, the way people paste a combined .pem into a secret */
  combinedPem: string
  /** Lowercase hex SHA-256 of the DER certificate (msal `thumbprintSha256`) */
  thumbprintSha256Hex: string
  /** Lowercase hex SHA-1 of the DER certificate (legacy `thumbprint`) */
  thumbprintSha1Hex: string
  /** The unencrypted key object, handy for signing assertions in tests */
  privateKey: KeyObject
}

const DAY_MS = 24 * 60 * 60 * 1000

interface NameAttr {
  name?: string
  shortName?: string
  value: string
}

function newRsaKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
}

/** node:crypto key objects → forge keys (via PKCS#1 / SPKI PEM) */
function toForge(keys: { privateKey: KeyObject; publicKey: KeyObject }): {
  privateKey: forge.pki.rsa.PrivateKey
  publicKey: forge.pki.rsa.PublicKey
} {
  const privPem = keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
  const pubPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()
  return {
    privateKey: forge.pki.privateKeyFromPem(privPem),
    publicKey: forge.pki.publicKeyFromPem(pubPem)
  }
}

/** Random positive serial (first byte < 0x80 so DER keeps it positive) */
function randomSerial(): string {
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0] ?? 0) & 0x7f
  return bytes.toString('hex')
}

interface BuildCertOptions {
  subject: NameAttr[]
  issuer: NameAttr[]
  publicKey: forge.pki.rsa.PublicKey
  signingKey: forge.pki.rsa.PrivateKey
  extensions: object[]
  notBefore?: Date
  notAfter?: Date
}

function buildCert(opts: BuildCertOptions): string {
  const cert = forge.pki.createCertificate()
  cert.publicKey = opts.publicKey
  cert.serialNumber = randomSerial()
  const now = Date.now()
  cert.validity.notBefore = opts.notBefore ?? new Date(now - DAY_MS)
  cert.validity.notAfter = opts.notAfter ?? new Date(now + 365 * DAY_MS)
  cert.setSubject(opts.subject)
  cert.setIssuer(opts.issuer)
  cert.setExtensions(opts.extensions)
  cert.sign(opts.signingKey, forge.md.sha256.create())
  // forge writes CRLF line endings; keep PEM files in the usual LF form
  return forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n')
}

function pkcs8(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString()
}

interface Ca {
  name: NameAttr[]
  keys: ReturnType<typeof toForge>
  pem: string
}

function createCa(commonName: string): Ca {
  const keys = toForge(newRsaKey())
  const name: NameAttr[] = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Exchange Mail Action Tests' }
  ]
  const pem = buildCert({
    subject: name,
    issuer: name,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' }
    ]
  })
  return { name, keys, pem }
}

function issueServerCert(ca: Ca): KeyCertPair {
  const nodeKeys = newRsaKey()
  const keys = toForge(nodeKeys)
  const certPem = buildCert({
    subject: [{ name: 'commonName', value: 'localhost' }],
    issuer: ca.name,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' }, // DNS
          // names that exist only behind the test CONNECT proxy (fakes/proxies.ts)
          { type: 2, value: 'login.example.test' },
          { type: 2, value: 'smtp.example.test' },
          { type: 2, value: 'graph.example.test' },
          { type: 7, ip: '127.0.0.1' } // IP
        ]
      },
      { name: 'subjectKeyIdentifier' },
      {
        name: 'authorityKeyIdentifier',
        // must equal the CA's subjectKeyIdentifier, which forge derives from
        // the SHA-1 of the RSAPublicKey structure
        keyIdentifier: forge.pki.getPublicKeyFingerprint(ca.keys.publicKey, { type: 'RSAPublicKey' }).getBytes()
      }
    ]
  })
  return { keyPem: pkcs8(nodeKeys.privateKey), certPem }
}

let pkiCache: TestPki | undefined

/**
 * The process-wide test PKI (generated once, then cached): a CA and a server
 * certificate for localhost / 127.0.0.1 signed by it. The CA PEM is also
 * written to a temp file for NODE_EXTRA_CA_CERTS.
 */
export function createTestPki(): TestPki {
  if (pkiCache) return pkiCache
  const ca = createCa('Exchange Mail Action Test CA')
  const server = issueServerCert(ca)
  const dir = mkdtempSync(join(tmpdir(), 'ema-pki-'))
  const caFile = join(dir, 'ca.pem')
  writeFileSync(caFile, ca.pem)
  pkiCache = {
    caPem: ca.pem,
    caFile,
    serverKeyPem: server.keyPem,
    serverCertPem: server.certPem
  }
  return pkiCache
}

let untrustedCache: KeyCertPair | undefined

/**
 * A localhost / 127.0.0.1 server certificate issued by an unrelated CA that
 * nobody trusts (cached per process). Use it to test certificate errors.
 */
export function createUntrustedServerCert(): KeyCertPair {
  if (untrustedCache) return untrustedCache
  untrustedCache = issueServerCert(createCa('Untrusted Rogue CA'))
  return untrustedCache
}

/** Lowercase hex SHA-256 and SHA-1 of a PEM certificate's DER bytes */
export function certThumbprints(certPem: string): { sha256Hex: string; sha1Hex: string } {
  const der = new X509Certificate(certPem).raw
  return {
    sha256Hex: createHash('sha256').update(der).digest('hex'),
    sha1Hex: createHash('sha1').update(der).digest('hex')
  }
}

/**
 * A fresh RSA key and self-signed certificate, like the ones uploaded to an
 * Entra app registration as a certificate credential. Not cached: every call
 * is a distinct credential (about 0.1 s each).
 */
export function createClientCertificate(
  opts: { password?: string; commonName?: string; notBefore?: Date; notAfter?: Date } = {}
): ClientCert {
  const nodeKeys = newRsaKey()
  const keys = toForge(nodeKeys)
  const name: NameAttr[] = [{ name: 'commonName', value: opts.commonName ?? 'exchange-mail-action' }]
  const certPem = buildCert({
    subject: name,
    issuer: name,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    ...(opts.notBefore ? { notBefore: opts.notBefore } : {}),
    ...(opts.notAfter ? { notAfter: opts.notAfter } : {}),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', clientAuth: true },
      { name: 'subjectKeyIdentifier' }
    ]
  })
  const keyPem =
    opts.password === undefined
      ? pkcs8(nodeKeys.privateKey)
      : nodeKeys.privateKey
          .export({
            type: 'pkcs8',
            format: 'pem',
            cipher: 'aes-256-cbc',
            passphrase: opts.password
          })
          .toString()
  const { sha256Hex, sha1Hex } = certThumbprints(certPem)
  return {
    keyPem,
    certPem,
    combinedPem: keyPem.trimEnd() + '\n' + certPem,
    thumbprintSha256Hex: sha256Hex,
    thumbprintSha1Hex: sha1Hex,
    privateKey: nodeKeys.privateKey
  }
}
