import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { InputError } from '../../src/inputs/input-error.js'
import type { RawInputs } from '../../src/inputs/read-inputs.js'
import { parseSettings } from '../../src/inputs/settings.js'

/** The inputs tests parse: a workspace holding body.liquid, and a valid set of inputs to vary. */
export const workspace = mkdtempSync(path.join(tmpdir(), 'settings-'))
writeFileSync(path.join(workspace, 'body.liquid'), 'Hello {{ github.actor }}')

export const base: RawInputs = {
  'tenant-id': '72f988bf-86f1-41af-91ab-2d7cd011db47',
  'client-id': '11111111-2222-3333-4444-555555555555',
  'client-secret': 'secret-value',
  from: 'CI Bot <ci@contoso.com>',
  to: 'dev@contoso.com'
}

/** Parses `base` with `overrides` into settings and the secrets derived on the way. */
export function parseWith(overrides: RawInputs) {
  return parseSettings({ ...base, ...overrides }, { workspace, parseYaml })
}

export function parse(overrides: RawInputs) {
  return parseWith(overrides).settings
}

export function inputError(overrides: RawInputs): InputError {
  try {
    parse(overrides)
  } catch (err) {
    if (err instanceof InputError) return err
    throw err
  }
  throw new Error('expected an InputError')
}
