import { refusedAuthAdvice } from './auth-refusal.js'
import { CATALOGUE, type CatalogueEntry } from './catalogue.js'
import { assessClaims, type TokenClaims } from '../auth/claims.js'
import { TokenError } from '../auth/token-error.js'
import { PartialDeliveryError } from '../delivery/partial-delivery-error.js'
import { InputError } from '../inputs/input-error.js'
import { boundedList, excerpt } from '../shared/bounded-text.js'
import { MessageTooLargeError, NoXoauth2Error } from '../smtp/smtp-errors.js'
import type { Settings } from '../inputs/settings.js'

/** Where a failure happened, reduced to plain facts (no error classes), so diagnosis is pure. */
export type Failure =
  | {
      /** The token endpoint (or the request to it) failed. */
      source: 'entra'
      /** OAuth error or msal code (invalid_client, network_error…). */
      errorCode: string
      /** Entra's error text. */
      description: string
      /** HTTP status, if a response came. */
      status?: number
      /** The transport failure behind a network_error. */
      networkCause?: string
      /** Claims of the presented GitHub OIDC token. */
      claims?: Record<string, unknown>
      /** Credential kind that was presented. */
      credentialKind?: string
      /** Retry-After of the token response, in milliseconds. */
      retryAfterMs?: number
      /** Where the token endpoint redirected the request (not followed). */
      location?: string
      /** Text of an HTML error page, tags stripped and bounded. */
      htmlExcerpt?: string
    }
  | {
      /** The SMTP server answered with an error, or the connection failed. */
      source: 'smtp'
      /** nodemailer's code (EAUTH, EENVELOPE, ESOCKET, ETIMEDOUT…). */
      code: string
      /** Underlying system/TLS code (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT…). */
      originalCode?: string
      /** The server's reply, if any. */
      response?: string
      /** Basic reply code. */
      responseCode?: number
      /** The SMTP command that failed. */
      command?: string
      /** The error message. */
      message: string
      /** Recipients the server rejected, with its reply to each. */
      rejected?: { address: string; response: string }[]
      /** Recipients that got the message anyway (partial delivery). */
      accepted?: string[]
      /** Recipients still deferred (4xx) when the time ran out. */
      deferred?: { address: string; response: string }[]
      /** The decoded 334 challenge before a refused XOAUTH2 login (Dovecot, Gmail). */
      challenge?: string
      /** The server offers no XOAUTH2: the mechanisms it does offer. */
      offered?: string[]
      /** The message exceeds the server's SIZE: both sizes, in bytes. */
      size?: { message: number; limit: number }
    }
  | {
      /** Invalid inputs. */
      source: 'input'
      /** The message, naming the input. */
      message: string
    }
  | {
      /** Anything else. */
      source: 'unknown'
      /** The error message. */
      message: string
    }

/** Values of the run used to fill in the fixes. */
export interface DiagnosisContext {
  tenant?: string
  clientId?: string
  mailbox?: string
  from?: string
  cloud?: string
  authorityHost?: string
  smtpHost?: string
  smtpPort?: number
  scope?: string
  audience?: string
  thumbprint?: string
  /** Claims of the access token presented at AUTH (never the token), if it was a JWT. */
  token?: TokenClaims
  /** docs/troubleshooting.md at the version of the action that ran, if the runner said which. */
  troubleshooting?: string
}

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
    scope: settings.scope,
    audience: c.kind === 'oidc' ? c.audience : undefined,
    thumbprint: c.kind === 'certificate' ? c.thumbprintSha256 : undefined
  }
}

/** What the step prints when it fails. */
export interface Diagnosis {
  /** One line: what failed. */
  headline: string
  /** The server's own words, verbatim (AADSTS text or SMTP reply), if any. */
  serverText?: string
  /** Entra's correlation ID, for a support request. */
  correlationId?: string
  /** Entra's trace ID. */
  traceId?: string
  /** The matching catalogue entry, if the failure is a known one. */
  entry?: CatalogueEntry
  /** What it means, with the run's values filled in. */
  meaning?: string
  /** What to do, with the run's values filled in. */
  fix: string[]
  /** Extra facts (e.g. the presented OIDC claims). */
  details: string[]
  /** Where this diagnosis is explained: its section of docs/troubleshooting.md, else Microsoft's page. */
  link?: string
}

