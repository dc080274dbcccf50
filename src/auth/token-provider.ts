import { ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node'
import { TokenError } from './token-error.js'
import { IdentityNetworkClient } from './identity-http-client.js'
import type { EarlyTls } from '../shared/early-tls.js'
import type { Settings } from '../inputs/settings.js'

/** What the token provider needs from the runner; injected so the module reads no environment. */
interface AuthDependencies {
  /** Fetches the runner's OIDC token for an audience (core.getIDToken). */
  getIdToken: (audience: string) => Promise<string>
  /** Called the moment a secret value exists (core.setSecret). */
  mask: (secret: string) => void
  /** Debug log (core.debug). */
  debug: (message: string) => void
  /** The TLS connection to the authority opened at start, for the first request to take. */
  connection?: EarlyTls
}

/** An access token for Exchange Online. */
interface AccessToken {
  /** The bearer token. */
  token: string
  /** When it expires. */
  expiresOn: Date | undefined
}

/** Acquires app-only tokens for Exchange Online with one HTTPS request per token. */
export interface TokenProvider {
  /** A token; `renew` forces a fresh request rather than the cached one. */
  getToken(renew: boolean): Promise<AccessToken>
  /** Identity requests sent so far (method and URL). */
  readonly requests: readonly { method: string; url: string }[]
}

/**
 * The OpenID metadata msal-node would otherwise GET (and instance discovery it would otherwise
 * ask login.microsoftonline.com for), built from the authority host so that the token POST is
 * the only request, for Microsoft's hosts and any other HTTPS host alike.
 */
function authorityConfig(
  authorityHost: string,
  tenantId: string
): Pick<Configuration['auth'], 'authority' | 'knownAuthorities' | 'authorityMetadata' | 'cloudDiscoveryMetadata'> {
  const authority = `${authorityHost}/${tenantId}`
  const host = new URL(authorityHost).host
  return {
    authority,
    knownAuthorities: [host],
    authorityMetadata: JSON.stringify({
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      issuer: `${authority}/v2.0`,
      jwks_uri: `${authority}/discovery/v2.0/keys`
    }),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
    })
  }
}

/** Decodes a JWT's claims for diagnosis. Never verifies, never returns the token. */
function decodeClaims(jwt: string): Record<string, unknown> | undefined {
  const payload = jwt.split('.')[1]
  if (!payload) return undefined
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** Creates the token provider for the settings' credential. */
export function createTokenProvider(settings: Settings, deps: AuthDependencies, timeoutMs: number): TokenProvider {
  const network = new IdentityNetworkClient(timeoutMs, deps.connection)
  const credential = settings.credential
  const oidc = credential.kind === 'oidc' ? new OidcAssertion(credential.audience, deps) : undefined
  const configuration = msalConfiguration(settings, network, deps, oidc)
  // A fresh application on renewal: msal-node answers a request it saw throttled from a cache
  // without sending it, and the renewed token must come from the network.
  let app = new ConfidentialClientApplication(configuration)

  return {
    requests: network.requests,
    async getToken(renew: boolean): Promise<AccessToken> {
      if (renew) {
        app = new ConfidentialClientApplication(configuration)
        oidc?.forget()
      }
      try {
        const result = await app.acquireTokenByClientCredential({ scopes: [settings.scope], skipCache: renew })
        if (!result?.accessToken) {
          throw new TokenError({
            errorCode: 'empty_response',
            description: 'The token endpoint answered without an access token.',
            credentialKind: credential.kind
          })
        }
        deps.mask(result.accessToken)
        return { token: result.accessToken, expiresOn: result.expiresOn ?? undefined }
      } catch (err) {
        throw tokenFailure(err, network, credential.kind, oidc?.presentedClaims)
      }
    }
  }
}

/** msal-node's configuration: the credential, the one-request authority, our HTTP client and log. */
function msalConfiguration(
  settings: Settings,
  network: IdentityNetworkClient,
  deps: AuthDependencies,
  oidc: OidcAssertion | undefined
): Configuration {
  const auth: Configuration['auth'] = {
    clientId: settings.clientId,
    ...authorityConfig(settings.authorityHost, settings.tenantId)
  }
  const credential = settings.credential
  if (credential.kind === 'secret') {
    auth.clientSecret = credential.secret
  } else if (credential.kind === 'certificate') {
    auth.clientCertificate = {
      thumbprintSha256: credential.thumbprintSha256,
      privateKey: credential.privateKeyPem,
      x5c: credential.chainPem
    }
  } else if (oidc) {
    auth.clientAssertion = () => oidc.token()
  }
  return {
    auth,
    system: {
      networkClient: network,
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (_level, message) => deps.debug(`msal: ${message}`)
      }
    }
  }
}

/** The runner's OIDC token as the client assertion: fetched once, again after `forget` (renewal). */
class OidcAssertion {
  private pending: Promise<string> | undefined
  /** Claims of the presented GitHub OIDC token, for the diagnosis (never the token itself). */
  presentedClaims: Record<string, unknown> | undefined

  constructor(
    private readonly audience: string,
    private readonly deps: AuthDependencies
  ) {}

  /** msal-node asks on every acquire. */
  token(): Promise<string> {
    return (this.pending ??= this.fetch())
  }

  forget(): void {
    this.pending = undefined
  }

  private async fetch(): Promise<string> {
    let token: string
    try {
      token = await this.deps.getIdToken(this.audience)
    } catch (err) {
      throw new TokenError({
        errorCode: 'oidc_token_unavailable',
        description: `The runner did not issue a GitHub OIDC token: ${err instanceof Error ? err.message : String(err)}`,
        credentialKind: 'oidc'
      })
    }
    this.deps.mask(token)
    const claims = decodeClaims(token)
    this.presentedClaims = claims
    this.deps.debug(
      `GitHub OIDC token: iss=${String(claims?.iss)} sub=${String(claims?.sub)} aud=${String(claims?.aud)}`
    )
    return token
  }
}

/** A failed acquisition as a TokenError, with what our HTTP client saw that msal-node does not keep. */
function tokenFailure(
  err: unknown,
  network: IdentityNetworkClient,
  credentialKind: Settings['credential']['kind'],
  presentedClaims: Record<string, unknown> | undefined
): TokenError {
  if (err instanceof TokenError) return err
  const e = err as { errorCode?: string; errorMessage?: string; status?: number; message?: string }
  const oddity = network.lastOddity
  const errorCode = oddity?.kind ?? (e.errorCode || 'unknown_error')
  return new TokenError({
    errorCode,
    description: e.errorMessage || e.message || '',
    status: e.status ?? oddity?.status,
    ...(oddity?.kind === 'redirected' ? { location: oddity.location } : {}),
    ...(oddity?.kind === 'html_response' ? { htmlExcerpt: oddity.excerpt } : {}),
    networkCause: errorCode === 'network_error' ? describeNetworkError(network.lastError) : undefined,
    credentialKind,
    presentedClaims,
    retryAfterMs: network.lastRetryAfterMs
  })
}

/** A one-line account of a transport failure, e.g. "ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1". */
function describeNetworkError(err: Error | undefined): string | undefined {
  if (!err) return undefined
  const code = (err as NodeJS.ErrnoException).code
  return code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message
}
