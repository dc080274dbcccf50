import type * as Toolkit from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Template } from 'liquidjs'
import { resolveAttachments, formatBytes, type Attachment } from './inputs/attachments.js'
import type { ComposedMessage, MessageExtras } from './message/mime.js'
import type { TokenClaims } from './auth/claims.js'
import type { DefaultMessageKind, RunInfo, TemplateContext } from './message/context.js'
import { boundedList } from './shared/bounded-text.js'
import { PartialDeliveryError } from './delivery/partial-delivery-error.js'
import { SmtpSession, type SmtpTimeouts } from './smtp/session.js'
import type { Delivery } from './smtp/outcome.js'
import { StepBudget } from './boot/step-budget.js'
import type { RecipientLedger } from './delivery/recipient-ledger.js'
import type { CompiledTemplates, RenderedMessage } from './message/render.js'
import { excerpt } from './shared/bounded-text.js'
import { log } from './report/log.js'
import type { RunInfoRequest } from './run-info/run-info.js'
import { formatMailbox, readSettings, type Settings } from './inputs/settings.js'

/** Output names, as declared in action.yml. */
export const OUTPUT_NAMES = [
  'message-id',
  'accepted',
  'rejected',
  'accepted-count',
  'rejected-count',
  'response',
  'eml-path',
  'check-setup'
] as const

/** How much of the run to read: at most so many failed jobs, with so many annotations each. */
type RunInfoLimits = NonNullable<RunInfoRequest['limits']>

/** The runner's toolkit (@actions/core): masking, logging, outputs, the job summary, failing the step. */
type Core = typeof Toolkit

/** The message templates, compiled, with the module that renders them. */
interface Templates {
  /** render.ts (and Liquid), loaded. */
  render: typeof import('./message/render.js')
  /** The message templates. */
  compiled: CompiledTemplates
  /** The thread-key template, if any. */
  threadKey?: Template[]
}

/** What is ready once every input has been checked: the first network step may follow. */
interface Prepared {
  /** The templates, when they had to be compiled before any network use (see prepare). */
  templates?: Templates
  /** The files to attach, found and measured. */
  attachments: Attachment[]
  /** The SMTP connection, already opening (none in a dry run). */
  session?: SmtpSession
}

/**
 * Runs the action: settings → (SMTP connection ∥ token ∥ render) → send → outputs and summary.
 *
 * Start-up is ordered for the shortest send. Every input is read and checked, and the SMTP
 * connection opened, before anything else loads: @actions/core (whose HTTP stack takes some
 * 40 ms to start), Liquid, MIME composition and the token client load while the server's
 * greeting is on its way. Nothing is printed before that, and the first thing the toolkit does
 * is mask every secret.
 */
