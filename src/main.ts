import type * as Toolkit from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Template } from 'liquidjs'
import { resolveAttachments, formatBytes, type Attachment } from './attachments.js'
import type { ComposedMessage, MessageExtras } from './compose.js'
import type { TokenClaims } from './claims.js'
import type { RunInfo, TemplateContext } from './context.js'
import type { DiagnosisContext } from './diagnose.js'
import { PartialDeliveryError } from './errors.js'
import { SmtpSession, type Delivery, type SmtpTimeouts } from './mail.js'
import type { CompiledTemplates, RenderedMessage } from './render.js'
import { formatMailbox, readSettings, type Settings } from './settings.js'

/** Output names, as declared in action.yml. */
export const OUTPUT_NAMES = ['message-id', 'accepted', 'rejected', 'response', 'eml-path', 'check-setup'] as const

/** The runner's toolkit (@actions/core): masking, logging, outputs, the job summary, failing the step. */
type Core = typeof Toolkit

/** The message templates, compiled, with the module that renders them. */
interface Templates {
  /** render.ts (and Liquid), loaded. */
  render: typeof import('./render.js')
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
  const startedAt = Date.now()
  const reading = await readSettings()
  const budgetMs = reading.settings?.timeoutMs ?? 0
  const remaining = (): number => Math.max(1000, budgetMs - (Date.now() - startedAt))
  const timeouts = (): SmtpTimeouts => ({
    connection: Math.min(30_000, remaining()),
    greeting: Math.min(30_000, remaining()),
    socket: Math.min(60_000, remaining())
  })
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
  const settings = reading.settings
  let composed: ComposedMessage | undefined
  // The claims of the token presented at AUTH, for the diagnosis of a refusal.
  let presentedClaims: () => TokenClaims | undefined = () => undefined
  try {
    if (settings) logSettings(core, settings)
    if (!settings || !prepared) throw problem
    const current = settings
    const { attachments } = prepared
    smtpLog.attach((line) => (current.debug ? core.info(line) : core.debug(line)))
    // The token request starts first: besides the SMTP handshake under way, it is the other wait
    // before AUTH. The message is rendered meanwhile, and the token is awaited only at AUTH.
    const firstSession = prepared.session
    const send = firstSession ? await import('./deliver.js') : undefined
    const tokens = send?.startTokens(current, () => Math.min(30_000, remaining()))
    if (tokens) {
      presentedClaims = () => tokens.claims()
      core.info(
        `Connecting to ${current.smtpHost}:${current.smtpPort} and requesting a token from ${current.authorityHost}…`
      )
    }
    if (current.checkSetup && firstSession && tokens) {
      const [{ runSetupCheck }, { troubleshootingBase }] = await Promise.all([
        import('./check-setup.js'),
        import('./diagnose.js')
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
      await withDeadline(check, remaining(), new AbortController())
      return
    }
    // What failed in this run (jobs, failed steps, annotations): read while everything else
    // starts, awaited just before rendering; it never blocks delivery.
    const runInfo = wantsRunInfo(current) ? fetchRun(core, current, Math.min(5000, current.timeoutMs / 4)) : undefined
    const [report, { buildContext, readEventPayload }, { render, compiled, threadKey }] = await Promise.all([
      import('./summary.js'),
      import('./context.js'),
      prepared.templates ?? loadTemplates(current)
    ])
    const event = readEventPayload(process.env)
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
      core.group('Render message', async () => {
        const rendered = await render.renderMessage(compiled, context)
        for (const [name, value] of report.messageFacts(current, rendered)) core.info(`${name}: ${value}`)
        return rendered
      })

    if (!firstSession || !send || !tokens) {
      const context = await contextWithRun()
      const message = await renderAndLog(context)
      const dryExtras = await extras(context)
      printDryRun(core, current, message, attachments, dryExtras.threadKey)
      await report.writeDryRunSummary(current, message)
      setOutputs(core, { messageId: '', accepted: [], rejected: [], response: 'dry run: nothing sent' })
      return
    }

    const { composeMessage } = await import('./compose.js')
    const context = await contextWithRun()
    const message = await renderAndLog(context)
    composed = await composeMessage(current, message, await extras(context))
    // At the deadline the delivery is aborted, not just abandoned: no attempt may start (or
    // finish sending) after the step has reported its failure.
    const deadline = new AbortController()
    const plan = {
      settings: current,
      firstSession,
      tokens,
      message: composed,
      timeouts,
      remaining,
      log: smtpLog.write,
      signal: deadline.signal
    }
    const delivery = await core.group('Send', () => withDeadline(send.deliverWithRetries(plan), remaining(), deadline))
    setOutputs(core, delivery)
    await report.writeDeliverySummary(current, message, delivery)
    core.info(`Delivered ${delivery.messageId} to ${delivery.accepted.join(', ')}: ${delivery.response}`)
    if (delivery.rejected.length > 0) {
      if (current.failOnRejected) throw new PartialDeliveryError(delivery)
      core.warning(`Not delivered to: ${delivery.rejected.map((r) => `${r.address} (${r.response})`).join('; ')}`)
    }
  } catch (err) {
    const { diagnose, failureFromError, formatDiagnosis, troubleshootingBase } = await import('./diagnose.js')
    const token = presentedClaims()
    const troubleshooting = troubleshootingBase(process.env)
    const context = {
      ...diagnosisContext(settings),
      ...(token ? { token } : {}),
      ...(troubleshooting ? { troubleshooting } : {})
    }
    let text = formatDiagnosis(diagnose(failureFromError(err), context))
    if (composed && !(err instanceof PartialDeliveryError)) {
      const saved = await saveEml(composed).catch((e: unknown) => {
        core.warning(`Could not save the undelivered message: ${e instanceof Error ? e.message : String(e)}`)
        return undefined
      })
      if (saved) {
        core.setOutput('eml-path', saved)
        text += `\n\nThe undelivered message was saved to ${saved} (output eml-path): keep it with actions/upload-artifact.`
      }
    }
    core.setFailed(text)
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
  const render = await import('./render.js')
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

function logSettings(core: Core, settings: Settings): void {
  core.startGroup('Settings')
  core.info(
    `Cloud: ${settings.cloud} · authority ${settings.authorityHost} · SMTP ${settings.smtpHost}:${settings.smtpPort}`
  )
  core.info(`Credential: ${describeCredential(settings)} · app ${settings.clientId} · tenant ${settings.tenantId}`)
  core.debug(`Token scope: ${settings.scope}; SMTP user: ${settings.smtpUser}`)
  core.endGroup()
}

/** The run's jobs are worth fetching: a failure or cancellation with the default message, or a template that uses `run.`. */
function wantsRunInfo(settings: Settings): boolean {
  if (!settings.githubToken || !process.env.GITHUB_RUN_ID || !process.env.GITHUB_REPOSITORY) return false
  const usesRun = [settings.subject, settings.body, settings.htmlBody].some((t) => t && /\brun\.\w/.test(t.text))
  const defaultFailure =
    !settings.subject && !settings.body && !settings.htmlBody && ['failure', 'cancelled'].includes(settings.jobStatus)
  return usesRun || defaultFailure
}

/** Reads the run's jobs and annotations (run-info.ts and Octokit load only now); never throws. */
async function fetchRun(core: Core, settings: Settings, timeoutMs: number): Promise<RunInfo | undefined> {
  const env = process.env
  try {
    const { fetchRunInfo } = await import('./run-info.js')
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
      debug: (line) => core.debug(line)
    })
    core.debug(`GitHub API requests: ${result.requests.join(', ') || 'none'}`)
    if (result.warning) core.warning(result.warning)
    return result.run
  } catch (err) {
    core.warning(`The run's jobs could not be read: ${err instanceof Error ? err.message : String(err)}`)
    return undefined
  }
}

/** Fails with a timeout diagnosis when the work outlives the step's budget. */
function withDeadline<T>(work: Promise<T>, ms: number, controller: AbortController): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = Object.assign(new Error(`No delivery within timeout-seconds (${Math.round(ms / 1000)} s left)`), {
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
  core: Core,
  settings: Settings,
  message: RenderedMessage,
  attachments: Attachment[],
  threadKey: string | undefined
): void {
  core.startGroup('Dry run: the message that would be sent')
  core.info(`From: ${formatMailbox(settings.from)}`)
  if (settings.to.length) core.info(`To: ${settings.to.map(formatMailbox).join(', ')}`)
  if (settings.cc.length) core.info(`Cc: ${settings.cc.map(formatMailbox).join(', ')}`)
  if (settings.bcc.length) core.info(`Bcc: ${settings.bcc.map(formatMailbox).join(', ')}`)
  if (settings.replyTo.length) core.info(`Reply-To: ${settings.replyTo.map(formatMailbox).join(', ')}`)
  core.info(`Subject: ${message.subject}`)
  if (settings.priority !== 'normal') core.info(`Priority: ${settings.priority}`)
  if (settings.inReplyTo) core.info(`In-Reply-To: ${settings.inReplyTo}`)
  if (threadKey) core.info(`Thread key: ${threadKey}`)
  for (const [name, value] of Object.entries(settings.headers)) core.info(`${name}: ${value}`)
  for (const a of attachments) core.info(`Attachment: ${a.filename} (${formatBytes(a.size)}, ${a.path})`)
  core.info('')
  core.info('--- text/plain ---')
  core.info(message.text)
  if (message.html !== undefined) {
    core.info('--- text/html ---')
    core.info(message.html)
  }
  core.endGroup()
  core.info('Dry run: no token was requested and nothing was sent.')
}

function setOutputs(core: Core, delivery: Delivery): void {
  core.setOutput('message-id', delivery.messageId)
  core.setOutput('accepted', delivery.accepted.join(','))
  core.setOutput('rejected', delivery.rejected.map((r) => r.address).join(','))
  core.setOutput('response', delivery.response)
}

function diagnosisContext(settings: Settings | undefined): DiagnosisContext {
  if (!settings) return {}
  const c = settings.credential
  return {
    tenant: settings.tenantId,
    clientId: settings.clientId,
    mailbox: settings.smtpUser,
    from: settings.from.address,
    cloud: settings.cloud,
    authorityHost: settings.authorityHost,
    smtpHost: settings.smtpHost,
    smtpPort: settings.smtpPort,
    scope: settings.scope,
    audience: c.kind === 'oidc' ? c.audience : undefined,
    thumbprint: c.kind === 'certificate' ? c.thumbprintSha256 : undefined
  }
}
