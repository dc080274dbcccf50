/** What the SMTP server said about a message: per recipient, per transaction, per delivery. */

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

/** What the server said about one delivery, across all its transactions. */
export interface Delivery {
  /** Message-ID of the delivered message (the server's, when it assigned its own). */
  messageId: string
  /** Recipients the server accepted. */
  accepted: string[]
  /** Recipients the server rejected, with its reply to each. */
  rejected: RecipientResponse[]
  /** The server's final reply to the message data (of the last transaction). */
  response: string
  /** SMTP transactions the message went out in (more than one past 500 recipients or after deferrals). */
  transactions?: number
}

/** One SMTP transaction's outcome. */
export type Transaction =
  | {
      /** The server accepted the message data for `accepted`. */
      delivered: true
      messageId: string
      accepted: string[]
      refused: Refusal[]
      response: string
    }
  | {
      /** Every recipient was refused: no message data was sent. */
      delivered: false
      accepted: []
      refused: Refusal[]
    }
