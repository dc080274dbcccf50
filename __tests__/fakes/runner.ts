/**
 * Runs the bundled action (dist/index.js) in a child process the way the
 * GitHub Actions runner does: a clean environment with the GITHUB_* / RUNNER_*
 * set, inputs as INPUT_* variables and the file commands (GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, …) backed by fresh files.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** /work/main/dist/index.js, resolved relative to this file */
export const ACTION_PATH = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

/** The static part of the runner environment (paths are added per run) */
export const DEFAULT_GITHUB_ENV = {
  GITHUB_ACTIONS: 'true',
  CI: 'true',
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_REPOSITORY_ID: '123456789',
  GITHUB_REPOSITORY_OWNER: 'octo',
  GITHUB_REPOSITORY_OWNER_ID: '9919',
  GITHUB_SHA: '8f3c2e1d9b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main',
  GITHUB_REF_TYPE: 'branch',
  GITHUB_REF_PROTECTED: 'false',
  GITHUB_HEAD_REF: '',
  GITHUB_BASE_REF: '',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_WORKFLOW_REF: 'octo/app/.github/workflows/ci.yml@refs/heads/main',
  GITHUB_WORKFLOW_SHA: '8f3c2e1d9b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d',
  GITHUB_JOB: 'build',
  GITHUB_ACTION: '__run',
  GITHUB_RUN_ID: '1658821493',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_ACTOR: 'octocat',
  GITHUB_ACTOR_ID: '583231',
  GITHUB_TRIGGERING_ACTOR: 'octocat',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
  GITHUB_RETENTION_DAYS: '90',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
  RUNNER_NAME: 'GitHub Actions 2',
  RUNNER_ENVIRONMENT: 'github-hosted'
} as const

export interface RunActionOptions {
  /** Input names as in action.yml (kebab-case); become INPUT_<NAME> */
  inputs?: Record<string, string>
  /** Default 'workflow_dispatch' */
  eventName?: string
  /** Event payload written to GITHUB_EVENT_PATH (a minimal realistic one by default) */
  event?: object
  /** Extra/overriding variables; `undefined` deletes one */
  env?: Record<string, string | undefined>
  /** Sets NODE_EXTRA_CA_CERTS */
  caFile?: string
  /** Node that runs the action: default $ACTION_NODE when set (vitest.config.ts points it at Node 24), else process.execPath */
  nodeBinary?: string
  /** Script to run, default dist/index.js */
  actionPath?: string
  /** SIGKILL after this long, default 30000 */
  timeoutMs?: number
  /** Working directory and GITHUB_WORKSPACE (default: a fresh temp dir) */
  cwd?: string
}

export interface ActionResult {
  /** Exit code, null when killed */
  code: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  stdout: string
  stderr: string
  /** stdout followed by stderr */
  log: string
  /** Parsed GITHUB_OUTPUT */
  outputs: Record<string, string>
  /** Parsed GITHUB_ENV (core.exportVariable) */
  exportedEnv: Record<string, string>
  /** Parsed GITHUB_STATE (core.saveState) */
  state: Record<string, string>
  /** Lines of GITHUB_PATH (core.addPath) */
  addedPath: string[]
  /** Contents of GITHUB_STEP_SUMMARY */
  summary: string
  workspace: string
  runnerTemp: string
  /** The complete environment the child got */
  env: Record<string, string>
  durationMs: number
}

/**
 * The Node binary runAction starts the action with when the caller names none: $ACTION_NODE when
 * set and not empty (the e2e-node24 project of vitest.config.ts sets it to Node 24, the runtime
 * of action.yml), else the Node running the tests.
 */
export function defaultNodeBinary(): string {
  return process.env.ACTION_NODE || process.execPath
}

/** What a process needs on Windows (see runAction). */
const WINDOWS_ESSENTIALS = ['SystemRoot', 'SystemDrive', 'windir', 'TEMP', 'TMP', 'USERPROFILE', 'PATHEXT', 'ComSpec']

/** Temp directories created by runAction in this process */
const createdDirs: string[] = []

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  createdDirs.push(dir)
  return dir
}

/** Removes every temp directory runAction created (call from afterAll) */
export function cleanupRunnerTemp(): void {
  for (const dir of createdDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** `INPUT_<NAME upper-cased, spaces to _>`; hyphens stay */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * Parses the file-command format used by GITHUB_OUTPUT / GITHUB_ENV /
 * GITHUB_STATE: `name<<DELIM\nvalue\nDELIM` blocks and plain `name=value` lines.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === '') continue
    // the name cannot contain '=', so `a=b<<c` stays a plain assignment
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line)
    const eq = line.indexOf('=')
    if (heredoc) {
      const [, name = '', delim = ''] = heredoc
      const value: string[] = []
      i++
      while (i < lines.length && lines[i] !== delim) value.push(lines[i++] ?? '')
      out[name] = value.join('\n')
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1)
    }
  }
  return out
}

