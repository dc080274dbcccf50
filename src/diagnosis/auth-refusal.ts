/**
 * Why Exchange Online refused SMTP AUTH, told from the claims of the token that was presented.
 * Exchange answers four different set-up mistakes with the same `535 5.7.3`; the token shows
 * which side is missing: no SMTP.SendAsApp role → Entra admin consent; the role present →
 * Exchange does not know the service principal or has not given it the mailbox; a foreign
 * audience or tenant → wrong cloud or tenant. Pure: claims and values come in as data, and every
 * fix comes out filled with this run's real IDs.
 */
import { GRAPH_WAY_OUT, SECURITY_DEFAULTS } from './catalogue-smtp.js'
import { EXCHANGE_APP_ID, SEND_ROLE, type ClaimsAssessment, type TokenClaims } from '../auth/claims.js'

/** The run's values the fixes are filled with. */
export interface RefusalValues {
  tenant?: string
  clientId?: string
  mailbox?: string
  authorityHost?: string
  cloud?: string
  scope?: string
}

/** Headline, fix and extra facts that replace the catalogue's generic ones. */
interface RefusalAdvice {
  headline: string
  fix: string[]
  details: string[]
}

/** Exchange applies new service principals and permissions after a delay: retrying at once proves nothing. */
const PROPAGATION =
  'Exchange Online applies a new service principal or permission after a delay (allow up to an hour): if you changed it just now, run the step again later.'

/** Where and how to grant admin consent for SMTP.SendAsApp, with this app's IDs. */
export function consentFix(claims: TokenClaims | undefined, v: RefusalValues): string[] {
  const app = claims?.appid ?? v.clientId ?? '<application (client) ID>'
  const tenant = claims?.tid ?? v.tenant ?? '<tenant>'
  const authority = v.authorityHost ?? 'https://login.microsoftonline.com'
  return [
    `Entra admin center → App registrations → (app ${app}) → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → ${SEND_ROLE} → Add permissions, then "Grant admin consent for <your organisation>" (needs a Privileged Role Administrator, Cloud Application Administrator or Application Administrator).`,
    `Or with the Azure CLI: az ad app permission add --id ${app} --api ${EXCHANGE_APP_ID} --api-permissions "$(az ad sp show --id ${EXCHANGE_APP_ID} --query "appRoles[?value=='${SEND_ROLE}'].id" -o tsv)=Role" && az ad app permission admin-consent --id ${app}`,
    `Or have an administrator open ${authority}/${tenant}/adminconsent?client_id=${app} (grants the permissions already listed on the app registration).`
  ]
}

/** The Exchange Online PowerShell that registers the service principal and gives it the mailbox. */
function exchangeFix(claims: TokenClaims | undefined, v: RefusalValues): string[] {
  const app = claims?.appid ?? v.clientId ?? '<application (client) ID>'
  const oid = claims?.oid ?? '<object ID of Entra → Enterprise applications → (this app)>'
  const mailbox = v.mailbox ?? '<mailbox>'
  return [
    `In Exchange Online PowerShell (Connect-ExchangeOnline), register the app's service principal: New-ServicePrincipal -AppId ${app} -ObjectId ${oid}${claims?.oid ? " (the oid of the presented token: the enterprise application's object ID, not the app registration's)" : ''}`,
    `Give it the mailbox it authenticates as: Add-MailboxPermission -Identity ${mailbox} -User ${oid} -AccessRights FullAccess`,
    `Check both: Get-ServicePrincipal -Identity ${oid} ; Get-MailboxPermission -Identity ${mailbox} -User ${oid}`,
    PROPAGATION
  ]
}

/**
 * Turns SMTP AUTH on, where it can be: under security defaults it is off for every mailbox and the
 * per-mailbox switch does not help (Microsoft's "Enable or disable SMTP AUTH in Exchange Online"),
 * so that is checked first, and Graph is the way out where SMTP AUTH stays off.
 */