export async function run(): Promise<void> {
  const reading = await readSettings()
  const budget = new StepBudget(reading.settings?.timeoutMs ?? 0)
  const remaining = (): number => budget.remainingMs()
  const timeouts = (): SmtpTimeouts => budget.smtpTimeouts()
  const smtpLog = deferredLog()
  let prepared: Prepared | undefined
  let problem: unknown = reading.error
  if (reading.settings) {
    try {
      prepared = await prepare(reading.settings, timeouts(), smtpLog.write)
    } catch (err) {
      problem = err
    }
  }

  // Loading the rest keeps the CPU busy for a while: not before the connection attempt has left.
  await prepared?.session?.dialing
  const core: Core = await import('@actions/core')
  for (const secret of reading.secrets) core.setSecret(secret)
  log.bind(core)
  const settings = reading.settings
  if (settings) log.hide(blindCopies(settings))
  let composed: ComposedMessage | undefined
  let ledger: RecipientLedger | undefined
  // The claims of the token presented at AUTH, for the diagnosis of a refusal.
  let presentedClaims: () => TokenClaims | undefined = () => undefined
  try {
    if (settings) logSettings(settings)
    if (!settings || !prepared) throw problem
    const current = settings
    const { attachments } = prepared
    smtpLog.attach((line) => (current.debug ? log.info(line) : log.debug(line)))
    // The token request starts first: besides the SMTP handshake under way, it is the other wait
    // before AUTH. The message is rendered meanwhile, and the token is awaited only at AUTH.
    const firstSession = prepared.session
    const auth = firstSession ? await import('./auth/tokens.js') : undefined
    const tokens = auth?.startTokens(current, { log, getIdToken: (audience) => core.getIDToken(audience) }, () =>
      budget.tokenRequestMs()
    )
    if (tokens) {
      presentedClaims = () => tokens.claims()
      log.info(
        `Connecting to ${current.smtpHost}:${current.smtpPort} and requesting a token from ${current.authorityHost}…`
      )
    }
    // At the deadline, name the stage that kept us: a token request still unanswered means the
    // token endpoint, whatever the SMTP session was doing meanwhile.
    const stalled = (): Error | undefined =>
      auth && tokens?.pending() ? auth.tokenTimeout(current, Math.round(current.timeoutMs / 1000)) : undefined
    if (current.checkSetup && firstSession && tokens) {
      const [{ runSetupCheck }, { troubleshootingBase }] = await Promise.all([
        import('./diagnosis/check-setup.js'),
        import('./diagnosis/diagnose.js')
      ])
      const troubleshooting = troubleshootingBase(process.env)
      const check = runSetupCheck({
        core,
        settings: current,
        session: firstSession,
        tokens,
        ...(troubleshooting ? { troubleshooting } : {})
      })
      // Bounded like a delivery: the session is closed by `finally` once the deadline fails the step.
      await withDeadline(check, remaining(), new AbortController(), stalled, 'set-up check')
      return
    }
    // The run's jobs (and what failed: steps, annotations): read while everything else starts,
    // awaited just before rendering; it never blocks delivery.
    const { buildContext, readEventPayload, messageKind } = await import('./message/context.js')
    const event = readEventPayload(process.env)
    const kind = messageKind(process.env.GITHUB_EVENT_NAME ?? '', eventAction(event), current.jobStatus)
    const runLimits = wantsRunInfo(current, kind)
    const runInfo = runLimits ? fetchRun(current, Math.min(5000, current.timeoutMs / 4), runLimits) : undefined
    const [report, { render, compiled, threadKey }] = await Promise.all([
      import('./report/job-summary.js'),
      prepared.templates ?? loadTemplates(current)
    ])
    const extras = async (context: TemplateContext): Promise<MessageExtras> => ({
      attachments,
      repository: context.github.repository,
      ...(threadKey
        ? { threadKey: render.toSingleLine(await render.renderText(threadKey, context, 'thread-key')) }
        : {})
    })
    const contextWithRun = async (): Promise<TemplateContext> => {
      const run = runInfo ? await runInfo : undefined
      return buildContext(process.env, event, current.jobStatus, { vars: current.vars, ...(run ? { run } : {}) })
    }
    const renderAndLog = (context: TemplateContext): Promise<RenderedMessage> =>
      log.group('Render message', async () => {
        const rendered = await render.renderMessage(compiled, context)
        log.info(
          report
            .messageFacts(current, rendered)
            .map(([name, value]) => `${name}: ${value}`)
            .join('\n')
        )
        return rendered
      })

    if (!firstSession || !tokens) {
      const context = await contextWithRun()
      const message = await renderAndLog(context)
      const dryExtras = await extras(context)
      printDryRun(current, message, attachments, dryExtras.threadKey)
      await report.writeDryRunSummary(current, message)
      setOutputs(core, { messageId: '', accepted: [], rejected: [], response: 'dry run: nothing sent' })
      return
    }

    const [{ composeMessage }, send] = await Promise.all([import('./message/mime.js'), import('./delivery/deliver.js')])
    const context = await contextWithRun()
    const message = await renderAndLog(context)
    composed = await composeMessage(current, message, await extras(context))
    // At the deadline the delivery is aborted, not just abandoned: no attempt may start (or
    // finish sending) after the step has reported its failure.
    ledger = new send.RecipientLedger(composed.envelope.to)
    const plan = {
      settings: current,
      firstSession,
      openSession: (limits: SmtpTimeouts) => SmtpSession.open(current, limits, { debug: smtpLog.write }),
      tokens,
      message: composed,
      budget,
      ledger,
      log
    }
    const delivery = await log.group('Send', () => budget.enforce(send.deliverWithRetries(plan), stalled))
    setOutputs(core, delivery)
    await report.writeDeliverySummary(current, message, delivery)
    const transactions = (delivery.transactions ?? 1) > 1 ? ` in ${delivery.transactions} transactions` : ''
    const [n, named] = [delivery.accepted.length, nameRecipients(delivery.accepted)]
    log.info(
      `Delivered ${delivery.messageId} to ${n > 5 ? `${n} recipients (${named})` : named}${transactions}: ${excerpt(delivery.response)}`
    )
    if (delivery.rejected.length > 0) {
      if (current.failOnRejected) throw new PartialDeliveryError(delivery)
      const list = boundedList(
        delivery.rejected.map((r) => `${r.address} (${excerpt(r.response, 300)})`),
        5,
        '; '
      )
      const count = delivery.rejected.length
      log.warning(count > 5 ? `Not delivered to ${count} recipients: ${list}` : `Not delivered to: ${list}`)
    }
  } catch (err) {
    const { diagnose, diagnosisContext, failureFromError, formatDiagnosis, troubleshootingBase } =
      await import('./diagnosis/diagnose.js')
    const token = presentedClaims()
    const troubleshooting = troubleshootingBase(process.env)
    const context = {
      ...(settings ? diagnosisContext(settings) : {}),
      ...(token ? { token } : {}),
      ...(troubleshooting ? { troubleshooting } : {})
    }
    let text = formatDiagnosis(diagnose(failureFromError(err), context))
    const delivered = ledger?.accepted() ?? []
    if (delivered.length > 0 && !(err instanceof PartialDeliveryError)) {
      // Some transactions went through before the failure: say so, and report them as outputs.
      core.setOutput('accepted', delivered.filter((a) => !log.isHidden(a)).join(','))
      core.setOutput('accepted-count', String(delivered.length))
      text += `\n\nBefore this failure the message was delivered to ${delivered.length} of ${ledger?.size ?? 0} recipients (${nameRecipients(delivered)}; output accepted); they will not get it twice.`
    }
    if (composed && !(err instanceof PartialDeliveryError)) {
      const saved = await saveEml(composed).catch((e: unknown) => {
        log.warning(`Could not save the undelivered message: ${e instanceof Error ? e.message : String(e)}`)
        return undefined
      })
      if (saved) {
        core.setOutput('eml-path', saved)
        text += `\n\nThe undelivered message was saved to ${saved} (output eml-path): keep it with actions/upload-artifact.`
      }
    }
    log.fail(text)
  } finally {
    prepared?.session?.close()
  }
}

