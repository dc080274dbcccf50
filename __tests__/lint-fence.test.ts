/**
 * The start-chunk fence of eslint.config.js: code that ends up in dist/index.js (src/index.ts,
^ * main.ts, stages.ts, boot/, inputs/, smtp/, shared/) may name heavy packages and the post-dial folders in
 * `import type` only, so the SMTP dial leaves before any of them is parsed.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const FENCE = '@typescript-eslint/no-restricted-imports'

let eslint: ESLint

beforeAll(() => {
  // The repository's config as it is, minus type information: the files linted here exist only as
  // text, and a TypeScript program for them would cost seconds without changing what the fence sees.
  eslint = new ESLint({ cwd: root, overrideConfig: { files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked } })
})

async function lint(file: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }))
}

describe('the start-chunk fence', () => {
  it('lets start-chunk code import a heavy package for its types', async () => {
    expect(
      await lint('src/inputs/x.ts', "import type { Liquid } from 'liquidjs'\nexport type Engine = Liquid\n")
    ).toEqual([])
    expect(
      await lint('src/inputs/x.ts', "import { type Liquid } from 'liquidjs'\nexport type Engine = Liquid\n")
    ).toEqual([])
  })

  it('fails a value import of a heavy package in start-chunk code, saying why and where it loads instead', async () => {
    const messages = await lint(
      'src/inputs/x.ts',
      "import { Liquid } from 'liquidjs'\nexport const engine = new Liquid()\n"
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]?.ruleId).toBe(FENCE)
    expect(messages[0]?.message).toContain('Start-up rule')
    expect(messages[0]?.message).toContain('src/stages.ts')
  })

  it('fails a value import from a post-dial folder in start-chunk code, and allows its types', async () => {
    // boot/ is the composition root: the layers let it import report/, the fence only its types.
    const value = await lint('src/boot/x.ts', "import { log } from '../report/log.js'\nlog.info('dialled')\n")
    expect(value).toHaveLength(1)
    expect(value[0]?.ruleId).toBe(FENCE)
    expect(value[0]?.message).toContain('Start-up rule')
    expect(value[0]?.message).toContain('src/stages.ts')

    const types = await lint(
      'src/boot/x.ts',
      "import type { log } from '../report/log.js'\nexport type Log = typeof log\n"
    )
    expect(types).toEqual([])
  })

  it('covers the subpaths that load a heavy package, not the SMTP client', async () => {
    const octokit = await lint(
      'src/boot/x.ts',
      "import { defaults } from '@actions/github/lib/utils'\nexport { defaults }\n"
    )
    expect(octokit.map((m) => m.ruleId)).toEqual([FENCE])
    const composer = await lint(
      'src/smtp/x.ts',
      "import MailComposer from 'nodemailer/lib/mail-composer'\nexport { MailComposer }\n"
    )
    expect(composer.map((m) => m.ruleId)).toEqual([FENCE])
    const client = await lint(
      'src/smtp/x.ts',
      "import SMTPConnection from 'nodemailer/lib/smtp-connection'\nexport { SMTPConnection }\n"
    )
    expect(client).toEqual([])
  })

  it('leaves post-dial code free to import what it needs', async () => {
    expect(
      await lint('src/message/x.ts', "import { Liquid } from 'liquidjs'\nexport const engine = new Liquid()\n")
    ).toEqual([])
  })

  it('keeps every import() in src/stages.ts, where the load order is written down', async () => {
    const code = "export const load = () => import('../message/render.js')\n"
    const elsewhere = await lint('src/delivery/x.ts', code)
    expect(elsewhere.map((m) => m.ruleId)).toEqual(['no-restricted-syntax'])
    expect(elsewhere[0]?.message).toContain('src/stages.ts')
    expect(await lint('src/stages.ts', "export const load = () => import('./message/render.js')\n")).toEqual([])
  })
})
