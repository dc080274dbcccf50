import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { resolveAttachments, formatBytes, type Attachment } from './attachments.js'
import { buildContext, readEventPayload, type RunInfo, type TemplateContext } from './context.js'
import { deliverWithRetries, startTokens } from './deliver.js'
import { diagnose, failureFromError, formatDiagnosis, type DiagnosisContext } from './diagnose.js'
import {
  composeMessage,
  SmtpSession,
  type ComposedMessage,
  type Delivery,
  type MessageExtras,
  type SmtpTimeouts
} from './mail.js'
import { PartialDeliveryError } from './errors.js'
import {
  compileTemplates,
  compileText,
  renderMessage,
  renderText,
  toSingleLine,
  type CompiledTemplates,
  type RenderedMessage
} from './render.js'
import { getSettings, type Settings } from './settings.js'
import { formatMailbox, messageFacts, writeDeliverySummary, writeDryRunSummary } from './summary.js'

/** Output names, as declared in action.yml. */
export const OUTPUT_NAMES = ['message-id', 'accepted', 'rejected', 'response', 'eml-path'] as const

/** Runs the action: settings → (SMTP connection ∥ token ∥ render) → send → outputs and summary. */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  let settings: Settings | undefined
  let composed: ComposedMessage | undefined
  try {
    // First of all: read the inputs and mask every secret, before anything is printed.
    settings = getSettings()
    const current = settings
    const smtpLog = (line: string): void => (current.debug ? core.info(line) : core.debug(line))
    core.startGroup('Settings')
    core.info(
      `Cloud: ${current.cloud} · authority ${current.authorityHost} · SMTP ${current.smtpHost}:${current.smtpPort}`
    )
    core.info(`Credential: ${describeCredential(current)} · app ${current.clientId} · tenant ${current.tenantId}`)
    core.debug(`Token scope: ${current.scope}; SMTP user: ${current.smtpUser}`)
    core.endGroup()

    // Every input problem is found before any network use.
    const compiled = compileTemplates(current)
    const threadKey = current.threadKey ? compileText(current.threadKey) : undefined
    if (current.credential.kind === 'oidc' && !current.dryRun) requireIdTokenPermission()
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const attachments = await resolveAttachments(current.attachments, workspace, current.maxAttachmentBytes)
    const event = readEventPayload(process.env)
    // What failed in this run (jobs, failed steps, annotations): read while everything else
    // starts, awaited just before rendering; it never blocks delivery.
    const runInfo = wantsRunInfo(current) ? fetchRun(current, Math.min(5000, current.timeoutMs / 4)) : undefined
    const extras = async (context: TemplateContext): Promise<MessageExtras> => ({
      attachments,
      repository: context.github.repository,
      ...(threadKey ? { threadKey: toSingleLine(await renderText(threadKey, context, 'thread-key')) } : {})
    })

    const contextWithRun = async (): Promise<TemplateContext> => {
      const run = runInfo ? await runInfo : undefined
      return buildContext(process.env, event, current.jobStatus, { vars: current.vars, ...(run ? { run } : {}) })
    }

    if (current.dryRun) {
      const context = await contextWithRun()
      const message = await renderAndLog(compiled, context, current)
      const dryExtras = await extras(context)
      printDryRun(current, message, attachments, dryExtras.threadKey)
      await writeDryRunSummary(current, message)
      setOutputs({ messageId: '', accepted: [], rejected: [], response: 'dry run: nothing sent' })
      return
    }

    // The SMTP connection (greeting, EHLO, STARTTLS) and the token request start together;
    // the message is rendered meanwhile, and the token is awaited only at AUTH.
    const remaining = (): number => Math.max(1000, current.timeoutMs - (Date.now() - startedAt))
    const timeouts = (): SmtpTimeouts => ({
      connection: Math.min(30_000, remaining()),
      greeting: Math.min(30_000, remaining()),
      socket: Math.min(60_000, remaining())
    })
    core.info(
      `Connecting to ${current.smtpHost}:${current.smtpPort} and requesting a token from ${current.authorityHost}…`
    )
    const firstSession = SmtpSession.open(current, timeouts(), { debug: smtpLog })
    try {
      const tokens = startTokens(current, () => Math.min(30_000, remaining()))
      const context = await contextWithRun()
      const message = await renderAndLog(compiled, context, current)
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
        log: smtpLog,
        signal: deadline.signal
      }
      const delivery = await core.group('Send', () => withDeadline(deliverWithRetries(plan), remaining(), deadline))
      setOutputs(delivery)
      await writeDeliverySummary(current, message, delivery)
      core.info(`Delivered ${delivery.messageId} to ${delivery.accepted.join(', ')}: ${delivery.response}`)
      if (delivery.rejected.length > 0) {
        if (current.failOnRejected) throw new PartialDeliveryError(delivery)
        core.warning(`Not delivered to: ${delivery.rejected.map((r) => `${r.address} (${r.response})`).join('; ')}`)
      }
    } finally {
      firstSession.close()
    }
  } catch (err) {
    let text = formatDiagnosis(diagnose(failureFromError(err), diagnosisContext(settings)))
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
  }
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
async function fetchRun(settings: Settings, timeoutMs: number): Promise<RunInfo | undefined> {
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

async function renderAndLog(
  compiled: CompiledTemplates,
  context: TemplateContext,
  settings: Settings
): Promise<RenderedMessage> {
  return core.group('Render message', async () => {
    const rendered = await renderMessage(compiled, context)
    for (const [name, value] of messageFacts(settings, rendered)) core.info(`${name}: ${value}`)
    return rendered
  })
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

function setOutputs(delivery: Delivery): void {
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
