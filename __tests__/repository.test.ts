/**
 * The repository's own automation: workflows that parse, third-party actions pinned by commit,
 * least-privilege permissions, and the local-run files that must follow action.yml.
 */
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse, parseDocument } from 'yaml'

const root = new URL('../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')

interface Step {
  name?: string
  uses?: string
  run?: string
}
interface Job {
  permissions?: unknown
  steps?: Step[]
  uses?: string
}
interface Workflow {
  name?: string
  on?: unknown
  permissions?: unknown
  jobs: Record<string, Job>
}

const workflowFiles = readdirSync(new URL('.github/workflows/', root))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
const workflows = workflowFiles.map((file) => {
  const text = read(`.github/workflows/${file}`)
  return { file, text, doc: parseDocument(text) }
})

/** Every `uses:` of a workflow, from the parsed YAML: steps and reusable-workflow jobs. */
function usesOf(workflow: Workflow): string[] {
  return Object.values(workflow.jobs).flatMap((job) => [
    ...(job.uses ? [job.uses] : []),
    ...(job.steps ?? []).flatMap((step) => (step.uses ? [step.uses] : []))
  ])
}

describe('workflows', () => {
  it('exist: CI, check-dist, CodeQL and release', () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(['ci.yml', 'check-dist.yml', 'codeql.yml', 'release.yml']))
  })

  describe.each(workflows)('$file', ({ text, doc }) => {
    const workflow = doc.toJS() as Workflow

    it('parses as YAML', () => {
      expect(doc.errors).toEqual([])
      expect(doc.warnings).toEqual([])
      expect(workflow.name).toBeTruthy()
      expect(workflow.on).toBeTruthy()
      expect(Object.keys(workflow.jobs ?? {})).not.toHaveLength(0)
    })

    it('declares permissions, and grants nothing wholesale', () => {
      expect(workflow.permissions).toBeDefined()
      for (const p of [workflow.permissions, ...Object.values(workflow.jobs).map((j) => j.permissions)]) {
        expect(p).not.toBe('write-all')
        expect(p).not.toBe('read-all')
      }
    })

    it('pins every action other than ./ to a full commit SHA with its version in a comment', () => {
      for (const uses of usesOf(workflow)) {
        if (uses.startsWith('./')) continue
        expect(uses, uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
      }
      // The comment is not part of the parsed value: check the lines themselves.
      for (const line of text.split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l))) {
        if (/uses:\s*['"]?\.\//.test(line)) continue
        expect(line, line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
      }
    })

    it('names every step', () => {
      for (const [id, job] of Object.entries(workflow.jobs)) {
        for (const step of job.steps ?? [])
          expect(step.name, `a step of job ${id}: ${JSON.stringify(step)}`).toBeTruthy()
      }
    })
  })

  it('run the action itself in dry run', () => {
    const ci = parse(read('.github/workflows/ci.yml')) as Workflow
    const self = (ci.jobs['test-action']?.steps ?? []).filter((s) => s.uses === './')
    expect(self.length).toBeGreaterThan(0)
    for (const step of self) expect((step as { with?: Record<string, string> }).with?.['dry-run']).toBe('true')
  })
})

describe('other repository files', () => {
  it('dependabot.yml and the CodeQL config parse, and CodeQL ignores dist/', () => {
    const dependabot = parse(read('.github/dependabot.yml')) as { updates: { 'package-ecosystem': string }[] }
    expect(dependabot.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
    const codeql = parse(read('.github/codeql/codeql-config.yml')) as { 'paths-ignore': string[] }
    expect(codeql['paths-ignore']).toContain('dist')
  })

  it('.env.example sets every input of action.yml the way the runner does, in dry run', () => {
    const action = parse(read('action.yml')) as { inputs: Record<string, unknown> }
    const names = new Set(
      read('.env.example')
        .split('\n')
        .map((line) => /^(INPUT_[^=\s]+)=/.exec(line)?.[1])
        .filter(Boolean)
    )
    for (const input of Object.keys(action.inputs)) {
      // INPUT_<name upper-cased, spaces to _>; hyphens stay, as the runner sets them.
      expect(names, input).toContain(`INPUT_${input.replace(/ /g, '_').toUpperCase()}`)
    }
    expect(read('.env.example')).toMatch(/^INPUT_DRY-RUN=true$/m)
  })

  it('scripts/release is executable', () => {
    expect(() => accessSync(new URL('scripts/release', root), constants.X_OK)).not.toThrow()
  })
})
