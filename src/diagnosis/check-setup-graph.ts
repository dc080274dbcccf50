import { explainer, report, type ChecklistLine, type SetupCheckDeps } from './check-setup.js'
import { diagnosisContext } from './diagnose.js'
import { troubleshootingBase } from './format.js'
import { assessClaims, type ClaimCheck, type TokenClaims } from '../auth/claims.js'
import { sendOverGraph } from '../graph/send.js'
import type { GraphCallDeps } from '../graph/retries.js'
import type { Tokens } from '../auth/tokens.js'
import { CLOUDS } from '../inputs/clouds.js'
import type { Settings } from '../inputs/settings.js'
import type { composeMessage } from '../message/mime.js'

/** The application ID of Microsoft Graph: an audience equivalent to its URL in every cloud. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'

/** What a set-up check over Graph needs: what a send needs, and the settings. */
export interface GraphCheckPlan extends GraphCallDeps {
  tokens: Tokens
  settings: Settings
}

/**
 * What the check gets from the composition root (src/stages.ts): MIME composition, loaded when
 * the test message is composed, and a recipient ledger (delivery/'s, above this folder).
 */
export interface GraphCheckPorts {
  mime: () => Promise<{ composeMessage: typeof composeMessage }>
  newLedger: (to: string[]) => Parameters<typeof sendOverGraph>[0]['ledger']
}

/**
 * Checks a Graph set-up as far as it can be checked. Graph offers no way to prove the right to
 * send without sending, so after the token and its claims the check sends one short, clearly
 * labelled test message from the From address to the sending mailbox itself, and to nobody else.
 * It passes only when Graph accepted that message (202). Roles are shown, never required: an app
 * granted Mail.Send through Exchange RBAC for Applications carries none.
 */
export async function runGraphSetupCheck(
  plan: GraphCheckPlan,
  deps: SetupCheckDeps,
  ports: GraphCheckPorts
): Promise<void> {
  const { settings, tokens } = plan
  const troubleshooting = troubleshootingBase(process.env)
  const values = { ...diagnosisContext(settings), ...(troubleshooting ? { troubleshooting } : {}) }
  const lines: ChecklistLine[] = []
  const explain = explainer(lines, tokens, values)
  let failure: unknown
  let acquired = false
  try {
    await tokens.get(false)
    acquired = true
    lines.push({ key: 'token', label: 'Token acquired', state: 'ok', note: `from ${settings.authorityHost}`, fix: [] })
  } catch (err) {
    failure = tokens.error() ?? err
    lines.push({ key: 'token', label: 'Token acquired', state: 'fail', ...explain(failure) })
  }
  lines.push(...claimLines(acquired ? tokens.claims() : undefined, acquired, settings))
  if (acquired) {
    try {
      const response = await sendTestMessage(plan, ports)
      const note = `Microsoft Graph accepted a test message from ${settings.from.address} to ${settings.smtpUser}, and to nobody else: ${response}`
      lines.push({ key: 'send', label: 'Test message sent', state: 'ok', note, fix: [] })
    } catch (err) {
      failure = tokens.error() ?? err
      lines.push({ key: 'send', label: 'Test message sent', state: 'fail', ...explain(failure) })
    }
  } else {
    lines.push({ key: 'send', label: 'Test message sent', state: 'skipped', note: 'needs a token', fix: [] })
  }
  const passed = failure === undefined
  await report(deps, lines, {
    passed,
    verdict: passed
      ? `Set-up check passed: ${settings.smtpUser} can send through Microsoft Graph at ${settings.graphHost}; the one test message went to that mailbox only.`
      : 'Set-up check failed.',
    footer: `Mailbox ${settings.smtpUser} · app ${settings.clientId} · ${passed ? 'one test message, to the mailbox itself' : 'no message was accepted'}.`
  })
  // the failure as caught (a token or a Graph error), for main.ts to diagnose like any other
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (failure !== undefined) throw failure
}