/** Reduces any thrown value to the plain facts of a Failure. */
export function failureFromError(err: unknown): Failure {
  if (err instanceof InputError) return { source: 'input', message: err.message }
  if (err instanceof NoXoauth2Error) {
    return { source: 'smtp', code: err.code, command: err.command, message: err.message, offered: err.offered }
  }
  if (err instanceof MessageTooLargeError) {
    const size = { message: err.size, limit: err.limit }
    return { source: 'smtp', code: err.code, command: err.command, message: err.message, size }
  }
  if (err instanceof PartialDeliveryError) {
    const first = err.rejected.find((r) => !r.response.startsWith('4')) ?? err.rejected[0]
    const failure: Failure = {
      source: 'smtp',
      code: 'EENVELOPE',
      response: first?.response,
      responseCode: first ? Number(first.response.slice(0, 3)) || undefined : undefined,
      command: 'RCPT TO',
      message: err.message,
      rejected: err.rejected,
      accepted: err.accepted
    }
    const deferred = err.rejected.filter((r) => r.response.startsWith('4'))
    if (deferred.length) failure.deferred = deferred
    return failure
  }
  if (err instanceof TokenError) {
    return {
      source: 'entra',
      errorCode: err.errorCode,
      description: err.description,
      status: err.status,
      networkCause: err.networkCause,
      claims: err.presentedClaims,
      credentialKind: err.credentialKind,
      retryAfterMs: err.retryAfterMs,
      ...(err.location !== undefined ? { location: err.location } : {}),
      ...(err.htmlExcerpt !== undefined ? { htmlExcerpt: err.htmlExcerpt } : {})
    }
  }
  const e = (err ?? {}) as Record<string, unknown>
  if (typeof e.code === 'string' && (e.code.startsWith('E') || typeof e.responseCode === 'number')) {
    const rejected = rejectedRecipients(e)
    const first = rejected[0]
    // "All recipients were rejected" carries no reply of its own: take the first recipient's.
    const response = typeof e.response === 'string' ? e.response : first?.response
    const failure: Failure = {
      source: 'smtp',
      code: e.code,
      originalCode: typeof e.originalCode === 'string' ? e.originalCode : undefined,
      response,
      responseCode:
        typeof e.responseCode === 'number'
          ? e.responseCode
          : response
            ? Number(response.slice(0, 3)) || undefined
            : undefined,
      command: typeof e.command === 'string' ? e.command : first ? 'RCPT TO' : undefined,
      message: String(e.message ?? e.code)
    }
    if (rejected.length) failure.rejected = rejected
    if (typeof e.challenge === 'string') failure.challenge = e.challenge
    return failure
  }
  return { source: 'unknown', message: err instanceof Error ? err.message : String(err) }
}

/** The rejected recipients nodemailer attaches to an envelope error. */
function rejectedRecipients(e: Record<string, unknown>): { address: string; response: string }[] {
  const errors = Array.isArray(e.rejectedErrors) ? (e.rejectedErrors as Record<string, unknown>[]) : []
  return errors.map((r) => ({
    address: String(r.recipient ?? ''),
    response: String(r.response ?? r.message ?? '')
  }))
}

/** The AADSTS numbers in an Entra error text, first one first. */
export function aadstsCodes(text: string): number[] {
  return [...text.matchAll(/AADSTS(\d+)/g)].map((m) => Number(m[1]))
}

/** The enhanced status code (RFC 3463) of an SMTP reply, e.g. 5.7.3. */
export function enhancedCode(reply: string): string | undefined {
  return /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(reply.trim())?.[1]
}

function matches(entry: CatalogueEntry, f: Failure, transportCodes: string[]): boolean {
  const m = entry.match
  if ('entra' in m) {
    if (f.source !== 'entra') return false
    return (
      aadstsCodes(f.description).some((code) => m.entra.includes(code)) ||
      (f.status !== undefined && (m.status ?? []).includes(f.status))
    )
  }
  if ('transport' in m) return transportCodes.some((code) => m.transport.includes(code))
  if ('detected' in m) return detectedCode(f) !== undefined && m.detected.includes(detectedCode(f) as string)
  if (f.source !== 'smtp' || !f.response) return false
  const reply = f.response
  const enhanced = enhancedCode(reply)
  const basic = f.responseCode ?? Number(reply.slice(0, 3))
  const { reply: replies, enhanced: codes, text } = m.smtp
  if (replies && !replies.includes(basic)) return false
  if (codes && text) return (enhanced !== undefined && codes.includes(enhanced)) || text.test(reply)
  if (codes) return enhanced !== undefined && codes.includes(enhanced)
  if (text) return text.test(reply)
  return replies !== undefined
}

