import { ConnectionAgent } from '../shared/connection-agent.js'
import type { GraphTransport } from './request.js'
import type { Budget } from '../shared/budget.js'
import type { EarlyTls } from '../shared/early-tls.js'
import type { Logger } from '../shared/logger.js'
import type { Settings } from '../inputs/settings.js'

export { GraphSendTransport } from './transport.js'
export { graphRetryRules } from './retries.js'

/** The connections of a Graph run, and how its requests use them. */
export interface GraphWire {
  /** What every request needs besides itself: the agent, its time limit, the step's signal, the debug log. */
  requests: GraphTransport
  /** Closes every connection (the early one included), noting in the debug log which were opened. */
  close(): void
}

/**
 * `transport: graph`, before the token is even requested: the TLS connection to graph-host opened
 * at start is adopted (or one is opened now), so the send pays no handshake. No SMTP connection
 * at all. The caller closes it when the run is over, whatever happened.
 */
export function openGraph(
  early: EarlyTls | undefined,
  settings: Pick<Settings, 'graphHost' | 'debug'>,
  budget: Budget,
  log: Logger
): GraphWire {
  const agent = new ConnectionAgent(() => Math.min(30_000, budget.remainingMs()))
  if (early) agent.adopt(early)
  else agent.preconnect(settings.graphHost)
  const requests: GraphTransport = {
    agent,
    // Ends a request before the step's deadline does, so that a send whose answer never comes is
    // reported as what it is: sent in full, perhaps delivered (not as a timeout of the step).
    timeoutMs: () => Math.max(1000, Math.min(60_000, budget.remainingMs() - 1500)),
    signal: budget.signal,
    // with `debug: true` the requests show in the log, as the SMTP conversation does
    debug: (line) => (settings.debug ? log.info(line) : log.debug(line))
  }
  return {
    requests,
    close: () => {
      log.debug(`Graph connections: ${agent.opened.join(', ') || 'none'}`)
      agent.destroy()
    }
  }
}
