import { resolveAttachments, type Attachment } from '../inputs/attachments.js'
import { readSettings, type Settings } from '../inputs/settings.js'
import type { CompiledMessageTemplates } from '../message/prepare.js'
import { SmtpSession } from '../smtp/session.js'
import { stages } from '../stages.js'
import { closeEarly, type EarlyConnections, type EarlyTls } from './early.js'
import { StepBudget } from './step-budget.js'

/** timeout-seconds' default (action.yml), for a run whose inputs could not be read. */
const DEFAULT_TIMEOUT_MS = 120_000

/**
 * What the run has once every input has been read and checked and the SMTP connection is
 * opening: nothing has been printed yet (the toolkit loads only after the dial), so a problem
 * is kept, not reported.
 */
export interface Booted {
  /** The settings, when every input was valid. */
  settings?: Settings
  /** Why the run cannot go on (an input error), reported once the toolkit has loaded. */
  problem?: unknown
  /** Every value to mask, whether or not the inputs were valid. */
  secrets: string[]
  /** The step's time, counted from now. */
  budget: StepBudget
  /** The files to attach, found and measured. */
  attachments: Attachment[]
  /** Warnings found before anything could print them (an attachment pattern that matched nothing). */
  warnings: string[]
  /** The templates, when they had to be compiled before any network use. */
  templates?: CompiledMessageTemplates
  /** The SMTP connection, already opening (none in a dry run, none with `transport: graph`). */
  session?: SmtpSession
  /** The TLS connection to the authority host opened at start, for the token request to take. */
  tokenConnection?: EarlyTls
  /** With `transport: graph`: the TLS connection to graph-host opened at start. */
  graphConnection?: EarlyTls
  /** The SMTP conversation so far, held until the log can print it. */
  transcript: HeldLines
}

/**
 * Reads and checks every input while the connections opened at start (`early`) are under way,
 * then takes them over, or opens the SMTP connection now if none was (not in a dry run). Every
 * check that needs no network comes first, so a mistake fails before anything is sent anywhere;
 * a connection the run will not use is closed at once (Exchange counts it against the mailbox).
 */
export async function boot(early: EarlyConnections = {}): Promise<Booted> {
  const booted = await readAndCheck()
  const settings = booted.problem === undefined ? booted.settings : undefined
  if (!settings || settings.dryRun) {
    closeEarly(early)
    return booted
  }
  const smtp = early.smtp
  const sameSmtp =
    settings.transport === 'smtp' &&
    smtp?.host === settings.smtpHost &&
    smtp.port === settings.smtpPort &&
    smtp.proxy === settings.smtpProxy
  const sameToken = early.token?.origin === settings.authorityHost
  const sameGraph = settings.transport === 'graph' && early.graph?.origin === settings.graphHost
  closeEarly(early, { smtp: sameSmtp, token: sameToken, graph: sameGraph })
  // Graph goes over HTTPS once the toolkit has loaded (graph/run.ts): no SMTP connection at all.
  const session =
    settings.transport === 'graph'
      ? undefined
      : SmtpSession.open(
          settings,
          booted.budget.smtpTimeouts(),
          { debug: (line) => booted.transcript.write(line) },
          sameSmtp ? smtp.dial : undefined
        )
  return {
    ...booted,
    ...(session ? { session } : {}),
    ...(sameToken ? { tokenConnection: early.token } : {}),
    ...(sameGraph ? { graphConnection: early.graph } : {})
  }
}

/** Every input read and checked, templates with markup compiled, attachments found. */
async function readAndCheck(): Promise<Booted> {
  const reading = await readSettings()
  // Counted from the start of the process, as the runner counts the step: loading the bundle is part of it.
  const budget = new StepBudget(reading.settings?.timeoutMs ?? DEFAULT_TIMEOUT_MS, Date.now, performance.timeOrigin)
  const transcript = new HeldLines()
  const booted: Booted = { secrets: reading.secrets, budget, attachments: [], warnings: [], transcript }
  if (!reading.settings) return { ...booted, problem: reading.error }
  const settings = reading.settings
  try {
    // A template with Liquid markup is compiled now, so that one that does not parse fails before
    // any network use. Text without markup (the built-in messages, or text the workflow filled in
    // with ${{ }} expressions) cannot fail: Liquid then loads once the connection is under way.
    const templates = hasMarkup(settings) ? (await stages.message()).compileMessageTemplates(settings) : undefined
    if (settings.credential.kind === 'oidc' && !settings.dryRun) requireIdTokenPermission()
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const { attachments: patterns, maxAttachmentBytes, ifNoFilesFound } = settings
    const found = await resolveAttachments(patterns, workspace, maxAttachmentBytes, ifNoFilesFound)
    return { ...booted, settings, ...found, ...(templates ? { templates } : {}) }
  } catch (err) {
    return { ...booted, settings, problem: err }
  }
}

function hasMarkup(settings: Settings): boolean {
  return [settings.subject, settings.body, settings.htmlBody, settings.threadKey].some(
    (template) => template && /\{[{%]/.test(template.text)
  )
}

/** Without `permissions: id-token: write` the runner gives no OIDC token: say exactly what to add. */
function requireIdTokenPermission(): void {
  if (process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) return
  throw new Error(
    [
      "No 'client-secret' or 'client-certificate' was given, so the action signs in with GitHub's OIDC token (workload identity federation), but this job may not request one.",
      'Add to the workflow (or the job):',
      '',
      'permissions:',
      '  id-token: write',
      '  contents: read',
      '  actions: read # the failure mail names the failed jobs and steps',
      '  checks: read # and their error annotations',
      '',
      'A permissions: block sets every permission it does not list to none: keep any others the job needs.',
      "Or pass 'client-secret' or 'client-certificate'."
    ].join('\n')
  )
}

/** Lines written before there is anywhere to print them: they wait, then go where `attach` says. */
class HeldLines {
  private readonly waiting: string[] = []
  private sink: ((line: string) => void) | undefined

  write(line: string): void {
    if (this.sink) this.sink(line)
    else this.waiting.push(line)
  }

  attach(sink: (line: string) => void): void {
    this.sink = sink
    for (const line of this.waiting.splice(0)) sink(line)
  }
}
