/**
 * Why Microsoft Graph refused a request, told from the claims of the token that was presented,
 * as auth-refusal.ts does for SMTP. `403 ErrorAccessDenied` covers two set-ups: the token carries
 * Mail.Send (Entra consent is there, so the mailbox is outside the app's RBAC scope or access
 * policy) or it carries no role (neither consent nor an RBAC assignment covers the mailbox; an
 * RBAC-only app carries none either, which is why the action sends anyway). `401` is most often a
 * token for another resource. Pure: claims and values come in as data, and every fix comes out
 * filled with this run's real IDs.
 */
import { GRAPH_PROPAGATION } from './catalogue-graph.js'
import type { TokenClaims } from '../auth/claims.js'
import type { GraphErrorFacts } from '../graph/graph-error.js'

/** The application permission sendMail needs (Entra consent, or Exchange's "Application Mail.Send" role). */
export const GRAPH_SEND_ROLE = 'Mail.Send'

/** Drafts and upload sessions (messages over Graph's single-request limit) need this one too. */
export const GRAPH_DRAFT_ROLE = 'Mail.ReadWrite'

/** The application ID of Microsoft Graph: an audience equivalent to its host, in every cloud. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'

/** The run's values the fixes are filled with. */
export interface GraphRefusalValues {
  tenant?: string
  clientId?: string
  mailbox?: string
  cloud?: string
  scope?: string
  graphHost?: string
}

