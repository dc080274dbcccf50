/**
 * The facts an Exchange Online access token carries about the set-up: which resource it is for
 * (`aud`), which tenant issued it (`tid`), which app (`appid`) and service principal (`oid`) it
 * speaks for, and which application roles admin consent gave it (`roles`). Read for diagnosis
 * only: the signature is never checked (Exchange checks it; the action only explains a refusal)
 * and the token itself is never kept or printed. Node's Buffer decodes base64url; no library.
 */

/** The application permission SMTP AUTH needs in the token (or from Exchange's RBAC for Applications). */
export const SEND_ROLE = 'SMTP.SendAsApp'

/** The application ID of the Office 365 Exchange Online API (the resource of SMTP.SendAsApp). */
export const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000'

/** The claims of an access token that tell set-up problems apart; any of them may be absent. */
export interface TokenClaims {
  /** Audience: the resource the token is for, e.g. https://outlook.office365.com. */
  aud?: string
  /** Tenant ID that issued the token. */
  tid?: string
  /** Application (client) ID. */
  appid?: string
  /** Object ID of the app's service principal (the enterprise application), as New-ServicePrincipal needs it. */
  oid?: string
  /** Application roles granted by admin consent. */
  roles?: string[]
  /** Identity type: `app` for an app-only token. */
  idtyp?: string
}

/**
 * The claims of a JWT access token, or undefined when the token is not a JWT (opaque tokens are
 * allowed: the diagnosis then says less). Never throws, never verifies.
 */
export function readClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts[1]) return undefined
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return undefined
  const p = payload as Record<string, unknown>
  // IDs and role names are short printable ASCII; anything else is not a claim worth repeating
  // in a log line (and could carry line breaks into it).
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && /^[\x21-\x7e]{1,200}$/.test(value) ? value : undefined
  const claims: TokenClaims = {}
  const aud = Array.isArray(p.aud) ? text(p.aud[0]) : text(p.aud)
  if (aud) claims.aud = aud
  for (const name of ['tid', 'appid', 'oid', 'idtyp'] as const) {
    const value = text(p[name]) ?? (name === 'appid' ? text(p.azp) : undefined)
    if (value) claims[name] = value
  }
  if (Array.isArray(p.roles)) claims.roles = p.roles.map(text).filter((r): r is string => r !== undefined)
  return claims
}

/** One line for the debug log: IDs only (they identify objects, they grant nothing). */
export function formatClaims(claims: TokenClaims | undefined): string {
  if (!claims) return 'Access token: not a JWT; its claims cannot be read.'
  const show = (value: string | undefined): string => value ?? '(absent)'
  const roles = claims.roles ? claims.roles.join(',') || '(none)' : '(absent)'
  return `Access token claims: aud=${show(claims.aud)} tid=${show(claims.tid)} appid=${show(claims.appid)} oid=${show(claims.oid)} roles=${roles} idtyp=${show(claims.idtyp)}`
}

/** ok: as expected; warn: likely a problem, not certain; fail: wrong; unknown: could not be told. */
export type CheckState = 'ok' | 'warn' | 'fail' | 'unknown'

/** One compared claim. */
export interface ClaimCheck {
  /** How it compares. */
  state: CheckState
  /** What was found, in words, with the values. */
  note: string
}

/** What the action expected of the token, from its settings. */
export interface ClaimExpectations {
  /** The configured tenant: a GUID, or a domain (which cannot be compared with `tid`). */
  tenant: string
  /** The OAuth scope requested. */
  scope: string
  /** The SMTP host the token is presented to. */
  smtpHost: string
}

/** The token's audience, tenant and role compared with what the run expected. */
export interface ClaimsAssessment {
  audience: ClaimCheck
  tenant: ClaimCheck
  role: ClaimCheck
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The Exchange Online audiences of each cloud, by the SMTP host that cloud's mailboxes use. */
const CLOUD_AUDIENCES: readonly { smtpHosts: string[]; audiences: string[]; label: string }[] = [
  {
    smtpHosts: ['smtp.office365.com', 'outlook.office365.com'],
    audiences: ['https://outlook.office365.com', 'https://outlook.office.com'],
    label: 'Microsoft 365 worldwide'
  },
  {
    smtpHosts: ['smtp.office365.us', 'outlook.office365.us'],
    audiences: ['https://outlook.office365.us'],
    label: 'GCC High'
  },
  {
    smtpHosts: ['outlook-dod.office365.us'],
    audiences: ['https://outlook-dod.office365.us'],
    label: 'DoD'
  },
  {
    smtpHosts: ['smtp.partner.outlook.cn', 'partner.outlook.cn'],
    audiences: ['https://partner.outlook.cn'],
    label: '21Vianet'
  }
]

const trimSlash = (value: string): string => value.replace(/\/+$/, '').toLowerCase()

/** The resource part of a `/.default` scope: https://outlook.office365.com/.default → https://outlook.office365.com. */
function scopeResource(scope: string): string {
  return scope.replace(/\/\.default$/i, '')
}

/**
 * Compares the claims with the run's settings. The audience is checked against the SMTP host's
 * cloud when the host is one of Microsoft's, else against the requested scope; a tenant given as
 * a domain cannot be compared with `tid` (that needs a lookup the action does not make).
 */
export function assessClaims(claims: TokenClaims, expected: ClaimExpectations): ClaimsAssessment {
  return {
    audience: assessAudience(claims.aud, expected),
    tenant: assessTenant(claims.tid, expected.tenant),
    role: assessRole(claims.roles)
  }
}

function assessAudience(aud: string | undefined, expected: ClaimExpectations): ClaimCheck {
  if (!aud) return { state: 'unknown', note: 'the token has no aud claim' }
  const cloud = CLOUD_AUDIENCES.find((c) => c.smtpHosts.includes(expected.smtpHost.toLowerCase()))
  const wanted = cloud ? cloud.audiences : [scopeResource(expected.scope)]
  // The Exchange API's application ID is an equivalent audience in every cloud.
  if ([...wanted, EXCHANGE_APP_ID].map(trimSlash).includes(trimSlash(aud))) {
    return { state: 'ok', note: `aud ${aud}` }
  }
  const where = cloud
    ? `${expected.smtpHost} (${cloud.label}) expects ${wanted.join(' or ')}`
    : `the requested scope ${expected.scope} is for ${wanted[0]}`
  return { state: 'fail', note: `the token is for ${aud}, but ${where}` }
}

function assessTenant(tid: string | undefined, tenant: string): ClaimCheck {
  if (!tid) return { state: 'unknown', note: 'the token has no tid claim' }
  if (!GUID.test(tenant)) {
    return {
      state: 'unknown',
      note: `tid ${tid}; 'tenant-id' is the domain ${tenant}, which cannot be compared with it`
    }
  }
  if (tid.toLowerCase() === tenant.toLowerCase()) return { state: 'ok', note: `tid ${tid}` }
  return { state: 'fail', note: `the token was issued by tenant ${tid}, not by the configured tenant ${tenant}` }
}

function assessRole(roles: string[] | undefined): ClaimCheck {
  if (roles?.includes(SEND_ROLE)) return { state: 'ok', note: `roles include ${SEND_ROLE}` }
  const found = roles?.length ? `roles: ${roles.join(', ')}` : 'no roles claim'
  return { state: 'warn', note: `${found}; ${SEND_ROLE} is missing` }
}
