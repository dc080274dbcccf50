import { boundedList } from '../shared/bounded-text.js'
import type { Delivery, RecipientResponse } from '../shared/transport.js'

/** Some recipients were rejected while the others got the message. */
export class PartialDeliveryError extends Error {
  /** Recipients that got the message. */
  readonly accepted: string[]
  /** Recipients the server rejected, with its reply to each. */
  readonly rejected: RecipientResponse[]

  constructor(delivery: Pick<Delivery, 'accepted' | 'rejected'>) {
    super(`Rejected recipients: ${boundedList(delivery.rejected.map((r) => r.address))}`)
    this.name = 'PartialDeliveryError'
    this.accepted = delivery.accepted
    this.rejected = delivery.rejected
  }
}
