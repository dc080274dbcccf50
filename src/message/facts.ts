import { formatMailbox } from '../inputs/mailboxes.js'
import type { Settings } from '../inputs/settings.js'
import type { RenderedMessage } from './render.js'

/** The rows describing a message, shared by the log and the summary; Bcc shows only a count. */
export function messageFacts(settings: Settings, message: RenderedMessage): [string, string][] {
  const rows: [string, string][] = [
    ['Subject', message.subject],
    ['From', formatMailbox(settings.from)]
  ]
  if (settings.to.length) rows.push(['To', settings.to.map(formatMailbox).join(', ')])
  if (settings.cc.length) rows.push(['Cc', settings.cc.map(formatMailbox).join(', ')])
  if (settings.bcc.length) rows.push(['Bcc', `${settings.bcc.length} hidden recipient(s)`])
  if (settings.replyTo.length) rows.push(['Reply-To', settings.replyTo.map(formatMailbox).join(', ')])
  rows.push(['Parts', message.html === undefined ? 'text' : 'text + HTML'])
  return rows
}
