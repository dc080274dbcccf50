import { boot, type Booted } from './boot/boot.js'
import type { EarlyConnections } from './boot/early.js'
import { armWatchdog, endProcess, WATCHDOG_GRACE_MS } from './boot/step-end.js'
import type { Tokens } from './auth/tokens.js'
import type { GraphWire } from './graph/open.js'
import type { Settings } from './inputs/settings.js'
import type { Progress } from './report/failure.js'
import type { Logger } from './shared/logger.js'
import type { Transport } from './shared/transport.js'
import type { Toolkit } from './report/toolkit.js'
import { SmtpSession, type SmtpTimeouts } from './smtp/session.js'
import { SmtpTransport } from './smtp/transport.js'
import { stages } from './stages.js'

/**
 * Runs the action: boot (inputs → checks → SMTP dial) → toolkit → token ∥ message → deliver →
 * report. A dry run renders and reports without a connection; a set-up check authenticates and
 * sends nothing (over Graph: one test message to the sending mailbox).
 *
 * Start-up is ordered for the shortest send: nothing loads before the SMTP connection attempt
 * has left (see stages.ts), and nothing is printed before the toolkit has masked every secret.
 *
 * The step always ends: within timeout-seconds the run reports, and then the process exits
 * whatever its peers still hold open (see step-end.ts).
 */
export async function run(early: EarlyConnections = {}): Promise<void> {
  const booted = await boot(early)
  const disarm = armWatchdog(booted.budget.deadline + WATCHDOG_GRACE_MS, Math.round(booted.budget.totalMs / 1000))
  try {
    await runBooted(booted)
  } finally {
    disarm()
    await endProcess()
  }
}

/** One run after boot, its inputs checked: what every stage of the send shares. */
interface Run {
  booted: Booted
  settings: Settings
  core: Toolkit
  log: Logger
  /** How far the run got, for the failure report (claims, the composed message, the ledger). */
  progress: Progress
}

async function runBooted(booted: Booted): Promise<void> {
  // Loading the rest keeps the CPU busy for a while: not before the connection attempt has left.
  await booted.session?.dialing
  const { core, log } = (await stages.toolkit()).startToolkit(booted)
  const progress: Progress = {}
  try {
    const settings = checkedSettings(booted)
    const run: Run = { booted, settings, core, log, progress }
    if (settings.transport === 'graph' && !settings.dryRun) {
      // Microsoft Graph over HTTPS instead of an SMTP session: token ∥ connection → message → sendMail → report.
      const { openGraph } = await stages.graph()
      const graph = openGraph(booted.graphConnection, settings, booted.budget, log)
      try {
        await send(run, graph)
      } finally {
        graph.close()
      }
      return
    }
    // A dry run opens no connection: it renders the message and reports it, and requests no token.
    if (settings.dryRun || !booted.session) {
      const message = await (await stages.message()).prepareMessage({ ...booted, settings, log })
      await (await stages.dryRun()).reportDryRun(core, log, settings, message, booted.attachments)
      return
    }
    await send(run, undefined)
  } catch (err) {
    const { describeFailure } = await stages.failure()
    log.fail(await describeFailure(err, core, log, booted.settings, progress))
  } finally {
    booted.session?.close()
  }
}

/**
 * Token ∥ message → delivery over the transport chosen (the SMTP session dialled at start, or
 * Graph's connections) → report; or, with check-setup, the checklist instead of a message.
 */
