/**
 * What went wrong and what to do about it: a headline in the run's own terms, the server's words,
 * and the meaning and fix of the failure's catalogue entry filled in with the run's values. Pure.
 */
import { troubleshootingAnchor } from './anchor.js'
import { refusedAuthAdvice } from './auth-refusal.js'
import type { CatalogueEntry } from './catalogue.js'
import type { Failure } from './failure.js'
import { graphAccount } from './graph-account.js'
import { graphRefusalAdvice } from './graph-refusal.js'
import { aadstsCodes, catalogueEntry, detectedCode } from './match.js'
import type { Diagnosis, DiagnosisContext } from './types.js'
import { assessClaims } from '../auth/claims.js'
import { boundedList } from '../shared/bounded-text.js'
import type { Settings } from '../inputs/settings.js'
import type { RecipientResponse } from '../smtp/outcome.js'

export type { Diagnosis, DiagnosisContext } from './types.js'

/** The run's values that fill in the fixes, from the settings. */
export function diagnosisContext(settings: Settings): DiagnosisContext {
  const c = settings.credential
  return {
    tenant: settings.tenantId,
    clientId: settings.clientId,
    mailbox: settings.smtpUser,
    from: settings.from.address,
    cloud: settings.cloud,
    authorityHost: settings.authorityHost,
    smtpHost: settings.smtpHost,
    smtpPort: settings.smtpPort,
    ...(settings.transport ? { transport: settings.transport } : {}),
    ...(settings.graphHost ? { graphHost: settings.graphHost } : {}),
    scope: settings.scope,
    audience: c.kind === 'oidc' ? c.audience : undefined,
    thumbprint: c.kind === 'certificate' ? c.thumbprintSha256 : undefined,
    notAfter: c.kind === 'certificate' ? c.notAfter : undefined
  }
}

/** Fills {placeholders} with the run's values; unknown ones stay visible. */
export function fillIn(text: string, values: Record<string, string | number | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key]
    return value === undefined || value === '' ? whole : String(value)
  })
}

/** What the step says about a failure before any catalogue advice. */
type Account = Pick<Diagnosis, 'headline' | 'serverText' | 'correlationId' | 'traceId' | 'details'>

/**
 * Finds what went wrong and what to do about it, top-down: match the failure against the
 * catalogue (match.ts), tell what happened, then advise from the entry; formatting is the
 * caller's (format.ts). Nothing here is called back from below. Pure.
 */
export function diagnose(f: Failure, ctx: DiagnosisContext): Diagnosis {
  if (f.source === 'input') return { headline: f.message, fix: [], details: [] }
  const entry = catalogueEntry(f)
  const detected = detectedCode(f)
  const account: Account =
    f.source === 'entra'
      ? entraAccount(f, ctx, detected)
      : f.source === 'smtp'
        ? smtpAccount(f, ctx)
        : f.source === 'graph'
          ? graphAccount(f, ctx)
          : { headline: f.message, details: [] }
  const diagnosis: Diagnosis = { headline: account.headline, fix: [], details: account.details }
  if (account.serverText !== undefined) diagnosis.serverText = account.serverText
  if (account.correlationId !== undefined) diagnosis.correlationId = account.correlationId
  if (account.traceId !== undefined) diagnosis.traceId = account.traceId
  if (entry) advise(diagnosis, entry, f, ctx)
  return diagnosis
}

