/**
 * The bundle's start-up: dist/index.js holds only the entry that opens the connections (the SMTP
 * dial, the TLS to the token endpoint). Everything else, the inputs and nodemailer's SMTP client
 * included, is a chunk loaded with import() once the connection attempts have left, so that
 * loading it overlaps the network instead of delaying the connect (see CONTRIBUTING, Performance).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const dist = new URL('../dist/', import.meta.url)
const start = readFileSync(new URL('index.js', dist), 'utf8')
const chunks = readdirSync(dist)
  .filter((f) => /^\d+\.index\.js$/.test(f))
  .map((f) => readFileSync(new URL(f, dist), 'utf8'))
  .join('\n')

describe('dist/index.js', () => {
  it.each([
    ['@actions/core and its HTTP client', 'node_modules/@actions/core/'],
    ['undici', 'undici:request:create'],
    ['Liquid', 'liquidjs@'],
    ['msal-node', 'node_modules/@azure/msal-node/'],
    ['MIME composition', 'nodemailer/dist/esm/mail-composer/'],
    ['the YAML parser', 'class YAMLParseError'],
    ['Octokit', 'node_modules/@octokit/']
  ])('leaves %s to a chunk loaded after the connection starts', (_what, marker) => {
    expect(start).not.toContain(marker)
    expect(chunks).toContain(marker)
  })

  it('holds only the entry that opens the connections, not the SMTP client nor the inputs', () => {
    // The entry's own text (modules concatenated into it lose their path comments).
    expect(start).toContain('TLS connection timeout')
    expect(start).toContain('Connection timeout: no TCP connection to')
    expect(start).not.toContain('nodemailer/dist/esm/smtp-connection/index.js')
    expect(start).not.toContain('./src/inputs/settings.ts')
    expect(chunks).toContain('nodemailer/dist/esm/smtp-connection/index.js')
  })
})
