export const id = 452;
export const ids = [452,393];
export const modules = {

/***/ 9452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runGraphSetupCheck: () => (/* binding */ runGraphSetupCheck)
/* harmony export */ });
/* harmony import */ var _check_setup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5393);
/* harmony import */ var _diagnose_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3182);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3482);
/* harmony import */ var _auth_claims_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9061);
/* harmony import */ var _graph_send_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6320);
/* harmony import */ var _inputs_clouds_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9295);






/** The application ID of Microsoft Graph: an audience equivalent to its URL in every cloud. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/**
 * Checks a Graph set-up as far as it can be checked. Graph offers no way to prove the right to
 * send without sending, so after the token and its claims the check sends one short, clearly
 * labelled test message from the From address to the sending mailbox itself, and to nobody else.
 * It passes only when Graph accepted that message (202). Roles are shown, never required: an app
 * granted Mail.Send through Exchange RBAC for Applications carries none.
 */
async function runGraphSetupCheck(plan, deps, ports) {
    const { settings, tokens } = plan;
    const troubleshooting = (0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .troubleshootingBase */ .WE)(process.env);
    const values = { ...(0,_diagnose_js__WEBPACK_IMPORTED_MODULE_1__/* .diagnosisContext */ .zd)(settings), ...(troubleshooting ? { troubleshooting } : {}) };
    const lines = [];
    const explain = (0,_check_setup_js__WEBPACK_IMPORTED_MODULE_0__.explainer)(lines, tokens, values);
    let failure;
    let acquired = false;
    try {
        await tokens.get(false);
        acquired = true;
        lines.push({ key: 'token', label: 'Token acquired', state: 'ok', note: `from ${settings.authorityHost}`, fix: [] });
    }
    catch (err) {
        failure = tokens.error() ?? err;
        lines.push({ key: 'token', label: 'Token acquired', state: 'fail', ...explain(failure) });
    }
    lines.push(...claimLines(acquired ? tokens.claims() : undefined, acquired, settings));
    if (acquired) {
        try {
            const response = await sendTestMessage(plan, ports);
            const note = `Microsoft Graph accepted a test message from ${settings.from.address} to ${settings.smtpUser}, and to nobody else: ${response}`;
            lines.push({ key: 'send', label: 'Test message sent', state: 'ok', note, fix: [] });
        }
        catch (err) {
            failure = tokens.error() ?? err;
            lines.push({ key: 'send', label: 'Test message sent', state: 'fail', ...explain(failure) });
        }
    }
    else {
        lines.push({ key: 'send', label: 'Test message sent', state: 'skipped', note: 'needs a token', fix: [] });
    }
    const passed = failure === undefined;
    await (0,_check_setup_js__WEBPACK_IMPORTED_MODULE_0__.report)(deps, lines, {
        passed,
        verdict: passed
            ? `Set-up check passed: ${settings.smtpUser} can send through Microsoft Graph at ${settings.graphHost}; the one test message went to that mailbox only.`
            : 'Set-up check failed.',
        footer: `Mailbox ${settings.smtpUser} · app ${settings.clientId} · ${passed ? 'one test message, to the mailbox itself' : 'no message was accepted'}.`
    });
    // the failure as caught (a token or a Graph error), for main.ts to diagnose like any other
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (failure !== undefined)
        throw failure;
}
/** The token's audience, roles and tenant, as Graph sees them. */
function claimLines(claims, acquired, settings) {
    const labels = [
        ['audience', 'Audience'],
        ['role', 'Roles'],
        ['tenant', 'Tenant']
    ];
    if (!acquired || !claims) {
        const note = acquired ? 'the token is not a JWT: its claims cannot be read' : 'no token';
        return labels.map(([key, label]) => ({ key, label, state: acquired ? 'unknown' : 'skipped', note, fix: [] }));
    }
    const tenant = (0,_auth_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .assessClaims */ .om)(claims, { tenant: settings.tenantId, scope: settings.scope, smtpHost: '' }).tenant;
    const audience = graphAudience(claims.aud, settings);
    const adminCheck = `To see what Exchange lets the app do for this mailbox, in Exchange Online PowerShell: Test-ServicePrincipalAuthorization -Identity ${claims.appid ?? settings.clientId} -Resource ${settings.smtpUser}`;
    return [
        {
            key: 'audience',
            label: 'Audience',
            ...audience,
            fix: audience.state === 'fail'
                ? [`Leave 'token-scope' empty with 'transport: graph' (or set it to ${_inputs_clouds_js__WEBPACK_IMPORTED_MODULE_4__/* .CLOUDS */ .JJ[settings.cloud].graphScope}).`]
                : []
        },
        { key: 'role', label: 'Roles', ...graphRoles(claims.roles), fix: [adminCheck] },
        { key: 'tenant', label: 'Tenant', ...tenant, fix: [] }
    ];
}
function graphAudience(aud, settings) {
    if (!aud)
        return { state: 'unknown', note: 'the token has no aud claim' };
    const trim = (v) => v.replace(/\/+$/, '').toLowerCase();
    // Graph takes only its own audience, whatever 'token-scope' asked for
    const wanted = [_inputs_clouds_js__WEBPACK_IMPORTED_MODULE_4__/* .CLOUDS */ .JJ[settings.cloud].graphHost, GRAPH_APP_ID];
    if (wanted.map(trim).includes(trim(aud)))
        return { state: 'ok', note: `aud ${aud} (Microsoft Graph)` };
    return {
        state: 'fail',
        note: `the token is for ${aud}, but Microsoft Graph expects ${_inputs_clouds_js__WEBPACK_IMPORTED_MODULE_4__/* .CLOUDS */ .JJ[settings.cloud].graphHost} (Graph answers such a token with 401 InvalidAuthenticationToken)`
    };
}
/** Roles are shown, never required: RBAC for Applications grants Mail.Send without a role in the token. */
function graphRoles(roles) {
    if (roles?.includes('Mail.Send')) {
        return {
            state: 'ok',
            note: `roles: ${roles.join(', ')} (Entra admin consent: unless scoped, Mail.Send lets the app send as any mailbox of the tenant)`
        };
    }
    if (!roles?.length) {
        return {
            state: 'unknown',
            note: 'no roles claim: expected for an app granted Mail.Send only through Exchange RBAC for Applications (its token carries no role); otherwise admin consent is missing. The test message tells.'
        };
    }
    return {
        state: 'warn',
        note: `roles: ${roles.join(', ')}; no Mail.Send (it may still come from Exchange RBAC for Applications)`
    };
}
/** One short, clearly labelled message from the From address to the sending mailbox itself. */
async function sendTestMessage(plan, ports) {
    const { settings } = plan;
    const { composeMessage } = await ports.mime();
    const mailbox = settings.smtpUser;
    const { inReplyTo: _none, ...rest } = settings;
    const testSettings = {
        ...rest,
        to: [{ name: '', address: mailbox }],
        cc: [],
        bcc: [],
        replyTo: [],
        headers: { 'Auto-Submitted': 'auto-generated' },
        priority: 'normal'
    };
    const run = process.env.GITHUB_REPOSITORY
        ? ` (${process.env.GITHUB_REPOSITORY}, run ${process.env.GITHUB_RUN_ID ?? '?'})`
        : '';
    const message = await composeMessage(testSettings, {
        subject: '[check-setup] Test message from the Exchange Online mail action',
        text: [
            `This is a test message from the set-up check (check-setup: true) of the Exchange Online mail action${run}.`,
            `Microsoft Graph accepted it, so the app ${settings.clientId} may send as ${mailbox}.`,
            'It was sent to this mailbox only. You can delete it.'
        ].join('\n')
    }, undefined, { graph: true });
    const delivery = await (0,_graph_send_js__WEBPACK_IMPORTED_MODULE_3__/* .sendOverGraph */ .z)({
        ...plan,
        settings,
        message,
        ledger: ports.newLedger([mailbox]),
        roles: () => plan.tokens.claims()?.roles
    });
    return delivery.response;
}