function smtpAuthFix(mailbox: string | undefined): string[] {
  return [
    SECURITY_DEFAULTS,
    GRAPH_WAY_OUT,
    `Without security defaults, turn it on for this mailbox alone, in Exchange Online PowerShell: Set-CASMailbox -Identity ${mailbox ?? '<mailbox>'} -SmtpClientAuthenticationDisabled $false (it overrides the tenant-wide setting).`,
    PROPAGATION
  ]
}

/** The fix for a token issued for another resource (another cloud, or a scope not of Exchange). */
export function audienceFix(v: RefusalValues): string[] {
  return [
    `Set 'cloud' to the cloud of the tenant (now '${v.cloud ?? 'public'}'), and leave 'token-scope' and 'smtp-host' empty so both follow it (now ${v.scope ?? '?'}).`
  ]
}

/** The fix for a token from another tenant. */
export function tenantFix(claims: TokenClaims, v: RefusalValues): string[] {
  return [
    `Set 'tenant-id' to the Directory (tenant) ID of the tenant that holds the mailbox${v.mailbox ? ` ${v.mailbox}` : ''}; the app (${claims.appid ?? v.clientId ?? '?'}) got its token from tenant ${claims.tid ?? '?'}. A multi-tenant app must be consented to in the mailbox's tenant.`
  ]
}

/**
 * Advice for a refused AUTH (`535 5.7.3`, or `5.7.139` when SMTP AUTH is off), most likely cause
 * first. A missing role does not stop the action from trying AUTH: with Exchange's RBAC for
 * Applications the permission comes from Exchange and the token carries no role.
 */
export function refusedAuthAdvice(
  enhanced: '5.7.3' | '5.7.139',
  claims: TokenClaims,
  assessment: ClaimsAssessment,
  v: RefusalValues
): RefusalAdvice {
  const details = [
    `Presented access token: aud=${claims.aud ?? '?'} tid=${claims.tid ?? '?'} appid=${claims.appid ?? '?'} oid=${claims.oid ?? '?'} roles=${claims.roles?.join(',') || '(none)'}`
  ]
  if (enhanced === '5.7.139') {
    const fix = smtpAuthFix(v.mailbox)
    if (assessment.role.state !== 'ok') {
      details.push(
        `Also: ${assessment.role.note}. Once SMTP AUTH is on, admin consent is needed too (unless Exchange's RBAC for Applications grants it):`
      )
      fix.push(...consentFix(claims, v))
    }
    return {
      headline: `SMTP AUTH is turned off for ${v.mailbox ?? 'the mailbox'} or for the whole tenant, as security defaults do (535 5.7.139): Exchange refused to authenticate at all.`,
      fix,
      details
    }
  }
  if (assessment.audience.state === 'fail') {
    return {
      headline: `Exchange refused the token because it is for another resource: ${assessment.audience.note}.`,
      fix: audienceFix(v),
      details
    }
  }
  if (assessment.tenant.state === 'fail') {
    return {
      headline: `Exchange refused the token because it comes from another tenant: ${assessment.tenant.note}.`,
      fix: tenantFix(claims, v),
      details
    }
  }
  if (assessment.role.state !== 'ok') {
    return {
      headline: `Admin consent for ${SEND_ROLE} is missing or not yet effective: the token that was presented carries no ${SEND_ROLE} role (${assessment.role.note}).`,
      fix: [
        ...consentFix(claims, v),
        `If SMTP is granted through Exchange's RBAC for Applications instead (then the token carries no role), the Exchange side is what is missing:`,
        ...exchangeFix(claims, v)
      ],
      details
    }
  }
  return {
    headline: `The token carries ${SEND_ROLE}, so Entra ID is set up: Exchange Online does not know the app's service principal (${claims.oid ?? 'oid unknown'}) or has not given it the mailbox${v.mailbox ? ` ${v.mailbox}` : ''}.`,
    fix: exchangeFix(claims, v),
    details
  }
}
