import { X509Certificate, createPrivateKey } from 'node:crypto'
import { InputError } from './input-error.js'
import type { InputName, RawInputs } from './read-inputs.js'

/** A client secret of the app registration. */
interface SecretCredential {
  /** Discriminant. */
  kind: 'secret'
  /** The secret's value (not its ID). */
  secret: string
}

/** A certificate uploaded to the app registration, with its private key. */
interface CertificateCredential {
  /** Discriminant. */
  kind: 'certificate'
  /** Unencrypted PKCS#8 PEM of the private key. */
  privateKeyPem: string
  /** Lower-case hex SHA-256 thumbprint of the certificate that matches the key. */
  thumbprintSha256: string
  /** The certificate chain as PEM, leaf first (sent as x5c). */
  chainPem: string
  /** Subject of the leaf certificate, for messages. */
  subject: string
  /** When the leaf certificate expires (its notAfter), e.g. `2027-01-05T12:00:00Z`; Entra refuses it after. */
  notAfter: string
}

/** GitHub's OIDC token, exchanged through a federated credential (no stored secret). */
interface FederatedCredential {
  /** Discriminant. */
  kind: 'oidc'
  /** Audience requested for the runner's OIDC token. */
  audience: string
}

/** The one way the action proves the app registration's identity. */
export type Credential = SecretCredential | CertificateCredential | FederatedCredential

/** Inputs whose values are secrets and are masked before anything else happens. */
const SECRET_INPUTS: readonly InputName[] = [
  'client-secret',
  'client-certificate',
  'client-certificate-password',
  'github-token'
]

/** Every piece of the secret inputs to mask, whether or not the inputs turn out valid. */
export function inputSecrets(raw: RawInputs): string[] {
  return SECRET_INPUTS.flatMap((name) => secretFragments(raw[name] ?? ''))
}

/**
 * The pieces of a secret to mask: the whole value and, for multi-line values such as
 * PEM keys, every line on its own (the runner masks per line when it prints).
 */
export function secretFragments(value: string): string[] {
  const trimmed = value.trim()
  if (!trimmed) return []
  const parts = new Set<string>([trimmed])
  for (const line of trimmed.split(/\r?\n/)) {
    const text = line.trim()
    if (text && !/^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(text)) parts.add(text)
  }
  return [...parts]
}

/** The one credential the inputs give: a client secret, a certificate, or else GitHub's OIDC token. */
export function parseCredential(raw: RawInputs, defaultAudience: string, derivedSecrets: string[]): Credential {
  const secret = (raw['client-secret'] ?? '').trim()
  const certificate = (raw['client-certificate'] ?? '').trim()
  const password = raw['client-certificate-password'] ?? ''
  const audience = (raw['oidc-audience'] ?? '').trim() || defaultAudience
  if (secret && certificate) {
    throw new InputError(
      'client-certificate',
      "give one credential only: 'client-secret' and 'client-certificate' are both set."
    )
  }
  if (secret) return { kind: 'secret', secret }
  if (certificate) return parseCertificate(certificate, password, derivedSecrets)
  if (password) {
    throw new InputError('client-certificate-password', "is set but 'client-certificate' is empty.")
  }
  return { kind: 'oidc', audience }
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g

/** Reads a PEM bundle holding one private key and its certificate (chain allowed). */
function parseCertificate(pem: string, password: string, derivedSecrets: string[]): CertificateCredential {
  const input = 'client-certificate'
  const blocks = [...pem.replace(/\r\n/g, '\n').matchAll(PEM_BLOCK)].map((m) => ({
    label: m[1] as string,
    text: m[0]
  }))
  if (blocks.length === 0) {
    throw new InputError(
      input,
      'is not PEM: expected a private key (-----BEGIN PRIVATE KEY-----) followed by its certificate (-----BEGIN CERTIFICATE-----).'
    )
  }
  const keys = blocks.filter((b) => b.label.endsWith('PRIVATE KEY'))
  const certs = blocks.filter((b) => b.label === 'CERTIFICATE')
  if (keys.length === 0) {
    throw new InputError(
      input,
      'holds no private key: put the PEM private key and the certificate in the same secret (e.g. cat key.pem cert.pem).'
    )
  }
  if (keys.length > 1) throw new InputError(input, 'holds more than one private key.')
  if (certs.length === 0) {
    throw new InputError(input, 'holds no certificate: append the certificate PEM after the private key.')
  }
  const keyBlock = keys[0] as { label: string; text: string }
  const encrypted = keyBlock.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type: 4,ENCRYPTED/.test(keyBlock.text)
  if (encrypted && !password) {
    throw new InputError(input, "the private key is encrypted: give its password in 'client-certificate-password'.")
  }
  let privateKeyPem: string
  try {
    const key = createPrivateKey(encrypted ? { key: keyBlock.text, passphrase: password } : { key: keyBlock.text })
    privateKeyPem = key.export({ type: 'pkcs8', format: 'pem' }).toString()
    derivedSecrets.push(privateKeyPem)
    const parsed = certs.map((c) => ({ pem: c.text, x509: new X509Certificate(c.text) }))
    const leafIndex = parsed.findIndex((c) => c.x509.checkPrivateKey(key))
    if (leafIndex < 0) {
      throw new InputError(input, 'none of its certificates matches the private key.')
    }
    const leaf = parsed[leafIndex] as (typeof parsed)[number]
    const chain = [leaf, ...parsed.filter((_, i) => i !== leafIndex)]
    return {
      kind: 'certificate',
      privateKeyPem,
      thumbprintSha256: leaf.x509.fingerprint256.replace(/:/g, '').toLowerCase(),
      chainPem: chain.map((c) => c.pem).join('\n'),
      subject: leaf.x509.subject.replace(/\n/g, ', '),
      notAfter: new Date(leaf.x509.validTo).toISOString().replace(/\.\d{3}Z$/, 'Z')
    }
  } catch (err) {
    if (err instanceof InputError) throw err
    const reason = encrypted
      ? "the private key could not be decrypted: check 'client-certificate-password'."
      : `the key or certificate could not be read (${(err as Error).message}).`
    throw new InputError(encrypted ? 'client-certificate-password' : input, reason)
  }
}
