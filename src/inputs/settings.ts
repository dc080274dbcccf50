import { X509Certificate, createPrivateKey } from 'node:crypto'
import addressparser from 'nodemailer/lib/addressparser'
import { CLOUDS, CLOUD_NAMES, isCloudName, type CloudName } from './clouds.js'
import { InputError } from './input-error.js'
import { readWorkspaceFile } from './workspace-files.js'

/** Every input the action reads, exactly as declared in action.yml. */
export const INPUT_NAMES = [
  'tenant-id',
  'client-id',
  'client-secret',
  'client-certificate',
  'client-certificate-password',
  'oidc-audience',
  'cloud',
  'authority-host',
  'token-scope',
  'smtp-host',
  'smtp-port',
  'smtp-proxy',
  'from',
  'smtp-user',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'body',
  'html-body',
  'markdown',
  'vars',
  'attachments',
  'max-attachment-size',
  'priority',
  'in-reply-to',
  'headers',
  'thread-key',
  'job-status',
  'github-token',
  'dry-run',
  'check-setup',
  'fail-on-rejected',
  'max-attempts',
  'timeout-seconds',
  'debug'
] as const

export type InputName = (typeof INPUT_NAMES)[number]

/** Raw input values by name; a missing input is the empty string, as on the runner. */
export type RawInputs = Partial<Record<InputName, string>>

/** A mailbox address with an optional display name. */
export interface Mailbox {
  /** Display name, if the input gave one. */
  name: string
  /** The bare address (local@domain). */
  address: string
}

/** "Name <address>" or "address". */
export function formatMailbox(m: Mailbox): string {
  return m.name ? `${m.name} <${m.address}>` : m.address
}

/** A client secret of the app registration. */
export interface SecretCredential {
  /** Discriminant. */
  kind: 'secret'
  /** The secret's value (not its ID). */
  secret: string
}

/** A certificate uploaded to the app registration, with its private key. */
export interface CertificateCredential {
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
}

/** GitHub's OIDC token, exchanged through a federated credential (no stored secret). */
export interface FederatedCredential {
  /** Discriminant. */
  kind: 'oidc'
  /** Audience requested for the runner's OIDC token. */
  audience: string
}

/** The one way the action proves the app registration's identity. */
export type Credential = SecretCredential | CertificateCredential | FederatedCredential

/** A message template and where it came from. */
export interface TemplateSource {
  /** The input that supplied it. */
  input: InputName
  /** Liquid source text. */
  text: string
  /** Workspace file it was read from (file://), if any. */
  file?: string
}

/** Everything the action needs, read and validated once from the inputs. */
export interface Settings {
  /** Directory (tenant) ID or verified domain of the Entra ID tenant. */
  tenantId: string
  /** Application (client) ID of the app registration. */
  clientId: string
  /** How the app proves its identity to Entra ID. */
  credential: Credential
  /** The national cloud whose presets apply. */
  cloud: CloudName
  /** Entra ID authority host, an https origin without a trailing slash. */
  authorityHost: string
  /** OAuth scope requested for Exchange Online. */
  scope: string
  /** SMTP submission host. */
  smtpHost: string
  /** SMTP port: 587 with STARTTLS, 465 with implicit TLS. */
  smtpPort: number
  /** True when TLS starts at connect (port 465) rather than by STARTTLS. */
  implicitTls: boolean
  /** HTTP CONNECT proxy for the SMTP connection (http://[user:pass@]host:port), if any. */
  smtpProxy?: string
  /** The From mailbox. */
  from: Mailbox
  /** The mailbox to authenticate as (XOAUTH2 user=). */
  smtpUser: string
  /** To recipients. */
  to: Mailbox[]
  /** Cc recipients. */
  cc: Mailbox[]
  /** Bcc recipients (never written to headers). */
  bcc: Mailbox[]
  /** Reply-To addresses. */
  replyTo: Mailbox[]
  /** Subject template, or undefined for the default. */
  subject?: TemplateSource
  /** Text body template, or undefined for the default. */
  body?: TemplateSource
  /** HTML body template, if any. */
  htmlBody?: TemplateSource
  /** The body is Markdown: the HTML part is rendered from it. */
  markdown: boolean
  /** Extra template variables (`vars.*`). */
  vars: Record<string, unknown>
  /** Glob patterns of files to attach, relative to the workspace. */
  attachments: string[]
  /** Largest total size of the attachments, in bytes. */
  maxAttachmentBytes: number
  /** Message priority. */
  priority: 'high' | 'normal' | 'low'
  /** Message-ID this message replies to (also sets References), if any. */
  inReplyTo?: string
  /** Extra message headers. */
  headers: Record<string, string>
  /** Thread key template: messages with the same rendered key thread together. */
  threadKey?: TemplateSource
  /** The job's status as passed by the workflow (success, failure, cancelled), or empty. */
  jobStatus: string
  /** Token for the GitHub REST API (run jobs and annotations), if any. */
  githubToken: string
  /** Render and report only: no token, no connection. */
  dryRun: boolean
  /** Check the set-up only: token, claims, connection, STARTTLS, AUTH, QUIT; nothing is sent. */
  checkSetup: boolean
  /** Fail the step when some recipients were rejected. */
  failOnRejected: boolean
  /** Attempts at delivery, the first included. */
  maxAttempts: number
  /** Time budget for the whole step, in milliseconds. */
  timeoutMs: number
  /** Show the SMTP conversation (AUTH redacted) in the log. */
  debug: boolean
}

