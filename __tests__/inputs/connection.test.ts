import { describe, expect, it } from 'vitest'
import { CLOUDS } from '../../src/inputs/clouds.js'
import { parse, parseWith } from './parse-inputs.js'

describe('parseConnection', () => {
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

  it('masks the password of an smtp-proxy URL', () => {
    const { derivedSecrets } = parseWith({ 'smtp-proxy': 'http://user:pr%40xy-pass@proxy:3128' })
    expect(derivedSecrets).toContain('pr@xy-pass')
  })
})
