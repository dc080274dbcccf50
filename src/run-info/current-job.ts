/**
 * Which of the run's jobs this step runs in (`current: true`). Not simply by `GITHUB_JOB`: the
 * API names jobs by their display name, and matrix siblings share one key.
 */
import type { ApiJob } from './types.js'

/**
 * The job this step runs in, or undefined when it cannot be told apart.
 *
 * 1. By runner: among unfinished jobs, the one whose `runner_name` is RUNNER_NAME (a runner
 *    runs one job at a time; matrix siblings share the key and often the name prefix).
 * 2. By name, among jobs in progress: the key itself, then a matrix variant `key (…)` or a
 *    reusable-workflow job `caller / key`, then a name starting with the key (a `name:`
 *    like "Build and test" for key `build`); case-insensitive; a tie decides nothing.
 * 3. The only job in progress.
 */
export function findCurrentJob(jobs: ApiJob[], key: string, runnerName?: string): ApiJob | undefined {
  const unfinished = jobs.filter((j) => j.status !== 'completed')
  if (runnerName) {
    const onRunner = unfinished.filter((j) => j.runner_name === runnerName)
    if (onRunner.length === 1) return onRunner[0]
    if (onRunner.length > 1) return bestByName(onRunner, key)
  }
  const inProgress = jobs.filter((j) => j.status === 'in_progress')
  return bestByName(inProgress, key) ?? (inProgress.length === 1 ? inProgress[0] : undefined)
}

function bestByName(jobs: ApiJob[], key: string): ApiJob | undefined {
  const k = key.trim().toLowerCase()
  if (!k) return undefined
  const rank = (name: string): number => {
    const n = name.trim().toLowerCase()
    if (n === k) return 0
    const last = n.split(' / ').pop() ?? n
    if (last === k || last.startsWith(`${k} (`) || n.startsWith(`${k} (`)) return 1
    if (n.startsWith(k)) return 2
    return 3
  }
  for (let r = 0; r < 3; r++) {
    const matches = jobs.filter((j) => rank(j.name) === r)
    if (matches.length === 1) return matches[0]
    if (matches.length > 1) return undefined
  }
  return undefined
}
