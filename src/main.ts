import * as core from '@actions/core'
import { buildContext, readEventPayload, type TemplateContext } from './context.js'
import { diagnose, failureFromError, formatDiagnosis, type DiagnosisContext } from './diagnose.js'
import { TokenError } from './errors.js'
import { composeMessage, SmtpSession, type ComposedMessage, type Delivery, type TokenSupplier } from './mail.js'
import { compileTemplates, renderMessage, type CompiledTemplates, type RenderedMessage } from './render.js'
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

    // Every input problem is found before any network use.
    const compiled = compileTemplates(current)
    if (current.credential.kind === 'oidc' && !current.dryRun) requireIdTokenPermission()
    const context = buildContext(process.env, readEventPayload(process.env), current.jobStatus)

    if (current.dryRun) {
      const message = await renderAndLog(compiled, context, current)
      printDryRun(current, message)
      await writeDryRunSummary(current, message)
      setOutputs({ messageId: '', accepted: [], rejected: [], response: 'dry run: nothing sent' })
      return
    }

    // The SMTP connection (greeting, EHLO, STARTTLS) and the token request start together;
    // the message is rendered meanwhile, and the token is awaited only at AUTH.
    const remaining = (): number => Math.max(1000, current.timeoutMs - (Date.now() - startedAt))
    core.info(
      `Connecting to ${current.smtpHost}:${current.smtpPort} and requesting a token from ${current.authorityHost}…`
    )
    const smtp = SmtpSession.open(
      current,
      {
        connection: Math.min(30_000, remaining()),
        greeting: Math.min(30_000, remaining()),
        socket: Math.min(60_000, remaining())
      },
      { debug: (line) => core.debug(line) }
    )
    try {
      const tokens = startTokens(current, Math.min(30_000, remaining()))
      const message = await renderAndLog(compiled, context, current)
      const delivery = await core.group('Send', () => deliver(smtp, tokens, composeMessage(current, message)))
      setOutputs(delivery)
      await writeDeliverySummary(current, message, delivery)
      core.info(`Delivered ${delivery.messageId} to ${delivery.accepted.join(', ')}: ${delivery.response}`)
    } finally {
      smtp.close()
    }
  } catch (err) {
    core.setFailed(formatDiagnosis(diagnose(failureFromError(err), diagnosisContext(settings))))
  }
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

/** Tokens on demand: the first request starts now; a renewal is a fresh request. */
interface Tokens {
  /** The token for AUTH; `renew` after the server rejected the previous one. */
  get: TokenSupplier
  /** The token request's failure, if it failed (nodemailer reports it only as EAUTH). */
  error: () => TokenError | undefined
  /** Identity requests sent, for the debug log. */
  requests: () => string[]
}

function startTokens(settings: Settings, timeoutMs: number): Tokens {
  const started = Date.now()
  let failure: TokenError | undefined
  // msal-node is loaded only now, while the SMTP connection is being set up.
  const provider = import('./auth.js').then(({ createTokenProvider }) =>
    createTokenProvider(
      settings,
      {
        getIdToken: (audience) => core.getIDToken(audience),
        mask: (secret) => core.setSecret(secret),
        debug: (line) => core.debug(line)
      },
      timeoutMs
    )
  )
  let requests: () => string[] = () => []
  const acquire = (renew: boolean): Promise<string> =>
    provider
      .then((p) => {
        requests = () => p.requests.map((r) => `${r.method} ${r.url}`)
        return p.getToken(renew)
      })
      .then(
        (t) => {
          core.info(
            `Token acquired ${Date.now() - started} ms after start (expires ${t.expiresOn?.toISOString() ?? 'unknown'}).`
          )
          return t.token
        },
        (err: unknown) => {
          if (err instanceof TokenError) failure = err
          throw err
        }
      )
  const first = acquire(false)
  first.catch(() => undefined) // awaited at AUTH; a failure is reported there
  return {
    get: (renew) => {
      if (!renew) {
        const askedAt = Date.now()
        return first.then((token) => {
          core.debug(`Token wait at AUTH: ${Date.now() - askedAt} ms`)
          return token
        })
      }
      core.info('The server rejected the token; requesting a fresh one.')
      return acquire(true)
    },
    error: () => failure,
    requests: () => requests()
  }
}

/** Authenticates with the token and sends the message over the session opened earlier. */
async function deliver(smtp: SmtpSession, tokens: Tokens, message: ComposedMessage): Promise<Delivery> {
  try {
    await smtp.login(tokens.get)
    core.info('Authenticated with XOAUTH2.')
    return await smtp.send(message)
  } catch (err) {
    // nodemailer reports a failed token request as EAUTH: the token error has the facts.
    throw tokens.error() ?? err
  } finally {
    core.debug(`Identity requests: ${tokens.requests().join(', ') || 'none'}`)
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
