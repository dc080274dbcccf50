/**
 * A local stand-in for Microsoft Graph's mail API, over HTTPS, checking what Graph checks:
 *
 *   POST /v1.0/users/{id}/sendMail                         (text/plain, base64 MIME) → 202
 *   POST /v1.0/users/{id}/messages                         (a MIME draft)            → 201 { id }
 *   POST /v1.0/users/{id}/messages/{m}/attachments/createUploadSession               → 201 { uploadUrl }
 *   PUT  {uploadUrl}                                       (Content-Range, no token)  → 200 … 201
 *   POST /v1.0/users/{id}/messages/{m}/send                                          → 202
 *   DELETE /v1.0/users/{id}/messages/{m}                                             → 204
 *
 * - the token: one the local token endpoint issued, with Graph's audience (else 401 InvalidAuthenticationToken);
 * - rights: the union of Entra consent (`roles` in the token: Mail.Send, Mail.ReadWrite for drafts,
 *   valid for every mailbox) and Exchange RBAC for Applications (`rbac`: no role in the token,
 *   scoped to some mailboxes); else 403 ErrorAccessDenied;
 * - the mailbox exists (else 404 ErrorInvalidUser); From is the mailbox or one it may send as (else 403 ErrorSendAsDenied);
 * - the request limit (413); the upload-session protocol (order, chunk size, no Authorization);
 * - faults on demand: any answer (429 with Retry-After …), an answer lost after the message was taken, refused connections.
 *
 * Errors have Graph's JSON shape with `request-id`, `client-request-id` and `Date` headers. Every
 * message Graph would send is parsed with mailparser, so tests see what the recipient would.
 */
import { randomUUID } from 'node:crypto'
import https from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { simpleParser, type ParsedMail } from 'mailparser'
import { listenOnLoopback } from './loopback.js'

export const GRAPH_RESOURCE = 'https://graph.microsoft.com'
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'
/** Graph's request limit as the stand-in applies it ("4MB"). */
export const DEFAULT_REQUEST_LIMIT = 4 * 1024 * 1024

type Right = 'Mail.Send' | 'Mail.ReadWrite'

export interface GraphApiOptions {
  tls: { key: string; cert: string }
  /** Whether the token endpoint issued this token. */
  issued: (token: string) => boolean
  /** Mailboxes that exist, by UPN (lower-case compare). */
  mailboxes: string[]
  /** Addresses a mailbox may send as besides itself (Send As). */
  sendAs?: Record<string, string[]>
  /** Exchange RBAC for Applications: rights given to an app (by appid) for some mailboxes, carried by no token. */
  rbac?: { appId: string; right: Right; mailboxes: string[] }[]
  /** Largest request body, default 4 MiB. */
  requestLimit?: number
}

export type GraphFault =
  /** Answer this instead (e.g. 429 with Retry-After). */
  | { status: number; code?: string; message?: string; headers?: Record<string, string> }
  /** Take the request as usual, then drop the connection without an answer. */
  | { loseAnswer: true }
  /** Take the request as usual, then never answer (until the client gives up). */
  | { hang: true }

/** A message Graph accepted for sending. */
export interface SentMessage {
  mailbox: string
  via: 'sendMail' | 'draft'
  /** The MIME as posted (for drafts: the draft's). */
  mime: string
  parsed: ParsedMail
  /** Attachments uploaded through upload sessions (drafts only). */
  uploads: { name: string; content: Buffer }[]
  /** The token's app. */
  appId: string
}

export interface RecordedGraphRequest {
  method: string
  /** Path without the query. */
  path: string
  headers: IncomingMessage['headers']
  bodyBytes: number
  status: number
  /** The request-id the stand-in answered with. */
  requestId: string
}

export interface GraphApi {
  /** https://127.0.0.1:PORT */
  url: string
  port: number
  requests: RecordedGraphRequest[]
  messages: SentMessage[]
  /** Drafts not (yet) sent, by id. */
  drafts: Map<string, { mailbox: string; mime: string; uploads: { name: string; content: Buffer }[] }>
  /** Queues a fault for the next request of this operation (sendMail, createDraft, createUploadSession, upload, send). */
  enqueue(operation: string, fault: GraphFault): void
  /** Drops the next `n` connections before TLS. */
  refuseConnections(n: number): void
  /** TLS connections accepted so far. */
  connections: number
  reset(): void
  close(): Promise<void>
}

