import { describe, expect, it } from 'vitest'
import type { RawInputs } from '../../src/inputs/read-inputs.js'
import { inputError, parse } from './parse-inputs.js'

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
})
