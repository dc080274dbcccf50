/**
 * A local stand-in for the Microsoft Entra ID v2.0 token endpoint, speaking the
 * client-credentials dialect @azure/msal-node uses:
 *
 *   POST /{tenant}/oauth2/v2.0/token   (application/x-www-form-urlencoded)
 *
 * Error bodies copy Entra's shape: `error_description` is
 * "AADSTSnnnn: text\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …"
 * (Entra really separates those parts with CRLF, not spaces), plus
 * error_codes / timestamp / trace_id / correlation_id / error_uri.
 *
 * Any GET (OpenID configuration, instance discovery) is recorded and answered
 * 404, so a test can assert that msal made no discovery request.
 */
import { createPublicKey, randomBytes, randomUUID, type KeyObject } from 'node:crypto'
import https from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { compactVerify, decodeJwt, decodeProtectedHeader, type JWK, type JWTPayload } from 'jose'
import { certThumbprints } from './certs.js'
import { listenOnLoopback } from './loopback.js'

export const DEFAULT_SCOPE = 'https://outlook.office365.com/.default'
export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

export interface AppRegistration {
  clientId: string
  /** Display name used in some messages (AADSTS7000112) */
  displayName?: string
  /** The secret's *Value* */
  secretValue?: string
  /** The secret's *Secret ID* (a GUID) – sending it instead of the value is a classic mistake */
  secretId?: string
  secretExpired?: boolean
  /** SHA-1 is derived from certPem, so assertions with `x5t` work too */
  certificates?: { thumbprintSha256Hex: string; certPem: string }[]
  federatedCredentials?: { issuer: string; subject: string; audience: string }[]
  disabled?: boolean
  /** Object ID of the app's service principal: the `oid` of its access tokens (none when absent) */
  servicePrincipalObjectId?: string
  /** Application roles admin consent granted: the `roles` claim, default ['SMTP.SendAsApp']; [] leaves the claim out, as Entra does */
  roles?: string[]
  /** Roles by resource (a scope without `/.default`, e.g. https://graph.microsoft.com), instead of `roles` for tokens of that resource */
  rolesByResource?: Record<string, string[]>
  /** Claims that replace the minted ones (e.g. another `aud` or `tid`) */
  accessTokenClaims?: Record<string, unknown>
  /** Issue opaque (non-JWT) access tokens */
  opaqueAccessTokens?: boolean
}

export type FederationKey = JWK | KeyObject
export type FederationKeySource = FederationKey[] | (() => FederationKey[] | Promise<FederationKey[]>)

export interface TokenEndpointOptions {
  tls: { key: string; cert: string }
  /** Accepted tenant IDs and/or domains (case-insensitive) */
  tenants: string[]
  apps: AppRegistration[]
  /** Accepted scope, default https://outlook.office365.com/.default */
  scope?: string
  /** Further accepted scopes (e.g. Microsoft Graph's https://graph.microsoft.com/.default) */
  extraScopes?: string[]
  /** Public key(s) of the OIDC issuer for federated assertions (or a getter, so it can start later) */
  federationIssuerKeys?: FederationKeySource
  /** expires_in / ext_expires_in, default 3599 */
  tokenLifetimeSeconds?: number
}

export type TokenEndpointFault =
  | { status: number; headers?: Record<string, string>; body?: string | object }
  | { delayMs: number }
  | { hang: true }
  /** destroy the socket without any answer (connection reset) */
  | { destroy: true }

export interface RecordedRequest {
  method: string
  /** Path including any query string */
  path: string
  headers: IncomingMessage['headers']
  form: Record<string, string>
  at: number
}

export interface IssuedToken {
  clientId: string
  tenant: string
  scope: string
  issuedAt: number
  /** How the client authenticated */
  credential: 'secret' | 'certificate' | 'federated'
}

export interface AuthorityMetadata {
  token_endpoint: string
  issuer: string
  authorization_endpoint: string
  end_session_endpoint: string
  jwks_uri: string
}

