import type * as Toolkit from '@actions/core'
import { consentFix, audienceFix, tenantFix, type RefusalValues } from './auth-refusal.js'
import { assessClaims, SEND_ROLE, type CheckState } from '../auth/claims.js'
import type { Tokens } from '../auth/tokens.js'
import { diagnose, diagnosisContext, failureFromError, type DiagnosisContext } from './diagnose.js'
import { log } from '../report/log.js'
import type { SmtpSession } from '../smtp/session.js'
import type { Settings } from '../inputs/settings.js'

/** How one line of the checklist went; `skipped` when an earlier failure made it impossible to check. */
export type LineState = CheckState | 'skipped'

/** One line of the set-up checklist. */
export interface ChecklistLine {
  /** Short name, as in the `check-setup` output. */
  key: 'token' | 'audience' | 'role' | 'tenant' | 'smtp' | 'tls' | 'auth'
  /** What was checked. */
  label: string
  state: LineState
  /** What was found, with the values. */
  note: string
  /** What to do, filled with this run's IDs (failed and warned lines only). */
  fix: string[]
  /** Where it is explained, if a diagnosis matched. */
  link?: string
}

/** What a set-up check needs: the connection and the token request main.ts already started. */
export interface CheckPlan {
  core: typeof Toolkit
  settings: Settings
  session: SmtpSession
  tokens: Tokens
  /** Where docs/troubleshooting.md of the running version is, if known. */
  troubleshooting?: string
}

const MARK: Record<LineState, string> = { ok: '✅', warn: '⚠️', fail: '❌', unknown: '❔', skipped: '⏭️' }

/** Entries of the diagnosis catalogue that are about TLS rather than reaching the server. */
const TLS_DIAGNOSES = ['STARTTLS', 'TLS certificate', '421 4.7.66']

/**
 * Checks the set-up without sending: the token (one request), its claims, the connection and
 * STARTTLS (already under way), then AUTH XOAUTH2 as the mailbox; main.ts says QUIT. Writes the
 * checklist to the log, the job summary and the `check-setup` output. Resolves only when AUTH
 * succeeded; otherwise throws the first failure, which main.ts diagnoses like any other.
 */
