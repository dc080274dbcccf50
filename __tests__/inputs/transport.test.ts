import { describe, expect, it } from 'vitest'
import { CLOUDS } from '../../src/inputs/clouds.js'
import { inputError, parse } from './parse-inputs.js'

describe('transport', () => {
  it('is SMTP unless told otherwise, with the Exchange scope', () => {
    const s = parse({})
    expect(s.transport).toBe('smtp')
    expect(s.scope).toBe('https://outlook.office365.com/.default')
  })

  it.each([
    ['public', 'https://graph.microsoft.com'],
    ['usgov', 'https://graph.microsoft.us'],
    ['usgov-dod', 'https://dod-graph.microsoft.us'],
    ['china', 'https://microsoftgraph.chinacloudapi.cn']
  ])('with graph in the %s cloud: Graph host %s and its /.default scope', (cloud, host) => {
    const s = parse({ cloud, transport: 'graph' })
    expect(s.transport).toBe('graph')
    expect(s.graphHost).toBe(host)
    expect(s.scope).toBe(`${host}/.default`)
    expect(CLOUDS[s.cloud].graphScope).toBe(`${host}/.default`)
    // the authority stays the cloud's
    expect(s.authorityHost).toBe(CLOUDS[s.cloud].authorityHost)
  })

  it('takes graph-host and token-scope as given: graph-host changes only where requests go', () => {
    const s = parse({ transport: 'Graph', 'graph-host': 'https://graph.example.test:8443/' })
    expect(s.transport).toBe('graph')
    expect(s.graphHost).toBe('https://graph.example.test:8443')
    expect(s.scope).toBe('https://graph.microsoft.com/.default')
    expect(parse({ transport: 'graph', 'token-scope': 'https://graph.example.test/.default' }).scope).toBe(
      'https://graph.example.test/.default'
    )
  })

  it('refuses any other transport, naming both accepted values', () => {
    const err = inputError({ transport: 'grpah' })
    expect(err.message).toBe("Input 'transport': unknown transport 'grpah'; use smtp or graph.")
  })

  it.each([
    ['http://graph.microsoft.com', 'must use https'],
    ['https://graph.microsoft.com/v1.0', 'without a path'],
    ['graph.microsoft.com', 'is not a URL']
  ])('refuses graph-host %s', (value, text) => {
    expect(inputError({ transport: 'graph', 'graph-host': value }).message).toContain(text)
  })
})

describe('the sending mailbox', () => {
  it('is the From address, smtp-user, or its alias mailbox', () => {
    expect(parse({ transport: 'graph' }).smtpUser).toBe('ci@contoso.com')
    expect(parse({ 'smtp-user': 'sender@contoso.com' }).smtpUser).toBe('sender@contoso.com')
    expect(parse({ mailbox: 'sender@contoso.com' }).smtpUser).toBe('sender@contoso.com')
    expect(parse({ mailbox: 'Sender@contoso.com', 'smtp-user': 'sender@contoso.com' }).smtpUser).toBe(
      'sender@contoso.com'
    )
  })

  it('refuses two different mailboxes', () => {
    expect(inputError({ mailbox: 'a@contoso.com', 'smtp-user': 'b@contoso.com' }).message).toContain(
      "Input 'mailbox': is another name for 'smtp-user'"
    )
  })
})