/** Headline, fix and extra facts that replace the catalogue's generic ones. */
interface GraphRefusalAdvice {
  headline: string
  fix: string[]
  details: string[]
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const origin = (value: string): string => value.replace(/\/+$/, '').toLowerCase()

/**
 * Advice for a refusal of the app's rights (`access`) or of its token (`token`), most likely cause
 * first, from the claims of the token that was presented.
 */
export function graphRefusalAdvice(
  kind: 'access' | 'token',
  claims: TokenClaims,
  operation: GraphErrorFacts['operation'],
  v: GraphRefusalValues
): GraphRefusalAdvice {
  const details = [
    `Presented access token: aud=${claims.aud ?? '?'} tid=${claims.tid ?? '?'} appid=${claims.appid ?? '?'} oid=${claims.oid ?? '?'} roles=${claims.roles?.join(',') || '(none)'}`
  ]
  const advice = kind === 'token' ? tokenAdvice(claims, v) : accessAdvice(claims, operation, v)
  return { ...advice, details }
}

/** ErrorAccessDenied: which grant is missing, told by the roles the token carries. */
function accessAdvice(
  claims: TokenClaims,
  operation: GraphErrorFacts['operation'],
  v: GraphRefusalValues
): Omit<GraphRefusalAdvice, 'details'> {
  const mailbox = v.mailbox ?? '<mailbox>'
  const roles = claims.roles ?? []
  if (operation !== 'sendMail' && !roles.includes(GRAPH_DRAFT_ROLE)) {
    return {
      headline: `The message is too large for one Graph request, and Graph refused the large-message path (${operation}): it needs ${GRAPH_DRAFT_ROLE} for ${mailbox}, which the token does not carry (an RBAC-only grant carries no role either).`,
      fix: [
        `Attach less (check 'attachments' and 'max-attachment-size'), so that the message fits in one request; or use transport: smtp.`,
        `Or give the app ${GRAPH_DRAFT_ROLE} for this mailbox only, scoped like Mail.Send: ${roleAssignment('Application Mail.ReadWrite', claims, v)}`,
        GRAPH_PROPAGATION
      ]
    }
  }
  if (roles.includes(GRAPH_SEND_ROLE)) {
    return {
      headline: `The token carries ${GRAPH_SEND_ROLE}, so Entra consent is there, yet Graph refused the mailbox ${mailbox}: it is outside the app's application access policy or RBAC scope, or the grant is too new to have reached Exchange.`,
      fix: [
        `An application access policy may shut the mailbox out: Test-ApplicationAccessPolicy -Identity ${mailbox} -AppId ${app(claims, v)} (add the mailbox to the policy's group, or replace the policy as below).`,
        `Give the app this mailbox through RBAC for Applications, in Exchange Online PowerShell (Connect-ExchangeOnline): ${roleAssignment('Application Mail.Send', claims, v)}. Then remove the Entra ${GRAPH_SEND_ROLE} consent (and any access policy): grants add up, and a leftover consent lets the app send as anyone in the tenant.`,
        `Check: Test-ServicePrincipalAuthorization -Identity ${sp(claims)} -Resource ${mailbox}`,
        GRAPH_PROPAGATION
      ]
    }
  }
  const found = roles.length ? `roles: ${roles.join(', ')}` : 'no roles claim'
  return {
    headline: `The token carries no ${GRAPH_SEND_ROLE} role (${found}), and Exchange's RBAC for Applications does not give the app the mailbox ${mailbox} either: no grant covers it.`,
    fix: [
      `Either grant it through Exchange's RBAC for Applications only (then the token carries no role), in Exchange Online PowerShell: ${servicePrincipal(claims, v)} ; ${roleAssignment('Application Mail.Send', claims, v)}`,
      ...graphConsentFix(claims, v),
      `Check: Test-ServicePrincipalAuthorization -Identity ${sp(claims)} -Resource ${mailbox}`,
      GRAPH_PROPAGATION
    ]
  }
}

/** InvalidAuthenticationToken: a token for another resource, cloud or tenant. */
function tokenAdvice(claims: TokenClaims, v: GraphRefusalValues): Omit<GraphRefusalAdvice, 'details'> {
  const host = v.graphHost ?? 'https://graph.microsoft.com'
  const aud = claims.aud ?? ''
  const audienceOk = [origin(host), GRAPH_APP_ID].includes(origin(aud))
  if (aud && !audienceOk && /outlook|office365/i.test(aud)) {
    return {
      headline: `The token is for Exchange Online (aud ${aud}), not for Microsoft Graph: the token scope (${v.scope ?? '?'}) is Exchange's.`,
      fix: [
        `Leave 'token-scope' empty: with transport: graph it becomes ${host}/.default. (An Exchange scope is what transport: smtp needs.)`
      ]
    }
  }
  if (aud && !audienceOk) {
    return {
      headline: `The token is for ${aud}, but the request went to Microsoft Graph at ${host}: the token scope and 'graph-host' are from different clouds or resources.`,
      fix: [
        `Set 'cloud' to the tenant's cloud (now '${v.cloud ?? 'public'}') and leave 'graph-host' and 'token-scope' empty, so that both follow it (now ${host} and ${v.scope ?? '?'}).`
      ]
    }
  }
  if (claims.tid && v.tenant && GUID.test(v.tenant) && claims.tid.toLowerCase() !== v.tenant.toLowerCase()) {
    return {
      headline: `The token was issued by tenant ${claims.tid}, not by the configured tenant ${v.tenant}.`,
      fix: [
        `Set 'tenant-id' to the Directory (tenant) ID of the tenant that holds the mailbox${v.mailbox ? ` ${v.mailbox}` : ''}.`
      ]
    }
  }
  return {
    headline: `The token is for Microsoft Graph (aud ${aud || '?'}), yet Graph refused it: Graph's own words above say why (an expired token, or a clock far off on the runner).`,
    fix: [
      'Run the step again: the action requests a fresh token on every run.',
      "If it persists, check the runner's clock, and that 'graph-host' and 'authority-host' are Microsoft's hosts of one cloud (no proxy rewriting the Authorization header)."
    ]
  }
}

function app(claims: TokenClaims, v: GraphRefusalValues): string {
  return claims.appid ?? v.clientId ?? '<application (client) ID>'
}

/** The service principal's object ID (the token's oid), as Exchange's RBAC cmdlets take it. */
function sp(claims: TokenClaims): string {
  return claims.oid ?? '<object ID of Entra → Enterprise applications → (this app)>'
}

/** Registers the app's service principal with Exchange, with the oid the token carries. */
function servicePrincipal(claims: TokenClaims, v: GraphRefusalValues): string {
  return `New-ServicePrincipal -AppId ${app(claims, v)} -ObjectId ${sp(claims)}`
}

/** A management scope of the one mailbox, and the role assigned to the app within it. */
function roleAssignment(role: string, claims: TokenClaims, v: GraphRefusalValues): string {
  const mailbox = v.mailbox ?? '<mailbox>'
  const scope = `Send as ${mailbox}`
  return `New-ManagementScope -Name "${scope}" -RecipientRestrictionFilter "UserPrincipalName -eq '${mailbox}'" ; New-ManagementRoleAssignment -Role "${role}" -App ${sp(claims)} -CustomResourceScope "${scope}" (if the scope exists already, only the second command; if Exchange does not know the app yet, first ${servicePrincipal(claims, v)})`
}

/** Entra admin consent for Graph's Mail.Send, which must then be scoped. */
function graphConsentFix(claims: TokenClaims, v: GraphRefusalValues): string[] {
  const id = app(claims, v)
  return [
    `Or grant admin consent: Entra admin center → App registrations → (app ${id}) → API permissions → Add a permission → Microsoft Graph → Application permissions → ${GRAPH_SEND_ROLE}, then "Grant admin consent". Or with the Azure CLI: az ad app permission add --id ${id} --api ${GRAPH_APP_ID} --api-permissions "$(az ad sp show --id ${GRAPH_APP_ID} --query "appRoles[?value=='${GRAPH_SEND_ROLE}'].id" -o tsv)=Role" && az ad app permission admin-consent --id ${id}. Consented, ${GRAPH_SEND_ROLE} lets the app send as anyone in the tenant, and an RBAC scope does not narrow it: prefer the RBAC assignment alone.`
  ]
}