/** The token's audience, roles and tenant, as Graph sees them. */
function claimLines(claims: TokenClaims | undefined, acquired: boolean, settings: Settings): ChecklistLine[] {
  const labels = [
    ['audience', 'Audience'],
    ['role', 'Roles'],
    ['tenant', 'Tenant']
  ] as const
  if (!acquired || !claims) {
    const note = acquired ? 'the token is not a JWT: its claims cannot be read' : 'no token'
    return labels.map(([key, label]) => ({ key, label, state: acquired ? 'unknown' : 'skipped', note, fix: [] }))
  }
  const tenant = assessClaims(claims, { tenant: settings.tenantId, scope: settings.scope, smtpHost: '' }).tenant
  const audience = graphAudience(claims.aud, settings)
  const adminCheck = `To see what Exchange lets the app do for this mailbox, in Exchange Online PowerShell: Test-ServicePrincipalAuthorization -Identity ${claims.appid ?? settings.clientId} -Resource ${settings.smtpUser}`
  return [
    {
      key: 'audience',
      label: 'Audience',
      ...audience,
      fix:
        audience.state === 'fail'
          ? [`Leave 'token-scope' empty with 'transport: graph' (or set it to ${CLOUDS[settings.cloud].graphScope}).`]
          : []
    },
    { key: 'role', label: 'Roles', ...graphRoles(claims.roles), fix: [adminCheck] },
    { key: 'tenant', label: 'Tenant', ...tenant, fix: [] }
  ]
}

function graphAudience(aud: string | undefined, settings: Settings): ClaimCheck {
  if (!aud) return { state: 'unknown', note: 'the token has no aud claim' }
  const trim = (v: string): string => v.replace(/\/+$/, '').toLowerCase()
  // Graph takes only its own audience, whatever 'token-scope' asked for
  const wanted = [CLOUDS[settings.cloud].graphHost, GRAPH_APP_ID]
  if (wanted.map(trim).includes(trim(aud))) return { state: 'ok', note: `aud ${aud} (Microsoft Graph)` }
  return {
    state: 'fail',
    note: `the token is for ${aud}, but Microsoft Graph expects ${CLOUDS[settings.cloud].graphHost} (Graph answers such a token with 401 InvalidAuthenticationToken)`
  }
}

/** Roles are shown, never required: RBAC for Applications grants Mail.Send without a role in the token. */
function graphRoles(roles: string[] | undefined): ClaimCheck {
  if (roles?.includes('Mail.Send')) {
    return {
      state: 'ok',
      note: `roles: ${roles.join(', ')} (Entra admin consent: unless scoped, Mail.Send lets the app send as any mailbox of the tenant)`
    }
  }
  if (!roles?.length) {
    return {
      state: 'unknown',
      note: 'no roles claim: expected for an app granted Mail.Send only through Exchange RBAC for Applications (its token carries no role); otherwise admin consent is missing. The test message tells.'
    }
  }
  return {
    state: 'warn',
    note: `roles: ${roles.join(', ')}; no Mail.Send (it may still come from Exchange RBAC for Applications)`
  }
}

/** One short, clearly labelled message from the From address to the sending mailbox itself. */
async function sendTestMessage(plan: GraphCheckPlan, ports: GraphCheckPorts): Promise<string> {
  const { settings } = plan
  const { composeMessage } = await ports.mime()
  const mailbox = settings.smtpUser
  const { inReplyTo: _none, ...rest } = settings
  const testSettings: Settings = {
    ...rest,
    to: [{ name: '', address: mailbox }],
    cc: [],
    bcc: [],
    replyTo: [],
    headers: { 'Auto-Submitted': 'auto-generated' },
    priority: 'normal'
  }
  const run = process.env.GITHUB_REPOSITORY
    ? ` (${process.env.GITHUB_REPOSITORY}, run ${process.env.GITHUB_RUN_ID ?? '?'})`
    : ''
  const message = await composeMessage(
    testSettings,
    {
      subject: '[check-setup] Test message from the Exchange Online mail action',
      text: [
        `This is a test message from the set-up check (check-setup: true) of the Exchange Online mail action${run}.`,
        `Microsoft Graph accepted it, so the app ${settings.clientId} may send as ${mailbox}.`,
        'It was sent to this mailbox only. You can delete it.'
      ].join('\n')
    },
    undefined,
    { graph: true }
  )
  const delivery = await sendOverGraph({
    ...plan,
    settings,
    message,
    ledger: ports.newLedger([mailbox]),
    roles: () => plan.tokens.claims()?.roles
  })
  return delivery.response
}
