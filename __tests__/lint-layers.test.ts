/**
 * The layers of src/ (eslint.config.js, CONTRIBUTING.md "Layers"): a folder imports only the layers
 * below its own, type imports included; nothing imports back up, nothing imports its neighbour in the
 * same layer, only the composition root imports the stages registry, and no import cycle passes.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const LAYER_RULE = 'import-x/no-restricted-paths'

let eslint: ESLint
/** The layers as eslint.config.js declares them, bottom first: [layer, folders]. */
let LAYERS: [string, string[]][]
/** The composition root: files and folders that may import every layer. */
let ROOT: string[]

beforeAll(async () => {
  ;({ LAYERS, ROOT } = (await import(pathToFileURL(path.join(root, 'eslint.config.js')).href)) as {
    LAYERS: [string, string[]][]
    ROOT: string[]
  })
  // As in lint-fence.test.ts: the repository's config, without type information (the layers need none).
  eslint = new ESLint({ cwd: root, overrideConfig: { files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked } })
})

async function lint(file: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }))
}

describe('the layers of src/', () => {
  it('fails an import from a higher layer, a type import too, saying where the table is', async () => {
    const value = await lint(
      'src/message/x.ts',
      "import { formatDiagnosis } from '../diagnosis/format.js'\nexport { formatDiagnosis }\n"
    )
    expect(value.map((m) => m.ruleId)).toEqual([LAYER_RULE])
    expect(value[0]?.message).toContain('src/message/')
    expect(value[0]?.message).toContain('CONTRIBUTING.md')

    const type = await lint(
      'src/inputs/x.ts',
      "import type { Toolkit } from '../report/toolkit.js'\nexport type T = Toolkit\n"
    )
    expect(type.map((m) => m.ruleId)).toEqual([LAYER_RULE])
  })

  it('fails an import between two folders of the same layer', async () => {
    const messages = await lint(
      'src/message/x.ts',
      "import type { RunInfoLoader } from '../run-info/from-env.js'\nexport type L = RunInfoLoader\n"
    )
    expect(messages.map((m) => m.ruleId)).toEqual([LAYER_RULE])
  })

  it('keeps the stages registry and boot/ to the composition root', async () => {
    const registry = await lint('src/auth/x.ts', "import { stages } from '../stages.js'\nexport const s = stages\n")
    expect(registry.map((m) => m.ruleId)).toEqual([LAYER_RULE])
    const budget = await lint(
      'src/run-info/x.ts',
      "import type { StepBudget } from '../boot/step-budget.js'\nexport type B = StepBudget\n"
    )
    expect(budget.map((m) => m.ruleId)).toEqual([LAYER_RULE])
  })

  it('lets a folder import the layers below it, and the root import any layer', async () => {
    expect(
      await lint(
        'src/report/x.ts',
        "import { formatDiagnosis } from '../diagnosis/format.js'\nexport { formatDiagnosis }\n"
      )
    ).toEqual([])
    expect(
      await lint('src/diagnosis/x.ts', "import type { Budget } from '../shared/budget.js'\nexport type B = Budget\n")
    ).toEqual([])
    expect(
      await lint('src/boot/x.ts', "import type { Toolkit } from '../report/toolkit.js'\nexport type T = Toolkit\n")
    ).toEqual([])
  })

  it('fails an import cycle inside a folder', async () => {
    // match.ts as it is, plus an import of diagnose.ts, which imports match.ts.
    const file = 'src/diagnosis/match.ts'
    const code = `${readFileSync(path.join(root, file), 'utf8')}\nimport { diagnose } from './diagnose.js'\nexport const again = diagnose\n`
    const messages = await lint(file, code)
    expect(messages.map((m) => m.ruleId)).toEqual(['import-x/no-cycle'])
    expect(await lint(file, readFileSync(path.join(root, file), 'utf8'))).toEqual([])
  })

  it('places every folder of src/ in exactly one layer or the root', () => {
    const layered = [...LAYERS.flatMap(([, folders]) => folders), ...ROOT]
    expect(new Set(layered).size).toBe(layered.length)
    const entries = readdirSync(path.join(root, 'src'), { withFileTypes: true })
    const units = entries.map((e) => e.name)
    expect(units.sort()).toEqual([...layered].sort())
  })

  it('is the table CONTRIBUTING.md shows', () => {
    const text = readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8')
    const section = text.slice(text.indexOf('### Layers'))
    const rows = section
      .split('\n')
      .filter((line) => /^\| \d/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()))
    // | n | layer | folders | may import |
    const table = rows.map(([, , layer, folders]) => [
      layer,
      [...(folders ?? '').matchAll(/`([^`]+?)\/?`/g)].map((m) => m[1])
    ])
    expect(table.slice(0, LAYERS.length)).toEqual(LAYERS)
    expect(table[LAYERS.length]?.[1]).toEqual(ROOT.map((f) => f.replace(/\/$/, '')))
    // Each layer may import every layer below it, which is what the zones forbid the complement of.
    const mayImport = rows.map((row) => row[4] ?? '')
    mayImport
      .slice(1, LAYERS.length)
      .forEach((cell, i) => expect(cell).toMatch(i === 0 ? /^1\b/ : new RegExp(`^1–${i + 1}\\b`)))
    expect(mayImport[0]).toMatch(/^nothing of `src\/`/)
    expect(mayImport[LAYERS.length]).toBe('everything')
  })
})
