import { boundedList, excerpt } from '../shared/bounded-text.js'
import type { Logger } from '../shared/logger.js'
import type { Toolkit } from './toolkit.js'
import type { Delivery } from '../smtp/outcome.js'
import type { RenderedMessage } from '../message/render.js'
import { escapeHtml } from '../message/text.js'
import { messageFacts } from '../message/facts.js'
import type { Settings } from '../inputs/settings.js'

function table(rows: [string, string][]): string {
  const body = rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
  return `<table>${body.join('')}</table>`
}

function preview(message: RenderedMessage): string {
  return `<details><summary>Message text</summary>\n\n<pre>${escapeHtml(message.text)}</pre>\n\n</details>`
}

/** Writes the job summary of a delivered message. */
export async function writeDeliverySummary(
  core: Toolkit,
  log: Logger,
  settings: Settings,
  message: RenderedMessage,
  delivery: Delivery
): Promise<void> {
  const rows = messageFacts(settings, message)
  // Bcc addresses stay hidden here too: the summary is visible to everyone who can see the run.
  const shown = (address: string): boolean => !log.isHidden(address)
  const accepted = delivery.accepted.filter(shown)
  const hiddenCount = delivery.accepted.length - accepted.length
  // bounded: a message to thousands of recipients keeps a readable summary (the outputs list them all)
  const acceptedText = [boundedList(accepted, 20), ...(hiddenCount ? [`${hiddenCount} Bcc`] : [])]
    .filter(Boolean)
    .join(', ')
  rows.push(['Accepted', acceptedText || '(none)'])
  // a server's reply may name the recipient it refused: redacted like the log
  const reply = (text: string): string => log.redact(excerpt(text, 300))
  const rejected = delivery.rejected.map((r) =>
    shown(r.address) ? `${r.address} (${reply(r.response)})` : `a Bcc recipient (${reply(r.response)})`
  )
  if (rejected.length) rows.push(['Rejected', boundedList(rejected, 20)])
  rows.push(['Message-ID', delivery.messageId], ['Server reply', reply(delivery.response)])
  await core.summary
    .addHeading('📧 Notification sent', 3)
    .addRaw(table(rows), true)
    .addRaw(preview(message), true)
    .write()
}

/** Writes the job summary of a dry run. */
export async function writeDryRunSummary(core: Toolkit, settings: Settings, message: RenderedMessage): Promise<void> {
  await core.summary
    .addHeading('📝 Notification preview (dry run, nothing sent)', 3)
    .addRaw(table(messageFacts(settings, message)), true)
    .addRaw(preview(message), true)
    .write()
}
