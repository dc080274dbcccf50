// Regenerates the README's generated sections from their sources of truth:
// the inputs and outputs tables from action.yml, the cloud table from src/clouds.ts and the
// troubleshooting table from the diagnosis catalogue (src/catalogue.ts).
//
//   npm run docs            rewrite README.md
//   npm run docs -- --check exit 1 when README.md is out of date
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

/** The generated sections, by marker name. */
export function generatedSections(actionYml: string): Record<string, string> {
  const action = parse(actionYml) as ActionYaml
  const inputs = [
    '| input | required | default | description |',
    '|---|---|---|---|',
    ...Object.entries(action.inputs).map(
      ([name, i]) =>
        `| \`${name}\` | ${i.required ? 'yes' : 'no'} | ${i.default !== undefined ? `\`${i.default}\`` : ''} | ${cell(i.description)} |`
    )
  ]
  const outputs = [
    '| output | description |',
    '|---|---|',
    ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`)
  ]
  const clouds = [
    '| `cloud` | for | authority host | SMTP host | token scope | OIDC audience |',
    '|---|---|---|---|---|---|',
    ...Object.entries(CLOUDS).map(
      ([name, c]) =>
        `| \`${name}\` | ${c.label} | \`${c.authorityHost}\` | \`${c.smtpHost}\` | \`${c.scope}\` | \`${c.oidcAudience}\` |`
    )
  ]
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

/** The README with every generated section replaced, formatted as Prettier formats it. */
export async function renderReadme(readme: string, sections: Record<string, string>): Promise<string> {
  let result = readme
  for (const [name, content] of Object.entries(sections)) {
    const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`)
    if (!pattern.test(result)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`)
    result = result.replace(pattern, (_m, start: string, end: string) => `${start}${content}\n${end}`)
  }
  const options = (await resolveConfig(path.join(root, 'README.md'))) ?? {}
  return format(result, { ...options, parser: 'markdown' })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const readmePath = path.join(root, 'README.md')
  const current = readFileSync(readmePath, 'utf8')
  const next = await renderReadme(current, generatedSections(readFileSync(path.join(root, 'action.yml'), 'utf8')))
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('README.md is out of date: run npm run docs')
      process.exit(1)
    }
    console.log('README.md is up to date.')
  } else {
    writeFileSync(readmePath, next)
    console.log(next === current ? 'README.md was already up to date.' : 'README.md updated.')
  }
}
