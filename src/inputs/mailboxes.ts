import addressparser from 'nodemailer/lib/addressparser'
import { InputError } from './input-error.js'
import { required, type InputName, type InputValue } from './read-inputs.js'

/** A mailbox address with an optional display name. */
export interface Mailbox {
  /** Display name, if the input gave one. */
  name: string
  /** The bare address (local@domain). */
  address: string
}

/** "Name <address>" or "address". */
export function formatMailbox(m: Mailbox): string {
  return m.name ? `${m.name} <${m.address}>` : m.address
}

const ADDRESS =
  /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/

/** Parses a comma- or newline-separated address list ("Name <a@b>", "a@b"). */
export function parseAddresses(value: string, input: InputName): Mailbox[] {
  const result: Mailbox[] = []
  for (const line of value.split(/\r?\n/)) {
    if (!line.trim()) continue
    for (const entry of addressparser(line, { flatten: true })) {
      const address = (entry.address ?? '').trim()
      const name = (entry.name ?? '').replace(/[\r\n]+/g, ' ').trim()
      if (!address) {
        throw new InputError(input, `'${name || line.trim()}' is not an e-mail address.`)
      }
      if (!ADDRESS.test(address)) throw new InputError(input, `'${address}' is not a valid e-mail address.`)
      result.push({ name, address })
    }
  }
  return result
}

function singleMailbox(value: string, input: InputName): Mailbox {
  const list = parseAddresses(value, input)
  if (list.length !== 1) throw new InputError(input, 'must be exactly one address.')
  return list[0] as Mailbox
}

/**
 * The From mailbox and the mailbox that sends: the one SMTP authenticates as, the one Graph posts
 * for (`/users/{mailbox}/sendMail`). The From address unless `smtp-user` (or its transport-neutral
 * alias `mailbox`) says otherwise.
 */
export function parseSender(get: InputValue): { from: Mailbox; smtpUser: string } {
  const from = singleMailbox(required(get('from'), 'from'), 'from')
  const smtpUserInput = get('smtp-user')
  const mailboxInput = get('mailbox')
  const smtpUser = smtpUserInput ? singleMailbox(smtpUserInput, 'smtp-user').address : undefined
  const mailbox = mailboxInput ? singleMailbox(mailboxInput, 'mailbox').address : undefined
  if (smtpUser && mailbox && smtpUser.toLowerCase() !== mailbox.toLowerCase()) {
    throw new InputError('mailbox', `is another name for 'smtp-user': give one of them, not two different mailboxes.`)
  }
  return { from, smtpUser: smtpUser ?? mailbox ?? from.address }
}
