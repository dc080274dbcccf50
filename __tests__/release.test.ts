/**
 * Release 1.0.0: what the Marketplace and the runner read from this repository, and
 * scripts/release run end to end in a throwaway repository that pushes to a local bare remote.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = new URL('../', import.meta.url)
const read = (file: string): string => readFileSync(new URL(file, root), 'utf8')
const pkg = JSON.parse(read('package.json')) as { version: string; engines: { node: string } }

describe('release metadata', () => {
  const action = parse(read('action.yml')) as { description: string; branding: { icon: string; color: string } }

  it('describes the action in fewer than 125 characters (the Marketplace limit)', () => {
    expect(action.description.length).toBeGreaterThan(40)
    expect(action.description.length).toBeLessThan(125)
  })

  it('has branding of its own, not the mail/blue of dawidd6/action-send-mail', () => {
    expect(action.branding).not.toEqual({ icon: 'mail', color: 'blue' })
  })

  it('is version 1.0.0, with a CHANGELOG entry for it', () => {
    expect(pkg.version).toBe('1.0.0')
    expect(read('CHANGELOG.md')).toMatch(/^## \[1\.0\.0\] - \d{4}-\d{2}-\d{2}$/m)
  })

  it('targets Node 24, the runtime of runs.using: node24', () => {
    expect(read('.node-version').trim()).toBe('24')
    expect(pkg.engines.node).toBe('>=24')
  })

  // `npm test` (scripts/test.mjs) starts vitest on Node 24 whatever Node started npm.
  it.runIf(process.env.npm_lifecycle_event === 'test')('runs this suite on Node 24 under npm test', () => {
    expect(process.versions.node).toMatch(/^24\./)
  })
})

const temps: string[] = []
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

interface Repo {
  dir: string
  remote: string
  git: (...args: string[]) => string
  commit: (version: string, file?: string) => void
  release: (args?: string[], answer?: string) => { code: number | null; out: string }
  remoteTag: (tag: string) => string
}

function throwawayRepo(): Repo {
  const base = mkdtempSync(join(tmpdir(), 'release-'))
  temps.push(base)
  const dir = join(base, 'work')
  const remote = join(base, 'remote.git')
  // No user configuration or hooks of this machine leak into the throwaway repositories.
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Release Test',
    GIT_AUTHOR_EMAIL: 'release@example.com',
    GIT_COMMITTER_NAME: 'Release Test',
    GIT_COMMITTER_EMAIL: 'release@example.com'
  }
  const run = (cwd: string, args: string[]): string => {
    const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
    return r.stdout.trim()
  }
  mkdirSync(join(dir, 'scripts'), { recursive: true })
  run(base, ['init', '--quiet', '--bare', remote])
  run(dir, ['init', '--quiet', '--initial-branch=main'])
  run(dir, ['remote', 'add', 'origin', remote])
  copyFileSync(new URL('scripts/release', root), join(dir, 'scripts/release'))
  const repo: Repo = {
    dir,
    remote,
    git: (...args) => run(dir, args),
    commit(version, file = 'index.js') {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'throwaway', version }, null, 2) + '\n')
      writeFileSync(join(dir, file), `// ${version} ${Math.random()}\n`)
      run(dir, ['add', '-A'])
      run(dir, ['commit', '--quiet', '-m', `Version ${version}`])
    },
    release(args = [], answer = 'yes') {
      const r = spawnSync('bash', [join(dir, 'scripts/release'), ...args], {
        cwd: dir,
        env: { ...env, REMOTE: 'origin' },
        input: `${answer}\n`,
        encoding: 'utf8',
        timeout: 60_000
      })
      return { code: r.status, out: r.stdout + r.stderr }
    },
    remoteTag: (tag) => run(remote, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`])
  }
  return repo
}

// scripts/release is a bash script run by a maintainer on a POSIX shell; on Windows `bash` may be
// WSL's, which does not see this checkout's paths.
describe.skipIf(process.platform === 'win32')(
  'scripts/release, in a throwaway repository with a local bare remote',
  () => {
    let repo: Repo
    beforeEach(() => {
      repo = throwawayRepo()
      repo.commit('1.0.0')
    })

    it('creates v1.0.0 and v1 on HEAD after confirmation and pushes both', () => {
      const { code, out } = repo.release()
      expect(code, out).toBe(0)
      const head = repo.git('rev-parse', 'HEAD')
      expect(repo.git('rev-parse', 'v1.0.0^{commit}')).toBe(head)
      expect(repo.git('rev-parse', 'v1^{commit}')).toBe(head)
      expect(repo.git('cat-file', '-t', 'v1.0.0')).toBe('tag') // annotated
      expect(repo.remoteTag('v1.0.0')).toBe(head)
      expect(repo.remoteTag('v1')).toBe(head)
    })

    it('moves v1 to the next release, locally and on the remote', () => {
      expect(repo.release().code).toBe(0)
      const first = repo.git('rev-parse', 'HEAD')
      repo.commit('1.1.0')
      const { code, out } = repo.release()
      expect(code, out).toBe(0)
      const second = repo.git('rev-parse', 'HEAD')
      expect(second).not.toBe(first)
      expect(repo.remoteTag('v1.0.0')).toBe(first)
      expect(repo.remoteTag('v1.1.0')).toBe(second)
      expect(repo.remoteTag('v1')).toBe(second)
    })

    it('refuses a dirty working tree and tags nothing', () => {
      writeFileSync(join(repo.dir, 'index.js'), '// uncommitted\n')
      const { code, out } = repo.release()
      expect(code).not.toBe(0)
      expect(out).toMatch(/uncommitted changes/)
      expect(repo.git('tag', '--list')).toBe('')
    })

    it('refuses a version that is not greater than the latest release', () => {
      expect(repo.release().code).toBe(0)
      repo.commit('1.0.0', 'other.js')
      for (const version of ['v1.0.0', 'v0.9.9']) {
        const { code, out } = repo.release([version])
        expect(code).not.toBe(0)
        expect(out).toMatch(/not greater than the latest release v1\.0\.0/)
      }
      expect(repo.git('tag', '--list').split('\n').sort()).toEqual(['v1', 'v1.0.0'])
    })

    it('refuses a tag that is not vX.Y.Z', () => {
      const { code, out } = repo.release(['1.0'])
      expect(code).not.toBe(0)
      expect(out).toMatch(/is not a vX\.Y\.Z version/)
    })

    it('tags and pushes nothing when the confirmation is not "yes"', () => {
      const { code, out } = repo.release([], 'no')
      expect(code).not.toBe(0)
      expect(out).toMatch(/nothing was tagged or pushed/)
      expect(repo.git('tag', '--list')).toBe('')
      expect(spawnSync('git', ['tag', '--list'], { cwd: repo.remote, encoding: 'utf8' }).stdout).toBe('')
    })
  }
)
