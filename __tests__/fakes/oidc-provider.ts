/**
 * Stand-in for the GitHub Actions runner's OIDC token service, i.e. what
 * `core.getIDToken(audience)` talks to via ACTIONS_ID_TOKEN_REQUEST_URL /
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN.
 *
 *   GET /token?api-version=2.0&audience=<url-encoded aud>
 *   Authorization: Bearer <requestToken>
 *   → 200 { "count": n, "value": "<RS256 JWT>" }
 *
 * Pass `publicKey` (or `jwk`) to the token endpoint's `federationIssuerKeys`.
 */
import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto'
import http from 'node:http'
import { calculateJwkThumbprint, exportJWK, SignJWT, type JWK, type JWTPayload } from 'jose'
import { listenOnLoopback } from './loopback.js'
import { DEFAULT_GITHUB_ENV } from './runner.js'

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com'
export const DEFAULT_SUBJECT = 'repo:octo/app:ref:refs/heads/main'

export interface OidcProviderOptions {
  /** `sub` claim, default 'repo:octo/app:ref:refs/heads/main' */
  subject?: string
  /** `iss` claim, default https://token.actions.githubusercontent.com */
  issuer?: string
  /** Token lifetime; GitHub uses exp = iat + 300 (negative gives an already expired token) */
  lifetimeSeconds?: number
  /** Extra/overriding claims */
  claims?: Record<string, unknown>
  /** Default: random */
  requestToken?: string
}

export type OidcFault =
  { status: number; headers?: Record<string, string>; body?: string | object } | { delayMs: number } | { hang: true }

export interface OidcRequest {
  method: string
  path: string
  /** URL-decoded `audience` query parameter, if any */
  audience: string | undefined
  authorized: boolean
  at: number
}

export interface OidcProvider {
  /** ACTIONS_ID_TOKEN_REQUEST_URL: http://127.0.0.1:<port>/token?api-version=2.0 */
  requestUrl: string
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN */
  requestToken: string
  issuer: string
  publicKey: KeyObject
  jwk: JWK
  jwks: { keys: JWK[] }
  /** Every JWT handed out, in order */
  issued: string[]
  requests: OidcRequest[]
  setSubject(sub: string): void
  /** Merge extra/overriding claims into future tokens */
  setClaims(claims: Record<string, unknown>): void
  /** Queue a fault for the next GET (FIFO) */
  enqueue(fault: OidcFault): void
  /** Mint a token directly (no HTTP), same key and defaults as the server */
  signToken(audience: string, claims?: Record<string, unknown>): Promise<string>
  /** The env a runner sets with `permissions: id-token: write` */
  env(): { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }
  close(): Promise<void>
}

export async function startOidcProvider(opts: OidcProviderOptions = {}): Promise<OidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(jwk)
  Object.assign(jwk, { kid, alg: 'RS256', use: 'sig' })

  const issuer = opts.issuer ?? GITHUB_OIDC_ISSUER
  const requestToken = opts.requestToken ?? randomBytes(24).toString('hex')
  const lifetime = opts.lifetimeSeconds ?? 300
  let subject = opts.subject ?? DEFAULT_SUBJECT
  let extraClaims: Record<string, unknown> = { ...opts.claims }
  const issued: string[] = []
  const requests: OidcRequest[] = []
  let faults: OidcFault[] = []
  const env = DEFAULT_GITHUB_ENV

  async function signToken(audience: string, claims: Record<string, unknown> = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000)
    // Mirrors the claim set GitHub documents for Actions ID tokens
    const payload: JWTPayload = {
      jti: randomUUID(),
      sub: subject,
      aud: audience,
      ref: env.GITHUB_REF,
      sha: env.GITHUB_SHA,
      repository: env.GITHUB_REPOSITORY,
      repository_id: env.GITHUB_REPOSITORY_ID,
      repository_owner: env.GITHUB_REPOSITORY_OWNER,
      repository_owner_id: env.GITHUB_REPOSITORY_OWNER_ID,
      repository_visibility: 'private',
      run_id: env.GITHUB_RUN_ID,
      run_number: env.GITHUB_RUN_NUMBER,
      run_attempt: env.GITHUB_RUN_ATTEMPT,
      actor: env.GITHUB_ACTOR,
      actor_id: env.GITHUB_ACTOR_ID,
      workflow: env.GITHUB_WORKFLOW,
      workflow_ref: env.GITHUB_WORKFLOW_REF,
      workflow_sha: env.GITHUB_SHA,
      job_workflow_ref: env.GITHUB_WORKFLOW_REF,
      job_workflow_sha: env.GITHUB_SHA,
      head_ref: '',
      base_ref: '',
      event_name: 'workflow_dispatch',
      ref_type: env.GITHUB_REF_TYPE,
      ref_protected: 'false',
      runner_environment: 'github-hosted',
      iss: issuer,
      // GitHub's documented example: nbf = iat - 600, exp = iat + 300
      nbf: now - 600,
      iat: now,
      exp: now + lifetime,
      ...extraClaims,
      ...claims
    }
    return new SignJWT(payload).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid, x5t: kid }).sign(privateKey)
  }

  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const reqUrl = new URL(req.url ?? '/', 'http://127.0.0.1')
    const auth = req.headers.authorization ?? ''
    const authorized = auth === `Bearer ${requestToken}`
    // URLSearchParams decodes %XX, matching core's encodeURIComponent
    const audience = reqUrl.searchParams.get('audience') ?? undefined
    requests.push({
      method: req.method ?? '',
      path: req.url ?? '',
      audience,
      authorized,
      at: Date.now()
    })
    const send = (status: number, body: object): void => {
      const text = JSON.stringify(body)
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
      res.end(text)
    }

    if (req.method !== 'GET' || reqUrl.pathname !== '/token') {
      send(404, { message: 'Not Found' })
      return
    }
    const fault = faults.shift()
    if (fault) {
      if ('hang' in fault) return
      if ('delayMs' in fault) {
        await new Promise((r) => setTimeout(r, fault.delayMs))
        if (res.destroyed) return
      } else {
        const body = fault.body ?? ''
        res.writeHead(fault.status, {
          ...(typeof body === 'string' ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
          ...fault.headers
        })
        res.end(typeof body === 'string' ? body : JSON.stringify(body))
        return
      }
    }
    if (!authorized) {
      send(401, { message: 'Unauthorized' })
      return
    }
    // Without an audience GitHub uses the repository owner's URL
    const token = await signToken(audience ?? `https://github.com/${env.GITHUB_REPOSITORY_OWNER}`)
    issued.push(token)
    send(200, { count: token.length, value: token })
  }

  const server = http.createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500)
        res.end(String(e))
      } else res.destroy()
    })
  })
  const listening = await listenOnLoopback(server)
  const port = listening.port
  // @actions/core appends `&audience=...`, so the URL already carries a query
  const requestUrl = `http://127.0.0.1:${port}/token?api-version=2.0`

  return {
    requestUrl,
    requestToken,
    issuer,
    publicKey,
    jwk,
    jwks: { keys: [jwk] },
    issued,
    requests,
    setSubject(sub) {
      subject = sub
    },
    setClaims(claims) {
      extraClaims = { ...extraClaims, ...claims }
    },
    enqueue(fault) {
      faults.push(fault)
    },
    signToken,
    env() {
      return { ACTIONS_ID_TOKEN_REQUEST_URL: requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken }
    },
    close() {
      faults = []
      return listening.close()
    }
  }
}
