import type { Budget } from '../shared/budget.js'
import type { Settings } from '../inputs/settings.js'
import type { DefaultMessageKind } from '../shared/message-kind.js'
import type { Logger } from '../shared/logger.js'
import { excerpt } from '../shared/bounded-text.js'
import type { fetchRunInfo } from './fetch.js'
import type { RunInfo, RunInfoRequest } from './types.js'

/** How much of the run to read: at most so many failed jobs, with so many annotations each. */
type RunInfoLimits = NonNullable<RunInfoRequest['limits']>

/** Loads the GitHub API reader (a stage of the composition root's: Octokit loads later still). */
export type RunInfoLoader = () => Promise<{ fetchRunInfo: typeof fetchRunInfo }>

/**
 * Starts reading this run's jobs (and annotations) from the GitHub API when the message shows
 * them; undefined when it does not. The promise never rejects: a failure is a warning, and the
 * message goes without.
 */
export function startRunInfo(
  settings: Settings,
  kind: DefaultMessageKind,
  budget: Budget,
  log: Logger,
  load: RunInfoLoader
): Promise<RunInfo | undefined> | undefined {
  const limits = wantsRunInfo(settings, kind)
  return limits ? fetchRun(settings, budget.runInfoMs(), limits, log, load) : undefined
}

/**
 * Whether the message shows the run, and how much of it to read (undefined: nothing).
 * - A template of the workflow's that mentions `run.`: everything (jobs, failed steps, annotations).
 * - The default body of a failure or cancellation, whatever the subject: the same (its "What
 *   failed" section, and the failed jobs it names instead of the job that sends).
 * - The default body of a success: the jobs and their durations only, one request (no annotations).
 */
function wantsRunInfo(settings: Settings, kind: DefaultMessageKind): RunInfoLimits | undefined {
  if (!settings.githubToken || !process.env.GITHUB_RUN_ID || !process.env.GITHUB_REPOSITORY) return undefined
  const usesRun = [settings.subject, settings.body, settings.htmlBody].some((t) => t && /\brun\.\w/.test(t.text))
  if (usesRun) return {}
  const defaultBody = !settings.body && !settings.htmlBody
  if (defaultBody && (kind === 'failure' || kind === 'cancelled')) return {}
  if (defaultBody && kind === 'success') return { annotations: 0 }
  return undefined
}

async function fetchRun(
  settings: Settings,
  timeoutMs: number,
  limits: RunInfoLimits,
  log: Logger,
  load: RunInfoLoader
): Promise<RunInfo | undefined> {
  const env = process.env
  try {
    const { fetchRunInfo } = await load()
    const result = await fetchRunInfo({
      token: settings.githubToken,
      apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
      serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
      repository: env.GITHUB_REPOSITORY ?? '',
      runId: Number(env.GITHUB_RUN_ID),
      attempt: Number(env.GITHUB_RUN_ATTEMPT || '1'),
      currentJob: env.GITHUB_JOB ?? '',
      ...(env.RUNNER_NAME ? { runnerName: env.RUNNER_NAME } : {}),
      sha: env.GITHUB_SHA ?? '',
      timeoutMs,
      limits,
      dryRun: settings.dryRun,
      debug: (line) => log.debug(excerpt(line))
    })
    log.debug(`GitHub API requests: ${result.requests.join(', ') || 'none'}`)
    if (result.warning) log.warning(excerpt(result.warning))
    return result.run
  } catch (err) {
    log.warning(`The run's jobs could not be read: ${excerpt(err instanceof Error ? err.message : String(err))}`)
    return undefined
  }
}
