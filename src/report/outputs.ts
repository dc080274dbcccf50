import { boundedList } from '../shared/bounded-text.js'
import type { Delivery } from '../smtp/outcome.js'
import type { Logger } from '../shared/logger.js'
import type { Toolkit } from './toolkit.js'

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

/** The outputs of a delivery; Bcc recipients are counted, never named. */
export function setDeliveryOutputs(core: Toolkit, log: Logger, delivery: Delivery): void {
  core.setOutput('message-id', delivery.messageId)
  setAcceptedOutputs(core, log, delivery.accepted)
  core.setOutput(
    'rejected',
    shownOnly(
      log,
      delivery.rejected.map((r) => r.address)
    ).join(',')
  )
  core.setOutput('rejected-count', String(delivery.rejected.length))
  core.setOutput('response', log.redact(delivery.response))
}

/** Who got the message: also set when a delivery failed after some transactions went through. */
export function setAcceptedOutputs(core: Toolkit, log: Logger, accepted: string[]): void {
  core.setOutput('accepted', shownOnly(log, accepted).join(','))
  core.setOutput('accepted-count', String(accepted.length))
}

/** The shown recipients, five by name at most, and how many Bcc recipients besides (never named). */
export function nameRecipients(log: Logger, addresses: string[]): string {
  const shown = shownOnly(log, addresses)
  const hidden = addresses.length - shown.length
  return [boundedList(shown), ...(hidden ? [`${hidden} Bcc recipient(s)`] : [])].filter(Boolean).join(', ') || '(none)'
}

function shownOnly(log: Logger, addresses: string[]): string[] {
  return addresses.filter((address) => !log.isHidden(address))
}
