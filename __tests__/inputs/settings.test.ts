import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { CLOUDS } from '../../src/inputs/clouds.js'
import { InputError } from '../../src/inputs/input-error.js'
import {
  inputVariable,
  parseSettings,
  readSettings,
  secretFragments,
  type RawInputs
} from '../../src/inputs/settings.js'
import { createClientCertificate } from '../fakes/certs.js'

const workspace = mkdtempSync(path.join(tmpdir(), 'settings-'))
writeFileSync(path.join(workspace, 'body.liquid'), 'Hello {{ github.actor }}')

const base: RawInputs = {
  'tenant-id': '72f988bf-86f1-41af-91ab-2d7cd011db47',
  'client-id': '11111111-2222-3333-4444-555555555555',
  'client-secret': 'secret-value',
  from: 'CI Bot <ci@contoso.com>',
  to: 'dev@contoso.com'
}

function parse(overrides: RawInputs) {
  return parseSettings({ ...base, ...overrides }, { workspace, parseYaml }).settings
}

function inputError(overrides: RawInputs): InputError {
  try {
    parse(overrides)
  } catch (err) {
    if (err instanceof InputError) return err
    throw err
  }
  throw new Error('expected an InputError')
}

describe('parseSettings', () => {
  it('applies the public cloud presets by default', () => {
    const s = parse({})
    expect(s.cloud).toBe('public')
    expect(s.authorityHost).toBe('https://login.microsoftonline.com')
    expect(s.smtpHost).toBe('smtp.office365.com')
    expect(s.smtpPort).toBe(587)
    expect(s.implicitTls).toBe(false)
    expect(s.scope).toBe('https://outlook.office365.com/.default')
    expect(s.from).toEqual({ name: 'CI Bot', address: 'ci@contoso.com' })
    expect(s.smtpUser).toBe('ci@contoso.com')
    expect(s.credential).toEqual({ kind: 'secret', secret: 'secret-value' })
    expect(s.dryRun).toBe(false)
    expect(s.timeoutMs).toBe(120_000)
  })

  it.each(Object.entries(CLOUDS))('applies the %s cloud presets', (cloud, preset) => {
    const s = parse({ cloud, 'client-secret': '' })
    expect(s.authorityHost).toBe(preset.authorityHost)
    expect(s.smtpHost).toBe(preset.smtpHost)
    expect(s.scope).toBe(preset.scope)
    expect(s.credential).toEqual({ kind: 'oidc', audience: preset.oidcAudience })
  })

  it('lets every preset be overridden', () => {
    const s = parse({
      cloud: 'usgov',
      'authority-host': 'https://login.example.test/',
      'smtp-host': 'smtp.example.test',
      'smtp-port': '465',
      'token-scope': 'https://outlook.example.test/.default',
      'smtp-user': 'sender@contoso.com'
    })
    expect(s.authorityHost).toBe('https://login.example.test')
    expect(s.smtpHost).toBe('smtp.example.test')
    expect(s.smtpPort).toBe(465)
    expect(s.implicitTls).toBe(true)
    expect(s.scope).toBe('https://outlook.example.test/.default')
    expect(s.smtpUser).toBe('sender@contoso.com')
  })

  it('splits recipient lists on commas and newlines', () => {
    const s = parse({
      to: 'a@contoso.com, "Doe, Jane" <jane@contoso.com>\nb@contoso.com',
      cc: 'c@contoso.com',
      bcc: '\nd@contoso.com\n',
      'reply-to': 'team@contoso.com'
    })
    expect(s.to.map((m) => m.address)).toEqual(['a@contoso.com', 'jane@contoso.com', 'b@contoso.com'])
    expect(s.to[1]?.name).toBe('Doe, Jane')
    expect(s.cc).toEqual([{ name: '', address: 'c@contoso.com' }])
    expect(s.bcc).toEqual([{ name: '', address: 'd@contoso.com' }])
    expect(s.replyTo).toEqual([{ name: '', address: 'team@contoso.com' }])
  })

  it('accepts a recipient in bcc alone', () => {
    expect(parse({ to: '', bcc: 'x@contoso.com' }).bcc).toHaveLength(1)
  })

  it('reads file:// templates from the workspace', () => {
    const s = parse({ body: 'file://body.liquid', subject: 'Build {{ job.status }}' })
    expect(s.body).toEqual({ input: 'body', text: 'Hello {{ github.actor }}', file: 'body.liquid' })
    expect(s.subject?.text).toBe('Build {{ job.status }}')
  })

  it('parses booleans like the runner', () => {
    expect(parse({ 'dry-run': 'true' }).dryRun).toBe(true)
    expect(parse({ 'dry-run': 'False' }).dryRun).toBe(false)
  })

  it.each<[string, RawInputs, string]>([
    ['missing tenant', { 'tenant-id': '' }, "Input 'tenant-id': is required"],
    ['tenant with spaces', { 'tenant-id': 'my tenant' }, "Input 'tenant-id': 'my tenant' is neither"],
    ['missing client id', { 'client-id': '' }, "Input 'client-id': is required"],
    [
      'unknown cloud',
      { cloud: 'mars' },
      "Input 'cloud': unknown cloud 'mars'; use one of public, usgov, usgov-dod, china"
    ],
    ['http authority', { 'authority-host': 'http://login.example.test' }, "Input 'authority-host': must use https"],
    ['authority with tenant', { 'authority-host': 'https://login.microsoftonline.com/contoso' }, 'without a tenant'],
    ['port not a number', { 'smtp-port': '58x' }, "Input 'smtp-port': '58x' is not a whole number"],
    ['port out of range', { 'smtp-port': '70000' }, "Input 'smtp-port': 70000 is out of range"],
    ['bad from', { from: 'not-an-address' }, "Input 'from'"],
    ['two from', { from: 'a@contoso.com, b@contoso.com' }, "Input 'from': must be exactly one address"],
    ['bad recipient', { to: 'dev@contoso.com, bob@' }, "Input 'to'"],
    ['bad cc', { cc: 'x@@y' }, "Input 'cc'"],
    ['no recipient', { to: '' }, "Input 'to': no recipient"],
    ['bad dry-run', { 'dry-run': 'yes please' }, "Input 'dry-run': 'yes please' is not a boolean"],
    [
      'missing template file',
      { body: 'file://nope.liquid' },
      "Input 'body': template file 'nope.liquid' does not exist"
    ],
    [
      'missing html file',
      { 'html-body': 'file://nope.html' },
      "Input 'html-body': template file 'nope.html' does not exist"
    ],
    ['two credentials', { 'client-certificate': 'x' }, "Input 'client-certificate': give one credential only"],
    ['timeout too small', { 'timeout-seconds': '1' }, "Input 'timeout-seconds': 1 is out of range"]
  ])('rejects %s, naming the input', (_name, overrides, message) => {
    expect(inputError(overrides).message).toContain(message)
  })
})

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
        'client-certificate': `${generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' })}${createClientCertificate().certPem}`
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

