export const id = 393;
export const ids = [393];
export const modules = {

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
