export const id = 393;
export const ids = [393];
export const modules = {

/***/ 5393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compactResult: () => (/* binding */ compactResult),
/* harmony export */   runSetupCheck: () => (/* binding */ runSetupCheck)
/* harmony export */ });
/* harmony import */ var _auth_refusal_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2770);
/* harmony import */ var _auth_claims_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1442);
/* harmony import */ var _diagnose_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3244);
/* harmony import */ var _report_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6472);




const MARK = { ok: '✅', warn: '⚠️', fail: '❌', unknown: '❔', skipped: '⏭️' };
/** Entries of the diagnosis catalogue that are about TLS rather than reaching the server. */
const TLS_DIAGNOSES = ['STARTTLS', 'TLS certificate', '421 4.7.66'];
/**
 * Checks the set-up without sending: the token (one request), its claims, the connection and
 * STARTTLS (already under way), then AUTH XOAUTH2 as the mailbox; main.ts says QUIT. Writes the
 * checklist to the log, the job summary and the `check-setup` output. Resolves only when AUTH
 * succeeded; otherwise throws the first failure, which main.ts diagnoses like any other.
 */
async function runSetupCheck(plan) {
    const { core, settings, session, tokens } = plan;
    const values = {
        ...(0,_diagnose_js__WEBPACK_IMPORTED_MODULE_2__.diagnosisContext)(settings),
        ...(plan.troubleshooting ? { troubleshooting: plan.troubleshooting } : {})
    };
    const lines = [];
    const explain = (err) => {
        const claims = tokens.claims();
        const d = (0,_diagnose_js__WEBPACK_IMPORTED_MODULE_2__.diagnose)((0,_diagnose_js__WEBPACK_IMPORTED_MODULE_2__.failureFromError)(err), { ...values, ...(claims ? { token: claims } : {}) });
        // One line: the most likely cause, then the server's own words unless the cause already quotes them.
        const cause = d.headline.split('\n')[0] ?? d.headline;
        const note = d.serverText && !cause.includes(d.serverText) ? `${cause} Server said: ${d.serverText}` : cause;
        // A fix already given on an earlier line (the role's consent, say) is not repeated.
        const shown = new Set(lines.flatMap((l) => l.fix));
        const fix = d.fix.filter((f) => !shown.has(f));
        const seeAbove = fix.length < d.fix.length && fix.length === 0 ? ' (the fix is on an earlier line)' : '';
        return { note: note + seeAbove, fix, ...(d.link ? { link: d.link } : {}) };
    };
    const [token, connection] = await Promise.allSettled([tokens.get(false), session.ready]);
    let failure;
    if (token.status === 'fulfilled') {
        lines.push({ key: 'token', label: 'Token acquired', state: 'ok', note: `from ${settings.authorityHost}`, fix: [] });
    }
    else {
        failure = tokens.error() ?? token.reason;
        lines.push({ key: 'token', label: 'Token acquired', state: 'fail', ...explain(failure) });
    }
    const claims = token.status === 'fulfilled' ? tokens.claims() : undefined;
    if (token.status === 'rejected') {
        for (const [key, label] of claimLines)
            lines.push({ key, label, state: 'skipped', note: 'no token', fix: [] });
    }
    else if (!claims) {
        for (const [key, label] of claimLines) {
            lines.push({ key, label, state: 'unknown', note: 'the token is not a JWT: its claims cannot be read', fix: [] });
        }
    }
    else {
        const a = (0,_auth_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .assessClaims */ .om)(claims, { tenant: settings.tenantId, scope: settings.scope, smtpHost: settings.smtpHost });
        lines.push({
            key: 'audience',
            label: 'Audience',
            ...a.audience,
            fix: a.audience.state === 'fail' ? (0,_auth_refusal_js__WEBPACK_IMPORTED_MODULE_0__/* .audienceFix */ .SL)(values) : []
        });
        lines.push({
            key: 'role',
            label: `Role ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .SEND_ROLE */ .wh}`,
            ...a.role,
            // A warning, not a failure: Exchange's RBAC for Applications grants the role without the token.
            fix: a.role.state === 'ok' ? [] : (0,_auth_refusal_js__WEBPACK_IMPORTED_MODULE_0__/* .consentFix */ .iC)(claims, values)
        });
        lines.push({
            key: 'tenant',
            label: 'Tenant',
            ...a.tenant,
            fix: a.tenant.state === 'fail' ? (0,_auth_refusal_js__WEBPACK_IMPORTED_MODULE_0__/* .tenantFix */ .cr)(claims, values) : []
        });
    }
    const where = `${settings.smtpHost}:${settings.smtpPort}`;
    const tlsKind = settings.implicitTls ? 'implicit TLS' : 'STARTTLS';
    if (connection.status === 'fulfilled') {
        lines.push({ key: 'smtp', label: 'SMTP reachable', state: 'ok', note: where, fix: [] });
        lines.push({ key: 'tls', label: 'TLS', state: 'ok', note: `${tlsKind}, TLS 1.2 or newer`, fix: [] });
    }
    else {
        failure ??= connection.reason;
        const explained = explain(connection.reason);
        const entry = (0,_diagnose_js__WEBPACK_IMPORTED_MODULE_2__.diagnose)((0,_diagnose_js__WEBPACK_IMPORTED_MODULE_2__.failureFromError)(connection.reason), {}).entry?.id;
        if (entry && TLS_DIAGNOSES.includes(entry)) {
            lines.push({ key: 'smtp', label: 'SMTP reachable', state: 'ok', note: where, fix: [] });
            lines.push({ key: 'tls', label: 'TLS', state: 'fail', ...explained });
        }
        else {
            lines.push({ key: 'smtp', label: 'SMTP reachable', state: 'fail', ...explained });
            lines.push({ key: 'tls', label: 'TLS', state: 'skipped', note: 'no connection', fix: [] });
        }
    }
    if (token.status === 'fulfilled' && connection.status === 'fulfilled') {
        try {
            // One token request: no renewal even if the server asks for another try.
            await session.login(() => tokens.get(false), 0);
            lines.push({
                key: 'auth',
                label: 'AUTH XOAUTH2',
                state: 'ok',
                note: `authenticated as ${settings.smtpUser}`,
                fix: []
            });
        }
        catch (err) {
            failure = tokens.error() ?? err;
            lines.push({ key: 'auth', label: 'AUTH XOAUTH2', state: 'fail', ...explain(failure) });
        }
    }
    else {
        lines.push({
            key: 'auth',
            label: 'AUTH XOAUTH2',
            state: 'skipped',
            note: 'needs a token and a TLS connection',
            fix: []
        });
    }
    await report(core, settings, lines);
    if (failure !== undefined)
        throw failure;
}
const claimLines = [
    ['audience', 'Audience'],
    ['role', `Role ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .SEND_ROLE */ .wh}`],
    ['tenant', 'Tenant']
];
/** The `check-setup` output: every line's key and state, e.g. `token=ok … auth=fail`. */
function compactResult(lines) {
    return lines.map((l) => `${l.key}=${l.state}`).join(' ');
}
async function report(core, settings, lines) {
    const passed = lines.find((l) => l.key === 'auth')?.state === 'ok';
    // the notes quote servers and token claims: printed through the one printer, as one block
    const checklist = lines.flatMap((line) => [
        `${MARK[line.state]} ${line.label}: ${line.note}`,
        ...line.fix.map((step) => `     - ${step}`),
        ...(line.link && line.state === 'fail' ? [`     See ${line.link}`] : [])
    ]);
    _report_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.infoGroup('Set-up check', checklist.join('\n'));
    _report_log_js__WEBPACK_IMPORTED_MODULE_3__/* .log */ .Rm.info(passed
        ? `Set-up check passed: ${settings.smtpUser} can authenticate to ${settings.smtpHost} with XOAUTH2. Nothing was sent.`
        : 'Set-up check failed. Nothing was sent.');
    core.setOutput('check-setup', compactResult(lines));
    const rows = lines
        .map((l) => `<tr><td>${MARK[l.state]}</td><th align="left">${escape(l.label)}</th><td>${escape(l.note)}${fixList(l)}</td></tr>`)
        .join('');
    await core.summary
        .addHeading(passed ? '🩺 Set-up check passed' : '🩺 Set-up check failed', 3)
        .addRaw(`<table>${rows}</table>`, true)
        .addRaw(`Mailbox ${escape(settings.smtpUser)} · app ${escape(settings.clientId)} · nothing was sent.`, true)
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