export interface TokenEndpoint {
  /** Authority host, `https://127.0.0.1:<port>` (no trailing slash) */
  url: string
  port: number
  requests: RecordedRequest[]
  /** access_token → details; only successful POSTs */
  issued: Map<string, IssuedToken>
  /** Queue a fault for the next POST (FIFO, one per POST) */
  enqueue(fault: TokenEndpointFault): void
  /** `${url}/${tenant}/oauth2/v2.0/token` – also the required `aud` of certificate assertions */
  tokenUrl(tenant: string): string
  /** OpenID metadata for msal `authorityMetadata` (JSON.stringify it) so msal skips discovery */
  authorityMetadata(tenant: string): AuthorityMetadata
  /** Sets expires_in of the tokens issued from now on (reset restores the configured one) */
  setTokenLifetime(seconds: number): void
  /** Clears requests, issued tokens and pending faults */
  reset(): void
  /** Stops the server and destroys open sockets (hanging requests included) */
  close(): Promise<void>
}

/** Entra's error JSON */
export interface EntraErrorBody {
  error: string
  error_description: string
  error_codes: number[]
  timestamp: string
  trace_id: string
  correlation_id: string
  error_uri: string
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DOMAIN_RE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i
const TOKEN_PATH_RE = /^\/([^/]+)\/oauth2\/v2\.0\/token$/
/** Entra's clock-skew allowance for `nbf` */
const NBF_SKEW_SECONDS = 300

/** "2024-10-03 18:40:55Z", as in Entra's error_description/timestamp */
function entraTimestamp(d = new Date()): string {
  return d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z')
}

/** "2021-10-13T14:38:27.0000000Z", the 7-digit form used inside AADSTS700024 */
function entraIsoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.(\d{3})Z$/, (_m, ms: string) => `.${ms}0000Z`)
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url')
}

/** A thrown/returned token-endpoint error */
class EntraError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly code: number,
    readonly text: string
  ) {
    super(`AADSTS${code}: ${text}`)
    this.name = 'EntraError'
  }
}

const err = {
  badRequest: (error: string, code: number, text: string) => new EntraError(400, error, code, text),
  invalidClient: (code: number, text: string) => new EntraError(401, 'invalid_client', code, text),
  missingParam: (name: string) =>
    new EntraError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  certDocs:
    'Review the documentation at https://docs.microsoft.com/en-us/azure/active-directory/develop/active-directory-certificate-credentials .'
}

function assertionTimeError(payload: JWTPayload, nowSec: number): EntraError {
  const from = typeof payload.nbf === 'number' ? payload.nbf : (payload.iat ?? nowSec)
  const exp = typeof payload.exp === 'number' ? payload.exp : 0
  return err.invalidClient(
    700024,
    `Client assertion is not within its valid time range. Current time: ${entraIsoTime(nowSec)}, ` +
      `assertion valid from ${entraIsoTime(from)}, expiry time of assertion ${entraIsoTime(exp)}. ` +
      err.certDocs
  )
}

function timeIsValid(payload: JWTPayload, nowSec: number): boolean {
  if (typeof payload.exp !== 'number' || payload.exp <= nowSec) return false
  if (typeof payload.nbf === 'number' && payload.nbf > nowSec + NBF_SKEW_SECONDS) return false
  return true
}

function firstAudience(aud: JWTPayload['aud']): string {
  return Array.isArray(aud) ? (aud[0] ?? '') : (aud ?? '')
}

async function verifiesWith(jwt: string, key: FederationKey): Promise<boolean> {
  try {
    await compactVerify(jwt, key, { algorithms: ['RS256', 'PS256'] })
    return true
  } catch {
    return false
  }
}

