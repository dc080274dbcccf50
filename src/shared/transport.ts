/**
 * The one contract between delivery and the ways a message goes out (SMTP, Microsoft Graph). The
 * transports implement it side by side; delivery/ drives it, and keeps the retries, the recipient
 * ledger and "never two copies" once, above both. Only types: the transports import nothing from
 * the folders above them.
 */

/** A composed message as a transport sends it (message/mime.ts composes it). */
export interface ComposedMail {
  /** Envelope sender and every recipient (Bcc included). */
  envelope: { from: string; to: string[] }
  /** The Message-ID header value. */
  messageId: string
  /** The RFC 5322 message without its Bcc header. */
  raw: Buffer
  /** The same message with its Bcc header, for a transport that reads recipients from the headers (Graph). */
  withBcc?: Buffer
}

/** A token as a transport presents it, with what tells whether it could be stale. */
export interface PresentedToken {
  /** The bearer token. */
  token: string
  /** When the action received it (ms since the epoch). */
  acquiredAt: number
  /** When it expires, if the token endpoint said. */
  expiresOn: Date | undefined
}

/** Where a transport gets its bearer token (auth/tokens.ts). */
export interface TokenSource {
  /** The token; `renew` (or a failed previous request) asks for a fresh one. */
  get(renew: boolean): Promise<PresentedToken>
  /** The failure of the latest token request, if it failed: it says more than the transport's error. */
  error(): Error | undefined
  /** Identity requests sent so far, for the debug log. */
  requests(): string[]
}

/** A recipient the server did not take, with its reply (e.g. "550 5.1.10 Recipient not found"). */
export interface RecipientResponse {
  address: string
  response: string
}

/** A recipient the server did not take in a transaction, with its reply and basic code. */
export interface Refusal extends RecipientResponse {
  /** Its basic code (4xx: deferred, try again later; 5xx: rejected for good). */
  code: number
}

/** What happened to each recipient of one send ("transaction"). */
export type Transaction =
  | {
      /** The server accepted the message for `accepted`. */
      delivered: true
      messageId: string
      accepted: string[]
      refused: Refusal[]
      response: string
    }
  | {
      /** Every recipient was refused: no message was sent. */
      delivered: false
      accepted: []
      refused: Refusal[]
    }

/** What the server said about one delivery, across all its transactions. */
export interface Delivery {
  /** Message-ID of the delivered message (the server's, when it assigned its own). */
  messageId: string
  /** Recipients the server accepted. */
  accepted: string[]
  /** Recipients the server rejected, with its reply to each. */
  rejected: RecipientResponse[]
  /** The server's final reply to the message (of the last transaction). */
  response: string
  /** Transactions the message went out in (more than one past 500 recipients or after deferrals). */
  transactions?: number
}

/** Whether and how to try a failed step again. */
export interface RetryDecision {
  /** Try again? */
  retry: boolean
  /** Why (or why not), for the log. */
  reason: string
  /** Wait the server asked for (Retry-After), in milliseconds, if any. */
  waitMs?: number
  /** The server is busy or throttling: waited out within timeout-seconds, not counted against max-attempts. */
  throttled?: boolean
}

/**
 * A transport's own retry rules, where they differ from delivery's general ones (delivery/retry-policy.ts).
 * Every member is optional: an absent one means the general rule.
 */
export interface RetryRules {
  /** Throttling is waited exactly as the server asked (Retry-After), not at least the backoff. */
  waitAsAsked?: boolean
  /** The log line of a throttled attempt about to be tried again. */
  throttledLine?(err: unknown, attempt: number, reason: string, waitMs: number): string
  /** The error to end with when a throttling wait does not fit in the budget (undefined: the failure itself). */
  beyondBudget?(err: unknown, waitMs: number, leftSeconds: number): Error | undefined
}

/** Runs `work` until it succeeds or may not be tried again, by delivery's one retry loop. */
export type Retry = <T>(work: (attempt: number) => Promise<T>) => Promise<T>

/**
 * A way to send a message: open, authenticate, send a composed message, close, and say what
 * happened to each recipient (the Transaction that `send` resolves with).
 */
export interface Transport {
  /**
   * Where failures are retried. `attempt`: delivery retries the whole attempt (close, open,
   * authenticate, send to those still open) on a new connection. `request`: the transport retries
   * each of its requests by the `Retry` it was given (a send of several requests must not start
   * over), and what it throws is final.
   */
  readonly retries: 'attempt' | 'request'
  /** Recipients one send may carry (SMTP: Exchange's 500 per transaction; Graph: all, read from the headers). */
  readonly recipientsPerSend: number
  /** Opens the connection of a later attempt (the first is opened before the message is ready). */
  open(): void
  /** Authenticates with a bearer token from `tokens`; `attemptStartedAt` tells whether a cached token could be stale. */
  authenticate(tokens: TokenSource, attemptStartedAt: number): Promise<void>
  /** Sends the message to these recipients, and says what happened to each. */
  send(message: ComposedMail, recipients: readonly string[]): Promise<Transaction>
  /** Ends the connection politely. */
  close(): void
  /** Drops the connection at once (the step's deadline has passed). */
  abort(): void
}
