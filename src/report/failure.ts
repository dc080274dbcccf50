import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TokenClaims } from '../auth/claims.js'
import type { RecipientLedger } from '../delivery/recipient-ledger.js'
import { PartialDeliveryError } from '../diagnosis/partial-delivery-error.js'
import { diagnose, diagnosisContext } from '../diagnosis/diagnose.js'
import { failureFromError } from '../diagnosis/failure.js'
import { formatDiagnosis, troubleshootingBase } from '../diagnosis/format.js'
import { GraphError } from '../graph/graph-error.js'
import type { Settings } from '../inputs/settings.js'
import type { ComposedMessage } from '../message/mime.js'
import type { Logger } from '../shared/logger.js'
import { nameRecipients, setAcceptedOutputs } from './outputs.js'
import type { Toolkit } from './toolkit.js'

/** How far the run got before it failed: what the failure report tells besides the diagnosis. */
export interface Progress {
  /** The claims of the token presented at AUTH, for the diagnosis of a refusal. */
  claims?: () => TokenClaims | undefined
  /** The message, once composed: saved when it could not be delivered. */
  composed?: ComposedMessage
  /** Where each recipient stands: some may have the message already. */
  ledger?: RecipientLedger
}

/**
 * The text the step fails with: the diagnosis (cause and fix), then who got the message before
 * the failure (set as outputs too) and where the undelivered message was saved.
 */
export async function describeFailure(
  err: unknown,
  core: Toolkit,
  log: Logger,
  settings: Settings | undefined,
  progress: Progress
): Promise<string> {
  const token = progress.claims?.()
  const troubleshooting = troubleshootingBase(process.env)
  const context = {
    ...(settings ? diagnosisContext(settings) : {}),
    ...(token ? { token } : {}),
    ...(troubleshooting ? { troubleshooting } : {})
  }
  let text = formatDiagnosis(diagnose(failureFromError(err), context))
  // A partial delivery is the failure itself: its report already names who got the message.
  if (err instanceof PartialDeliveryError) return text
  const delivered = progress.ledger?.accepted() ?? []
  if (delivered.length > 0) {
    // Some transactions went through before the failure: say so, and report them as outputs.
    setAcceptedOutputs(core, log, delivered)
    text += `\n\nBefore this failure the message was delivered to ${delivered.length} of ${progress.ledger?.size ?? 0} recipients (${nameRecipients(log, delivered)}; output accepted); they will not get it twice.`
  }
  const saved = progress.composed ? await saveUndelivered(progress.composed, log) : undefined
  if (saved) {
    core.setOutput('eml-path', saved)
    // Graph may have taken a message whose answer was lost: the copy is then not "undelivered".
    const what =
      err instanceof GraphError && err.mayHaveBeenAccepted
        ? 'The message (perhaps delivered)'
        : 'The undelivered message'
    text += `\n\n${what} was saved to ${saved} (output eml-path): keep it with actions/upload-artifact.`
  }
  return text
}

/** Writes the composed message to RUNNER_TEMP so that a later step can keep it. */
async function saveUndelivered(message: ComposedMessage, log: Logger): Promise<string | undefined> {
  const dir = process.env.RUNNER_TEMP || tmpdir()
  const runId = process.env.GITHUB_RUN_ID ?? 'local'
  const file = path.join(dir, `undelivered-${runId}-${Date.now()}.eml`)
  try {
    await writeFile(file, message.raw)
    return file
  } catch (err) {
    log.warning(`Could not save the undelivered message: ${err instanceof Error ? err.message : String(err)}`)
    return undefined
  }
}