export async function startTokenEndpoint(opts: TokenEndpointOptions): Promise<TokenEndpoint> {
  const acceptedScope = opts.scope ?? DEFAULT_SCOPE
  let lifetime = opts.tokenLifetimeSeconds ?? 3599
  const tenants = new Set(opts.tenants.map((t) => t.toLowerCase()))
  const requests: RecordedRequest[] = []
  const issued = new Map<string, IssuedToken>()
  let faults: TokenEndpointFault[] = []
  let url = ''

  const tokenUrl = (tenant: string): string => `${url}/${tenant}/oauth2/v2.0/token`

  // Pre-compute thumbprints of every registered certificate
  const appCerts = new Map<string, { sha256: string; sha1: string; key: KeyObject }[]>()
  for (const app of opts.apps) {
    appCerts.set(
      app.clientId.toLowerCase(),
      (app.certificates ?? []).map((c) => ({
        sha256: c.thumbprintSha256Hex.toLowerCase(),
        sha1: certThumbprints(c.certPem).sha1Hex,
        key: createPublicKey(c.certPem)
      }))
    )
  }

  async function federationKeys(): Promise<FederationKey[]> {
    const src = opts.federationIssuerKeys
    if (!src) return []
    return typeof src === 'function' ? await src() : src
  }

  /** A JWT-looking access token (unsigned in substance) with the claims Exchange would see */
  function mintAccessToken(app: AppRegistration, tenant: string, scope: string): string {
    if (app.opaqueAccessTokens) return `EwB${randomBytes(96).toString('base64url')}`
    const clientId = app.clientId
    const roles = app.rolesByResource?.[scope.replace(/\/\.default$/, '')] ?? app.roles ?? ['SMTP.SendAsApp']
    const now = Math.floor(Date.now() / 1000)
    const header = { typ: 'JWT', alg: 'RS256', kid: 'test-kid' }
    const claims = {
      aud: scope.replace(/\/\.default$/, ''),
      iss: `https://sts.windows.net/${tenant}/`,
      iat: now,
      nbf: now,
      exp: now + lifetime,
      appid: clientId,
      ...(app.servicePrincipalObjectId ? { oid: app.servicePrincipalObjectId } : {}),
      ...(roles.length ? { roles } : {}),
      idtyp: 'app',
      // Entra's tid is always the tenant's GUID, even when the request named a domain
      tid: GUID_RE.test(tenant) ? tenant : (opts.tenants.find((t) => GUID_RE.test(t)) ?? tenant),
      uti: randomBytes(16).toString('base64url'),
      ...app.accessTokenClaims
    }
    return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}.${randomBytes(256).toString(
      'base64url'
    )}`
  }

  /** Returns the credential kind or throws EntraError */
  async function authenticate(
    app: AppRegistration,
    form: Record<string, string>,
    tenant: string
  ): Promise<IssuedToken['credential']> {
    const secret = form.client_secret
    const assertion = form.client_assertion
    if (secret !== undefined && assertion !== undefined) {
      // Approximation: a malformed request; real clients never send both
      throw err.badRequest('invalid_request', 9002313, 'Invalid request. Request is malformed or invalid.')
    }
    if (secret === undefined && assertion === undefined) {
      throw err.invalidClient(
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
      )
    }

    if (secret !== undefined) {
      if (app.secretValue !== undefined && secret === app.secretValue) {
        if (app.secretExpired) {
          throw err.invalidClient(
            7000222,
            `The provided client secret keys for app '${app.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`
          )
        }
        return 'secret'
      }
      // wrong value, or the Secret ID instead of the value: same answer
      throw err.invalidClient(
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`
      )
    }

    // ---- client_assertion ----
    if (form.client_assertion_type !== JWT_BEARER) {
      if (form.client_assertion_type === undefined) throw err.missingParam('client_assertion_type')
      throw err.badRequest('invalid_request', 9002313, 'Invalid request. Request is malformed or invalid.')
    }
    const jwt = assertion ?? ''
    let header: ReturnType<typeof decodeProtectedHeader>
    let payload: JWTPayload
    try {
      header = decodeProtectedHeader(jwt)
      payload = decodeJwt(jwt)
    } catch {
      throw err.invalidClient(50027, 'JWT token is invalid or malformed.')
    }
    const nowSec = Math.floor(Date.now() / 1000)

    if (payload.iss !== undefined && payload.iss.toLowerCase() !== app.clientId.toLowerCase()) {
      // ---- federated credential (e.g. a GitHub OIDC token) ----
      let verified = false
      for (const key of await federationKeys()) {
        if (await verifiesWith(jwt, key)) {
          verified = true
          break
        }
      }
      if (!verified) throw err.invalidClient(700027, 'Client assertion failed signature validation.')
      if (!timeIsValid(payload, nowSec)) throw assertionTimeError(payload, nowSec)
      const aud = firstAudience(payload.aud)
      const audiences = Array.isArray(payload.aud) ? payload.aud : [aud]
      const match = (app.federatedCredentials ?? []).some(
        (fc) => fc.issuer === payload.iss && fc.subject === payload.sub && audiences.includes(fc.audience)
      )
      if (!match) {
        throw err.badRequest(
          'invalid_request',
          70021,
          `No matching federated identity record found for presented assertion. Assertion Issuer: '${payload.iss}'. Assertion Subject: '${payload.sub ?? ''}'. Assertion Audience: '${aud}'. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation`
        )
      }
      return 'federated'
    }

    // ---- certificate credential: iss == sub == client_id, signed by a registered cert ----
    const x5tS256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined
    const x5t = typeof header.x5t === 'string' ? header.x5t : undefined
    const presentedHex = Buffer.from(x5tS256 ?? x5t ?? '', 'base64url').toString('hex')
    const certs = appCerts.get(app.clientId.toLowerCase()) ?? []
    const cert = certs.find((c) => (x5tS256 !== undefined ? c.sha256 === presentedHex : c.sha1 === presentedHex))
    if (!cert) {
      throw err.invalidClient(
        700027,
        `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${presentedHex.toUpperCase()}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/${app.clientId}']`
      )
    }
    if (!(await verifiesWith(jwt, cert.key))) {
      throw err.invalidClient(700027, 'Client assertion failed signature validation.')
    }
    if (!timeIsValid(payload, nowSec)) throw assertionTimeError(payload, nowSec)
    if ((payload.sub ?? '').toLowerCase() !== app.clientId.toLowerCase()) {
      throw err.invalidClient(
        700021,
        `Client assertion application identifier doesn't match 'client_id' parameter. ${err.certDocs}`
      )
    }
    const aud = firstAudience(payload.aud).toLowerCase()
    const acceptedAud = new Set(
      [tenant, ...opts.tenants].flatMap((t) => [tokenUrl(t).toLowerCase(), `${url}/${t}/oauth2/token`.toLowerCase()])
    )
    if (!acceptedAud.has(aud)) {
      throw err.invalidClient(700023, `Client assertion audience claim does not match Realm issuer. ${err.certDocs}`)
    }
    return 'certificate'
  }

  function checkScope(scope: string, tenant: string): void {
    const parts = scope.split(/\s+/).filter(Boolean)
    if (parts.length === 1 && (parts[0] === acceptedScope || opts.extraScopes?.includes(parts[0] ?? ''))) return
    const bad = parts.find((p) => !p.endsWith('/.default'))
    if (parts.length !== 1 || bad !== undefined) {
      if (bad !== undefined && parts.length === 1) {
        throw err.badRequest(
          'invalid_scope',
          1002012,
          `The provided value for scope ${bad} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`
        )
      }
      throw err.badRequest(
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`
      )
    }
    // A /.default scope of some other resource (e.g. the wrong cloud)
    const resource = (parts[0] ?? '').replace(/\/\.default$/, '')
    throw err.badRequest(
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`
    )
  }

  /** Validation in roughly Entra's order: tenant, grant, client, credential, scope */
  async function handleToken(tenant: string, form: Record<string, string>): Promise<{ status: number; body: object }> {
    if (!GUID_RE.test(tenant) && !DOMAIN_RE.test(tenant)) {
      throw err.badRequest(
        'invalid_request',
        900023,
        `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`
      )
    }
    if (!tenants.has(tenant.toLowerCase())) {
      throw err.badRequest(
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`
      )
    }
    if (!form.grant_type) throw err.missingParam('grant_type')
    if (form.grant_type !== 'client_credentials') {
      throw err.badRequest(
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${form.grant_type}'.`
      )
    }
    const clientId = form.client_id
    if (!clientId) throw err.missingParam('client_id')
    const app = opts.apps.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase())
    if (!app) {
      throw err.badRequest(
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`
      )
    }
    if (app.disabled) {
      throw err.badRequest(
        'unauthorized_client',
        7000112,
        `Application '${app.clientId}'(${app.displayName ?? 'Exchange Mail Action'}) is disabled.`
      )
    }
    const credential = await authenticate(app, form, tenant)
    const scope = form.scope
    if (!scope) throw err.missingParam('scope')
    checkScope(scope, tenant)

    const accessToken = mintAccessToken(app, tenant, scope)
    issued.set(accessToken, {
      clientId: app.clientId,
      tenant,
      scope,
      issuedAt: Date.now(),
      credential
    })
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: accessToken
      }
    }
  }

  /** msal sends client-request-id as a header and in the query string; Entra echoes it */
  function correlationIdOf(req: IncomingMessage, form: Record<string, string>): string {
    const fromHeader = req.headers['client-request-id']
    const fromQuery = new URL(req.url ?? '/', 'https://127.0.0.1').searchParams.get('client-request-id')
    const candidate = (Array.isArray(fromHeader) ? fromHeader[0] : fromHeader) ?? fromQuery ?? form['client-request-id']
    return candidate && GUID_RE.test(candidate) ? candidate : randomUUID()
  }

  function sendJson(
    res: ServerResponse,
    status: number,
    body: object,
    extraHeaders: Record<string, string> = {}
  ): void {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store, no-cache',
      Pragma: 'no-cache',
      'Content-Length': Buffer.byteLength(text),
      ...extraHeaders
    })
    res.end(text)
  }

  function errorBody(e: EntraError, correlationId: string, traceId: string): EntraErrorBody {
    const ts = entraTimestamp()
    return {
      error: e.error,
      error_description: `AADSTS${e.code}: ${e.text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${ts}`,
      error_codes: [e.code],
      timestamp: ts,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${url}/error?code=${e.code}`
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const contentType = req.headers['content-type'] ?? ''
    const form: Record<string, string> = {}
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(raw)) form[k] = v
    }
    const path = req.url ?? '/'
    requests.push({ method: req.method ?? '', path, headers: req.headers, form, at: Date.now() })

    if (req.method !== 'POST') {
      // discovery / metadata requests must not happen: record and refuse
      sendJson(res, 404, { error: 'not_found', path })
      return
    }

    const fault = faults.shift()
    if (fault) {
      if ('hang' in fault) return // never answer; close() destroys the socket
      if ('destroy' in fault) {
        req.socket.destroy()
        return
      }
      if ('delayMs' in fault) {
        await new Promise((r) => setTimeout(r, fault.delayMs))
        if (res.destroyed) return
      } else {
        const body = fault.body ?? ''
        const text = typeof body === 'string' ? body : JSON.stringify(body)
        const headers: Record<string, string> = {
          ...(typeof body === 'string' ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
          ...fault.headers
        }
        res.writeHead(fault.status, headers)
        res.end(text)
        return
      }
    }

    const correlationId = correlationIdOf(req, form)
    const traceId = randomUUID()
    const headers = { 'client-request-id': correlationId, 'x-ms-request-id': traceId }
    const pathOnly = path.split('?')[0] ?? ''
    const m = TOKEN_PATH_RE.exec(pathOnly)
    if (!m) {
      sendJson(res, 404, { error: 'not_found', path }, headers)
      return
    }
    const tenant = decodeURIComponent(m[1] ?? '')
    try {
      const ok = await handleToken(tenant, form)
      sendJson(res, ok.status, ok.body, headers)
    } catch (e) {
      if (!(e instanceof EntraError)) throw e
      sendJson(res, e.status, errorBody(e, correlationId, traceId), headers)
    }
  }

  const server = https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, (req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error', message: String(e) })
      else res.destroy()
    })
  })
  // close() destroys open connections: keep-alive ones would otherwise keep it waiting
  const listening = await listenOnLoopback(server)
  const port = listening.port
  url = `https://127.0.0.1:${port}`

  return {
    url,
    port,
    requests,
    issued,
    enqueue(fault) {
      faults.push(fault)
    },
    tokenUrl,
    authorityMetadata(tenant) {
      return {
        token_endpoint: tokenUrl(tenant),
        issuer: `${url}/${tenant}/v2.0`,
        authorization_endpoint: `${url}/${tenant}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${url}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${url}/${tenant}/discovery/v2.0/keys`
      }
    },
    setTokenLifetime(seconds) {
      lifetime = seconds
    },
    reset() {
      requests.length = 0
      issued.clear()
      faults = []
      lifetime = opts.tokenLifetimeSeconds ?? 3599
    },
    close() {
      return listening.close()
    }
  }
}