/** The token endpoint's failure: what happened, Entra's own words and IDs, what was presented. */
function entraAccount(
  f: Extract<Failure, { source: 'entra' }>,
  ctx: DiagnosisContext,
  detected: string | undefined
): Account {
  let serverText = entraText(f.description) || undefined
  const code = aadstsCodes(f.description)[0]
  const at = ctx.authorityHost ?? 'the authority host'
  let headline: string
  if (detected === 'token_timeout') {
    headline = `The Entra ID token endpoint at ${at} did not answer within the step's time budget (timeout-seconds); no token, so nothing was sent.`
    serverText = undefined
  } else if (f.errorCode === 'network_error') {
    headline = `Could not reach the Entra ID token endpoint at ${at}${f.networkCause ? `: ${f.networkCause}` : ''}.`
    serverText = undefined
  } else if (f.errorCode === 'html_response') {
    headline = `The token endpoint at ${at} (or a proxy in front of it) answered HTTP ${f.status ?? '?'} with an HTML page, not a token response.`
    serverText = f.htmlExcerpt || undefined
  } else if (f.errorCode === 'redirected') {
    headline = `The token endpoint at ${at} redirected the request (HTTP ${f.status ?? '?'}) to ${f.location ?? 'another address'}; the action does not follow redirects, so the credential was not sent there.`
    serverText = undefined
  } else if (f.errorCode === 'oidc_token_unavailable') {
    headline = 'The runner could not issue a GitHub OIDC token.'
  } else {
    headline = `Entra ID refused the token request${code ? ` (AADSTS${code})` : ` (${f.errorCode}${f.status ? `, HTTP ${f.status}` : ''})`}.`
  }
  const details: string[] = []
  const claims = f.claims
  if (claims) {
    details.push(
      `Presented GitHub OIDC token: iss=${claimText(claims.iss) ?? '?'} sub=${claimText(claims.sub) ?? '?'} aud=${claimText(claims.aud) ?? '?'}`
    )
  }
  if (ctx.thumbprint && f.credentialKind === 'certificate') {
    const validity = ctx.notAfter ? `, valid until ${ctx.notAfter}` : ''
    details.push(`Presented certificate: SHA-256 thumbprint ${ctx.thumbprint.toUpperCase()}${validity}`)
  }
  return {
    headline,
    serverText,
    correlationId: /Correlation ID:\s*([0-9a-f-]{36})/i.exec(f.description)?.[1],
    traceId: /Trace ID:\s*([0-9a-f-]{36})/i.exec(f.description)?.[1],
    details
  }
}

/** The SMTP server's failure: what it refused (or that it could not be reached), in its words. */
function smtpAccount(f: Extract<Failure, { source: 'smtp' }>, ctx: DiagnosisContext): Account {
  const where = `${ctx.smtpHost ?? 'the SMTP server'}:${ctx.smtpPort ?? ''}`.replace(/:$/, '')
  const basic = f.responseCode ?? 0
  let headline: string
  if (f.offered) {
    headline = `The SMTP server ${where} does not offer XOAUTH2 after STARTTLS (it offers ${f.offered.length ? f.offered.join(', ') : 'no authentication at all'}); no AUTH was sent. 'smtp-host' must be an Exchange Online submission endpoint, such as smtp.office365.com port 587.`
  } else if (f.size) {
    headline = `The message is ${f.size.message} bytes, larger than the ${f.size.limit} bytes the SMTP server ${where} accepts (its EHLO SIZE); it was not uploaded.`
  } else if (f.rejected?.length && f.accepted?.length) {
    headline = `Delivered to ${counted(f.accepted.length)}${boundedList(f.accepted)}, but the SMTP server ${where} rejected ${counted(f.rejected.length)}${describeRefusals(f.rejected)}`
  } else if (f.rejected?.length) {
    headline = `The SMTP server ${where} rejected every recipient: ${counted(f.rejected.length)}${describeRefusals(f.rejected)}`
  } else if (f.response && /^AUTH/i.test(f.command ?? '') && basic >= 400 && basic < 500) {
    headline = `The SMTP server ${where} could not check the token for now (a temporary failure, retried until the attempts or the time ran out): ${f.response.split(/\r?\n/)[0]}`
  } else if (f.response) {
    headline = `The SMTP server ${where} refused ${commandName(f.command)}: ${f.response.split(/\r?\n/)[0]}`
  } else {
    headline = `SMTP to ${where} failed: ${f.message}`
  }
  return {
    headline,
    serverText: f.response?.replace(/\s*\r?\n\s*/g, ' ').trim() || undefined,
    details: f.challenge ? [`The server's XOAUTH2 challenge (decoded): ${f.challenge}`] : []
  }
}

/**
 * Adds the entry's meaning, fix and link, filled in with the run's values; a refused AUTH is told
 * apart further by the claims of the token that was presented (auth-refusal.ts).
 */