/** What parsing the inputs produced: the settings and every value to mask. */
export interface ParsedSettings {
  /** The validated settings. */
  settings: Settings
  /** Secret values derived while parsing (e.g. a converted private key), to mask too. */
  derivedSecrets: string[]
}

/** Inputs whose values are secrets and are masked before anything else happens. */
export const SECRET_INPUTS: readonly InputName[] = [
  'client-secret',
  'client-certificate',
  'client-certificate-password',
  'github-token'
]

/** What reading the inputs gave: every value to mask, and the settings or why there are none. */
export type InputReading =
  | { settings: Settings; secrets: string[]; error?: undefined }
  | { settings?: undefined; secrets: string[]; error: unknown }

/** The variable the runner passes an input in: `INPUT_<NAME>`, upper-cased, spaces as `_` (as core.getInput reads it). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * Reads every input once and validates it. Nothing is printed here and @actions/core is not
 * needed: the caller masks `secrets` (every secret input, line by line, and every secret
 * derived while parsing) before it prints anything, whether or not the inputs were valid.
 */
export async function readSettings(env: NodeJS.ProcessEnv = process.env): Promise<InputReading> {
  const raw: RawInputs = {}
  for (const name of INPUT_NAMES) raw[name] = (env[inputVariable(name)] ?? '').trim()
  const secrets = SECRET_INPUTS.flatMap((name) => secretFragments(raw[name] ?? ''))
  try {
    // The YAML parser loads only for the inputs written in YAML.
    const parseYaml = raw.vars || raw.headers ? (await import('yaml')).parse : undefined
    const workspace = env.GITHUB_WORKSPACE || process.cwd()
    const { settings, derivedSecrets } = parseSettings(raw, { workspace, ...(parseYaml ? { parseYaml } : {}) })
    return { settings, secrets: [...secrets, ...derivedSecrets.flatMap(secretFragments)] }
  } catch (error) {
    return { error, secrets }
  }
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

/** Options of parsing that come from the environment rather than the inputs. */
export interface ParseOptions {
  /** Directory that file:// templates are relative to. */
  workspace: string
  /** Parses YAML (and JSON) text; needed only when `vars` or `headers` is given. */
  parseYaml?: (text: string) => unknown
}

/** Validates raw inputs into settings. Pure apart from reading file:// templates. */
export function parseSettings(raw: RawInputs, options: ParseOptions): ParsedSettings {
  const get = (name: InputName): string => (raw[name] ?? '').trim()
  const derivedSecrets: string[] = []

  const tenantId = required(get('tenant-id'), 'tenant-id')
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(tenantId)) {
    throw new InputError(
      'tenant-id',
      `'${tenantId}' is neither a directory (tenant) ID nor a domain name. Copy the Directory (tenant) ID from the app registration's Overview page in the Entra admin center.`
    )
  }
  const clientId = required(get('client-id'), 'client-id')
  if (!/^[A-Za-z0-9-]+$/.test(clientId)) {
    throw new InputError(
      'client-id',
      `'${clientId}' is not an application (client) ID. Copy it from the app registration's Overview page.`
    )
  }

  const cloudInput = get('cloud') || 'public'
  if (!isCloudName(cloudInput)) {
    throw new InputError('cloud', `unknown cloud '${cloudInput}'; use one of ${CLOUD_NAMES.join(', ')}.`)
  }
  const preset = CLOUDS[cloudInput]

  const authorityHost = parseAuthorityHost(get('authority-host') || preset.authorityHost)
  const scope = get('token-scope') || preset.scope
  if (/\s/.test(scope)) throw new InputError('token-scope', 'must be a single scope without spaces.')

  const credential = parseCredential(raw, preset.oidcAudience, derivedSecrets)

  const smtpHost = get('smtp-host') || preset.smtpHost
  if (!/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/.test(smtpHost)) {
    throw new InputError('smtp-host', `'${smtpHost}' is not a host name.`)
  }
  const smtpPort = parseInteger(get('smtp-port') || '587', 'smtp-port', 1, 65535)
  const smtpProxy = parseProxy(get('smtp-proxy'), derivedSecrets)

  const fromList = parseAddresses(required(get('from'), 'from'), 'from')
  if (fromList.length !== 1) throw new InputError('from', 'must be exactly one address.')
  const from = fromList[0] as Mailbox
  const smtpUserInput = get('smtp-user')
  const smtpUser = smtpUserInput ? singleAddress(smtpUserInput, 'smtp-user') : from.address

  const to = parseAddresses(get('to'), 'to')
  const cc = parseAddresses(get('cc'), 'cc')
  const bcc = parseAddresses(get('bcc'), 'bcc')
  const checkSetup = parseBoolean(get('check-setup'), 'check-setup', false)
  const dryRun = parseBoolean(get('dry-run'), 'dry-run', false)
  if (checkSetup && dryRun) {
    throw new InputError('check-setup', "connects and authenticates, 'dry-run' makes no request: set only one of them.")
  }
  // A set-up check sends nothing, so it needs nobody to send to.
  if (!checkSetup && to.length + cc.length + bcc.length === 0) {
    throw new InputError('to', "no recipient: give at least one address in 'to', 'cc' or 'bcc'.")
  }
  const replyTo = parseAddresses(get('reply-to'), 'reply-to')

  const timeoutSeconds = parseInteger(get('timeout-seconds') || '120', 'timeout-seconds', 5, 3600)
  const priority = (get('priority') || 'normal').toLowerCase()
  if (priority !== 'high' && priority !== 'normal' && priority !== 'low') {
    throw new InputError('priority', `'${priority}' is not a priority; use high, normal or low.`)
  }
  const inReplyTo = get('in-reply-to')
  if (inReplyTo && !/^<?[^<>\s@]+@[^<>\s@]+>?$/.test(inReplyTo)) {
    throw new InputError('in-reply-to', `'${inReplyTo}' is not a Message-ID (<id@host>).`)
  }

  const settings: Settings = {
    tenantId,
    clientId,
    credential,
    cloud: cloudInput,
    authorityHost,
    scope,
    smtpHost,
    smtpPort,
    implicitTls: smtpPort === 465,
    ...(smtpProxy ? { smtpProxy } : {}),
    from,
    smtpUser,
    to,
    cc,
    bcc,
    replyTo,
    subject: template(raw, 'subject', options),
    body: template(raw, 'body', options),
    htmlBody: template(raw, 'html-body', options),
    markdown: parseBoolean(get('markdown'), 'markdown', false),
    vars: parseVars(raw.vars ?? '', options.parseYaml),
    attachments: splitList(raw.attachments ?? ''),
    maxAttachmentBytes: parseSize(get('max-attachment-size') || '25MB', 'max-attachment-size'),
    priority,
    ...(inReplyTo ? { inReplyTo: inReplyTo.startsWith('<') ? inReplyTo : `<${inReplyTo}>` } : {}),
    headers: parseHeaders(raw.headers ?? '', options.parseYaml),
    ...(get('thread-key') ? { threadKey: { input: 'thread-key' as const, text: get('thread-key') } } : {}),
    jobStatus: get('job-status').toLowerCase(),
    githubToken: get('github-token'),
    dryRun,
    checkSetup,
    failOnRejected: parseBoolean(get('fail-on-rejected'), 'fail-on-rejected', true),
    maxAttempts: parseInteger(get('max-attempts') || '3', 'max-attempts', 1, 10),
    timeoutMs: timeoutSeconds * 1000,
    debug: parseBoolean(get('debug'), 'debug', false)
  }
  return { settings, derivedSecrets }
}

