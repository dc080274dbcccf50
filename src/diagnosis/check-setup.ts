import { consentFix, audienceFix, tenantFix, type RefusalValues } from './auth-refusal.js'
import { diagnose, diagnosisContext, type DiagnosisContext } from './diagnose.js'
import { failureFromError } from './failure.js'
import { troubleshootingBase } from './format.js'
import { catalogueEntry } from './match.js'
import { assessClaims, SEND_ROLE, type CheckState } from '../auth/claims.js'
import type { Tokens } from '../auth/tokens.js'
import type { Logger } from '../shared/logger.js'
import type { SmtpSession } from '../smtp/session.js'
import type { Settings } from '../inputs/settings.js'

/** How one line of the checklist went; `skipped` when an earlier failure made it impossible to check. */
type LineState = CheckState | 'skipped'

/** One line of the set-up checklist. */
export interface ChecklistLine {
  /** Short name, as in the `check-setup` output (`graph` and `send`: over Microsoft Graph). */
  key: 'token' | 'audience' | 'role' | 'tenant' | 'smtp' | 'tls' | 'auth' | 'graph' | 'send'
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
interface CheckPlan {
  settings: Settings
  session: SmtpSession
  tokens: Tokens
}

/** Where the checklist goes: the log, the `check-setup` output, the job summary. */
export interface SetupCheckDeps {
  log: Logger
  setOutput: (name: string, value: string) => void
  summary: SummaryWriter
}

/** The part of the toolkit's job summary the checklist writes with. */
interface SummaryWriter {
  addHeading(text: string, level?: number): SummaryWriter
  addRaw(text: string, addEOL?: boolean): SummaryWriter
  write(): Promise<unknown>
}

const MARK: Record<LineState, string> = { ok: '✅', warn: '⚠️', fail: '❌', unknown: '❔', skipped: '⏭️' }

/**
 * Checks the set-up without sending: the token (one request), its claims, the connection and
 * STARTTLS (already under way), then AUTH XOAUTH2 as the mailbox; main.ts says QUIT. Writes the
 * checklist to the log, the job summary and the `check-setup` output. Resolves only when AUTH
 * succeeded; otherwise throws the first failure, which main.ts diagnoses like any other.
 */
export async function runSetupCheck(plan: CheckPlan, deps: SetupCheckDeps): Promise<void> {
  const { settings, session, tokens } = plan
  // where docs/troubleshooting.md of the running version is, if known
  const troubleshooting = troubleshootingBase(process.env)
  const values: RefusalValues & DiagnosisContext = {
    ...diagnosisContext(settings),
    ...(troubleshooting ? { troubleshooting } : {})
  }
  const lines: ChecklistLine[] = []
  const explain = explainer(lines, tokens, values)

  const [token, connection] = await Promise.allSettled([tokens.get(false), session.ready])
  let failure: unknown

  if (token.status === 'fulfilled') {
    lines.push({ key: 'token', label: 'Token acquired', state: 'ok', note: `from ${settings.authorityHost}`, fix: [] })
  } else {
    failure = tokens.error() ?? token.reason
    lines.push({ key: 'token', label: 'Token acquired', state: 'fail', ...explain(failure) })
  }
  lines.push(...claimChecks(token.status === 'fulfilled', tokens, settings, values))
  if (connection.status === 'rejected') failure ??= connection.reason
  lines.push(...connectionChecks(connection, settings, explain))

  if (token.status === 'fulfilled' && connection.status === 'fulfilled') {
    try {
      // One token request: no renewal even if the server asks for another try.
      await session.login(() => tokens.get(false), 0)
      const note = `authenticated as ${settings.smtpUser}`
      lines.push({ key: 'auth', label: 'AUTH XOAUTH2', state: 'ok', note, fix: [] })
    } catch (err) {
      failure = tokens.error() ?? err
      lines.push({ key: 'auth', label: 'AUTH XOAUTH2', state: 'fail', ...explain(failure) })
    }
  } else {
    const note = 'needs a token and a TLS connection'
    lines.push({ key: 'auth', label: 'AUTH XOAUTH2', state: 'skipped', note, fix: [] })
  }

  const passed = lines.find((l) => l.key === 'auth')?.state === 'ok'
  await report(deps, lines, {
    passed,
    verdict: passed
      ? `Set-up check passed: ${settings.smtpUser} can authenticate to ${settings.smtpHost} with XOAUTH2. Nothing was sent.`
      : 'Set-up check failed. Nothing was sent.',
    footer: `Mailbox ${settings.smtpUser} · app ${settings.clientId} · nothing was sent.`
  })
  // the failure as caught (a token, TLS or AUTH error), for main.ts to diagnose like any other
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (failure !== undefined) throw failure
}

type Explanation = Pick<ChecklistLine, 'note' | 'fix' | 'link'>

/** Explains a failure on one checklist line, without repeating a fix an earlier line gave. */
export function explainer(
  lines: readonly ChecklistLine[],
  tokens: Tokens,
  values: DiagnosisContext
): (err: unknown) => Explanation {
  return (err) => {
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
}

/** The lines about the token's claims: audience, role, tenant. */
function claimChecks(acquired: boolean, tokens: Tokens, settings: Settings, values: RefusalValues): ChecklistLine[] {
  const claims = acquired ? tokens.claims() : undefined
  if (!acquired) return claimLines.map(([key, label]) => ({ key, label, state: 'skipped', note: 'no token', fix: [] }))
  if (!claims) {
    const note = 'the token is not a JWT: its claims cannot be read'
    return claimLines.map(([key, label]) => ({ key, label, state: 'unknown', note, fix: [] }))
  }
  const a = assessClaims(claims, { tenant: settings.tenantId, scope: settings.scope, smtpHost: settings.smtpHost })
  return [
    { key: 'audience', label: 'Audience', ...a.audience, fix: a.audience.state === 'fail' ? audienceFix(values) : [] },
    {
      key: 'role',
      label: `Role ${SEND_ROLE}`,
      ...a.role,
      // A warning, not a failure: Exchange's RBAC for Applications grants the role without the token.
      fix: a.role.state === 'ok' ? [] : consentFix(claims, values)
    },
    { key: 'tenant', label: 'Tenant', ...a.tenant, fix: a.tenant.state === 'fail' ? tenantFix(claims, values) : [] }
  ]
}

/** The lines about the connection: reaching the server, then TLS. */
function connectionChecks(
  connection: PromiseSettledResult<void>,
  settings: Settings,
  explain: (err: unknown) => Explanation
): ChecklistLine[] {
  const where = `${settings.smtpHost}:${settings.smtpPort}`
  const reachable: ChecklistLine = { key: 'smtp', label: 'SMTP reachable', state: 'ok', note: where, fix: [] }
  if (connection.status === 'fulfilled') {
    const tlsKind = settings.implicitTls ? 'implicit TLS' : 'STARTTLS'
    return [reachable, { key: 'tls', label: 'TLS', state: 'ok', note: `${tlsKind}, TLS 1.2 or newer`, fix: [] }]
  }
  const explained = explain(connection.reason)
  if (catalogueEntry(failureFromError(connection.reason))?.checklist === 'tls') {
    return [reachable, { key: 'tls', label: 'TLS', state: 'fail', ...explained }]
  }
  return [
    { key: 'smtp', label: 'SMTP reachable', state: 'fail', ...explained },
    { key: 'tls', label: 'TLS', state: 'skipped', note: 'no connection', fix: [] }
  ]
}

const claimLines: [ChecklistLine['key'], string][] = [
  ['audience', 'Audience'],
  ['role', `Role ${SEND_ROLE}`],
  ['tenant', 'Tenant']
]

/** The `check-setup` output: every line's key and state, e.g. `token=ok … auth=fail`. */
function compactResult(lines: readonly ChecklistLine[]): string {
  return lines.map((l) => `${l.key}=${l.state}`).join(' ')
}

/** How a check ended, in words: the log's last line and the summary's footer. */
export interface CheckOutcome {
  passed: boolean
  verdict: string
  footer: string
}

/** Writes the checklist to the log (through the one printer), the `check-setup` output and the job summary. */
export async function report(deps: SetupCheckDeps, lines: ChecklistLine[], outcome: CheckOutcome): Promise<void> {
  const { log, setOutput, summary } = deps
  const { passed } = outcome
  // the notes quote servers and token claims: printed through the one printer, as one block
  const checklist = lines.flatMap((line) => [
    `${MARK[line.state]} ${line.label}: ${line.note}`,
    ...line.fix.map((step) => `     - ${step}`),
    ...(line.link && line.state === 'fail' ? [`     See ${line.link}`] : [])
  ])
  log.infoGroup('Set-up check', checklist.join('\n'))
  log.info(outcome.verdict)
  setOutput('check-setup', compactResult(lines))
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${MARK[l.state]}</td><th align="left">${escape(l.label)}</th><td>${escape(l.note)}${fixList(l)}</td></tr>`
    )
    .join('')
  await summary
    .addHeading(passed ? '🩺 Set-up check passed' : '🩺 Set-up check failed', 3)
    .addRaw(`<table>${rows}</table>`, true)
    .addRaw(escape(outcome.footer), true)
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