/**
 * Every check that needs no network, in order, then the SMTP connection is opened (not in a
 * dry run). Prints nothing: @actions/core is not loaded yet.
 */
async function prepare(settings: Settings, timeouts: SmtpTimeouts, smtpLog: (line: string) => void): Promise<Prepared> {
  // A template with Liquid markup is compiled now, so that one that does not parse fails before
  // any network use. Text without markup (the built-in messages, or text the workflow filled in
  // with ${{ }} expressions) cannot fail: Liquid then loads once the connection is under way.
  const templates = [settings.subject, settings.body, settings.htmlBody, settings.threadKey].some(
    (t) => t && /\{[{%]/.test(t.text)
  )
    ? await loadTemplates(settings)
    : undefined
  if (settings.credential.kind === 'oidc' && !settings.dryRun) requireIdTokenPermission()
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const attachments = await resolveAttachments(settings.attachments, workspace, settings.maxAttachmentBytes)
  const session = settings.dryRun ? undefined : SmtpSession.open(settings, timeouts, { debug: smtpLog })
  return { ...(templates ? { templates } : {}), attachments, ...(session ? { session } : {}) }
}

/** Loads render.ts (and Liquid) and compiles the message and thread-key templates. */
async function loadTemplates(settings: Settings): Promise<Templates> {
  const render = await import('./message/render.js')
  const compiled = render.compileTemplates(settings)
  const threadKey = settings.threadKey ? render.compileText(settings.threadKey) : undefined
  return { render, compiled, ...(threadKey ? { threadKey } : {}) }
}

/** The SMTP log while @actions/core loads: lines wait, then go where `attach` says. */
function deferredLog(): { write: (line: string) => void; attach: (sink: (line: string) => void) => void } {
  const waiting: string[] = []
  let sink: ((line: string) => void) | undefined
  return {
    write(line) {
      if (sink) sink(line)
      else waiting.push(line)
    },
    attach(to) {
      sink = to
      for (const line of waiting.splice(0)) to(line)
    }
  }
}

function logSettings(settings: Settings): void {
  log.infoGroup(
    'Settings',
    [
      `Cloud: ${settings.cloud} · authority ${settings.authorityHost} · SMTP ${settings.smtpHost}:${settings.smtpPort}`,
      `Credential: ${describeCredential(settings)} · app ${settings.clientId} · tenant ${settings.tenantId}`
    ].join('\n')
  )
  log.debug(`Token scope: ${settings.scope}; SMTP user: ${settings.smtpUser}`)
}

/** Bcc recipients that are not also To or Cc recipients: their addresses are never shown. */
function blindCopies(settings: Settings): string[] {
  const visible = new Set([...settings.to, ...settings.cc].map((m) => m.address.toLowerCase()))
  return settings.bcc.map((m) => m.address).filter((address) => !visible.has(address.toLowerCase()))
}

/** The shown recipients, five by name at most, and how many Bcc recipients besides (never named). */
function nameRecipients(addresses: string[]): string {
  const shown = addresses.filter((a) => !log.isHidden(a))
  const hidden = addresses.length - shown.length
  return [boundedList(shown), ...(hidden ? [`${hidden} Bcc recipient(s)`] : [])].filter(Boolean).join(', ') || '(none)'
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

/** The event's `action` (published, opened …), '' when there is none. */
function eventAction(event: Record<string, unknown>): string {
  return typeof event.action === 'string' ? event.action : ''
}

/** Reads the run's jobs and annotations (run-info.ts and Octokit load only now); never throws. */
async function fetchRun(settings: Settings, timeoutMs: number, limits: RunInfoLimits): Promise<RunInfo | undefined> {
  const env = process.env
  try {
    const { fetchRunInfo } = await import('./run-info/run-info.js')
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

/**
 * Fails with a timeout diagnosis when the work (a delivery, or a set-up check: `what`) outlives
 * the step's budget; `stalled` may name the stage that kept it.
 */
function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  controller: AbortController,
  stalled: () => Error | undefined,
  what = 'delivery'
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err =
        stalled() ??
        Object.assign(new Error(`No ${what} within timeout-seconds (${Math.round(ms / 1000)} s left)`), {
          code: 'ETIMEDOUT'
        })
      controller.abort(err)
      reject(err)
    }, ms)
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

/** Writes the composed message to RUNNER_TEMP so that a later step can keep it. */
async function saveEml(message: ComposedMessage): Promise<string> {
  const dir = process.env.RUNNER_TEMP || tmpdir()
  const runId = process.env.GITHUB_RUN_ID ?? 'local'
  const file = path.join(dir, `undelivered-${runId}-${Date.now()}.eml`)
  await writeFile(file, message.raw)
  return file
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
      '',
      "Or pass 'client-secret' or 'client-certificate'."
    ].join('\n')
  )
}

function describeCredential(settings: Settings): string {
  const c = settings.credential
  if (c.kind === 'secret') return 'client secret'
  if (c.kind === 'certificate') return `certificate ${c.thumbprintSha256.toUpperCase()} (${c.subject})`
  return `GitHub OIDC federation (audience ${c.audience})`
}

function printDryRun(
  settings: Settings,
  message: RenderedMessage,
  attachments: Attachment[],
  threadKey: string | undefined
): void {
  const lines = [`From: ${formatMailbox(settings.from)}`]
  if (settings.to.length) lines.push(`To: ${settings.to.map(formatMailbox).join(', ')}`)
  if (settings.cc.length) lines.push(`Cc: ${settings.cc.map(formatMailbox).join(', ')}`)
  // a blind copy stays blind: the log of a public repository is public
  if (settings.bcc.length) lines.push(`Bcc: ${settings.bcc.length} hidden recipient(s)`)
  if (settings.replyTo.length) lines.push(`Reply-To: ${settings.replyTo.map(formatMailbox).join(', ')}`)
  lines.push(`Subject: ${message.subject}`)
  if (settings.priority !== 'normal') lines.push(`Priority: ${settings.priority}`)
  if (settings.inReplyTo) lines.push(`In-Reply-To: ${settings.inReplyTo}`)
  if (threadKey) lines.push(`Thread key: ${threadKey}`)
  for (const [name, value] of Object.entries(settings.headers)) lines.push(`${name}: ${value}`)
  for (const a of attachments) lines.push(`Attachment: ${a.filename} (${formatBytes(a.size)}, ${a.path})`)
  lines.push('', '--- text/plain ---', message.text)
  if (message.html !== undefined) lines.push('--- text/html ---', message.html)
  // one block: the rendered message is outside text (commit messages, PR bodies, release notes)
  log.infoGroup('Dry run: the message that would be sent', lines.join('\n'))
  log.info('Dry run: no token was requested and nothing was sent.')
}

/** The outputs; Bcc recipients are counted, never named. */
function setOutputs(core: Core, delivery: Delivery): void {
  const shown = (address: string): boolean => !log.isHidden(address)
  core.setOutput('message-id', delivery.messageId)
  core.setOutput('accepted', delivery.accepted.filter(shown).join(','))
  core.setOutput(
    'rejected',
    delivery.rejected
      .map((r) => r.address)
      .filter(shown)
      .join(',')
  )
  core.setOutput('accepted-count', String(delivery.accepted.length))
  core.setOutput('rejected-count', String(delivery.rejected.length))
  core.setOutput('response', log.redact(delivery.response))
}
