import { GraphError } from './graph-error.js'
import { supportIds, type GraphResponse } from './request.js'
import type { GraphCalls } from './retries.js'
import {
  GRAPH_REQUEST_LIMIT,
  mailboxUrl,
  mimeBody,
  type DraftAttachment,
  type DraftSource,
  type GraphPostPlan
} from './mailbox-requests.js'
import type { ComposedMail } from '../shared/transport.js'

/** The largest piece of one upload request: Graph takes at most 4 MB per request. */
const CHUNK_BYTES = 3 * 1024 * 1024

/**
 * Microsoft documents upload sessions for files of 3 MB to 150 MB, and one POST of the attachment
 * for smaller ones; a file this small also fits, base64 in JSON, in one request.
 */
const UPLOAD_SESSION_FROM_BYTES = 3_000_000

/**
 * A message over the limit of one request goes as a draft: the MIME with the attachments that
 * fit (`POST /messages`), the others added one by one — under 3 MB with one `POST …/attachments`,
 * larger through an upload session, in order, in chunks with Content-Range and without the token
 * (the upload URL is pre-authenticated) — then
 * `POST /messages/{id}/send`. Drafts need Mail.ReadWrite. Whether the app holds it is learned from
 * Graph's answer to the draft, never from the token's roles alone (an app granted it through
 * Exchange RBAC for Applications carries no role): a refused draft fails before any upload.
 */
export async function sendLargeMessage(
  plan: GraphPostPlan,
  message: ComposedMail,
  calls: GraphCalls,
  bodyBytes: number
): Promise<GraphResponse> {
  const { settings, log } = plan
  if (!plan.draft || plan.draft.attachments.length === 0) {
    throw tooLarge(bodyBytes, 'this message has no attachment to upload separately')
  }
  const { draft, uploads } = await splitAttachments(plan.draft, message.messageId)
  const mb = megabytes
  log.info(
    `The message is ${mb(bodyBytes)} as a Graph request, over the ${mb(GRAPH_REQUEST_LIMIT)} of one request: sending it as a draft (${mb(draft.length)}) with ${uploads.length} attachment(s) uploaded separately.`
  )
  const base = `${mailboxUrl(settings)}/messages`
  let id: string
  try {
    const created = await calls.call(
      (token) => ({
        operation: 'createDraft',
        method: 'POST',
        url: base,
        token,
        headers: { 'content-type': 'text/plain' },
        body: draft
      }),
      201
    )
    id = draftId(created)
  } catch (err) {
    if (err instanceof GraphError && err.status === 403) throw tooLarge(bodyBytes, refusedDraft(err, plan))
    throw err
  }
  let sending = false
  try {
    for (const attachment of uploads) {
      const messageUrl = `${base}/${encodeURIComponent(id)}`
      if (attachment.content.length < UPLOAD_SESSION_FROM_BYTES) await attach(calls, messageUrl, attachment)
      else await upload(calls, messageUrl, attachment)
    }
    sending = true
    return await calls.call(
      (token) => ({
        operation: 'send',
        method: 'POST',
        url: `${base}/${encodeURIComponent(id)}/send`,
        token,
        body: ''
      }),
      202
    )
  } catch (err) {
    // A draft left behind would sit in the mailbox; one whose send may have gone through stays.
    if (!(sending && err instanceof GraphError && err.mayHaveBeenAccepted))
      await discardDraft(calls, `${base}/${encodeURIComponent(id)}`)
    throw err
  }
}

/**
 * The draft's MIME (base64, Bcc header included) with the smallest attachments that fit in one
 * request, and the others to upload, largest last. Measured on the final body, not estimated.
 */
async function splitAttachments(
  source: DraftSource,
  messageId: string
): Promise<{ draft: string; uploads: DraftAttachment[] }> {
  const bySize = [...source.attachments].sort((a, b) => a.content.length - b.content.length)
  // a first guess from the sizes (base64 twice, with line breaks: about 1.85×), then measured
  let kept = 0
  let estimate = 0
  for (const a of bySize) {
    estimate += a.content.length * 1.85 + 1000
    if (estimate > GRAPH_REQUEST_LIMIT * 0.9) break
    kept++
  }
  for (; ; kept--) {
    const composed = await source.compose(bySize.slice(0, kept), messageId)
    const draft = mimeBody(composed.withBcc ?? composed.raw)
    if (draft.length <= GRAPH_REQUEST_LIMIT || kept === 0) {
      if (draft.length > GRAPH_REQUEST_LIMIT)
        throw tooLarge(draft.length, 'even without its attachments the message is over the limit')
      return { draft, uploads: bySize.slice(kept) }
    }
  }
}

