import { GraphAgent } from './connection.js'
import type { DraftAttachment } from './large-message.js'
import type { GraphTransport } from './request.js'
import { sendOverGraph } from './send.js'
import { RecipientLedger } from '../delivery/recipient-ledger.js'
import type { Booted } from '../boot/boot.js'
import type { Settings } from '../inputs/settings.js'
import type { Progress } from '../report/failure.js'
import type { Logger } from '../shared/logger.js'
import type { Toolkit } from '../report/toolkit.js'
import { stages } from '../stages.js'

/** What the Graph pipeline gets from main.ts. */
export interface GraphRun {
  booted: Booted
  settings: Settings
  core: Toolkit
  log: Logger
  /** How far the run got, for the failure report (claims, the composed message, the ledger). */
  progress: Progress
}

/**
 * `transport: graph`: token ∥ connection → message → sendMail → report, with no SMTP connection
 * at all. The token request (with Graph's audience) and the TLS connection to graph-host start
 * together; the send takes that connection. Failures are thrown to main.ts, which diagnoses them
 * like any other and saves the undelivered message.
 */
export async function runGraph(run: GraphRun): Promise<void> {
  const { booted, settings, core, log, progress } = run
  const { budget } = booted
  const agent = new GraphAgent(() => Math.min(30_000, budget.remainingMs()))
  if (booted.graphConnection) agent.adopt(booted.graphConnection)
  else agent.preconnect(settings.graphHost)
  try {
    const { startTokens, tokenTimeout } = await stages.tokens()
    const tokens = startTokens(
      settings,
      { log, getIdToken: (audience) => core.getIDToken(audience), connection: booted.tokenConnection },
      () => budget.tokenRequestMs()
    )
    progress.claims = () => tokens.claims()
    log.info(`Connecting to ${settings.graphHost} and requesting a token from ${settings.authorityHost}…`)
    const transport: GraphTransport = {
      agent,
      // Ends a request before the step's deadline does, so that a send whose answer never comes is
      // reported as what it is: sent in full, perhaps delivered (not as a timeout of the step).
      timeoutMs: () => Math.max(1000, Math.min(60_000, budget.remainingMs() - 1500)),
      signal: budget.signal,
      // with `debug: true` the requests show in the log, as the SMTP conversation does
      debug: (line) => (settings.debug ? log.info(line) : log.debug(line))
    }
    const stalled = (): Error | undefined =>
      tokens.pending() ? tokenTimeout(settings, Math.round(settings.timeoutMs / 1000)) : undefined
    const deps = { transport, tokens, budget, log, maxAttempts: settings.maxAttempts }
    if (settings.checkSetup) {
      const { runGraphSetupCheck } = await stages.graphCheckSetup()
      const check = runGraphSetupCheck({ settings, ...deps }, { log, setOutput: core.setOutput, summary: core.summary })
      await budget.enforce(check, stalled, 'set-up check')
      return
    }
    const mime = stages.mime()
    mime.catch(() => undefined) // awaited below, after rendering, which may fail first
    const message = await (await stages.message()).prepareMessage({ ...booted, settings, log })
    const { composeMessage } = await mime
    progress.composed = await composeMessage(settings, message.rendered, message.extras, { graph: true })
    progress.ledger = new RecipientLedger(progress.composed.envelope.to)
    const { rendered, extras } = message
    const plan = {
      ...deps,
      settings,
      message: progress.composed,
      ledger: progress.ledger,
      roles: () => tokens.claims()?.roles,
      draft: {
        attachments: extras.attachments,
        compose: (attachments: DraftAttachment[], messageId: string) =>
          composeMessage(settings, rendered, { ...extras, attachments }, { graph: true, messageId })
      }
    }
    const delivery = await log.group('Send', () => budget.enforce(sendOverGraph(plan), stalled))
    await (await stages.report()).reportDelivery(core, log, settings, message.rendered, delivery)
  } finally {
    log.debug(`Graph connections: ${agent.opened.join(', ') || 'none'}`)
    agent.destroy()
  }
}