describe('message options', () => {
  it('reads vars as YAML or JSON', () => {
    expect(parse({ vars: 'environment: prod\nreplicas: 3' }).vars).toEqual({ environment: 'prod', replicas: 3 })
    expect(parse({ vars: '{"environment": "prod"}' }).vars).toEqual({ environment: 'prod' })
    expect(parse({}).vars).toEqual({})
  })

  it('reads headers, single-line, and refuses reserved or malformed names', () => {
    expect(parse({ headers: 'X-Build: 42\nX-Note: "a\\nb"' }).headers).toEqual({ 'X-Build': '42', 'X-Note': 'a b' })
    expect(inputError({ headers: 'Bcc: someone@example.com' }).message).toContain("'Bcc' is set by the action")
    expect(inputError({ headers: '"Bad Name": x' }).message).toContain("'Bad Name' is not a valid header name")
    expect(inputError({ headers: '[1, 2]' }).message).toContain("Input 'headers': must be a map")
  })

  it('parses sizes, priority, in-reply-to and the retry settings', () => {
    const s = parse({
      'max-attachment-size': '10 MiB',
      priority: 'HIGH',
      'in-reply-to': 'abc@contoso.com',
      'max-attempts': '5',
      'fail-on-rejected': 'false',
      attachments: 'reports/*.html\n, logs/a.txt'
    })
    expect(s.maxAttachmentBytes).toBe(10 * 1024 * 1024)
    expect(s.priority).toBe('high')
    expect(s.inReplyTo).toBe('<abc@contoso.com>')
    expect(s.maxAttempts).toBe(5)
    expect(s.failOnRejected).toBe(false)
    expect(s.attachments).toEqual(['reports/*.html', 'logs/a.txt'])
    expect(parse({}).maxAttachmentBytes).toBe(25 * 1024 * 1024)
  })

  it.each<[RawInputs, string]>([
    [{ vars: 'a: [' }, "Input 'vars': is not valid YAML or JSON"],
    [{ vars: '- a\n- b' }, "Input 'vars': must be a mapping"],
    [{ 'max-attachment-size': 'huge' }, "Input 'max-attachment-size': 'huge' is not a size"],
    [{ priority: 'urgent' }, "Input 'priority': 'urgent' is not a priority"],
    [{ 'in-reply-to': 'not a message id' }, "Input 'in-reply-to'"],
    [{ 'max-attempts': '0' }, "Input 'max-attempts': 0 is out of range"],
    [{ 'smtp-proxy': 'socks5://proxy:1080' }, "Input 'smtp-proxy': must be an http:// or https:// CONNECT proxy"],
    [{ 'fail-on-rejected': 'maybe' }, "Input 'fail-on-rejected'"]
  ])('rejects %j', (overrides, message) => {
    expect(inputError(overrides).message).toContain(message)
  })

  it('masks the password of an smtp-proxy URL', () => {
    const { derivedSecrets } = parseSettings(
      { ...base, 'smtp-proxy': 'http://user:pr%40xy-pass@proxy:3128' },
      { workspace, parseYaml }
    )
    expect(derivedSecrets).toContain('pr@xy-pass')
  })
})