function defaultEvent(eventName: string): object {
  const repository = {
    id: Number(DEFAULT_GITHUB_ENV.GITHUB_REPOSITORY_ID),
    name: 'app',
    full_name: DEFAULT_GITHUB_ENV.GITHUB_REPOSITORY,
    private: true,
    html_url: `https://github.com/${DEFAULT_GITHUB_ENV.GITHUB_REPOSITORY}`,
    default_branch: 'main',
    owner: { login: 'octo', id: Number(DEFAULT_GITHUB_ENV.GITHUB_REPOSITORY_OWNER_ID), type: 'Organization' }
  }
  const sender = { login: 'octocat', id: Number(DEFAULT_GITHUB_ENV.GITHUB_ACTOR_ID), type: 'User' }
  if (eventName === 'workflow_dispatch') {
    return { inputs: {}, ref: DEFAULT_GITHUB_ENV.GITHUB_REF, repository, sender, workflow: '.github/workflows/ci.yml' }
  }
  return { repository, sender }
}

/** Runs the action and collects its output; never rejects for a failing action */
export async function runAction(opts: RunActionOptions = {}): Promise<ActionResult> {
  const eventName = opts.eventName ?? 'workflow_dispatch'
  const workspace = opts.cwd ?? tempDir('ema-ws-')
  const runnerTemp = tempDir('ema-runner-')
  const files = {
    GITHUB_OUTPUT: join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: join(runnerTemp, 'step_summary'),
    GITHUB_ENV: join(runnerTemp, 'env'),
    GITHUB_STATE: join(runnerTemp, 'state'),
    GITHUB_PATH: join(runnerTemp, 'path'),
    GITHUB_EVENT_PATH: join(runnerTemp, 'event.json')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(opts.event ?? defaultEvent(eventName), null, 2))

  // Built from scratch: nothing of the parent leaks in (INPUT_*, ACTIONS_*, proxies, NODE_OPTIONS…)
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env.HOME ?? runnerTemp,
    ...DEFAULT_GITHUB_ENV,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(runnerTemp, 'toolcache'),
    ...files
  }
  // Windows cannot start a network program without SystemRoot (Winsock), nor find temp files
  // without TEMP: its runner passes them too, and they hold nothing of the job.
  if (process.platform === 'win32') {
    for (const name of WINDOWS_ESSENTIALS) if (process.env[name]) env[name] = process.env[name]
  }
  if (opts.caFile) env.NODE_EXTRA_CA_CERTS = opts.caFile
  for (const [name, value] of Object.entries(opts.inputs ?? {})) env[inputEnvName(name)] = value
  for (const [name, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }

  const started = Date.now()
  const child = spawn(opts.nodeBinary ?? defaultNodeBinary(), [opts.actionPath ?? ACTION_PATH], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))

  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, opts.timeoutMs ?? 30_000)

  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.once('error', reject)
      // 'close' (not 'exit'): waits until stdout/stderr are drained
      child.once('close', (c, s) => resolve({ code: c, signal: s }))
    }
  ).finally(() => clearTimeout(timer))

  const read = (f: string): string => readFileSync(f, 'utf8')
  return {
    code,
    signal,
    timedOut,
    stdout,
    stderr,
    log: stdout + stderr,
    outputs: parseFileCommand(read(files.GITHUB_OUTPUT)),
    exportedEnv: parseFileCommand(read(files.GITHUB_ENV)),
    state: parseFileCommand(read(files.GITHUB_STATE)),
    addedPath: read(files.GITHUB_PATH).split(/\r?\n/).filter(Boolean),
    summary: read(files.GITHUB_STEP_SUMMARY),
    workspace,
    runnerTemp,
    env,
    durationMs: Date.now() - started
  }
}

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
}

function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}

function unescapeProperty(s: string): string {
  // %25 last, so an escaped "%3A" literal stays "%3A"
  return unescapeData(s.replace(/%3A/gi, ':').replace(/%2C/gi, ','))
}

/** Every `::command key=value,…::message` line of stdout, unescaped */
export function workflowCommands(result: Pick<ActionResult, 'stdout'>): WorkflowCommand[] {
  const cmds: WorkflowCommand[] = []
  for (const line of result.stdout.split(/\r?\n/)) {
    const m = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) continue
    const properties: Record<string, string> = {}
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
    }
    cmds.push({ command: m[1] ?? '', properties, message: unescapeData(m[3] ?? '') })
  }
  return cmds
}

/** Messages of `::error::` (core.setFailed / core.error) lines, unescaped */
export function errorMessages(result: Pick<ActionResult, 'stdout'>): string[] {
  return workflowCommands(result)
    .filter((c) => c.command === 'error')
    .map((c) => c.message)
}

/** All `::error::` messages joined by newlines, or undefined when there are none */
export function failedMessage(result: Pick<ActionResult, 'stdout'>): string | undefined {
  const msgs = errorMessages(result)
  return msgs.length ? msgs.join('\n') : undefined
}

/** Values registered with `::add-mask::` (core.setSecret) */
export function maskedValues(result: Pick<ActionResult, 'stdout'>): string[] {
  return workflowCommands(result)
    .filter((c) => c.command === 'add-mask')
    .map((c) => c.message)
}
