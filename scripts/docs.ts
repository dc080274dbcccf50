// Regenerates the generated documentation from its sources of truth: the README's usage block
// and outputs table from action.yml, the cloud list from src/inputs/clouds.ts (TARGETS says which
// file holds which section), and docs/troubleshooting.md, one section per entry of the diagnosis
// catalogue (src/diagnosis/catalogue.ts), which the step's errors link to.
//
//   npm run docs            rewrite the files
//   npm run docs -- --check exit 1 when one is out of date
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'
import { CATALOGUE, type CatalogueEntry } from '../src/diagnosis/catalogue.js'
import { CLOUDS } from '../src/inputs/clouds.js'
import { troubleshootingAnchor } from '../src/diagnosis/format.js'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string): string =>
  text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()

/** The generated sections each documentation file holds, by marker name. */
export const TARGETS: Record<string, string[]> = {
  'README.md': ['inputs', 'outputs'],
  'docs/setup.md': ['clouds']
}

/**
 * A real value for the inputs whose description leaves its form open, shown in the usage block
 * instead of the default (which the comment then names), as action-send-mail's README does.
 */
export const EXAMPLES: Record<string, string> = {
  'tenant-id': '${{ vars.M365_TENANT_ID }}',
  'client-id': '${{ vars.M365_CLIENT_ID }}',
  'smtp-proxy': 'http://proxy.example.com:3128',
  from: 'CI <ci@contoso.com>',
  'smtp-user': 'notifications@contoso.com',
  to: 'dev-team@contoso.com, qa@contoso.com',
  cc: 'lead@contoso.com',
  bcc: 'audit@contoso.com',
  'reply-to': 'dev-team@contoso.com',
  subject: '{{ github.workflow }} {{ job.status }} on {{ github.ref_name }}',
  body: 'file://.github/mail/failure.md',
  vars: 'environment: prod',
  attachments: 'reports/*.html',
  'in-reply-to': '${{ steps.announce.outputs.message-id }}',
  headers: '{"X-Build": "42"}',
  'thread-key': '{{ github.workflow }}-{{ github.ref }}',
  'job-status': '${{ job.status }}'
}