/** The code of a failure the action itself recognised (see Match `detected`). */
function detectedCode(f: Failure): string | undefined {
  if (f.source === 'entra') {
    if (f.errorCode === 'network_error' && /timeout|ETIMEDOUT/i.test(f.networkCause ?? '')) return 'token_timeout'
    return ['token_timeout', 'html_response', 'redirected'].includes(f.errorCode) ? f.errorCode : undefined
  }
  if (f.source !== 'smtp') return undefined
  if (f.offered) return 'no_xoauth2'
  if (f.size) return 'size_exceeded'
  return undefined
}

/** System and TLS codes of a failure, most specific first. */
function transportCodesOf(f: Failure): string[] {
  if (f.source === 'entra') {
    const cause = f.networkCause ?? ''
    return [...cause.matchAll(/\b(E[A-Z_]{3,}|[A-Z_]*CERT[A-Z_]*|UNABLE_TO_[A-Z_]+)\b/g)].map((m) => m[1] as string)
  }
  if (f.source !== 'smtp') return []
  const codes: string[] = []
  if (f.originalCode) codes.push(f.originalCode)
  const certCode =
    /\b(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_[A-Z_]+|CERT_[A-Z_]+|ERR_TLS_CERT_ALTNAME_INVALID)\b/.exec(
      f.message
    )
  if (certCode) codes.push(certCode[1] as string)
  if (
    /self[- ]signed certificate|unable to verify|certificate has expired|altnames|Hostname\/IP does not match/i.test(
      f.message
    )
  ) {
    codes.push('UNABLE_TO_VERIFY_LEAF_SIGNATURE')
  }
  if (f.code === 'ETLS' && /STARTTLS/i.test(`${f.message} ${f.command ?? ''}`)) codes.push('ETLS_REQUIRED')
  if (f.code === 'ETIMEDOUT' || /Greeting never received|timeout/i.test(f.message)) codes.push('ETIMEDOUT')
  if (f.code === 'EDNS') codes.push('EDNS')
  codes.push(f.code)
  return codes
}

/** Fills {placeholders} with the run's values; unknown ones stay visible. */
export function fillIn(text: string, values: Record<string, string | number | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key]
    return value === undefined || value === '' ? whole : String(value)
  })
}