interface Context {
  req: IncomingMessage
  res: ServerResponse
  body: Buffer
  requestId: string
}

/** Graph's error answer. */
function sendError(
  ctx: Context,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {}
): void {
  const clientRequestId = String(ctx.req.headers['client-request-id'] ?? '')
  const date = new Date().toUTCString()
  const body = JSON.stringify({
    error: {
      code,
      message,
      innerError: { date: new Date().toISOString(), 'request-id': ctx.requestId, 'client-request-id': clientRequestId }
    }
  })
  ctx.res.writeHead(status, { 'content-type': 'application/json', date, ...headers }).end(body)
}

function claimsOf(token: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}

export async function startGraphApi(opts: GraphApiOptions): Promise<GraphApi> {
  const limit = opts.requestLimit ?? DEFAULT_REQUEST_LIMIT
  const faults = new Map<string, GraphFault[]>()
  let refuse = 0
  const api: Omit<GraphApi, 'url' | 'port' | 'close'> & { url?: string } = {
    requests: [],
    messages: [],
    drafts: new Map(),
    connections: 0,
    enqueue(operation, fault) {
      faults.set(operation, [...(faults.get(operation) ?? []), fault])
    },
    refuseConnections(n) {
      refuse = n
    },
    reset() {
      api.requests.length = 0
      api.messages.length = 0
      api.drafts.clear()
      faults.clear()
      refuse = 0
      api.connections = 0
    }
  }
  const mailboxOf = (id: string): string | undefined =>
    opts.mailboxes.find((m) => m.toLowerCase() === decodeURIComponent(id).toLowerCase())
  const may = (claims: Record<string, unknown>, right: Right, mailbox: string): boolean => {
    const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : []
    // Mail.ReadWrite does not send; Mail.Send does not make drafts.
    if (roles.includes(right)) return true
    return (opts.rbac ?? []).some(
      (g) =>
        g.appId === claims.appid &&
        g.right === right &&
        g.mailboxes.some((m) => m.toLowerCase() === mailbox.toLowerCase())
    )
  }

  async function handle(ctx: Context): Promise<void> {
    const { req } = ctx
    const url = new URL(req.url ?? '/', 'https://graph.local')
    if (url.pathname.startsWith('/upload/')) return upload(ctx, url)
    const route =
      /^\/v1\.0\/users\/([^/]+)\/(sendMail|messages)(?:\/([^/]+)(?:\/(send|attachments\/createUploadSession|attachments))?)?$/.exec(
        url.pathname
      )
    if (!route) return sendError(ctx, 400, 'BadRequest', `Resource not found for the segment '${url.pathname}'.`)
    const [, id = '', kind, messageId, action] = route
    const operation =
      kind === 'sendMail'
        ? 'sendMail'
        : !messageId
          ? 'createDraft'
          : action === 'send'
            ? 'send'
            : action === 'attachments'
              ? 'addAttachment'
              : action
                ? 'createUploadSession'
                : 'delete'
    if (ctx.body.length > limit)
      return sendError(ctx, 413, 'RequestEntityTooLarge', 'The maximum request length supported is 4MB.')
    const fault = faults.get(operation)?.shift()
    if (fault && 'status' in fault)
      return sendError(
        ctx,
        fault.status,
        fault.code ?? 'TooManyRequests',
        fault.message ?? 'Too many requests.',
        fault.headers
      )
    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))
    if (!auth?.[1]) return sendError(ctx, 401, 'InvalidAuthenticationToken', 'Access token is empty.')
    const claims = claimsOf(auth[1])
    if (!opts.issued(auth[1]) || !claims)
      return sendError(ctx, 401, 'InvalidAuthenticationToken', 'IDX14100: JWT is not well formed.')
    if (claims.aud !== GRAPH_RESOURCE && claims.aud !== GRAPH_APP_ID) {
      return sendError(ctx, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.')
    }
    const mailbox = mailboxOf(id)
    if (!mailbox)
      return sendError(ctx, 404, 'ErrorInvalidUser', `The requested user '${decodeURIComponent(id)}' is invalid.`)
    const right: Right = operation === 'sendMail' || operation === 'send' ? 'Mail.Send' : 'Mail.ReadWrite'
    if (!may(claims, right, mailbox))
      return sendError(ctx, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.')
    const appId = String(claims.appid)
    if (operation === 'sendMail' || operation === 'createDraft') return takeMime(ctx, operation, mailbox, appId, fault)
    const draft = api.drafts.get(messageId ?? '')
    if (!draft || draft.mailbox !== mailbox)
      return sendError(ctx, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.')
    if (operation === 'delete') {
      api.drafts.delete(messageId ?? '')
      return void ctx.res.writeHead(204).end()
    }
    if (operation === 'createUploadSession') return createUploadSession(ctx, messageId ?? '', draft)
    if (operation === 'addAttachment') return addAttachment(ctx, draft)
    // send: the draft (also needs Mail.Send)
    if (!may(claims, 'Mail.Send', mailbox))
      return sendError(ctx, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.')
    const parsed = await simpleParser(draft.mime)
    api.messages.push({ mailbox, via: 'draft', mime: draft.mime, parsed, uploads: draft.uploads, appId })
    api.drafts.delete(messageId ?? '')
    answer(ctx, 202, undefined, fault)
  }

  async function takeMime(
    ctx: Context,
    operation: string,
    mailbox: string,
    appId: string,
    fault: GraphFault | undefined
  ): Promise<void> {
    if (!/^text\/plain/i.test(String(ctx.req.headers['content-type'] ?? ''))) {
      return sendError(ctx, 400, 'ErrorInvalidRequest', 'Content-Type must be text/plain for a MIME message.')
    }
    const text = ctx.body.toString('latin1').trim()
    if (!/^[A-Za-z0-9+/=\r\n]+$/.test(text))
      return sendError(ctx, 400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.')
    const mime = Buffer.from(text, 'base64').toString('utf8')
    const parsed = await simpleParser(mime)
    const from = parsed.from?.value[0]?.address ?? ''
    if (
      from.toLowerCase() !== mailbox.toLowerCase() &&
      !(opts.sendAs?.[mailbox] ?? []).some((a) => a.toLowerCase() === from.toLowerCase())
    ) {
      return sendError(
        ctx,
        403,
        'ErrorSendAsDenied',
        'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message.'
      )
    }
    const recipients = ['to', 'cc', 'bcc'].flatMap((h) => {
      const v = parsed[h as 'to' | 'cc' | 'bcc']
      return v ? (Array.isArray(v) ? v : [v]).flatMap((a) => a.value) : []
    })
    if (operation === 'sendMail' && recipients.length === 0) {
      return sendError(
        ctx,
        400,
        'ErrorInvalidRecipients',
        "At least one recipient is not valid., A message can't be sent because it contains no recipients."
      )
    }
    if (operation === 'sendMail') {
      api.messages.push({ mailbox, via: 'sendMail', mime, parsed, uploads: [], appId })
      return answer(ctx, 202, undefined, fault)
    }
    const id = `AAMk${randomUUID().replace(/-/g, '')}`
    api.drafts.set(id, { mailbox, mime, uploads: [] })
    answer(ctx, 201, { id, isDraft: true }, fault)
  }

  const sessions = new Map<
    string,
    {
      draft: { uploads: { name: string; content: Buffer }[] }
      name: string
      size: number
      received: Buffer[]
      next: number
    }
  >()

  function createUploadSession(
    ctx: Context,
    messageId: string,
    draft: { uploads: { name: string; content: Buffer }[] }
  ): void {
    let item: { attachmentType?: string; name?: string; size?: number } = {}
    try {
      item = (JSON.parse(ctx.body.toString('utf8')) as { AttachmentItem?: typeof item }).AttachmentItem ?? {}
    } catch {
      /* checked below */
    }
    if (item.attachmentType !== 'file' || !item.name || typeof item.size !== 'number') {
      return sendError(
        ctx,
        400,
        'ErrorInvalidRequest',
        'AttachmentItem with attachmentType file, name and size is required.'
      )
    }
    const sessionId = randomUUID()
    sessions.set(sessionId, { draft, name: item.name, size: item.size, received: [], next: 0 })
    const host = String(ctx.req.headers.host)
    answer(ctx, 201, {
      uploadUrl: `https://${host}/upload/${sessionId}?authtoken=${randomUUID()}&messageId=${messageId}`,
      expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
      nextExpectedRanges: ['0-']
    })
  }

  /** `POST …/attachments` with a fileAttachment: the way Microsoft documents for files under 3 MB. */
  function addAttachment(ctx: Context, draft: { uploads: { name: string; content: Buffer }[] }): void {
    let item: { '@odata.type'?: string; name?: string; contentBytes?: string } = {}
    try {
      item = JSON.parse(ctx.body.toString('utf8')) as typeof item
    } catch {
      /* checked below */
    }
    if (
      item['@odata.type'] !== '#microsoft.graph.fileAttachment' ||
      !item.name ||
      typeof item.contentBytes !== 'string' ||
      !/^[A-Za-z0-9+/]*={0,2}$/.test(item.contentBytes)
    ) {
      return sendError(
        ctx,
        400,
        'ErrorInvalidRequest',
        'A fileAttachment with name and base64 contentBytes is required.'
      )
    }
    draft.uploads.push({ name: item.name, content: Buffer.from(item.contentBytes, 'base64') })
    answer(ctx, 201, { id: `AAMkAtt${randomUUID().replace(/-/g, '')}`, name: item.name })
  }

  function upload(ctx: Context, url: URL): void {
    const session = sessions.get(url.pathname.slice('/upload/'.length))
    if (!session) return sendError(ctx, 404, 'ErrorItemNotFound', 'The upload session was not found.')
    const fault = faults.get('upload')?.shift()
    if (fault && 'status' in fault)
      return sendError(
        ctx,
        fault.status,
        fault.code ?? 'TooManyRequests',
        fault.message ?? 'Too many requests.',
        fault.headers
      )
    // The URL is pre-authenticated: a token here is refused.
    if (ctx.req.headers.authorization)
      return sendError(
        ctx,
        401,
        'InvalidAuthenticationToken',
        'The upload URL is pre-authenticated; do not send an Authorization header.'
      )
    if (ctx.req.method !== 'PUT') return sendError(ctx, 405, 'ErrorInvalidRequest', 'Use PUT.')
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(ctx.req.headers['content-range'] ?? ''))
    const [start, end, total] = range ? [Number(range[1]), Number(range[2]), Number(range[3])] : [NaN, NaN, NaN]
    if (!range || start !== session.next || total !== session.size || end - start + 1 !== ctx.body.length) {
      return sendError(
        ctx,
        416,
        'ErrorInvalidRange',
        `Expected the range starting at ${session.next} of ${session.size} bytes.`
      )
    }
    if (ctx.body.length > 4 * 1024 * 1024)
      return sendError(ctx, 413, 'RequestEntityTooLarge', 'A chunk may hold at most 4 MB.')
    session.received.push(ctx.body)
    session.next = end + 1
    if (session.next < session.size) return answer(ctx, 200, { nextExpectedRanges: [`${session.next}-`] })
    session.draft.uploads.push({ name: session.name, content: Buffer.concat(session.received) })
    answer(ctx, 201, undefined)
  }

  function answer(ctx: Context, status: number, json: object | undefined, fault?: GraphFault): void {
    if (fault && 'loseAnswer' in fault) return void ctx.req.socket.destroy()
    if (fault && 'hang' in fault) return
    const headers = { date: new Date().toUTCString(), ...(json ? { 'content-type': 'application/json' } : {}) }
    ctx.res.writeHead(status, headers).end(json ? JSON.stringify(json) : undefined)
  }

  const server = https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const requestId = randomUUID()
      res.setHeader('request-id', requestId)
      res.setHeader('client-request-id', String(req.headers['client-request-id'] ?? ''))
      const ctx: Context = { req, res, body: Buffer.concat(chunks), requestId }
      res.on('finish', () =>
        api.requests.push({
          method: req.method ?? '',
          path: (req.url ?? '').split('?')[0] ?? '',
          headers: req.headers,
          bodyBytes: ctx.body.length,
          status: res.statusCode,
          requestId
        })
      )
      req.socket.on('close', () => {
        if (!res.writableFinished)
          api.requests.push({
            method: req.method ?? '',
            path: (req.url ?? '').split('?')[0] ?? '',
            headers: req.headers,
            bodyBytes: ctx.body.length,
            status: 0,
            requestId
          })
      })
      handle(ctx).catch((err: unknown) => sendError(ctx, 500, 'InternalServerError', String(err)))
    })
  })
  server.on('connection', (socket) => {
    if (refuse > 0) {
      refuse--
      socket.destroy()
    }
  })
  server.on('secureConnection', () => api.connections++)
  const listening = await listenOnLoopback(server)
  const url = `https://127.0.0.1:${listening.port}`
  const full: GraphApi = Object.assign(api, { url, port: listening.port, close: listening.close })
  return full
}