/** A description as comment lines of at most `width` characters, never breaking inside `code`. */
export function commentLines(text: string, indent: string, width = 110): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.replace(/\s+/g, ' ').match(/(?:[^\s`]*`[^`]*`)+[^\s`]*|\S+/g) ?? []) {
    if (line && indent.length + 2 + line.length + 1 + word.length > width) {
      lines.push(`${indent}# ${line}`)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(`${indent}# ${line}`)
  return lines
}

/** A YAML scalar for the usage block: plain when YAML reads it back as the same string. */
function yamlValue(value: string): string {
  if (value === '') return "''"
  return /^[\w./-]+$/.test(value) && !/^(true|false|null|~|[\d.]+)$/i.test(value)
    ? value
    : `'${value.replace(/'/g, "''")}'`
}

/** The generated sections, by marker name. */
export function generatedSections(actionYml: string): Record<string, string> {
  const action = parse(actionYml) as ActionYaml
  // One step with every input: its whole description above it, then a real example or its default.
  const inputs = [
    '```yaml',
    '- uses: OWNER/exchange-online-mail-action@v1',
    '  with:',
    ...Object.entries(action.inputs).flatMap(([name, i]) => {
      const example = EXAMPLES[name]
      const fallback = example !== undefined && i.default ? ` Default: \`${i.default}\`.` : ''
      return [
        ...commentLines(`${i.required ? '(required) ' : ''}${i.description}${fallback}`, '    '),
        `    ${name}: ${yamlValue(example ?? i.default ?? '')}`
      ]
    }),
    '```'
  ]
  const outputs = [
    '| output | description |',
    '|---|---|',
    ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`)
  ]
  // A list, not a table: Prettier pads a table's columns to its widest cell.
  const clouds = Object.entries(CLOUDS).map(
    ([name, c]) =>
      `- \`${name}\`: ${c.label}. Authority \`${c.authorityHost}\`, SMTP host \`${c.smtpHost}\`, token scope \`${c.scope}\`, OIDC audience \`${c.oidcAudience}\`; Graph host \`${c.graphHost}\` with token scope \`${c.graphScope}\`.`
  )
  return {
    inputs: inputs.join('\n'),
    outputs: outputs.join('\n'),
    clouds: clouds.join('\n')
  }
}

/**
 * A documentation file with its generated sections (TARGETS) replaced, formatted as Prettier
 * formats it.
 */
export async function renderDoc(file: string, text: string, sections: Record<string, string>): Promise<string> {
  let result = text
  for (const name of TARGETS[file] ?? []) {
    const content = sections[name]
    if (content === undefined) throw new Error(`no generated section '${name}'`)
    const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`)
    if (!pattern.test(result)) throw new Error(`${file} has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`)
    result = result.replace(pattern, (_m, start: string, end: string) => `${start}${content}\n${end}`)
  }
  const options = (await resolveConfig(path.join(root, file))) ?? {}
  return format(result, { ...options, parser: 'markdown' })
}

/** The README with its generated sections replaced. */
export function renderReadme(readme: string, sections: Record<string, string>): Promise<string> {
  return renderDoc('README.md', readme, sections)
}

/** Catalogue text as Markdown: `<` would open an HTML tag that GitHub drops, so it is escaped. */
const markdownText = (text: string): string => text.replace(/</g, '&lt;')

/** What the action checked to recognise an entry, when the entry does not say more itself. */
function checkedBy(entry: CatalogueEntry): string {
  if (entry.checked) return entry.checked
  const m = entry.match
  if ('entra' in m) {
    const codes = m.entra.map((c) => `AADSTS${c}`).join(', ')
    const status = m.status?.length ? ` (or HTTP ${m.status.join(', ')})` : ''
    return `Entra ID's answer to the token request carried ${codes}${status}; the step's error quotes Entra's own text with its correlation ID.`
  }
  if ('transport' in m) return `The connection failed with ${m.transport.join(', ')}.`
  if ('graph' in m) {
    const parts = [
      ...(m.graph.status?.length ? [`HTTP ${m.graph.status.join(', ')}`] : []),
      ...(m.graph.code?.length ? [`error code ${m.graph.code.join(', ')}`] : []),
      ...(m.graph.text ? [`a message matching \`${m.graph.text.source}\``] : [])
    ]
    return `Microsoft Graph's answer: ${parts.join(' or ')}; the step's error quotes it with its request-id.`
  }
  if ('detected' in m) {
    const what: Record<string, string> = {
      token_timeout: 'The token request got no answer within the time left of timeout-seconds.',
      html_response: 'The token endpoint answered with an HTML page (HTTP status and page text quoted in the error).',
      redirected:
        'The token endpoint answered with a redirect; the action names where it pointed and does not follow it.',
      no_xoauth2:
        "After STARTTLS the server's EHLO did not offer AUTH XOAUTH2 (the error lists what it offered); no AUTH was sent.",
      size_exceeded: "The message is larger than the SIZE the server's EHLO advertised; it was not uploaded.",
      graph_answer_lost: 'A Graph request was sent in full and its answer never came; it was not resent.'
    }
    return m.detected.map((code) => what[code] ?? `The action recognised ${code}.`).join(' ')
  }
  const parts: string[] = []
  if (m.smtp.reply) parts.push(`reply code ${m.smtp.reply.join(', ')}`)
  if (m.smtp.enhanced) parts.push(`enhanced status code ${m.smtp.enhanced.join(', ')}`)
  if (m.smtp.text) parts.push(`reply text matching \`${m.smtp.text.source}\``)
  return `The SMTP server's reply: ${parts.join(m.smtp.enhanced && m.smtp.text ? ' or ' : ', ')}; the step's error quotes it.`
}

/** Whose documentation a link is, for its label: not every entry's page is Microsoft's. */
export function docsLabel(url: string): string {
  const { hostname, pathname } = new URL(url)
  if (hostname === 'learn.microsoft.com') return "Microsoft's documentation"
  if (hostname === 'docs.github.com') return "GitHub's documentation"
  if (hostname === 'nodejs.org') return "Node.js's documentation"
  const rfc = /rfc(\d+)/i.exec(pathname)
  if (hostname === 'www.rfc-editor.org' && rfc) return `RFC ${rfc[1]}`
  return 'Reference'
}

/** docs/troubleshooting.md: one heading per catalogue entry, whose anchor the step's error links to. */
export function troubleshootingPage(): string {
  const lines = [
    '<!-- Generated by `npm run docs` from src/diagnosis/catalogue*.ts: edit the catalogue, not this file. -->',
    '',
    '# Troubleshooting',
    '',
    "When the step fails, its error names the failure and links to the section of this page at the version of the action that ran. In the step's error the values in braces, such as {clientId} or {mailbox}, are filled in with the run's own values.",
    '',
    ...CATALOGUE.map((e) => `- [${e.id}](#${troubleshootingAnchor(e.id)})`)
  ]
  for (const entry of CATALOGUE) {
    lines.push(
      '',
      `## ${entry.id}`,
      '',
      `**What it means.** ${markdownText(entry.meaning)}`,
      '',
      '**How to fix it.**',
      '',
      ...entry.fix.map((f) => `- ${markdownText(f)}`),
      '',
      `**What the action checked.** ${markdownText(checkedBy(entry))}`,
      '',
      `${docsLabel(entry.docs)}: <${entry.docs}>`
    )
  }
  return lines.join('\n') + '\n'
}

/** The troubleshooting page, formatted as Prettier formats it. */
export async function renderTroubleshooting(): Promise<string> {
  const file = path.join(root, 'docs', 'troubleshooting.md')
  const options = (await resolveConfig(file)) ?? {}
  return format(troubleshootingPage(), { ...options, parser: 'markdown' })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const sections = generatedSections(readFileSync(path.join(root, 'action.yml'), 'utf8'))
  const troubleshooting = path.join('docs', 'troubleshooting.md')
  const render = (file: string, current: string): Promise<string> =>
    file === troubleshooting ? renderTroubleshooting() : renderDoc(file, current, sections)
  let stale = false
  for (const file of [...Object.keys(TARGETS), troubleshooting]) {
    const full = path.join(root, file)
    const current = existsSync(full) ? readFileSync(full, 'utf8') : ''
    const next = await render(file, current)
    if (process.argv.includes('--check')) {
      if (next !== current) {
        console.error(`${file} is out of date: run npm run docs`)
        stale = true
      } else console.log(`${file} is up to date.`)
    } else {
      writeFileSync(full, next)
      console.log(next === current ? `${file} was already up to date.` : `${file} updated.`)
    }
  }
  if (stale) process.exit(1)
}
