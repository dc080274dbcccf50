/**
 * Global setup of the interop suite (vitest.interop.config.ts): checks that the servers are
 * installed (scripts/interop.sh installs them), makes the run's temp dir, and afterwards stops by
 * PID whatever a test file left running — also what an earlier, killed run left behind.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { DOVECOT, POSTFIX, alive, readIfExists, stopPid, stopPostfix } from './servers.js'

declare module 'vitest' {
  export interface ProvidedContext {
    interopDir: string
  }
}

const PREFIX = 'ema-interop-'

/** Stops every process recorded under a run dir, then removes the dir. */
async function sweep(runDir: string): Promise<string[]> {
  const stopped: string[] = []
  const pids = join(runDir, 'pids')
  if (existsSync(pids)) {
    for (const name of readdirSync(pids).filter((n) => n.endsWith('.pid'))) {
      const pid = Number(readFileSync(join(pids, name), 'utf8').trim())
      if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !isMailServer(pid)) continue
      const conf = join(pids, name.replace(/\.pid$/, '.conf'))
      if (name.startsWith('postfix-') && existsSync(conf)) await stopPostfix(readFileSync(conf, 'utf8'), pid)
      else await stopPid(pid)
      stopped.push(`${name.replace(/\.pid$/, '')}`)
    }
  }
  // INTEROP_KEEP=1 keeps the servers' configs and logs to read after a failure.
  if (process.env.INTEROP_KEEP) console.warn(`interop: kept ${runDir}`)
  else rmSync(runDir, { recursive: true, force: true })
  return stopped
}

/** A recycled PID must not be killed: only Dovecot's or Postfix's master. */
function isMailServer(pid: number): boolean {
  try {
    const exe = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? ''
    return exe === DOVECOT || exe.endsWith('/dovecot') || exe.endsWith('/postfix/sbin/master')
  } catch {
    return false
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = [DOVECOT, '/usr/lib/dovecot/submission', POSTFIX].filter((p) => !existsSync(p))
  if (missing.length) {
    throw new Error(`interop: not installed: ${missing.join(', ')} (run npm run test:interop, which installs them)`)
  }
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX))) {
    // A run dir whose vitest is still alive belongs to a run going on in parallel.
    const owner = Number(readIfExists(join(tmpdir(), name, 'owner.pid')).trim())
    if (owner > 0 && alive(owner)) continue
    const stopped = await sweep(join(tmpdir(), name))
    if (stopped.length) console.warn(`interop: stopped ${stopped.join(', ')} left by an earlier run`)
  }
  const runDir = mkdtempSync(join(tmpdir(), PREFIX))
  // The servers' own users (postfix, dovecot, dovenull) must be able to reach their directories.
  chmodSync(runDir, 0o755)
  writeFileSync(join(runDir, 'owner.pid'), String(process.pid))
  project.provide('interopDir', runDir)
  return async () => {
    const stopped = await sweep(runDir)
    if (stopped.length) console.warn(`interop: stopped ${stopped.join(', ')} a test file left running`)
  }
}