/** Splits a comma- or newline-separated list, dropping empty entries. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter(Boolean)
}

/** A byte size such as 25MB, 10 MiB, 500kB or 1048576. */
export function parseSize(value: string, input: InputName): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim())
  if (!m) throw new InputError(input, `'${value}' is not a size; use e.g. 25MB or 1048576.`)
  const unit = (m[2] ?? 'b').toLowerCase().replace(/i?b$/, '')
  const factor = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit] ?? 1
  return Math.round(Number(m[1]) * factor)
}

function parseDocument(value: string, input: InputName, parseYaml: ParseOptions['parseYaml']): unknown {
  if (!parseYaml) throw new Error(`No YAML parser was given to read '${input}'.`)
  try {
    return parseYaml(value)
  } catch (err) {
    throw new InputError(input, `is not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`)
  }
}

/** The `vars` input: a YAML or JSON mapping. */
export function parseVars(value: string, parseYaml: ParseOptions['parseYaml']): Record<string, unknown> {
  if (!value.trim()) return {}
  const doc = parseDocument(value, 'vars', parseYaml)
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError('vars', 'must be a mapping of names to values (YAML or JSON object).')
  }
  return doc as Record<string, unknown>
}

/** Headers the action sets itself or that change how the message is read or routed. */
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
  'return-path',
  'received',
  'dkim-signature',
  'x-priority',
  'importance',
  'priority',
  'thread-topic',
  'thread-index'
])