describe('readSettings', () => {
  /** The environment the runner gives a step with these inputs. */
  function runnerEnv(inputs: RawInputs): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: workspace }
    for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
    return env
  }

  it('reads the inputs from INPUT_<NAME> variables, trimmed, as the runner passes them', async () => {
    expect(inputVariable('client-secret')).toBe('INPUT_CLIENT-SECRET')
    const reading = await readSettings(
      runnerEnv({ ...base, to: '  dev@contoso.com \n', body: 'file://body.liquid', vars: 'team: mail' })
    )
    expect(reading.error).toBeUndefined()
    expect(reading.settings?.to).toEqual([{ name: '', address: 'dev@contoso.com' }])
    expect(reading.settings?.body?.text).toBe('Hello {{ github.actor }}')
    expect(reading.settings?.vars).toEqual({ team: 'mail' })
    expect(reading.secrets).toEqual(['secret-value'])
  })

  /** The inputs of a certificate credential with an encrypted key. */
  const key = createClientCertificate({ password: 'pw' })
  const certificateInputs: RawInputs = {
    ...base,
    'client-secret': '',
    'client-certificate': key.combinedPem,
    'client-certificate-password': 'pw'
  }

  it('still names every secret to mask when the inputs are invalid', async () => {
    const reading = await readSettings(
      runnerEnv({ ...certificateInputs, 'github-token': 'ghs_example', 'smtp-port': 'twenty-five' })
    )
    expect(reading.settings).toBeUndefined()
    expect(reading.error).toBeInstanceOf(InputError)
    expect(String(reading.error)).toContain("Input 'smtp-port'")
    expect(reading.secrets).toEqual(expect.arrayContaining(['pw', 'ghs_example', ...secretFragments(key.combinedPem)]))
  })

  it('masks secrets derived while parsing, such as the decrypted key', async () => {
    const reading = await readSettings(runnerEnv(certificateInputs))
    const credential = reading.settings?.credential
    expect(credential?.kind).toBe('certificate')
    const decrypted = credential?.kind === 'certificate' ? credential.privateKeyPem : ''
    expect(reading.secrets).toEqual(expect.arrayContaining(secretFragments(decrypted)))
  })
})

describe('check-setup', () => {
  it('is off by default', () => {
    expect(parse({}).checkSetup).toBe(false)
  })

  it('needs no recipients: it sends nothing', () => {
    const settings = parse({ 'check-setup': 'true', to: '' })
    expect(settings.checkSetup).toBe(true)
    expect(settings.to).toEqual([])
  })

  it('still checks the recipients it is given', () => {
    expect(inputError({ 'check-setup': 'true', to: 'bob@' }).input).toBe('to')
  })

  it('cannot be combined with dry-run', () => {
    expect(inputError({ 'check-setup': 'true', 'dry-run': 'true' }).message).toContain(
      "Input 'check-setup': connects and authenticates, 'dry-run' makes no request"
    )
  })

  it('is a boolean', () => {
    expect(inputError({ 'check-setup': 'yes' }).input).toBe('check-setup')
  })
})
