import type { Refusal, RecipientResponse, Transaction } from '../shared/transport.js'

import { MAX_RECIPIENTS_PER_TRANSACTION } from '../smtp/transport.js'

export { MAX_RECIPIENTS_PER_TRANSACTION }

type State =
  | { status: 'pending' }
  /** Refused with a 4xx reply: to be tried again in a later transaction. */
  | { status: 'deferred'; response: string }
  | { status: 'accepted' }
  /** Refused with a 5xx reply: never tried again. */
  | { status: 'rejected'; response: string }

/**
 * Where each recipient stands across every transaction and every connection attempt of one
 * delivery. A recipient is accepted only once a transaction's message data was accepted, and is
 * never sent the message again after that: a retry after a dropped connection, or the next
 * batch, goes only to those still open. Pure (no I/O).
 */
export class RecipientLedger {
  private readonly states = new Map<string, State>()
  /** The address as given, by its lower-cased form (the server's spelling may differ). */
  private readonly spelling = new Map<string, string>()

  /** @param addresses every envelope recipient (to, cc and bcc); duplicates count once */
  constructor(addresses: readonly string[]) {
    for (const address of addresses) {
      const key = address.toLowerCase()
      if (this.states.has(key)) continue
      this.states.set(key, { status: 'pending' })
      this.spelling.set(key, address)
    }
  }

  /** Number of distinct recipients. */
  get size(): number {
    return this.states.size
  }

  /** Recipients still to be delivered (never tried, or deferred), in the order given. */
  open(): string[] {
    return this.select((s) => s.status === 'pending' || s.status === 'deferred').map((e) => e.address)
  }

  /** The next transaction's recipients: at most `limit` (500 by default) of the open ones. */
  nextBatch(limit = MAX_RECIPIENTS_PER_TRANSACTION): string[] {
    return this.open().slice(0, limit)
  }

  /**
   * Records a transaction. Recipients are accepted only when the message data was; a 5xx refusal
   * is final, a 4xx one defers the recipient. Returns how many were accepted.
   */
  record(transaction: Transaction): number {
    for (const refusal of transaction.refused) this.refuse(refusal)
    if (!transaction.delivered) return 0
    let accepted = 0
    for (const address of transaction.accepted) {
      const key = address.toLowerCase()
      if (!this.states.has(key)) continue
      this.states.set(key, { status: 'accepted' })
      accepted++
    }
    return accepted
  }

  private refuse(refusal: Refusal): void {
    const key = refusal.address.toLowerCase()
    const state = this.states.get(key)
    if (!state || state.status === 'accepted' || state.status === 'rejected') return
    this.states.set(
      key,
      refusal.code >= 500
        ? { status: 'rejected', response: refusal.response }
        : { status: 'deferred', response: refusal.response }
    )
  }

  /** Recipients whose copy the server accepted, in the order given. */
  accepted(): string[] {
    return this.select((s) => s.status === 'accepted').map((e) => e.address)
  }

  /** Recipients refused for good (5xx). */
  rejected(): RecipientResponse[] {
    return this.withResponse('rejected')
  }

  /** Recipients still deferred (their last reply was 4xx). */
  deferred(): RecipientResponse[] {
    return this.withResponse('deferred')
  }

  private withResponse(status: 'rejected' | 'deferred'): RecipientResponse[] {
    return this.select((s) => s.status === status).map(({ address, state }) => ({
      address,
      response: 'response' in state ? state.response : ''
    }))
  }

  private select(keep: (state: State) => boolean): { address: string; state: State }[] {
    const out: { address: string; state: State }[] = []
    for (const [key, state] of this.states) {
      if (keep(state)) out.push({ address: this.spelling.get(key) ?? key, state })
    }
    return out
  }
}
