import { CLOUDS, CLOUD_NAMES, isCloudName } from './clouds.js'
import { parseCredential } from './credential.js'
import { InputError } from './input-error.js'
import { inputReader, parseInteger, required, type InputValue, type RawInputs } from './read-inputs.js'
import type { Settings } from './settings.js'

/** Who signs in where, and the SMTP server to reach. */
type Connection = Pick<
  Settings,
  | 'tenantId'
  | 'clientId'
  | 'credential'
  | 'cloud'
  | 'authorityHost'
  | 'scope'
  | 'smtpHost'
  | 'smtpPort'
  | 'implicitTls'
  | 'smtpProxy'
  | 'transport'
  | 'graphHost'
>

/** The accepted values of `transport`. */
const TRANSPORTS = ['smtp', 'graph'] as const

/**
 * The tenant, the app and its credential, and the endpoints: the chosen cloud's presets, each
 * overridable by its own input. A proxy password goes to `derivedSecrets`, to be masked.
 */
export function parseConnection(raw: RawInputs, derivedSecrets: string[]): Connection {
  const get = inputReader(raw)
  const transport = parseTransport(get('transport'))
  const { tenantId, clientId } = parseApp(get)

  const cloud = get('cloud') || 'public'
  if (!isCloudName(cloud)) {
    throw new InputError('cloud', `unknown cloud '${cloud}'; use one of ${CLOUD_NAMES.join(', ')}.`)
  }
  const preset = CLOUDS[cloud]

  const authorityHost = parseOrigin(
    get('authority-host') || preset.authorityHost,
    'authority-host',
    preset.authorityHost
  )
  const graphHost = parseOrigin(get('graph-host') || preset.graphHost, 'graph-host', preset.graphHost)
  // The token is for the resource the transport talks to: Exchange Online, or Microsoft Graph.
  const scope = get('token-scope') || (transport === 'graph' ? preset.graphScope : preset.scope)
  if (/\s/.test(scope)) throw new InputError('token-scope', 'must be a single scope without spaces.')

  const credential = parseCredential(raw, preset.oidcAudience, derivedSecrets)

  const smtpHost = get('smtp-host') || preset.smtpHost
  if (!/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/.test(smtpHost)) {
    throw new InputError('smtp-host', `'${smtpHost}' is not a host name.`)
  }
  const smtpPort = parseInteger(get('smtp-port') || '587', 'smtp-port', 1, 65535)
  const smtpProxy = parseProxy(get('smtp-proxy'), derivedSecrets)
  return {
    tenantId,
    clientId,
    credential,
    cloud,
    authorityHost,
    scope,
    smtpHost,
    smtpPort,
    implicitTls: smtpPort === 465,
    ...(smtpProxy ? { smtpProxy } : {}),
    transport,
    graphHost
  }
}

/** `smtp` (the default) or `graph`; anything else is refused before any network use. */
function parseTransport(value: string): Settings['transport'] {
  const transport = (value || 'smtp').toLowerCase()
  if ((TRANSPORTS as readonly string[]).includes(transport)) return transport as Settings['transport']
  throw new InputError('transport', `unknown transport '${value}'; use ${TRANSPORTS.join(' or ')}.`)
}

function parseApp(get: InputValue): { tenantId: string; clientId: string } {
  const tenantId = required(get('tenant-id'), 'tenant-id')
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(tenantId)) {
    throw new InputError(
      'tenant-id',
      `'${tenantId}' is neither a directory (tenant) ID nor a domain name. Copy the Directory (tenant) ID from the app registration's Overview page in the Entra admin center.`
    )
  }
  const clientId = required(get('client-id'), 'client-id')
  if (!/^[A-Za-z0-9-]+$/.test(clientId)) {
    throw new InputError(
      'client-id',
      `'${clientId}' is not an application (client) ID. Copy it from the app registration's Overview page.`
    )
  }
  return { tenantId, clientId }
}

/** An https origin (scheme, host, port), as `authority-host` and `graph-host` take it. */
function parseOrigin(value: string, input: 'authority-host' | 'graph-host', example: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(input, `'${value}' is not a URL; use e.g. ${example}.`)
  }
  if (url.protocol !== 'https:') throw new InputError(input, `must use https, got '${value}'.`)
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    const what = input === 'authority-host' ? 'a tenant or path' : 'a path such as /v1.0'
    throw new InputError(input, `give only the scheme and host (e.g. ${example}), without ${what}: '${value}'.`)
  }
  return url.origin
}

function parseProxy(value: string, derivedSecrets: string[]): string | undefined {
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError('smtp-proxy', 'is not a URL; use http://proxy.example.com:3128.')
  }
  if (url.password) derivedSecrets.push(decodeURIComponent(url.password))
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError('smtp-proxy', `must be an http:// or https:// CONNECT proxy, got '${url.protocol}'.`)
  }
  return url.href
}