/** Finds what went wrong and what to do about it. Pure. */
export function diagnose(f: Failure, ctx: DiagnosisContext): Diagnosis {
  if (f.source === 'input') return { headline: f.message, fix: [], details: [] }

  const claims = f.source === 'entra' ? f.claims : undefined
  const { token: _token, troubleshooting: _link, ...plain } = ctx
  const values: Record<string, string | number | undefined> = {
    ...plain,
    issuer: claimText(claims?.iss) ?? 'https://token.actions.githubusercontent.com',
    subject: claimText(claims?.sub),
    audience: claimText(claims?.aud) ?? ctx.audience
  }

  const transportCodes = transportCodesOf(f)
  const entry = CATALOGUE.find((e) => matches(e, f, transportCodes))
  const details: string[] = []
  let headline: string
  let serverText: string | undefined
  let correlationId: string | undefined
  let traceId: string | undefined

  if (f.source === 'entra') {
    serverText = entraText(f.description) || undefined
    correlationId = /Correlation ID:\s*([0-9a-f-]{36})/i.exec(f.description)?.[1]
    traceId = /Trace ID:\s*([0-9a-f-]{36})/i.exec(f.description)?.[1]
    const code = aadstsCodes(f.description)[0]
    const at = ctx.authorityHost ?? 'the authority host'
    if (detectedCode(f) === 'token_timeout') {
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
    if (claims) {
      details.push(
        `Presented GitHub OIDC token: iss=${claimText(claims.iss) ?? '?'} sub=${claimText(claims.sub) ?? '?'} aud=${claimText(claims.aud) ?? '?'}`
      )
    }
    if (ctx.thumbprint && f.credentialKind === 'certificate') {
      details.push(`Presented certificate: SHA-256 thumbprint ${ctx.thumbprint.toUpperCase()}`)
    }
  } else if (f.source === 'smtp') {
    serverText = f.response?.replace(/\s*\r?\n\s*/g, ' ').trim() || undefined
    const where = `${ctx.smtpHost ?? 'the SMTP server'}:${ctx.smtpPort ?? ''}`.replace(/:$/, '')
    const basic = f.responseCode ?? 0
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
    if (f.challenge) details.push(`The server's XOAUTH2 challenge (decoded): ${f.challenge}`)
  } else {
    headline = f.message
  }

  const diagnosis: Diagnosis = { headline, fix: [], details }
  if (serverText !== undefined) diagnosis.serverText = serverText
  if (correlationId !== undefined) diagnosis.correlationId = correlationId
  if (traceId !== undefined) diagnosis.traceId = traceId
  if (entry) {
    diagnosis.entry = entry
    diagnosis.meaning = fillIn(entry.meaning, values)
    diagnosis.fix = entry.fix.map((line) => fillIn(line, values))
    diagnosis.link = ctx.troubleshooting ? `${ctx.troubleshooting}#${troubleshootingAnchor(entry.id)}` : entry.docs
    const refused = entry.id === '535 5.7.3' ? '5.7.3' : entry.id === '535 5.7.139' ? '5.7.139' : undefined
    if (refused && ctx.token) {
      const assessment = assessClaims(ctx.token, {
        tenant: ctx.tenant ?? '',
        scope: ctx.scope ?? '',
        smtpHost: ctx.smtpHost ?? ''
      })
      const advice = refusedAuthAdvice(refused, ctx.token, assessment, ctx)
      diagnosis.headline = `${advice.headline}\n${headline}`
      diagnosis.fix = advice.fix
      diagnosis.details.push(...advice.details)
    }
  }
  return diagnosis
}

/**
 * The anchor GitHub gives a Markdown heading (as github-slugger makes it): lower case, every
 * character but letters, digits, marks, `_`, `-` and spaces dropped, each space a hyphen.
 * `535 5.7.3` → `535-573`.
 */
export function troubleshootingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/**
 * docs/troubleshooting.md at the version of the action that ran, from what the runner tells an
 * action about itself; undefined for a local action (`uses: ./`), which has no such variables.
 */
export function troubleshootingBase(env: Record<string, string | undefined>): string | undefined {
  const repository = env.GITHUB_ACTION_REPOSITORY
  const ref = env.GITHUB_ACTION_REF
  if (!repository || !ref || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return undefined
  return `https://github.com/${repository}/blob/${encodeURI(ref)}/docs/troubleshooting.md`
}

/**
 * Entra's own words out of msal-node's error message ("Error(s): … - Description: AADSTS…:
 * … Trace ID: … Correlation ID: … - Correlation ID: …"): the description, on one line, without
 * the IDs that the diagnosis prints on their own line.
 */
export function entraText(message: string): string {
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
function describeRefusals(refused: readonly { address: string; response: string }[]): string {
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

/**
 * The failure message: what failed, the server's words (bounded, once), the correlation ID,
 * then the diagnosis.
 */
export function formatDiagnosis(d: Diagnosis): string {
  // the headline may quote a server (or list recipients' replies): a server can send a megabyte
  const lines = [excerpt(d.headline)]
  if (d.serverText) lines.push('', `Server said: ${excerpt(d.serverText)}`)
  if (d.correlationId) lines.push(`Correlation ID: ${d.correlationId}${d.traceId ? ` (trace ID ${d.traceId})` : ''}`)
  for (const detail of d.details) lines.push(detail)
  if (d.entry) {
    lines.push('', `Diagnosis (${d.entry.id}): ${d.meaning ?? d.entry.meaning}`)
    if (d.fix.length > 0) {
      lines.push('How to fix:')
      for (const step of d.fix) lines.push(`  - ${step}`)
    }
    lines.push(`See ${d.link ?? d.entry.docs}`)
  } else if (d.serverText || d.correlationId) {
    lines.push('', "This failure is not in the diagnosis catalogue; the server's own text above is the best lead.")
  }
  return lines.join('\n')
}
