/** What the SMTP server said about a message: per recipient, per transaction, per delivery (the transport contract's words). */
export type { Delivery, RecipientResponse, Refusal, Transaction } from '../shared/transport.js'
