import { PartialDeliveryError } from '../diagnosis/partial-delivery-error.js'
import type { Settings } from '../inputs/settings.js'
import type { RenderedMessage } from '../message/render.js'
import { boundedList, excerpt } from '../shared/bounded-text.js'
import type { Delivery } from '../smtp/outcome.js'
import { writeDeliverySummary } from './job-summary.js'
import type { Logger } from '../shared/logger.js'
import { nameRecipients, setDeliveryOutputs } from './outputs.js'
import type { Toolkit } from './toolkit.js'

/**
 * Reports a delivery: outputs, job summary, the log line. Rejected recipients are a warning, or
 * with `fail-on-rejected` a PartialDeliveryError for the diagnosis.
 */
export async function reportDelivery(
  core: Toolkit,
  log: Logger,
  settings: Settings,
  message: RenderedMessage,
  delivery: Delivery
): Promise<void> {
  setDeliveryOutputs(core, log, delivery)
  await writeDeliverySummary(core, log, settings, message, delivery)
  const transactions = (delivery.transactions ?? 1) > 1 ? ` in ${delivery.transactions} transactions` : ''
  const [n, named] = [delivery.accepted.length, nameRecipients(log, delivery.accepted)]
  log.info(
    `Delivered ${delivery.messageId} to ${n > 5 ? `${n} recipients (${named})` : named}${transactions}: ${excerpt(delivery.response)}`
  )
  if (delivery.rejected.length === 0) return
  if (settings.failOnRejected) throw new PartialDeliveryError(delivery)
  const list = boundedList(
    delivery.rejected.map((r) => `${r.address} (${excerpt(r.response, 300)})`),
    5,
    '; '
  )
  const count = delivery.rejected.length
  log.warning(count > 5 ? `Not delivered to ${count} recipients: ${list}` : `Not delivered to: ${list}`)
}