/***/ }),

/***/ 5393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   explainer: () => (/* binding */ explainer),
/* harmony export */   report: () => (/* binding */ report),
/* harmony export */   runSetupCheck: () => (/* binding */ runSetupCheck)
/* harmony export */ });
/* harmony import */ var _auth_refusal_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2770);
/* harmony import */ var _diagnose_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3182);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6523);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3482);
/* harmony import */ var _match_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3341);
/* harmony import */ var _auth_claims_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9061);






const MARK = { ok: '✅', warn: '⚠️', fail: '❌', unknown: '❔', skipped: '⏭️' };
/**
 * Checks the set-up without sending: the token (one request), its claims, the connection and
 * STARTTLS (already under way), then AUTH XOAUTH2 as the mailbox; main.ts says QUIT. Writes the
 * checklist to the log, the job summary and the `check-setup` output. Resolves only when AUTH
 * succeeded; otherwise throws the first failure, which main.ts diagnoses like any other.
 */
async function runSetupCheck(plan, deps) {
    const { settings, session, tokens } = plan;
    // where docs/troubleshooting.md of the running version is, if known
    const troubleshooting = (0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .troubleshootingBase */ .WE)(process.env);
    const values = {
        ...(0,_diagnose_js__WEBPACK_IMPORTED_MODULE_1__/* .diagnosisContext */ .zd)(settings),
        ...(troubleshooting ? { troubleshooting } : {})
    };
    const lines = [];
    const explain = explainer(lines, tokens, values);
    const [token, connection] = await Promise.allSettled([tokens.get(false), session.ready]);
    let failure;
    if (token.status === 'fulfilled') {
        lines.push({ key: 'token', label: 'Token acquired', state: 'ok', note: `from ${settings.authorityHost}`, fix: [] });
    }
    else {
        failure = tokens.error() ?? token.reason;
        lines.push({ key: 'token', label: 'Token acquired', state: 'fail', ...explain(failure) });
    }
    lines.push(...claimChecks(token.status === 'fulfilled', tokens, settings, values));
    if (connection.status === 'rejected')
        failure ??= connection.reason;
    lines.push(...connectionChecks(connection, settings, explain));
    if (token.status === 'fulfilled' && connection.status === 'fulfilled') {
        try {
            // One token request: no renewal even if the server asks for another try.
            await session.login(() => tokens.get(false), 0);
            const note = `authenticated as ${settings.smtpUser}`;
            lines.push({ key: 'auth', label: 'AUTH XOAUTH2', state: 'ok', note, fix: [] });
        }
        catch (err) {
            failure = tokens.error() ?? err;
            lines.push({ key: 'auth', label: 'AUTH XOAUTH2', state: 'fail', ...explain(failure) });
        }
    }
    else {
        const note = 'needs a token and a TLS connection';
        lines.push({ key: 'auth', label: 'AUTH XOAUTH2', state: 'skipped', note, fix: [] });
    }
    const passed = lines.find((l) => l.key === 'auth')?.state === 'ok';
    await report(deps, lines, {
        passed,
        verdict: passed
            ? `Set-up check passed: ${settings.smtpUser} can authenticate to ${settings.smtpHost} with XOAUTH2. Nothing was sent.`
            : 'Set-up check failed. Nothing was sent.',
        footer: `Mailbox ${settings.smtpUser} · app ${settings.clientId} · nothing was sent.`
    });
    // the failure as caught (a token, TLS or AUTH error), for main.ts to diagnose like any other
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (failure !== undefined)
        throw failure;
}
/** Explains a failure on one checklist line, without repeating a fix an earlier line gave. */
function explainer(lines, tokens, values) {
    return (err) => {
        const claims = tokens.claims();
        const d = (0,_diagnose_js__WEBPACK_IMPORTED_MODULE_1__/* .diagnose */ .h4)((0,_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .failureFromError */ .J)(err), { ...values, ...(claims ? { token: claims } : {}) });
        // One line: the most likely cause, then the server's own words unless the cause already quotes them.
        const cause = d.headline.split('\n')[0] ?? d.headline;
        const note = d.serverText && !cause.includes(d.serverText) ? `${cause} Server said: ${d.serverText}` : cause;
        // A fix already given on an earlier line (the role's consent, say) is not repeated.
        const shown = new Set(lines.flatMap((l) => l.fix));
        const fix = d.fix.filter((f) => !shown.has(f));
        const seeAbove = fix.length < d.fix.length && fix.length === 0 ? ' (the fix is on an earlier line)' : '';
        return { note: note + seeAbove, fix, ...(d.link ? { link: d.link } : {}) };
    };
}
/** The lines about the token's claims: audience, role, tenant. */
function claimChecks(acquired, tokens, settings, values) {
    const claims = acquired ? tokens.claims() : undefined;
    if (!acquired)
        return claimLines.map(([key, label]) => ({ key, label, state: 'skipped', note: 'no token', fix: [] }));
    if (!claims) {
        const note = 'the token is not a JWT: its claims cannot be read';
        return claimLines.map(([key, label]) => ({ key, label, state: 'unknown', note, fix: [] }));
    }
    const a = (0,_auth_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .assessClaims */ .om)(claims, { tenant: settings.tenantId, scope: settings.scope, smtpHost: settings.smtpHost });
    return [
        { key: 'audience', label: 'Audience', ...a.audience, fix: a.audience.state === 'fail' ? (0,_auth_refusal_js__WEBPACK_IMPORTED_MODULE_0__/* .audienceFix */ .SL)(values) : [] },
        {
            key: 'role',
            label: `Role ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .SEND_ROLE */ .wh}`,
            ...a.role,
            // A warning, not a failure: Exchange's RBAC for Applications grants the role without the token.
            fix: a.role.state === 'ok' ? [] : (0,_auth_refusal_js__WEBPACK_IMPORTED_MODULE_0__/* .consentFix */ .iC)(claims, values)
        },
        { key: 'tenant', label: 'Tenant', ...a.tenant, fix: a.tenant.state === 'fail' ? (0,_auth_refusal_js__WEBPACK_IMPORTED_MODULE_0__/* .tenantFix */ .cr)(claims, values) : [] }
    ];
}
/** The lines about the connection: reaching the server, then TLS. */
function connectionChecks(connection, settings, explain) {
    const where = `${settings.smtpHost}:${settings.smtpPort}`;
    const reachable = { key: 'smtp', label: 'SMTP reachable', state: 'ok', note: where, fix: [] };
    if (connection.status === 'fulfilled') {
        const tlsKind = settings.implicitTls ? 'implicit TLS' : 'STARTTLS';
        return [reachable, { key: 'tls', label: 'TLS', state: 'ok', note: `${tlsKind}, TLS 1.2 or newer`, fix: [] }];
    }
    const explained = explain(connection.reason);
    if ((0,_match_js__WEBPACK_IMPORTED_MODULE_3__/* .catalogueEntry */ .yd)((0,_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .failureFromError */ .J)(connection.reason))?.checklist === 'tls') {
        return [reachable, { key: 'tls', label: 'TLS', state: 'fail', ...explained }];
    }
    return [
        { key: 'smtp', label: 'SMTP reachable', state: 'fail', ...explained },
        { key: 'tls', label: 'TLS', state: 'skipped', note: 'no connection', fix: [] }
    ];
}
const claimLines = [
    ['audience', 'Audience'],
    ['role', `Role ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .SEND_ROLE */ .wh}`],
    ['tenant', 'Tenant']
];
/** The `check-setup` output: every line's key and state, e.g. `token=ok … auth=fail`. */
function compactResult(lines) {
    return lines.map((l) => `${l.key}=${l.state}`).join(' ');
}
/** Writes the checklist to the log (through the one printer), the `check-setup` output and the job summary. */
async function report(deps, lines, outcome) {
    const { log, setOutput, summary } = deps;
    const { passed } = outcome;
    // the notes quote servers and token claims: printed through the one printer, as one block
    const checklist = lines.flatMap((line) => [
        `${MARK[line.state]} ${line.label}: ${line.note}`,
        ...line.fix.map((step) => `     - ${step}`),
        ...(line.link && line.state === 'fail' ? [`     See ${line.link}`] : [])
    ]);
    log.infoGroup('Set-up check', checklist.join('\n'));
    log.info(outcome.verdict);
    setOutput('check-setup', compactResult(lines));
    const rows = lines
        .map((l) => `<tr><td>${MARK[l.state]}</td><th align="left">${escape(l.label)}</th><td>${escape(l.note)}${fixList(l)}</td></tr>`)
        .join('');
    await summary
        .addHeading(passed ? '🩺 Set-up check passed' : '🩺 Set-up check failed', 3)
        .addRaw(`<table>${rows}</table>`, true)
        .addRaw(escape(outcome.footer), true)
        .write();
}
function fixList(line) {
    if (line.fix.length === 0)
        return '';
    const items = line.fix.map((f) => `<li>${escape(f)}</li>`).join('');
    const link = line.link ? `<br><a href="${escape(line.link)}">${escape(line.link)}</a>` : '';
    return `<ul>${items}</ul>${link}`;
}
function escape(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}


/***/ })

};
