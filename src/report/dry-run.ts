import { formatBytes, type Attachment } from '../inputs/attachments.js'
import { formatMailbox } from '../inputs/mailboxes.js'
import type { Settings } from '../inputs/settings.js'
import type { PreparedMessage } from '../message/prepare.js'
import { writeDryRunSummary } from './job-summary.js'
import type { Logger } from '../shared/logger.js'
import { setDeliveryOutputs } from './outputs.js'
import type { Toolkit } from './toolkit.js'

/** Reports a dry run: the message that would be sent, in the log and the job summary. */
export async function reportDryRun(
  core: Toolkit,
  log: Logger,
  settings: Settings,
  message: PreparedMessage,
  attachments: Attachment[]
): Promise<void> {
  const { rendered, extras } = message
  // one block: the rendered message is outside text (commit messages, PR bodies, release notes)
  log.infoGroup(
    'Dry run: the message that would be sent',
    [
      ...headerLines(settings, rendered.subject, attachments, extras.threadKey),
      '',
      '--- text/plain ---',
      rendered.text,
      ...(rendered.html !== undefined ? ['--- text/html ---', rendered.html] : [])
    ].join('\n')
  )
  log.info('Dry run: no token was requested and nothing was sent.')
  await writeDryRunSummary(core, settings, rendered)
  setDeliveryOutputs(core, log, { messageId: '', accepted: [], rejected: [], response: 'dry run: nothing sent' })
}

function headerLines(
  settings: Settings,
  subject: string,
  attachments: Attachment[],
  threadKey: string | undefined
): string[] {
  const lines = [`From: ${formatMailbox(settings.from)}`]
  if (settings.to.length) lines.push(`To: ${settings.to.map(formatMailbox).join(', ')}`)
  if (settings.cc.length) lines.push(`Cc: ${settings.cc.map(formatMailbox).join(', ')}`)
  // a blind copy stays blind: the log of a public repository is public
  if (settings.bcc.length) lines.push(`Bcc: ${settings.bcc.length} hidden recipient(s)`)
  if (settings.replyTo.length) lines.push(`Reply-To: ${settings.replyTo.map(formatMailbox).join(', ')}`)
  lines.push(`Subject: ${subject}`)
  if (settings.priority !== 'normal') lines.push(`Priority: ${settings.priority}`)
  if (settings.inReplyTo) lines.push(`In-Reply-To: ${settings.inReplyTo}`)
  if (threadKey) lines.push(`Thread key: ${threadKey}`)
  for (const [name, value] of Object.entries(settings.headers)) lines.push(`${name}: ${value}`)
  for (const a of attachments) lines.push(`Attachment: ${a.filename} (${formatBytes(a.size)}, ${a.path})`)
  return lines
}
