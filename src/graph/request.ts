import { randomUUID } from 'node:crypto'
import https from 'node:https'
import type { ConnectionAgent } from '../shared/connection-agent.js'
import { GraphError, type GraphErrorFacts } from './graph-error.js'
import { excerpt } from '../shared/bounded-text.js'
import { parseRetryAfter } from '../shared/retry-after.js'

/** One request to Graph or to an upload URL it handed out. */
export interface GraphRequest {
  /** Which step of the send this is, for the failure. */
  operation: GraphErrorFacts['operation']
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  url: string
  /** The bearer token; none for a pre-authenticated upload URL, which must never see it. */
  token?: string
  headers?: Record<string, string>
  body?: Buffer | string
}

/** Graph's answer, whatever its status. */
export interface GraphResponse {
  status: number
  /** Header names lower-cased. */
  headers: Record<string, string>
  /** The body as text, at most 64 KiB of it (Graph's answers here are small JSON). */
  text: string
  /** The `client-request-id` this request carried. */
  clientRequestId: string
}

/** What every request needs besides itself. */
export interface GraphTransport {
  agent: ConnectionAgent
  /** The limit of one request (connection, body and answer), from the step's budget. */
  timeoutMs: () => number
  /** Aborts a request under way at the step's deadline. */
  signal: AbortSignal
  /** Each request as it goes and its answer, for the debug log (never a token or a body). */
  debug: (line: string) => void
}

const MAX_ANSWER_BYTES = 64 * 1024

/**
 * Sends one request and resolves with the answer, whatever its status. Every request carries a
 * fresh `client-request-id`. A redirect is never followed (node's https does not), so the token
 * stays with graph-host. A failure without an answer rejects with a GraphError of status 0 that
 * says whether the whole body had gone out (`mayHaveBeenAccepted`): such a request is never resent.
 */
export function graphRequest(transport: GraphTransport, request: GraphRequest): Promise<GraphResponse> {
  const clientRequestId = randomUUID()
  const url = new URL(request.url)
  const body = request.body === undefined ? undefined : Buffer.from(request.body)
  const headers: Record<string, string> = {
    'client-request-id': clientRequestId,
    'return-client-request-id': 'true',
    'user-agent': 'exchange-online-mail-action',
    ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
    ...(body ? { 'content-length': String(body.length) } : {}),
    ...request.headers
  }
  transport.debug(`Graph: ${request.method} ${url.origin}${url.pathname} (client-request-id ${clientRequestId})`)
  return new Promise<GraphResponse>((resolve, reject) => {
    let sent = false
    const failed = (err: Error): void => {
      const code = (err as NodeJS.ErrnoException).code ?? (err.name === 'AbortError' ? 'ABORTED' : 'ECONNRESET')
      reject(noAnswer(request, clientRequestId, code, err.message, sent && request.method !== 'GET'))
    }
    const req = https.request(url, {
      method: request.method,
      headers,
      agent: transport.agent,
      timeout: transport.timeoutMs(),
      signal: transport.signal
    })
    req.once('finish', () => (sent = true))
    req.once('timeout', () =>
      req.destroy(Object.assign(new Error(`no answer within ${transport.timeoutMs()} ms`), { code: 'ETIMEDOUT' }))
    )
    req.once('error', failed)
    req.once('response', (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(chunk)
        size += chunk.length
      })
      res.once('error', failed)
      res.once('end', () => {
        const answer: GraphResponse = {
          status: res.statusCode ?? 0,
          headers: flatHeaders(res.headers),
          text: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8'),
          clientRequestId
        }
        transport.debug(`Graph: HTTP ${answer.status}${requestIdNote(answer)}`)
        resolve(answer)
      })
    })
    req.end(body)
  })
}

/**
 * The answer when it has the status the step needs; otherwise the GraphError it is, with Graph's
 * code and message (bounded), its request-id, the date and any Retry-After.
 */