/** A file under 3 MB: one POST of the attachment to the draft, as Microsoft documents for that size. */
async function attach(calls: GraphCalls, messageUrl: string, attachment: DraftAttachment): Promise<void> {
  await calls.call(
    (token) => ({
      operation: 'addAttachment',
      method: 'POST',
      url: `${messageUrl}/attachments`,
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: attachment.filename,
        contentBytes: attachment.content.toString('base64')
      })
    }),
    201
  )
}

/** One attachment through its upload session: PUTs in order, each ≤ 4 MB, never with the token. */
async function upload(calls: GraphCalls, messageUrl: string, attachment: DraftAttachment): Promise<void> {
  const size = attachment.content.length
  const session = await calls.call(
    (token) => ({
      operation: 'createUploadSession',
      method: 'POST',
      url: `${messageUrl}/attachments/createUploadSession`,
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ AttachmentItem: { attachmentType: 'file', name: attachment.filename, size } })
    }),
    201
  )
  const uploadUrl = field(session, 'uploadUrl')
  if (!/^https:\/\//i.test(uploadUrl)) {
    throw new GraphError(`Microsoft Graph's upload session has no https uploadUrl.`, {
      status: session.status,
      code: 'InvalidUploadSession',
      graphMessage: '',
      operation: 'createUploadSession',
      clientRequestId: session.clientRequestId,
      mayHaveBeenAccepted: false
    })
  }
  for (let start = 0; start < size; start += CHUNK_BYTES) {
    const end = Math.min(size, start + CHUNK_BYTES) - 1
    await calls.call(
      () => ({
        operation: 'upload',
        method: 'PUT',
        url: uploadUrl,
        // no token: the URL is pre-authenticated, and a token there is refused (401)
        headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${start}-${end}/${size}` },
        body: attachment.content.subarray(start, end + 1)
      }),
      end + 1 < size ? [200, 202] : [200, 201]
    )
  }
}

/** Removes a draft that will not be sent; a failure here changes nothing about the one reported. */
async function discardDraft(calls: GraphCalls, messageUrl: string): Promise<void> {
  await calls
    .call((token) => ({ operation: 'createDraft', method: 'DELETE', url: messageUrl, token }), 204)
    .catch(() => undefined)
}

function draftId(answer: GraphResponse): string {
  return field(answer, 'id')
}

function field(answer: GraphResponse, name: string): string {
  try {
    const value = (JSON.parse(answer.text) as Record<string, unknown>)[name]
    return typeof value === 'string' ? value : ''
  } catch {
    return ''
  }
}

/** Why the draft was refused, with what the token's roles say (they never decide). */
function refusedDraft(err: GraphError, plan: GraphPostPlan): string {
  const roles = plan.roles()
  const held = !roles?.length
    ? 'its token carries no role (with Exchange RBAC for Applications, Mail.ReadWrite needs an "Application Mail.ReadWrite" role assignment besides "Application Mail.Send")'
    : roles.includes('Mail.ReadWrite')
      ? `its token carries Mail.ReadWrite, so the mailbox is outside the app's scope for it`
      : `its token carries ${roles.join(', ')} but not Mail.ReadWrite`
  return `Graph refused to create the draft (HTTP ${err.status} ${err.code}) for ${plan.settings.smtpUser}: ${held} ${supportIds(err)}`
}

function megabytes(n: number): string {
  return `${(n / 1_000_000).toFixed(1)} MB`
}

/**
 * The action's own refusal of a message too large for one request when no draft may be made: not
 * an answer of Graph's (none was asked, or it refused the draft), so its text is the whole account,
 * with both sizes and the ways out.
 */
export class GraphMessageTooLargeError extends Error {
  constructor(
    /** The final request body, in bytes. */
    readonly bodyBytes: number,
    /** What one request may carry. */
    readonly limitBytes: number,
    why: string
  ) {
    super(
      `The message is ${megabytes(bodyBytes)} as a Microsoft Graph request, over the ${megabytes(limitBytes)} Graph takes in one request (the body is base64 of the MIME, whose attachments are base64 already). Larger messages go as a draft with their attachments uploaded, which needs the Mail.ReadWrite permission; ${why}. Nothing was sent. Ways out: smaller attachments (about 2.2 MB of files fit in one request), the Microsoft Graph Mail.ReadWrite application permission scoped to the sending mailbox like Mail.Send, or 'transport: smtp'.`
    )
    this.name = 'GraphMessageTooLargeError'
  }
}

function tooLarge(bodyBytes: number, why: string): GraphMessageTooLargeError {
  return new GraphMessageTooLargeError(bodyBytes, GRAPH_REQUEST_LIMIT, why)
}