/** The `headers` input: a YAML or JSON map of extra header names to single-line values. */
export function parseHeaders(value: string, parseYaml: ParseOptions['parseYaml']): Record<string, string> {
  if (!value.trim()) return {}
  const doc = parseDocument(value, 'headers', parseYaml)
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError('headers', 'must be a map of header names to values, e.g. {"X-Build": "42"}.')
  }
  const headers: Record<string, string> = {}
  for (const [name, raw] of Object.entries(doc as Record<string, unknown>)) {
    if (!/^[!-9;-~]+$/.test(name)) throw new InputError('headers', `'${name}' is not a valid header name.`)
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new InputError('headers', `'${name}' is set by the action; use the matching input instead.`)
    }
    if (raw !== null && typeof raw === 'object') throw new InputError('headers', `the value of '${name}' must be text.`)
    const text = String(raw ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .trim()
    headers[name] = text
  }
  return headers
}

function required(value: string, input: InputName): string {
  if (!value) throw new InputError(input, 'is required and was not supplied.')
  return value
}

function parseInteger(value: string, input: InputName, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw new InputError(input, `'${value}' is not a whole number.`)
  const n = Number(value)
  if (n < min || n > max) throw new InputError(input, `${n} is out of range (${min}–${max}).`)
  return n
}

/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(value: string, input: InputName, fallback: boolean): boolean {
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(input, `'${value}' is not a boolean; use true or false.`)
}

function parseAuthorityHost(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError('authority-host', `'${value}' is not a URL; use e.g. https://login.microsoftonline.us.`)
  }
  if (url.protocol !== 'https:') throw new InputError('authority-host', `must use https, got '${value}'.`)
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new InputError(
      'authority-host',
      `give only the scheme and host (e.g. https://login.microsoftonline.com), without a tenant or path: '${value}'.`
    )
  }
  return url.origin
}

