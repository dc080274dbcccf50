/**
 * The bundle's start-up: dist/index.js holds only what runs before the SMTP connection starts
 * (settings, attachments, nodemailer's SMTP client). Everything else is a chunk that main.ts
 * loads with import() once the connection attempt has left, so that loading it overlaps the
 * network instead of delaying the connect (see README, Performance).
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
    ['undici', 'node_modules/undici/'],
    ['Liquid', 'liquidjs@'],
    ['msal-node', 'node_modules/@azure/msal-node/'],
    ['MIME composition', 'nodemailer/dist/esm/mail-composer/'],
    ['the YAML parser', 'class YAMLParseError'],
    ['Octokit', 'node_modules/@octokit/']
  ])('leaves %s to a chunk loaded after the connection starts', (_what, marker) => {
    expect(start).not.toContain(marker)
    expect(chunks).toContain(marker)
  })

  it('holds the SMTP client that opens the connection', () => {
    expect(start).toContain('nodemailer/dist/esm/smtp-connection/index.js')
    expect(start).toContain('./src/inputs/settings.ts')
  })
})