export function expectStatus(
  answer: GraphResponse,
  expected: number | readonly number[],
  operation: GraphErrorFacts['operation']
): GraphResponse {
  if (typeof expected === 'number' ? answer.status === expected : expected.includes(answer.status)) return answer
  throw graphRefusal(answer, operation)
}

/** A Graph answer that is not the one a step needed, as a GraphError. */
export function graphRefusal(answer: GraphResponse, operation: GraphErrorFacts['operation']): GraphError {
  const error = parseGraphError(answer.text)
  const requestId = answer.headers['request-id'] ?? error.requestId
  const date = answer.headers.date ?? error.date
  const retryAfterMs = parseRetryAfter(answer.headers['retry-after'])
  const location = answer.status >= 300 && answer.status < 400 ? answer.headers.location : undefined
  const code = error.code || (location ? 'Redirected' : `HTTP${answer.status}`)
  const graphMessage = excerpt(
    error.message || (location ? `redirect to ${location}, not followed` : answer.text.replace(/\s+/g, ' ')),
    300
  )
  const facts: GraphErrorFacts = {
    status: answer.status,
    code,
    graphMessage,
    operation,
    clientRequestId: answer.clientRequestId,
    mayHaveBeenAccepted: false,
    ...(requestId ? { requestId } : {}),
    ...(date ? { date } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {})
  }
  return new GraphError(
    `Microsoft Graph refused ${operation}: HTTP ${answer.status} ${code}: ${graphMessage} ${supportIds(facts)}`,
    facts
  )
}

/** A request that got no answer: cut, refused or timed out. */
function noAnswer(
  request: GraphRequest,
  clientRequestId: string,
  code: string,
  cause: string,
  mayHaveBeenAccepted: boolean
): GraphError {
  const host = new URL(request.url).host
  const message = mayHaveBeenAccepted
    ? `The ${request.operation} request was sent in full to ${host}, but its answer was lost (${code}: ${excerpt(cause, 200)}). Graph may have accepted it, so it is not sent again: the message may have been delivered.`
    : `No answer from ${host} to ${request.operation} (${code}: ${excerpt(cause, 200)}).`
  return new GraphError(`${message} (client-request-id ${clientRequestId})`, {
    status: 0,
    code,
    graphMessage: '',
    operation: request.operation,
    clientRequestId,
    mayHaveBeenAccepted
  })
}

/** Graph's error JSON: `{ error: { code, message, innerError: { date, request-id } } }`; anything else gives nothing. */
function parseGraphError(text: string): { code: string; message: string; requestId?: string; date?: string } {
  try {
    const parsed = JSON.parse(text) as { error?: Record<string, unknown> }
    const error = parsed.error ?? {}
    const inner = (error.innerError ?? error.innererror ?? {}) as Record<string, unknown>
    const str = (value: unknown): string | undefined =>
      typeof value === 'string' && /^[\x20-\x7e]{1,100}$/.test(value) ? value : undefined
    return {
      code: str(error.code) ?? '',
      message: typeof error.message === 'string' ? error.message : '',
      ...(str(inner['request-id']) ? { requestId: str(inner['request-id']) } : {}),
      ...(str(inner.date) ? { date: str(inner.date) } : {})
    }
  } catch {
    return { code: '', message: '' }
  }
}

/** What Microsoft support asks for about a failed request. */
export function supportIds(facts: Pick<GraphErrorFacts, 'requestId' | 'clientRequestId' | 'date'>): string {
  const ids = [
    ...(facts.requestId ? [`request-id ${facts.requestId}`] : []),
    `client-request-id ${facts.clientRequestId}`,
    ...(facts.date ? [`date ${facts.date}`] : [])
  ]
  return `(${ids.join(', ')})`
}

function flatHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

function requestIdNote(answer: GraphResponse): string {
  const id = answer.headers['request-id']
  return id ? ` (request-id ${excerpt(id, 80)})` : ''
}
