import { createHash } from 'node:crypto'
import type { SendMailOptions } from 'nodemailer'
import MailComposer from 'nodemailer/lib/mail-composer'
import type { RenderedMessage } from './render.js'
import type { Mailbox } from '../inputs/mailboxes.js'
import type { Settings } from '../inputs/settings.js'

/** A message composed into MIME, ready for the envelope and the DATA command. */
export interface ComposedMessage {
  /** Envelope sender and every recipient (Bcc included). */
  envelope: { from: string; to: string[] }
  /** The Message-ID header value. */
  messageId: string
  /** The RFC 5322 message (Bcc is not among its headers), built once and sent as is by every attempt. */
  raw: Buffer
  /**
   * The same message with its Bcc header, for Microsoft Graph: Graph has no envelope and reads the
   * recipients from the headers only. Built only for Graph; never logged or saved.
   */
  withBcc?: Buffer
}

/** Formats a mailbox as nodemailer takes it. */
function mailbox(m: Mailbox): { name: string; address: string } | string {
  return m.name ? { name: m.name, address: m.address } : m.address
}

/** Message options beyond the addresses and the rendered parts. */
export interface MessageExtras {
  /** Files to attach. */
  attachments: { filename: string; content: Buffer }[]
  /** The rendered thread key, if any. */
  threadKey?: string
  /** Repository, so that equal keys of different repositories never thread together. */
  repository: string
}

/** Threading headers for a key: a stable root Message-ID every message refers to, and Outlook's topic/index. */
function threadHeaders(
  key: string,
  repository: string,
  domain: string
): {
  root: string
  topic: string
  index: string
} {
  const digest = createHash('sha256').update(`${repository}\n${key}`).digest()
  return {
    root: `<thread.${digest.subarray(0, 16).toString('hex')}@${domain}>`,
    topic: key,
    // Outlook's Thread-Index: 22 bytes (a 6-byte time part and a 16-byte GUID), the same for every message of the thread
    index: digest.subarray(0, 22).toString('base64')
  }
}

/** The nodemailer message options: Bcc goes to the envelope only. */
function buildMailOptions(settings: Settings, message: RenderedMessage, extras?: MessageExtras): SendMailOptions {
  const options: SendMailOptions = {
    from: mailbox(settings.from),
    to: settings.to.map(mailbox),
    cc: settings.cc.map(mailbox),
    bcc: settings.bcc.map(mailbox),
    subject: message.subject,
    text: message.text,
    // Nothing in a message may make nodemailer read a file or fetch a URL (attachments are bytes).
    disableFileAccess: true,
    disableUrlAccess: true
  }
  if (settings.replyTo.length > 0) options.replyTo = settings.replyTo.map(mailbox)
  if (message.html !== undefined) options.html = message.html
  const headers: Record<string, string> = { ...settings.headers }
  // what nodemailer's Mailer writes for `priority` (MailComposer alone does not)
  if (settings.priority === 'high') {
    Object.assign(headers, { 'X-Priority': '1 (Highest)', 'X-MSMail-Priority': 'High', Importance: 'High' })
  } else if (settings.priority === 'low') {
    Object.assign(headers, { 'X-Priority': '5 (Lowest)', 'X-MSMail-Priority': 'Low', Importance: 'Low' })
  }
  const references: string[] = []
  if (settings.inReplyTo) {
    options.inReplyTo = settings.inReplyTo
    references.push(settings.inReplyTo)
  }
  if (extras?.threadKey) {
    const domain = settings.from.address.split('@')[1] ?? 'localhost'
    const thread = threadHeaders(extras.threadKey, extras.repository, domain)
    if (!options.inReplyTo) options.inReplyTo = thread.root
    references.unshift(thread.root)
    headers['Thread-Topic'] = thread.topic
    headers['Thread-Index'] = thread.index
  }
  if (references.length) options.references = references
  if (Object.keys(headers).length) options.headers = headers
  if (extras?.attachments.length) {
    // the bytes read and checked before connecting (workspace-files.ts), never a path read again
    options.attachments = extras.attachments.map((a) => ({ filename: a.filename, content: a.content }))
  }
  return options
}

/**
 * Composes the MIME message with nodemailer's MailComposer. `graph` composes it for Microsoft
 * Graph, which takes the MIME as it is: CRLF line endings throughout (SMTP's DATA adds them on
 * the way; a bare LF breaks quoted-printable decoding in Exchange), and a second build with the
 * Bcc header (`withBcc`), which has the same Message-ID, Date and boundaries.
 */
export async function composeMessage(
  settings: Settings,
  message: RenderedMessage,
  extras?: MessageExtras,
  options: { graph?: boolean; messageId?: string } = {}
): Promise<ComposedMessage> {
  const mailOptions = buildMailOptions(settings, message, extras)
  if (options.graph) mailOptions.newline = 'windows'
  // the same message again, with other attachments (a Graph draft): the same Message-ID
  if (options.messageId) mailOptions.messageId = options.messageId
  const mime = new MailComposer(mailOptions).compile()
  const envelope = mime.getEnvelope()
  const build = (): Promise<Buffer> =>
    new Promise<Buffer>((resolve, reject) => mime.build((err, data) => (err ? reject(err) : resolve(data))))
  const raw = await build()
  const composed: ComposedMessage = {
    envelope: { from: String(envelope.from || settings.from.address), to: envelope.to.map(String) },
    messageId: mime.messageId(),
    raw
  }
  if (options.graph && settings.bcc.length > 0) {
    // what nodemailer's Mailer does for its own `keepBcc` option
    mime.keepBcc = true
    composed.withBcc = await build()
  }
  return composed
}
