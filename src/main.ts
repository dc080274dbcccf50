import { boot, type Booted } from './boot/boot.js'
import type { EarlyConnections } from './boot/early.js'
import { armWatchdog, endProcess, WATCHDOG_GRACE_MS } from './boot/step-end.js'
import type { Settings } from './inputs/settings.js'
import type { Progress } from './report/failure.js'
import { SmtpSession, type SmtpTimeouts } from './smtp/session.js'
import { stages } from './stages.js'

/**
 * Runs the action: boot (inputs → checks → SMTP dial) → toolkit → token ∥ message → deliver →
 * report. A dry run renders and reports without a connection; a set-up check authenticates and
 * sends nothing.
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

async function runBooted(booted: Booted): Promise<void> {
  // Loading the rest keeps the CPU busy for a while: not before the connection attempt has left.
  await booted.session?.dialing
  const { core, log } = (await stages.toolkit()).startToolkit(booted)
  const progress: Progress = {}
  try {
    const settings = checkedSettings(booted)
    const session = booted.session
    if (settings.transport === 'graph' && !settings.dryRun) {
      // Microsoft Graph over HTTPS instead of an SMTP session: token ∥ connection → message → sendMail → report.
      await (await stages.graph()).runGraph({ booted, settings, core, log, progress })
      return
    }
    // A dry run opens no connection: it renders the message and reports it, and requests no token.
    if (settings.dryRun || !session) {
      const message = await (await stages.message()).prepareMessage({ ...booted, settings, log })
      await (await stages.dryRun()).reportDryRun(core, log, settings, message, booted.attachments)
      return
    }
    const { startTokens, tokenTimeout } = await stages.tokens()
    const tokens = startTokens(
      settings,
      { log, getIdToken: (audience) => core.getIDToken(audience), connection: booted.tokenConnection },
      () => booted.budget.tokenRequestMs()
    )
    progress.claims = () => tokens.claims()
    log.info(
      `Connecting to ${settings.smtpHost}:${settings.smtpPort} and requesting a token from ${settings.authorityHost}…`
    )
    // At the deadline, name the stage that kept us: a token request still unanswered means the
    // token endpoint, whatever the SMTP session was doing meanwhile.
    const stalled = (): Error | undefined =>
      tokens.pending() ? tokenTimeout(settings, Math.round(settings.timeoutMs / 1000)) : undefined
    if (settings.checkSetup) {
      const { runSetupCheck } = await stages.checkSetup()
      const check = runSetupCheck(
        { settings, session, tokens },
        { log, setOutput: core.setOutput, summary: core.summary }
      )
      await booted.budget.enforce(check, stalled, 'set-up check')
      return
    }
    const sending = Promise.all([stages.mime(), stages.delivery()])
    sending.catch(() => undefined) // awaited below, after rendering, which may fail first
    const message = await (await stages.message()).prepareMessage({ ...booted, settings, log })
    const [{ composeMessage }, send] = await sending
    progress.composed = await composeMessage(settings, message.rendered, message.extras)
    progress.ledger = new send.RecipientLedger(progress.composed.envelope.to)
    const plan = {
      settings,
      firstSession: session,
      openSession: (limits: SmtpTimeouts) =>
        SmtpSession.open(settings, limits, { debug: (line) => booted.transcript.write(line) }),
      tokens,
      message: progress.composed,
      budget: booted.budget,
      ledger: progress.ledger,
      log
    }
    // The report loads while the message is on its way: after the server's last reply only printing is left.
    const report = stages.report()
    report.catch(() => undefined) // awaited after delivery, which may fail first
    const delivery = await log.group('Send', () => booted.budget.enforce(send.deliverWithRetries(plan), stalled))
    await (await report).reportDelivery(core, log, settings, message.rendered, delivery)
  } catch (err) {
    const { describeFailure } = await stages.failure()
    log.fail(await describeFailure(err, core, log, booted.settings, progress))
  } finally {
    booted.session?.close()
  }
}

/** The settings, or the input problem found at boot (reported now that the toolkit can print). */
function checkedSettings(booted: Booted): Settings {
  if (!booted.settings || booted.problem !== undefined) throw booted.problem
  return booted.settings
}
