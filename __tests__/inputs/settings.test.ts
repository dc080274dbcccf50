import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/inputs/input-error.js'
import { secretFragments } from '../../src/inputs/credential.js'
import { inputVariable, type RawInputs } from '../../src/inputs/read-inputs.js'
import { readSettings } from '../../src/inputs/settings.js'
import { createClientCertificate } from '../fakes/certs.js'
import { base, inputError, parse, workspace } from './parse-inputs.js'

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
