import type { GraphPostPlan } from './mailbox-requests.js'
import { postMessage } from './send.js'
import type { ComposedMail, Transaction, Transport } from '../shared/transport.js'

/**
 * Microsoft Graph as a transport. There is no session: the connection is the keep-alive agent of
 * `plan.transport` (opened at start, closed by whoever made it), and each request presents a bearer
 * token of its own, fetched as it goes. A send may take several requests (a large message goes as
 * a draft), so each request is retried by itself (`plan.retry`, delivery's loop with Graph's rules)
 * and what the send throws is final. One request carries every recipient: Graph reads them from the
 * headers, and accepts all of them at once or none.
 */
export class GraphSendTransport implements Transport {
  readonly retries = 'request'
  readonly recipientsPerSend = Number.POSITIVE_INFINITY

  constructor(private readonly plan: GraphPostPlan) {}

  /** Nothing to open: a request that finds no connection opens one. */
  open(): void {}

  /** Nothing to log in to: each request presents the token it fetched (a failed fetch is that request's). */
  authenticate(): Promise<void> {
    return Promise.resolve()
  }

  send(message: ComposedMail, _recipients: readonly string[]): Promise<Transaction> {
    return postMessage(this.plan, message)
  }

  /** Requests end on their own; the agent's connections close with the agent. */
  close(): void {}

  /** A request under way ends with the budget's signal it carries. */
  abort(): void {}
}