async function send(run: Run, graph: GraphWire | undefined): Promise<void> {
  const { booted, settings, core, log, progress } = run
  const { budget } = booted
  const { startTokens, tokenTimeout } = await stages.tokens()
  const tokens = startTokens(
    settings,
    { log, getIdToken: (audience) => core.getIDToken(audience), connection: booted.tokenConnection },
    () => budget.tokenRequestMs()
  )
  progress.claims = () => tokens.claims()
  const peer = graph ? settings.graphHost : `${settings.smtpHost}:${settings.smtpPort}`
  log.info(`Connecting to ${peer} and requesting a token from ${settings.authorityHost}…`)
  // At the deadline, name the stage that kept us: a token request still unanswered means the
  // token endpoint, whatever the connection was doing meanwhile.
  const stalled = (): Error | undefined =>
    tokens.pending() ? tokenTimeout(settings, Math.round(settings.timeoutMs / 1000)) : undefined
  if (settings.checkSetup) return checkSetup(run, tokens, stalled, graph)
  const sending = Promise.all([stages.mime(), stages.delivery()])
  sending.catch(() => undefined) // awaited below, after rendering, which may fail first
  const message = await (await stages.message()).prepareMessage({ ...booted, settings, log })
  const [{ composeMessage }, delivery] = await sending
  const { rendered, extras } = message
  progress.composed = await composeMessage(settings, rendered, extras, graph ? { graph: true } : {})
  progress.ledger = new delivery.RecipientLedger(progress.composed.envelope.to)
  let transport: Transport
  if (graph) {
    const { GraphSendTransport, graphRetryRules } = await stages.graph()
    const rules = { budget, log, maxAttempts: settings.maxAttempts, rules: graphRetryRules }
    transport = new GraphSendTransport({
      transport: graph.requests,
      tokens,
      log,
      retry: delivery.retryFor(rules),
      settings,
      roles: () => tokens.claims()?.roles,
      draft: {
        attachments: extras.attachments,
        compose: (attachments, messageId) =>
          composeMessage(settings, rendered, { ...extras, attachments }, { graph: true, messageId })
      }
    })
  } else {
    transport = smtpTransport(run, booted.session as SmtpSession)
  }
  const plan = { settings, transport, tokens, message: progress.composed, budget, ledger: progress.ledger, log }
  // The report loads while the message is on its way: after the server's last reply only printing is left.
  const report = stages.report()
  report.catch(() => undefined) // awaited after delivery, which may fail first
  const sent = await log.group('Send', () => budget.enforce(delivery.deliverWithRetries(plan), stalled))
  await (await report).reportDelivery(core, log, settings, rendered, sent)
}

/** SMTP: the session dialled at start for the first attempt, a new one for each later attempt. */
function smtpTransport({ booted, settings, log }: Run, session: SmtpSession): SmtpTransport {
  return new SmtpTransport({
    firstSession: session,
    openSession: (limits: SmtpTimeouts) =>
      SmtpSession.open(settings, limits, { debug: (line) => booted.transcript.write(line) }),
    timeouts: () => booted.budget.smtpTimeouts(),
    user: settings.smtpUser,
    log
  })
}

/** check-setup: the checklist of the transport chosen, instead of a message. */
async function checkSetup(
  { booted, settings, core, log }: Run,
  tokens: Tokens,
  stalled: () => Error | undefined,
  graph: GraphWire | undefined
): Promise<void> {
  const report = { log, setOutput: core.setOutput, summary: core.summary }
  let check: Promise<void>
  if (graph) {
    const [{ runGraphSetupCheck }, { retryFor }] = await Promise.all([stages.graphCheckSetup(), stages.delivery()])
    const { graphRetryRules } = await stages.graph()
    const retry = retryFor({ budget: booted.budget, log, maxAttempts: settings.maxAttempts, rules: graphRetryRules })
    check = runGraphSetupCheck({ settings, transport: graph.requests, tokens, log, retry }, report)
  } else {
    const { runSetupCheck } = await stages.checkSetup()
    check = runSetupCheck({ settings, session: booted.session as SmtpSession, tokens }, report)
  }
  await booted.budget.enforce(check, stalled, 'set-up check')
}

/** The settings, or the input problem found at boot (reported now that the toolkit can print). */
function checkedSettings(booted: Booted): Settings {
  if (!booted.settings || booted.problem !== undefined) throw booted.problem
  return booted.settings
}