function advise(diagnosis: Diagnosis, entry: CatalogueEntry, f: Failure, ctx: DiagnosisContext): void {
  const claims = f.source === 'entra' ? f.claims : undefined
  const { token: _token, troubleshooting: _link, ...plain } = ctx
  const values: Record<string, string | number | undefined> = {
    ...plain,
    // a connection failure to Graph is one to its host on 443, whatever the SMTP settings say
    ...(f.source === 'graph' ? { smtpHost: hostOf(ctx.graphHost), smtpPort: 443 } : {}),
    issuer: claimText(claims?.iss) ?? 'https://token.actions.githubusercontent.com',
    subject: claimText(claims?.sub),
    audience: claimText(claims?.aud) ?? ctx.audience
  }
  diagnosis.entry = entry
  diagnosis.meaning = fillIn(entry.meaning, values)
  diagnosis.fix = entry.fix.map((line) => fillIn(line, values))
  diagnosis.link = ctx.troubleshooting ? `${ctx.troubleshooting}#${troubleshootingAnchor(entry.id)}` : entry.docs
  const refused = entry.authRefusal
  if (refused && ctx.token) {
    const assessment = assessClaims(ctx.token, {
      tenant: ctx.tenant ?? '',
      scope: ctx.scope ?? '',
      smtpHost: ctx.smtpHost ?? ''
    })
    const advice = refusedAuthAdvice(refused, ctx.token, assessment, ctx)
    diagnosis.headline = `${advice.headline}\n${diagnosis.headline}`
    diagnosis.fix = advice.fix
    diagnosis.details.push(...advice.details)
  }
  if (entry.graphRefusal && ctx.token && f.source === 'graph') {
    const advice = graphRefusalAdvice(entry.graphRefusal, ctx.token, f.operation, ctx)
    diagnosis.headline = `${advice.headline}\n${diagnosis.headline}`
    diagnosis.fix = advice.fix
    diagnosis.details.push(...advice.details)
  }
}

/** The host name of an origin (https://graph.microsoft.com → graph.microsoft.com), as the network fixes name it. */
function hostOf(origin: string | undefined): string | undefined {
  return origin?.replace(/^https?:\/\//, '').replace(/[/:].*$/, '')
}

/**
 * Entra's own words out of msal-node's error message ("Error(s): … - Description: AADSTS…:
 * … Trace ID: … Correlation ID: … - Correlation ID: …"): the description, on one line, without
 * the IDs that the diagnosis prints on their own line.
 */
function entraText(message: string): string {
  const oneLine = message.replace(/\s*\r?\n\s*/g, ' ').trim()
  const description = /Description:\s*(.*?)(?:\s+-\s+(?:Correlation|Trace) ID:.*)?$/.exec(oneLine)?.[1] ?? oneLine
  return description.replace(/\s*(?:Trace ID|Correlation ID|Timestamp):.*$/, '').trim()
}

function claimText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(String).join(',')
  return undefined
}

/** "1000 recipients: " before a list that will be cut short, nothing before a short one. */
function counted(n: number): string {
  return n > 5 ? `${n} recipients: ` : ''
}

/** "a@x (550 …); b@x (550 …); … and 998 more", the deferred ones said to be so. */
function describeRefusals(refused: readonly RecipientResponse[]): string {
  const deferred = refused.filter((r) => r.response.startsWith('4')).length
  const list = boundedList(
    refused.map((r) => `${r.address} (${r.response.split(/\r?\n/)[0]})`),
    5,
    '; '
  )
  return deferred ? `${list} — ${deferred} of them only deferred (4xx) until the time ran out` : list
}

function commandName(command: string | undefined): string {
  if (!command) return 'the request'
  if (/^AUTH/i.test(command)) return 'authentication'
  if (/^MAIL/i.test(command)) return 'the sender (MAIL FROM)'
  if (/^RCPT/i.test(command)) return 'a recipient (RCPT TO)'
  if (/^DATA|^\./i.test(command)) return 'the message'
  if (command === 'CONN') return 'the connection'
  return command
}
