// Regenerates the generated sections of the documentation from their sources of truth:
// the README's usage block and outputs table from action.yml, the cloud table from
// src/clouds.ts and the troubleshooting table from the diagnosis catalogue (src/catalogue.ts).
// TARGETS says which file holds which section.
//
//   npm run docs            rewrite the files
//   npm run docs -- --check exit 1 when one is out of date
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'
import { CATALOGUE } from '../src/catalogue.js'
import { CLOUDS } from '../src/clouds.js'

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
  'docs/setup-from-readme.md': ['clouds']
}

/** The first sentence of a description ("e.g." and "i.e." do not end one), on one line. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const end = /(?<!\be\.g|\bi\.e)[.!?](?=\s|$)/.exec(flat)
  return end ? flat.slice(0, end.index + 1) : flat
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
  // One step with every input, its default as the value and its first sentence above it.
  const inputs = [
    '```yaml',
    '- uses: OWNER/exchange-online-mail-action@v1',
    '  with:',
    ...Object.entries(action.inputs).flatMap(([name, i]) => [
      `    # ${i.required ? '(required) ' : ''}${firstSentence(i.description)}`,
      `    ${name}: ${yamlValue(i.default ?? '')}`
    ]),
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
      `- \`${name}\`: ${c.label}. Authority \`${c.authorityHost}\`, SMTP host \`${c.smtpHost}\`, token scope \`${c.scope}\`, OIDC audience \`${c.oidcAudience}\`.`
  )
  const diagnoses = [
    '| code | what it means | what to do |',
    '|---|---|---|',
    ...CATALOGUE.map((e) => `| [${e.id}](${e.docs}) | ${cell(e.meaning)} | ${e.fix.map(cell).join('<br>')} |`)
  ]
  return {
    inputs: inputs.join('\n'),
    outputs: outputs.join('\n'),
    clouds: clouds.join('\n'),
    diagnoses: diagnoses.join('\n')
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

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const sections = generatedSections(readFileSync(path.join(root, 'action.yml'), 'utf8'))
  let stale = false
  for (const file of Object.keys(TARGETS)) {
    const full = path.join(root, file)
    const current = readFileSync(full, 'utf8')
    const next = await renderDoc(file, current, sections)
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