function parseProxy(value: string, derivedSecrets: string[]): string | undefined {
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError('smtp-proxy', 'is not a URL; use http://proxy.example.com:3128.')
  }
  if (url.password) derivedSecrets.push(decodeURIComponent(url.password))
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError('smtp-proxy', `must be an http:// or https:// CONNECT proxy, got '${url.protocol}'.`)
  }
  return url.href
}

const ADDRESS =
  /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/

/** Parses a comma- or newline-separated address list ("Name <a@b>", "a@b"). */
export function parseAddresses(value: string, input: InputName): Mailbox[] {
  const result: Mailbox[] = []
  for (const line of value.split(/\r?\n/)) {
    if (!line.trim()) continue
    for (const entry of addressparser(line, { flatten: true })) {
      const address = (entry.address ?? '').trim()
      const name = (entry.name ?? '').replace(/[\r\n]+/g, ' ').trim()
      if (!address) {
        throw new InputError(input, `'${name || line.trim()}' is not an e-mail address.`)
      }
      if (!ADDRESS.test(address)) throw new InputError(input, `'${address}' is not a valid e-mail address.`)
      result.push({ name, address })
    }
  }
  return result
}

function singleAddress(value: string, input: InputName): string {
  const list = parseAddresses(value, input)
  if (list.length !== 1) throw new InputError(input, 'must be exactly one address.')
  return (list[0] as Mailbox).address
}

/** The largest template file read (`file://`): far above any real message, well below a runaway read. */
const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024

function template(raw: RawInputs, input: InputName, options: ParseOptions): TemplateSource | undefined {
  const value = raw[input] ?? ''
  if (!value.trim()) return undefined
  const trimmed = value.trim()
  if (!trimmed.startsWith('file://')) return { input, text: value }
  const name = trimmed.slice('file://'.length)
  if (!name) throw new InputError(input, 'file:// needs a path relative to the workspace.')
  const file = readWorkspaceFile(options.workspace, name, input, {
    maxBytes: MAX_TEMPLATE_BYTES,
    label: 'template file'
  })
  return { input, text: decodeUtf8(file.content, name, input), file: file.relative }
}

/** The text of a template file: UTF-8 (a BOM is dropped), never with characters silently replaced. */
function decodeUtf8(bytes: Buffer, name: string, input: InputName): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InputError(
      input,
      `template file '${name}' is not UTF-8 text: ${where(bytes, firstInvalidUtf8(bytes))} is not valid UTF-8 (saved as Windows-1252 or Latin-1?). Save it as UTF-8.`
    )
  }
}

/** "byte 0xE9 at line 3, column 7" (column in bytes). */
function where(bytes: Buffer, offset: number): string {
  const before = bytes.subarray(0, offset)
  const line = before.filter((b) => b === 0x0a).length + 1
  const column = offset - (before.lastIndexOf(0x0a) + 1) + 1
  const value = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')
  return `byte 0x${value} at line ${line}, column ${column}`
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (Unicode table 3-7). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] as number
    let length: number
    let low = 0x80
    let high = 0xbf
    if (lead < 0x80) length = 1
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) low = 0xa0
      if (lead === 0xed) high = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) low = 0x90
      if (lead === 0xf4) high = 0x8f
    } else return i
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf]
      if (next === undefined || next < min || next > max) return i
    }
    i += length
  }
  return -1
}

function parseCredential(raw: RawInputs, defaultAudience: string, derivedSecrets: string[]): Credential {
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
export function parseCertificate(pem: string, password: string, derivedSecrets: string[]): CertificateCredential {
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
      subject: leaf.x509.subject.replace(/\n/g, ', ')
    }
  } catch (err) {
    if (err instanceof InputError) throw err
    const reason = encrypted
      ? "the private key could not be decrypted: check 'client-certificate-password'."
      : `the key or certificate could not be read (${(err as Error).message}).`
    throw new InputError(encrypted ? 'client-certificate-password' : input, reason)
  }
}
