import * as core from '@actions/core'
import { createTokenProvider, TokenError, type AccessToken } from './auth.js'
import { buildContext, readEventPayload } from './context.js'
import { diagnose, failureFromError, formatDiagnosis, type DiagnosisContext } from './diagnose.js'
import { sendMail, type Delivery } from './mail.js'
import { compileTemplates, renderMessage, type RenderedMessage } from './render.js'
import { getSettings, type Settings } from './settings.js'
import { formatMailbox, messageFacts, writeDeliverySummary, writeDryRunSummary } from './summary.js'

/** Output names, as declared in action.yml. */
export const OUTPUT_NAMES = ['message-id', 'accepted', 'rejected', 'response'] as const

/** Runs the action: settings → render → (token ∥ SMTP connection) → send → outputs and summary. */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  let settings: Settings | undefined
  try {
    // First of all: read the inputs and mask every secret, before anything is printed.
    settings = getSettings()
    const current = settings
    core.startGroup('Settings')
    core.info(
      `Cloud: ${current.cloud} · authority ${current.authorityHost} · SMTP ${current.smtpHost}:${current.smtpPort}`
    )
    core.info(`Credential: ${describeCredential(current)} · app ${current.clientId} · tenant ${current.tenantId}`)
    core.debug(`Token scope: ${current.scope}; SMTP user: ${current.smtpUser}`)
    core.endGroup()
    const compiled = compileTemplates(current)
    if (current.credential.kind === 'oidc' && !current.dryRun) requireIdTokenPermission()

    const message = await core.group('Render message', async () => {
      const context = buildContext(process.env, readEventPayload(process.env), current.jobStatus)
      const rendered = await renderMessage(compiled, context)
      for (const [name, value] of messageFacts(current, rendered)) core.info(`${name}: ${value}`)
      return rendered
    })

    if (current.dryRun) {
      printDryRun(current, message)
      await writeDryRunSummary(current, message)
      setOutputs({ messageId: '', accepted: [], rejected: [], response: 'dry run: nothing sent' })
      return
    }

    const delivery = await core.group('Send', () => deliver(current, message, startedAt))
    setOutputs(delivery)
    await writeDeliverySummary(current, message, delivery)
    core.info(`Delivered ${delivery.messageId} to ${delivery.accepted.join(', ')}: ${delivery.response}`)
  } catch (err) {
    core.setFailed(formatDiagnosis(diagnose(failureFromError(err), diagnosisContext(settings))))
  }
}

/** Starts the token request and the SMTP connection together; the token is awaited at AUTH. */
async function deliver(settings: Settings, message: RenderedMessage, startedAt: number): Promise<Delivery> {
  const remaining = (): number => Math.max(1000, settings.timeoutMs - (Date.now() - startedAt))
  const tokens = createTokenProvider(
    settings,
    {
      getIdToken: (audience) => core.getIDToken(audience),
      mask: (secret) => core.setSecret(secret),
      debug: (line) => core.debug(line)
    },
    Math.min(30_000, remaining())
  )
  core.info(`Requesting a token from ${settings.authorityHost} and connecting to ${settings.smtpHost}…`)
  const tokenStarted = Date.now()
  let tokenError: TokenError | undefined
  const track = (promise: Promise<AccessToken>): Promise<string> =>
    promise.then(
      (t) => {
        core.info(
          `Token acquired in ${Date.now() - tokenStarted} ms (expires ${t.expiresOn?.toISOString() ?? 'unknown'}).`
        )
        return t.token
      },
      (err: unknown) => {
        if (err instanceof TokenError) tokenError = err
        throw err
      }
    )
  const first = track(tokens.getToken(false))
  first.catch(() => undefined) // awaited at AUTH; a failure is reported there
  try {
    return await sendMail(
      settings,
      message,
      (renew) => {
        if (!renew) return first
        core.info('The server rejected the token; requesting a fresh one.')
        return track(tokens.getToken(true))
      },
      {
        connection: Math.min(30_000, remaining()),
        greeting: Math.min(30_000, remaining()),
        socket: Math.min(60_000, remaining())
      },
      { debug: (line) => core.debug(line) }
    )
  } catch (err) {
    // nodemailer reports a failed token as EAUTH: the token error has the facts.
    throw tokenError ?? err
  } finally {
    core.debug(`Identity requests: ${tokens.requests.map((r) => `${r.method} ${r.url}`).join(', ') || 'none'}`)
  }
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

function printDryRun(settings: Settings, message: RenderedMessage): void {
  core.startGroup('Dry run: the message that would be sent')
  core.info(`From: ${formatMailbox(settings.from)}`)
  if (settings.to.length) core.info(`To: ${settings.to.map(formatMailbox).join(', ')}`)
  if (settings.cc.length) core.info(`Cc: ${settings.cc.map(formatMailbox).join(', ')}`)
  if (settings.bcc.length) core.info(`Bcc: ${settings.bcc.map(formatMailbox).join(', ')}`)
  if (settings.replyTo.length) core.info(`Reply-To: ${settings.replyTo.map(formatMailbox).join(', ')}`)
  core.info(`Subject: ${message.subject}`)
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