export async function runSetupCheck(plan: CheckPlan): Promise<void> {
  const { core, settings, session, tokens } = plan
  const values: RefusalValues & DiagnosisContext = {
    ...diagnosisContext(settings),
    ...(plan.troubleshooting ? { troubleshooting: plan.troubleshooting } : {})
  }
  const lines: ChecklistLine[] = []
  const explain = (err: unknown): { note: string; fix: string[]; link?: string } => {
    const claims = tokens.claims()
    const d = diagnose(failureFromError(err), { ...values, ...(claims ? { token: claims } : {}) })
    // One line: the most likely cause, then the server's own words unless the cause already quotes them.
    const cause = d.headline.split('\n')[0] ?? d.headline
    const note = d.serverText && !cause.includes(d.serverText) ? `${cause} Server said: ${d.serverText}` : cause
    // A fix already given on an earlier line (the role's consent, say) is not repeated.
    const shown = new Set(lines.flatMap((l) => l.fix))
    const fix = d.fix.filter((f) => !shown.has(f))
    const seeAbove = fix.length < d.fix.length && fix.length === 0 ? ' (the fix is on an earlier line)' : ''
    return { note: note + seeAbove, fix, ...(d.link ? { link: d.link } : {}) }
  }

  const [token, connection] = await Promise.allSettled([tokens.get(false), session.ready])
  let failure: unknown

  if (token.status === 'fulfilled') {
    lines.push({ key: 'token', label: 'Token acquired', state: 'ok', note: `from ${settings.authorityHost}`, fix: [] })
  } else {
    failure = tokens.error() ?? token.reason
    lines.push({ key: 'token', label: 'Token acquired', state: 'fail', ...explain(failure) })
  }

  const claims = token.status === 'fulfilled' ? tokens.claims() : undefined
  if (token.status === 'rejected') {
    for (const [key, label] of claimLines) lines.push({ key, label, state: 'skipped', note: 'no token', fix: [] })
  } else if (!claims) {
    for (const [key, label] of claimLines) {
      lines.push({ key, label, state: 'unknown', note: 'the token is not a JWT: its claims cannot be read', fix: [] })
    }
  } else {
    const a = assessClaims(claims, { tenant: settings.tenantId, scope: settings.scope, smtpHost: settings.smtpHost })
    lines.push({
      key: 'audience',
      label: 'Audience',
      ...a.audience,
      fix: a.audience.state === 'fail' ? audienceFix(values) : []
    })
    lines.push({
      key: 'role',
      label: `Role ${SEND_ROLE}`,
      ...a.role,
      // A warning, not a failure: Exchange's RBAC for Applications grants the role without the token.
      fix: a.role.state === 'ok' ? [] : consentFix(claims, values)
    })
    lines.push({
      key: 'tenant',
      label: 'Tenant',
      ...a.tenant,
      fix: a.tenant.state === 'fail' ? tenantFix(claims, values) : []
    })
  }

  const where = `${settings.smtpHost}:${settings.smtpPort}`
  const tlsKind = settings.implicitTls ? 'implicit TLS' : 'STARTTLS'
  if (connection.status === 'fulfilled') {
    lines.push({ key: 'smtp', label: 'SMTP reachable', state: 'ok', note: where, fix: [] })
    lines.push({ key: 'tls', label: 'TLS', state: 'ok', note: `${tlsKind}, TLS 1.2 or newer`, fix: [] })
  } else {
    failure ??= connection.reason
    const explained = explain(connection.reason)
    const entry = diagnose(failureFromError(connection.reason), {}).entry?.id
    if (entry && TLS_DIAGNOSES.includes(entry)) {
      lines.push({ key: 'smtp', label: 'SMTP reachable', state: 'ok', note: where, fix: [] })
      lines.push({ key: 'tls', label: 'TLS', state: 'fail', ...explained })
    } else {
      lines.push({ key: 'smtp', label: 'SMTP reachable', state: 'fail', ...explained })
      lines.push({ key: 'tls', label: 'TLS', state: 'skipped', note: 'no connection', fix: [] })
    }
  }

  if (token.status === 'fulfilled' && connection.status === 'fulfilled') {
    try {
      // One token request: no renewal even if the server asks for another try.
      await session.login(() => tokens.get(false), 0)
      lines.push({
        key: 'auth',
        label: 'AUTH XOAUTH2',
        state: 'ok',
        note: `authenticated as ${settings.smtpUser}`,
        fix: []
      })
    } catch (err) {
      failure = tokens.error() ?? err
      lines.push({ key: 'auth', label: 'AUTH XOAUTH2', state: 'fail', ...explain(failure) })
    }
  } else {
    lines.push({
      key: 'auth',
      label: 'AUTH XOAUTH2',
      state: 'skipped',
      note: 'needs a token and a TLS connection',
      fix: []
    })
  }

  await report(core, settings, lines)
  if (failure !== undefined) throw failure
}

const claimLines: [ChecklistLine['key'], string][] = [
  ['audience', 'Audience'],
  ['role', `Role ${SEND_ROLE}`],
  ['tenant', 'Tenant']
]

/** The `check-setup` output: every line's key and state, e.g. `token=ok … auth=fail`. */
export function compactResult(lines: readonly ChecklistLine[]): string {
  return lines.map((l) => `${l.key}=${l.state}`).join(' ')
}

async function report(core: typeof Toolkit, settings: Settings, lines: ChecklistLine[]): Promise<void> {
  const passed = lines.find((l) => l.key === 'auth')?.state === 'ok'
  // the notes quote servers and token claims: printed through the one printer, as one block
  const checklist = lines.flatMap((line) => [
    `${MARK[line.state]} ${line.label}: ${line.note}`,
    ...line.fix.map((step) => `     - ${step}`),
    ...(line.link && line.state === 'fail' ? [`     See ${line.link}`] : [])
  ])
  log.infoGroup('Set-up check', checklist.join('\n'))
  log.info(
    passed
      ? `Set-up check passed: ${settings.smtpUser} can authenticate to ${settings.smtpHost} with XOAUTH2. Nothing was sent.`
      : 'Set-up check failed. Nothing was sent.'
  )
  core.setOutput('check-setup', compactResult(lines))
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${MARK[l.state]}</td><th align="left">${escape(l.label)}</th><td>${escape(l.note)}${fixList(l)}</td></tr>`
    )
    .join('')
  await core.summary
    .addHeading(passed ? '🩺 Set-up check passed' : '🩺 Set-up check failed', 3)
    .addRaw(`<table>${rows}</table>`, true)
    .addRaw(`Mailbox ${escape(settings.smtpUser)} · app ${escape(settings.clientId)} · nothing was sent.`, true)
    .write()
}

function fixList(line: ChecklistLine): string {
  if (line.fix.length === 0) return ''
  const items = line.fix.map((f) => `<li>${escape(f)}</li>`).join('')
  const link = line.link ? `<br><a href="${escape(line.link)}">${escape(line.link)}</a>` : ''
  return `<ul>${items}</ul>${link}`
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
