import { readFileSync } from 'node:fs'
import type { DefaultMessageKind } from '../shared/message-kind.js'
import { emptyRunInfo, type RunInfo } from '../shared/run-info.js'

export type { DefaultMessageKind }

/** The `github` object templates see: the names of the workflow expression context. */
interface GitHubContext {
  /** owner/name of the repository. */
  repository: string
  /** Owner of the repository. */
  repository_owner: string
  /** Commit SHA the workflow ran on. */
  sha: string
  /** Full ref, e.g. refs/heads/main. */
  ref: string
  /** Short ref name, e.g. main or v1.2.0. */
  ref_name: string
  /** branch or tag. */
  ref_type: string
  /** Head branch of a pull request. */
  head_ref: string
  /** Base branch of a pull request. */
  base_ref: string
  /** Workflow name. */
  workflow: string
  /** Job ID. */
  job: string
  /** Unique ID of the run. */
  run_id: string
  /** Run number of the workflow. */
  run_number: string
  /** Attempt number of the run. */
  run_attempt: string
  /** Who started the run. */
  actor: string
  /** Who started this attempt. */
  triggering_actor: string
  /** Event that triggered the run. */
  event_name: string
  /** e.g. https://github.com. */
  server_url: string
  /** e.g. https://api.github.com. */
  api_url: string
  /** The full webhook event payload. */
  event: Record<string, unknown>
}

// The run's jobs, failed steps and annotations: the shape run-info reads from the GitHub API.
export { emptyRunInfo } from '../shared/run-info.js'
export type { RunAnnotation, RunInfo, RunJob, RunStep } from '../shared/run-info.js'

/** What buildContext takes beyond the environment and the event. */
export interface ContextExtras {
  /** The `vars` input, parsed (YAML or JSON). */
  vars?: Record<string, unknown>
  /** Run information from the GitHub API. */
  run?: RunInfo
}

/** Everything a template can use. */
export interface TemplateContext {
  /** Workflow context, as in `${{ github.* }}`. */
  github: GitHubContext
  /** The job, as far as the step knows it. */
  job: { status: string }
  /** Runner facts. */
  runner: { os: string; name: string }
  /** URL of this run's page. */
  run_url: string
  /** URL of the repository. */
  repository_url: string
  /** URL of the commit. */
  commit_url: string
  /** The `vars` input: values for templates, e.g. `{{ vars.environment }}`. */
  vars: Record<string, unknown>
  /** Jobs, failed steps and annotations of this run, when looked up. */
  run: RunInfo
}

/** Environment variables as a plain map (process.env in production). */
type Env = Readonly<Record<string, string | undefined>>

/** Reads the event payload the runner wrote; a missing or broken file yields an empty object. */
export function readEventPayload(env: Env): Record<string, unknown> {
  const file = env.GITHUB_EVENT_PATH
  if (!file) return {}
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** Builds the template context from the runner's environment and the event payload. Pure. */
export function buildContext(
  env: Env,
  event: Record<string, unknown>,
  jobStatus: string,
  extra: ContextExtras = {}
): TemplateContext {
  const v = (name: string, fallback = ''): string => env[name] ?? fallback
  const serverUrl = v('GITHUB_SERVER_URL', 'https://github.com').replace(/\/+$/, '')
  const repository = v('GITHUB_REPOSITORY')
  const ref = v('GITHUB_REF')
  const refName = v('GITHUB_REF_NAME') || ref.replace(/^refs\/(heads|tags)\//, '')
  const runId = v('GITHUB_RUN_ID')
  const attempt = v('GITHUB_RUN_ATTEMPT', '1')
  const repositoryUrl = repository ? `${serverUrl}/${repository}` : serverUrl
  const sha = v('GITHUB_SHA')
  return {
    github: {
      repository,
      repository_owner: v('GITHUB_REPOSITORY_OWNER') || repository.split('/')[0] || '',
      sha,
      ref,
      ref_name: refName,
      ref_type: v('GITHUB_REF_TYPE') || (ref.startsWith('refs/tags/') ? 'tag' : ref ? 'branch' : ''),
      head_ref: v('GITHUB_HEAD_REF'),
      base_ref: v('GITHUB_BASE_REF'),
      workflow: v('GITHUB_WORKFLOW'),
      job: v('GITHUB_JOB'),
      run_id: runId,
      run_number: v('GITHUB_RUN_NUMBER'),
      run_attempt: attempt,
      actor: v('GITHUB_ACTOR'),
      triggering_actor: v('GITHUB_TRIGGERING_ACTOR') || v('GITHUB_ACTOR'),
      event_name: v('GITHUB_EVENT_NAME'),
      server_url: serverUrl,
      api_url: v('GITHUB_API_URL', 'https://api.github.com'),
      event
    },
    job: { status: jobStatus },
    runner: { os: v('RUNNER_OS'), name: v('RUNNER_NAME') },
    run_url: runId
      ? `${repositoryUrl}/actions/runs/${runId}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`
      : repositoryUrl,
    repository_url: repositoryUrl,
    commit_url: sha ? `${repositoryUrl}/commit/${sha}` : repositoryUrl,
    vars: extra.vars ?? {},
    run: extra.run ?? emptyRunInfo()
  }
}

const RELEASE_ANNOUNCEMENTS = new Set(['published', 'created', 'prereleased', 'released', ''])

/**
 * Which default message fits the event (its name and `action`) and the job status. Here rather
 * than in render.ts so that the action can tell, before Liquid loads, whether the message will
 * show the run's jobs (and start reading them).
 */
export function messageKind(eventName: string, action: string, jobStatus: string): DefaultMessageKind {
  const status = jobStatus.trim().toLowerCase()
  if (eventName === 'release' && (status === '' || status === 'success') && RELEASE_ANNOUNCEMENTS.has(action)) {
    return 'release'
  }
  if (status === 'failure' || status === 'cancelled' || status === 'success') return status
  switch (eventName) {
    case 'push':
      return 'push'
    case 'pull_request':
    case 'pull_request_target':
      return 'pull_request'
    case 'workflow_dispatch':
      return 'workflow_dispatch'
    case 'schedule':
      return 'schedule'
    default:
      return 'generic'
  }
}
