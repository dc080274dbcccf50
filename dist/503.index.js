export const id = 503;
export const ids = [503];
export const modules = {

/***/ 9061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ip: () => (/* binding */ readClaims),
/* harmony export */   fq: () => (/* binding */ formatClaims),
/* harmony export */   oD: () => (/* binding */ EXCHANGE_APP_ID),
/* harmony export */   om: () => (/* binding */ assessClaims),
/* harmony export */   wh: () => (/* binding */ SEND_ROLE)
/* harmony export */ });
/**
 * The facts an Exchange Online access token carries about the set-up: which resource it is for
 * (`aud`), which tenant issued it (`tid`), which app (`appid`) and service principal (`oid`) it
 * speaks for, and which application roles admin consent gave it (`roles`). Read for diagnosis
 * only: the signature is never checked (Exchange checks it; the action only explains a refusal)
 * and the token itself is never kept or printed. Node's Buffer decodes base64url; no library.
 */
/** The application permission SMTP AUTH needs in the token (or from Exchange's RBAC for Applications). */
const SEND_ROLE = 'SMTP.SendAsApp';
/** The application ID of the Office 365 Exchange Online API (the resource of SMTP.SendAsApp). */
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
/**
 * The claims of a JWT access token, or undefined when the token is not a JWT (opaque tokens are
 * allowed: the diagnosis then says less). Never throws, never verifies.
 */
function readClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts[1])
        return undefined;
    let payload;
    try {
        payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload))
        return undefined;
    const p = payload;
    // IDs and role names are short printable ASCII; anything else is not a claim worth repeating
    // in a log line (and could carry line breaks into it).
    const text = (value) => typeof value === 'string' && /^[\x21-\x7e]{1,200}$/.test(value) ? value : undefined;
    const claims = {};
    const aud = Array.isArray(p.aud) ? text(p.aud[0]) : text(p.aud);
    if (aud)
        claims.aud = aud;
    for (const name of ['tid', 'appid', 'oid', 'idtyp']) {
        const value = text(p[name]) ?? (name === 'appid' ? text(p.azp) : undefined);
        if (value)
            claims[name] = value;
    }
    if (Array.isArray(p.roles))
        claims.roles = p.roles.map(text).filter((r) => r !== undefined);
    return claims;
}
/** One line for the debug log: IDs only (they identify objects, they grant nothing). */
function formatClaims(claims) {
    if (!claims)
        return 'Access token: not a JWT; its claims cannot be read.';
    const show = (value) => value ?? '(absent)';
    const roles = claims.roles ? claims.roles.join(',') || '(none)' : '(absent)';
    return `Access token claims: aud=${show(claims.aud)} tid=${show(claims.tid)} appid=${show(claims.appid)} oid=${show(claims.oid)} roles=${roles} idtyp=${show(claims.idtyp)}`;
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The Exchange Online audiences of each cloud, by the SMTP host that cloud's mailboxes use. */
const CLOUD_AUDIENCES = [
    {
        smtpHosts: ['smtp.office365.com', 'outlook.office365.com'],
        audiences: ['https://outlook.office365.com', 'https://outlook.office.com'],
        label: 'Microsoft 365 worldwide'
    },
    {
        smtpHosts: ['smtp.office365.us', 'outlook.office365.us'],
        audiences: ['https://outlook.office365.us'],
        label: 'GCC High'
    },
    {
        smtpHosts: ['outlook-dod.office365.us'],
        audiences: ['https://outlook-dod.office365.us'],
        label: 'DoD'
    },
    {
        smtpHosts: ['smtp.partner.outlook.cn', 'partner.outlook.cn'],
        audiences: ['https://partner.outlook.cn'],
        label: '21Vianet'
    }
];
const trimSlash = (value) => value.replace(/\/+$/, '').toLowerCase();
/** The resource part of a `/.default` scope: https://outlook.office365.com/.default → https://outlook.office365.com. */
function scopeResource(scope) {
    return scope.replace(/\/\.default$/i, '');
}
/**
 * Compares the claims with the run's settings. The audience is checked against the SMTP host's
 * cloud when the host is one of Microsoft's, else against the requested scope; a tenant given as
 * a domain cannot be compared with `tid` (that needs a lookup the action does not make).
 */
function assessClaims(claims, expected) {
    return {
        audience: assessAudience(claims.aud, expected),
        tenant: assessTenant(claims.tid, expected.tenant),
        role: assessRole(claims.roles)
    };
}
function assessAudience(aud, expected) {
    if (!aud)
        return { state: 'unknown', note: 'the token has no aud claim' };
    const cloud = CLOUD_AUDIENCES.find((c) => c.smtpHosts.includes(expected.smtpHost.toLowerCase()));
    const wanted = cloud ? cloud.audiences : [scopeResource(expected.scope)];
    // The Exchange API's application ID is an equivalent audience in every cloud.
    if ([...wanted, EXCHANGE_APP_ID].map(trimSlash).includes(trimSlash(aud))) {
        return { state: 'ok', note: `aud ${aud}` };
    }
    const where = cloud
        ? `${expected.smtpHost} (${cloud.label}) expects ${wanted.join(' or ')}`
        : `the requested scope ${expected.scope} is for ${wanted[0]}`;
    return { state: 'fail', note: `the token is for ${aud}, but ${where}` };
}
function assessTenant(tid, tenant) {
    if (!tid)
        return { state: 'unknown', note: 'the token has no tid claim' };
    if (!GUID.test(tenant)) {
        return {
            state: 'unknown',
            note: `tid ${tid}; 'tenant-id' is the domain ${tenant}, which cannot be compared with it`
        };
    }
    if (tid.toLowerCase() === tenant.toLowerCase())
        return { state: 'ok', note: `tid ${tid}` };
    return { state: 'fail', note: `the token was issued by tenant ${tid}, not by the configured tenant ${tenant}` };
}
function assessRole(roles) {
    if (roles?.includes(SEND_ROLE))
        return { state: 'ok', note: `roles include ${SEND_ROLE}` };
    const found = roles?.length ? `roles: ${roles.join(', ')}` : 'no roles claim';
    return { state: 'warn', note: `${found}; ${SEND_ROLE} is missing` };
}


/***/ }),

/***/ 2770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RW: () => (/* binding */ refusedAuthAdvice),
/* harmony export */   SL: () => (/* binding */ audienceFix),
/* harmony export */   cr: () => (/* binding */ tenantFix),
/* harmony export */   iC: () => (/* binding */ consentFix)
/* harmony export */ });
/* harmony import */ var _catalogue_smtp_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6941);
/* harmony import */ var _auth_claims_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9061);
/**
 * Why Exchange Online refused SMTP AUTH, told from the claims of the token that was presented.
 * Exchange answers four different set-up mistakes with the same `535 5.7.3`; the token shows
 * which side is missing: no SMTP.SendAsApp role → Entra admin consent; the role present →
 * Exchange does not know the service principal or has not given it the mailbox; a foreign
 * audience or tenant → wrong cloud or tenant. Pure: claims and values come in as data, and every
 * fix comes out filled with this run's real IDs.
 */


/** Exchange applies new service principals and permissions after a delay: retrying at once proves nothing. */
const PROPAGATION = 'Exchange Online applies a new service principal or permission after a delay (allow up to an hour): if you changed it just now, run the step again later.';
/** Where and how to grant admin consent for SMTP.SendAsApp, with this app's IDs. */
function consentFix(claims, v) {
    const app = claims?.appid ?? v.clientId ?? '<application (client) ID>';
    const tenant = claims?.tid ?? v.tenant ?? '<tenant>';
    const authority = v.authorityHost ?? 'https://login.microsoftonline.com';
    return [
        `Entra admin center → App registrations → (app ${app}) → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .SEND_ROLE */ .wh} → Add permissions, then "Grant admin consent for <your organisation>" (needs a Privileged Role Administrator, Cloud Application Administrator or Application Administrator).`,
        `Or with the Azure CLI: az ad app permission add --id ${app} --api ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .EXCHANGE_APP_ID */ .oD} --api-permissions "$(az ad sp show --id ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .EXCHANGE_APP_ID */ .oD} --query "appRoles[?value=='${_auth_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .SEND_ROLE */ .wh}'].id" -o tsv)=Role" && az ad app permission admin-consent --id ${app}`,
        `Or have an administrator open ${authority}/${tenant}/adminconsent?client_id=${app} (grants the permissions already listed on the app registration).`
    ];
}
/** The Exchange Online PowerShell that registers the service principal and gives it the mailbox. */
function exchangeFix(claims, v) {
    const app = claims?.appid ?? v.clientId ?? '<application (client) ID>';
    const oid = claims?.oid ?? '<object ID of Entra → Enterprise applications → (this app)>';
    const mailbox = v.mailbox ?? '<mailbox>';
    return [
        `In Exchange Online PowerShell (Connect-ExchangeOnline), register the app's service principal: New-ServicePrincipal -AppId ${app} -ObjectId ${oid}${claims?.oid ? " (the oid of the presented token: the enterprise application's object ID, not the app registration's)" : ''}`,
        `Give it the mailbox it authenticates as: Add-MailboxPermission -Identity ${mailbox} -User ${oid} -AccessRights FullAccess`,
        `Check both: Get-ServicePrincipal -Identity ${oid} ; Get-MailboxPermission -Identity ${mailbox} -User ${oid}`,
        PROPAGATION
    ];
}
/**
 * Turns SMTP AUTH on, where it can be: under security defaults it is off for every mailbox and the
 * per-mailbox switch does not help (Microsoft's "Enable or disable SMTP AUTH in Exchange Online"),
 * so that is checked first, and Graph is the way out where SMTP AUTH stays off.
 */
function smtpAuthFix(mailbox) {
    return [
        _catalogue_smtp_js__WEBPACK_IMPORTED_MODULE_0__/* .SECURITY_DEFAULTS */ .Gl,
        _catalogue_smtp_js__WEBPACK_IMPORTED_MODULE_0__/* .GRAPH_WAY_OUT */ .c7,
        `Without security defaults, turn it on for this mailbox alone, in Exchange Online PowerShell: Set-CASMailbox -Identity ${mailbox ?? '<mailbox>'} -SmtpClientAuthenticationDisabled $false (it overrides the tenant-wide setting).`,
        PROPAGATION
    ];
}
/** The fix for a token issued for another resource (another cloud, or a scope not of Exchange). */
function audienceFix(v) {
    return [
        `Set 'cloud' to the cloud of the tenant (now '${v.cloud ?? 'public'}'), and leave 'token-scope' and 'smtp-host' empty so both follow it (now ${v.scope ?? '?'}).`
    ];
}
/** The fix for a token from another tenant. */
function tenantFix(claims, v) {
    return [
        `Set 'tenant-id' to the Directory (tenant) ID of the tenant that holds the mailbox${v.mailbox ? ` ${v.mailbox}` : ''}; the app (${claims.appid ?? v.clientId ?? '?'}) got its token from tenant ${claims.tid ?? '?'}. A multi-tenant app must be consented to in the mailbox's tenant.`
    ];
}
/**
 * Advice for a refused AUTH (`535 5.7.3`, or `5.7.139` when SMTP AUTH is off), most likely cause
 * first. A missing role does not stop the action from trying AUTH: with Exchange's RBAC for
 * Applications the permission comes from Exchange and the token carries no role.
 */
function refusedAuthAdvice(enhanced, claims, assessment, v) {
    const details = [
        `Presented access token: aud=${claims.aud ?? '?'} tid=${claims.tid ?? '?'} appid=${claims.appid ?? '?'} oid=${claims.oid ?? '?'} roles=${claims.roles?.join(',') || '(none)'}`
    ];
    if (enhanced === '5.7.139') {
        const fix = smtpAuthFix(v.mailbox);
        if (assessment.role.state !== 'ok') {
            details.push(`Also: ${assessment.role.note}. Once SMTP AUTH is on, admin consent is needed too (unless Exchange's RBAC for Applications grants it):`);
            fix.push(...consentFix(claims, v));
        }
        return {
            headline: `SMTP AUTH is turned off for ${v.mailbox ?? 'the mailbox'} or for the whole tenant, as security defaults do (535 5.7.139): Exchange refused to authenticate at all.`,
            fix,
            details
        };
    }
    if (assessment.audience.state === 'fail') {
        return {
            headline: `Exchange refused the token because it is for another resource: ${assessment.audience.note}.`,
            fix: audienceFix(v),
            details
        };
    }
    if (assessment.tenant.state === 'fail') {
        return {
            headline: `Exchange refused the token because it comes from another tenant: ${assessment.tenant.note}.`,
            fix: tenantFix(claims, v),
            details
        };
    }
    if (assessment.role.state !== 'ok') {
        return {
            headline: `Admin consent for ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .SEND_ROLE */ .wh} is missing or not yet effective: the token that was presented carries no ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .SEND_ROLE */ .wh} role (${assessment.role.note}).`,
            fix: [
                ...consentFix(claims, v),
                `If SMTP is granted through Exchange's RBAC for Applications instead (then the token carries no role), the Exchange side is what is missing:`,
                ...exchangeFix(claims, v)
            ],
            details
        };
    }
    return {
        headline: `The token carries ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_1__/* .SEND_ROLE */ .wh}, so Entra ID is set up: Exchange Online does not know the app's service principal (${claims.oid ?? 'oid unknown'}) or has not given it the mailbox${v.mailbox ? ` ${v.mailbox}` : ''}.`,
        fix: exchangeFix(claims, v),
        details
    };
}


/***/ }),

/***/ 3182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h4: () => (/* binding */ diagnose),
  zd: () => (/* binding */ diagnosisContext)
});

// UNUSED EXPORTS: fillIn

;// CONCATENATED MODULE: ./src/diagnosis/anchor.ts
/**
 * The anchor GitHub gives a Markdown heading (as github-slugger makes it): lower case, every
 * character but letters, digits, marks, `_`, `-` and spaces dropped, each space a hyphen.
 * `535 5.7.3` → `535-573`.
 */
function troubleshootingAnchor(heading) {
    return heading
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
        .replace(/ /g, '-');
}

// EXTERNAL MODULE: ./src/diagnosis/auth-refusal.ts
var auth_refusal = __webpack_require__(2770);
;// CONCATENATED MODULE: ./src/diagnosis/graph-account.ts
const OPERATIONS = {
    sendMail: 'sendMail',
    createDraft: 'creating the draft of a large message',
    addAttachment: 'adding an attachment to the draft',
    createUploadSession: 'opening an attachment upload session',
    upload: 'an attachment upload',
    send: 'sending the draft'
};
/** The failure in the run's own terms: what was refused, for which mailbox, with Graph's words. */
function graphAccount(f, run) {
    const what = OPERATIONS[f.operation];
    const where = `Microsoft Graph${run.graphHost ? ` at ${run.graphHost}` : ''}`;
    let headline;
    if (f.mayHaveBeenAccepted) {
        headline = `The message may have been delivered: the request to ${where} (${what}) was sent in full, but its answer never came (${f.code || 'no answer'}). It was not resent, so that nobody gets it twice.`;
    }
    else if (f.status === 0) {
        headline = `Could not reach ${where} (${what}): ${f.message}`;
    }
    else if (f.status === 429 || f.status === 503) {
        const wait = f.retryAfterMs !== undefined ? `asked to wait ${duration(f.retryAfterMs)} (Retry-After)` : 'gave no Retry-After';
        headline = `${where} throttled ${what} for ${run.mailbox ?? 'the mailbox'} (HTTP ${f.status}${f.status === 503 ? ', service unavailable' : ''}) and ${wait}; the wait did not fit in what was left of timeout-seconds, so the message was not sent.`;
    }
    else {
        const code = f.code ? ` ${f.code}` : '';
        headline = `${where} refused ${what} as ${run.mailbox ?? 'the mailbox'} (HTTP ${f.status}${code}).`;
    }
    const account = { headline, details: [supportLine(f)] };
    if (f.graphMessage)
        account.serverText = f.code ? `${f.code}: ${f.graphMessage}` : f.graphMessage;
    return account;
}
/** The IDs Microsoft support asks for, those Graph gave and the one the action sent. */
function supportLine(f) {
    const ids = [
        `request-id ${f.requestId ?? '(none: no answer)'}`,
        `client-request-id ${f.clientRequestId}`,
        ...(f.date ? [`date ${f.date}`] : [])
    ];
    return `For Microsoft support: ${ids.join(', ')}`;
}
/** 90000 → "90 s", 600000 → "10 min". */
function duration(ms) {
    const seconds = Math.ceil(ms / 1000);
    return seconds >= 120 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

// EXTERNAL MODULE: ./src/diagnosis/catalogue-graph.ts
var catalogue_graph = __webpack_require__(2777);
;// CONCATENATED MODULE: ./src/diagnosis/graph-refusal.ts
/**
 * Why Microsoft Graph refused a request, told from the claims of the token that was presented,
 * as auth-refusal.ts does for SMTP. `403 ErrorAccessDenied` covers two set-ups: the token carries
 * Mail.Send (Entra consent is there, so the mailbox is outside the app's RBAC scope or access
 * policy) or it carries no role (neither consent nor an RBAC assignment covers the mailbox; an
 * RBAC-only app carries none either, which is why the action sends anyway). `401` is most often a
 * token for another resource. Pure: claims and values come in as data, and every fix comes out
 * filled with this run's real IDs.
 */

/** The application permission sendMail needs (Entra consent, or Exchange's "Application Mail.Send" role). */
const GRAPH_SEND_ROLE = 'Mail.Send';
/** Drafts and upload sessions (messages over Graph's single-request limit) need this one too. */
const GRAPH_DRAFT_ROLE = 'Mail.ReadWrite';
/** The application ID of Microsoft Graph: an audience equivalent to its host, in every cloud. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const origin = (value) => value.replace(/\/+$/, '').toLowerCase();
/**
 * Advice for a refusal of the app's rights (`access`) or of its token (`token`), most likely cause
 * first, from the claims of the token that was presented.
 */
function graphRefusalAdvice(kind, claims, operation, v) {
    const details = [
        `Presented access token: aud=${claims.aud ?? '?'} tid=${claims.tid ?? '?'} appid=${claims.appid ?? '?'} oid=${claims.oid ?? '?'} roles=${claims.roles?.join(',') || '(none)'}`
    ];
    const advice = kind === 'token' ? tokenAdvice(claims, v) : accessAdvice(claims, operation, v);
    return { ...advice, details };
}
/** ErrorAccessDenied: which grant is missing, told by the roles the token carries. */
function accessAdvice(claims, operation, v) {
    const mailbox = v.mailbox ?? '<mailbox>';
    const roles = claims.roles ?? [];
    if (operation !== 'sendMail' && !roles.includes(GRAPH_DRAFT_ROLE)) {
        return {
            headline: `The message is too large for one Graph request, and Graph refused the large-message path (${operation}): it needs ${GRAPH_DRAFT_ROLE} for ${mailbox}, which the token does not carry (an RBAC-only grant carries no role either).`,
            fix: [
                `Attach less (check 'attachments' and 'max-attachment-size'), so that the message fits in one request; or use transport: smtp.`,
                `Or give the app ${GRAPH_DRAFT_ROLE} for this mailbox only, scoped like Mail.Send: ${roleAssignment('Application Mail.ReadWrite', claims, v)}`,
                catalogue_graph/* GRAPH_PROPAGATION */.g
            ]
        };
    }
    if (roles.includes(GRAPH_SEND_ROLE)) {
        return {
            headline: `The token carries ${GRAPH_SEND_ROLE}, so Entra consent is there, yet Graph refused the mailbox ${mailbox}: it is outside the app's application access policy or RBAC scope, or the grant is too new to have reached Exchange.`,
            fix: [
                `An application access policy may shut the mailbox out: Test-ApplicationAccessPolicy -Identity ${mailbox} -AppId ${app(claims, v)} (add the mailbox to the policy's group, or replace the policy as below).`,
                `Give the app this mailbox through RBAC for Applications, in Exchange Online PowerShell (Connect-ExchangeOnline): ${roleAssignment('Application Mail.Send', claims, v)}. Then remove the Entra ${GRAPH_SEND_ROLE} consent (and any access policy): grants add up, and a leftover consent lets the app send as anyone in the tenant.`,
                `Check: Test-ServicePrincipalAuthorization -Identity ${sp(claims)} -Resource ${mailbox}`,
                catalogue_graph/* GRAPH_PROPAGATION */.g
            ]
        };
    }
    const found = roles.length ? `roles: ${roles.join(', ')}` : 'no roles claim';
    return {
        headline: `The token carries no ${GRAPH_SEND_ROLE} role (${found}), and Exchange's RBAC for Applications does not give the app the mailbox ${mailbox} either: no grant covers it.`,
        fix: [
            `Either grant it through Exchange's RBAC for Applications only (then the token carries no role), in Exchange Online PowerShell: ${servicePrincipal(claims, v)} ; ${roleAssignment('Application Mail.Send', claims, v)}`,
            ...graphConsentFix(claims, v),
            `Check: Test-ServicePrincipalAuthorization -Identity ${sp(claims)} -Resource ${mailbox}`,
            catalogue_graph/* GRAPH_PROPAGATION */.g
        ]
    };
}
/** InvalidAuthenticationToken: a token for another resource, cloud or tenant. */
function tokenAdvice(claims, v) {
    const host = v.graphHost ?? 'https://graph.microsoft.com';
    const aud = claims.aud ?? '';
    const audienceOk = [origin(host), GRAPH_APP_ID].includes(origin(aud));
    if (aud && !audienceOk && /outlook|office365/i.test(aud)) {
        return {
            headline: `The token is for Exchange Online (aud ${aud}), not for Microsoft Graph: the token scope (${v.scope ?? '?'}) is Exchange's.`,
            fix: [
                `Leave 'token-scope' empty: with transport: graph it becomes ${host}/.default. (An Exchange scope is what transport: smtp needs.)`
            ]
        };
    }
    if (aud && !audienceOk) {
        return {
            headline: `The token is for ${aud}, but the request went to Microsoft Graph at ${host}: the token scope and 'graph-host' are from different clouds or resources.`,
            fix: [
                `Set 'cloud' to the tenant's cloud (now '${v.cloud ?? 'public'}') and leave 'graph-host' and 'token-scope' empty, so that both follow it (now ${host} and ${v.scope ?? '?'}).`
            ]
        };
    }
    if (claims.tid && v.tenant && GUID.test(v.tenant) && claims.tid.toLowerCase() !== v.tenant.toLowerCase()) {
        return {
            headline: `The token was issued by tenant ${claims.tid}, not by the configured tenant ${v.tenant}.`,
            fix: [
                `Set 'tenant-id' to the Directory (tenant) ID of the tenant that holds the mailbox${v.mailbox ? ` ${v.mailbox}` : ''}.`
            ]
        };
    }
    return {
        headline: `The token is for Microsoft Graph (aud ${aud || '?'}), yet Graph refused it: Graph's own words above say why (an expired token, or a clock far off on the runner).`,
        fix: [
            'Run the step again: the action requests a fresh token on every run.',
            "If it persists, check the runner's clock, and that 'graph-host' and 'authority-host' are Microsoft's hosts of one cloud (no proxy rewriting the Authorization header)."
        ]
    };
}
function app(claims, v) {
    return claims.appid ?? v.clientId ?? '<application (client) ID>';
}
/** The service principal's object ID (the token's oid), as Exchange's RBAC cmdlets take it. */
function sp(claims) {
    return claims.oid ?? '<object ID of Entra → Enterprise applications → (this app)>';
}
/** Registers the app's service principal with Exchange, with the oid the token carries. */
function servicePrincipal(claims, v) {
    return `New-ServicePrincipal -AppId ${app(claims, v)} -ObjectId ${sp(claims)}`;
}
/** A management scope of the one mailbox, and the role assigned to the app within it. */
function roleAssignment(role, claims, v) {
    const mailbox = v.mailbox ?? '<mailbox>';
    const scope = `Send as ${mailbox}`;
    return `New-ManagementScope -Name "${scope}" -RecipientRestrictionFilter "UserPrincipalName -eq '${mailbox}'" ; New-ManagementRoleAssignment -Role "${role}" -App ${sp(claims)} -CustomResourceScope "${scope}" (if the scope exists already, only the second command; if Exchange does not know the app yet, first ${servicePrincipal(claims, v)})`;
}
/** Entra admin consent for Graph's Mail.Send, which must then be scoped. */
function graphConsentFix(claims, v) {
    const id = app(claims, v);
    return [
        `Or grant admin consent: Entra admin center → App registrations → (app ${id}) → API permissions → Add a permission → Microsoft Graph → Application permissions → ${GRAPH_SEND_ROLE}, then "Grant admin consent". Or with the Azure CLI: az ad app permission add --id ${id} --api ${GRAPH_APP_ID} --api-permissions "$(az ad sp show --id ${GRAPH_APP_ID} --query "appRoles[?value=='${GRAPH_SEND_ROLE}'].id" -o tsv)=Role" && az ad app permission admin-consent --id ${id}. Consented, ${GRAPH_SEND_ROLE} lets the app send as anyone in the tenant, and an RBAC scope does not narrow it: prefer the RBAC assignment alone.`
    ];
}

// EXTERNAL MODULE: ./src/diagnosis/match.ts + 2 modules
var match = __webpack_require__(3341);
// EXTERNAL MODULE: ./src/auth/claims.ts
var auth_claims = __webpack_require__(9061);
// EXTERNAL MODULE: ./src/shared/bounded-text.ts
var bounded_text = __webpack_require__(5322);
;// CONCATENATED MODULE: ./src/diagnosis/diagnose.ts
/**
 * What went wrong and what to do about it: a headline in the run's own terms, the server's words,
 * and the meaning and fix of the failure's catalogue entry filled in with the run's values. Pure.
 */







/** The run's values that fill in the fixes, from the settings. */
function diagnosisContext(settings) {
    const c = settings.credential;
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
    };
}
/** Fills {placeholders} with the run's values; unknown ones stay visible. */
function fillIn(text, values) {
    return text.replace(/\{(\w+)\}/g, (whole, key) => {
        const value = values[key];
        return value === undefined || value === '' ? whole : String(value);
    });
}
/**
 * Finds what went wrong and what to do about it, top-down: match the failure against the
 * catalogue (match.ts), tell what happened, then advise from the entry; formatting is the
 * caller's (format.ts). Nothing here is called back from below. Pure.
 */
function diagnose(f, ctx) {
    if (f.source === 'input')
        return { headline: f.message, fix: [], details: [] };
    const entry = (0,match/* catalogueEntry */.yd)(f);
    const detected = (0,match/* detectedCode */.Ys)(f);
    const account = f.source === 'entra'
        ? entraAccount(f, ctx, detected)
        : f.source === 'smtp'
            ? smtpAccount(f, ctx)
            : f.source === 'graph'
                ? graphAccount(f, ctx)
                : { headline: f.message, details: [] };
    const diagnosis = { headline: account.headline, fix: [], details: account.details };
    if (account.serverText !== undefined)
        diagnosis.serverText = account.serverText;
    if (account.correlationId !== undefined)
        diagnosis.correlationId = account.correlationId;
    if (account.traceId !== undefined)
        diagnosis.traceId = account.traceId;
    if (entry)
        advise(diagnosis, entry, f, ctx);
    return diagnosis;
}
/** The token endpoint's failure: what happened, Entra's own words and IDs, what was presented. */
function entraAccount(f, ctx, detected) {
    let serverText = entraText(f.description) || undefined;
    const code = (0,match/* aadstsCodes */.VT)(f.description)[0];
    const at = ctx.authorityHost ?? 'the authority host';
    let headline;
    if (detected === 'token_timeout') {
        headline = `The Entra ID token endpoint at ${at} did not answer within the step's time budget (timeout-seconds); no token, so nothing was sent.`;
        serverText = undefined;
    }
    else if (f.errorCode === 'network_error') {
        headline = `Could not reach the Entra ID token endpoint at ${at}${f.networkCause ? `: ${f.networkCause}` : ''}.`;
        serverText = undefined;
    }
    else if (f.errorCode === 'html_response') {
        headline = `The token endpoint at ${at} (or a proxy in front of it) answered HTTP ${f.status ?? '?'} with an HTML page, not a token response.`;
        serverText = f.htmlExcerpt || undefined;
    }
    else if (f.errorCode === 'redirected') {
        headline = `The token endpoint at ${at} redirected the request (HTTP ${f.status ?? '?'}) to ${f.location ?? 'another address'}; the action does not follow redirects, so the credential was not sent there.`;
        serverText = undefined;
    }
    else if (f.errorCode === 'oidc_token_unavailable') {
        headline = 'The runner could not issue a GitHub OIDC token.';
    }
    else {
        headline = `Entra ID refused the token request${code ? ` (AADSTS${code})` : ` (${f.errorCode}${f.status ? `, HTTP ${f.status}` : ''})`}.`;
    }
    const details = [];
    const claims = f.claims;
    if (claims) {
        details.push(`Presented GitHub OIDC token: iss=${claimText(claims.iss) ?? '?'} sub=${claimText(claims.sub) ?? '?'} aud=${claimText(claims.aud) ?? '?'}`);
    }
    if (ctx.thumbprint && f.credentialKind === 'certificate') {
        const validity = ctx.notAfter ? `, valid until ${ctx.notAfter}` : '';
        details.push(`Presented certificate: SHA-256 thumbprint ${ctx.thumbprint.toUpperCase()}${validity}`);
    }
    return {
        headline,
        serverText,
        correlationId: /Correlation ID:\s*([0-9a-f-]{36})/i.exec(f.description)?.[1],
        traceId: /Trace ID:\s*([0-9a-f-]{36})/i.exec(f.description)?.[1],
        details
    };
}
/** The SMTP server's failure: what it refused (or that it could not be reached), in its words. */
function smtpAccount(f, ctx) {
    const where = `${ctx.smtpHost ?? 'the SMTP server'}:${ctx.smtpPort ?? ''}`.replace(/:$/, '');
    const basic = f.responseCode ?? 0;
    let headline;
    if (f.offered) {
        headline = `The SMTP server ${where} does not offer XOAUTH2 after STARTTLS (it offers ${f.offered.length ? f.offered.join(', ') : 'no authentication at all'}); no AUTH was sent. 'smtp-host' must be an Exchange Online submission endpoint, such as smtp.office365.com port 587.`;
    }
    else if (f.size) {
        headline = `The message is ${f.size.message} bytes, larger than the ${f.size.limit} bytes the SMTP server ${where} accepts (its EHLO SIZE); it was not uploaded.`;
    }
    else if (f.rejected?.length && f.accepted?.length) {
        headline = `Delivered to ${counted(f.accepted.length)}${(0,bounded_text/* boundedList */.Y)(f.accepted)}, but the SMTP server ${where} rejected ${counted(f.rejected.length)}${describeRefusals(f.rejected)}`;
    }
    else if (f.rejected?.length) {
        headline = `The SMTP server ${where} rejected every recipient: ${counted(f.rejected.length)}${describeRefusals(f.rejected)}`;
    }
    else if (f.response && /^AUTH/i.test(f.command ?? '') && basic >= 400 && basic < 500) {
        headline = `The SMTP server ${where} could not check the token for now (a temporary failure, retried until the attempts or the time ran out): ${f.response.split(/\r?\n/)[0]}`;
    }
    else if (f.response) {
        headline = `The SMTP server ${where} refused ${commandName(f.command)}: ${f.response.split(/\r?\n/)[0]}`;
    }
    else {
        headline = `SMTP to ${where} failed: ${f.message}`;
    }
    return {
        headline,
        serverText: f.response?.replace(/\s*\r?\n\s*/g, ' ').trim() || undefined,
        details: f.challenge ? [`The server's XOAUTH2 challenge (decoded): ${f.challenge}`] : []
    };
}
/**
 * Adds the entry's meaning, fix and link, filled in with the run's values; a refused AUTH is told
 * apart further by the claims of the token that was presented (auth-refusal.ts).
 */
function advise(diagnosis, entry, f, ctx) {
    const claims = f.source === 'entra' ? f.claims : undefined;
    const { token: _token, troubleshooting: _link, ...plain } = ctx;
    const values = {
        ...plain,
        // a connection failure to Graph is one to its host on 443, whatever the SMTP settings say
        ...(f.source === 'graph' ? { smtpHost: hostOf(ctx.graphHost), smtpPort: 443 } : {}),
        issuer: claimText(claims?.iss) ?? 'https://token.actions.githubusercontent.com',
        subject: claimText(claims?.sub),
        audience: claimText(claims?.aud) ?? ctx.audience
    };
    diagnosis.entry = entry;
    diagnosis.meaning = fillIn(entry.meaning, values);
    diagnosis.fix = entry.fix.map((line) => fillIn(line, values));
    diagnosis.link = ctx.troubleshooting ? `${ctx.troubleshooting}#${troubleshootingAnchor(entry.id)}` : entry.docs;
    const refused = entry.authRefusal;
    if (refused && ctx.token) {
        const assessment = (0,auth_claims/* assessClaims */.om)(ctx.token, {
            tenant: ctx.tenant ?? '',
            scope: ctx.scope ?? '',
            smtpHost: ctx.smtpHost ?? ''
        });
        const advice = (0,auth_refusal/* refusedAuthAdvice */.RW)(refused, ctx.token, assessment, ctx);
        diagnosis.headline = `${advice.headline}\n${diagnosis.headline}`;
        diagnosis.fix = advice.fix;
        diagnosis.details.push(...advice.details);
    }
    if (entry.graphRefusal && ctx.token && f.source === 'graph') {
        const advice = graphRefusalAdvice(entry.graphRefusal, ctx.token, f.operation, ctx);
        diagnosis.headline = `${advice.headline}\n${diagnosis.headline}`;
        diagnosis.fix = advice.fix;
        diagnosis.details.push(...advice.details);
    }
}
/** The host name of an origin (https://graph.microsoft.com → graph.microsoft.com), as the network fixes name it. */
function hostOf(origin) {
    return origin?.replace(/^https?:\/\//, '').replace(/[/:].*$/, '');
}
/**
 * Entra's own words out of msal-node's error message ("Error(s): … - Description: AADSTS…:
 * … Trace ID: … Correlation ID: … - Correlation ID: …"): the description, on one line, without
 * the IDs that the diagnosis prints on their own line.
 */
function entraText(message) {
    const oneLine = message.replace(/\s*\r?\n\s*/g, ' ').trim();
    const description = /Description:\s*(.*?)(?:\s+-\s+(?:Correlation|Trace) ID:.*)?$/.exec(oneLine)?.[1] ?? oneLine;
    return description.replace(/\s*(?:Trace ID|Correlation ID|Timestamp):.*$/, '').trim();
}
function claimText(value) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map(String).join(',');
    return undefined;
}
/** "1000 recipients: " before a list that will be cut short, nothing before a short one. */
function counted(n) {
    return n > 5 ? `${n} recipients: ` : '';
}
/** "a@x (550 …); b@x (550 …); … and 998 more", the deferred ones said to be so. */
function describeRefusals(refused) {
    const deferred = refused.filter((r) => r.response.startsWith('4')).length;
    const list = (0,bounded_text/* boundedList */.Y)(refused.map((r) => `${r.address} (${r.response.split(/\r?\n/)[0]})`), 5, '; ');
    return deferred ? `${list} — ${deferred} of them only deferred (4xx) until the time ran out` : list;
}
function commandName(command) {
    if (!command)
        return 'the request';
    if (/^AUTH/i.test(command))
        return 'authentication';
    if (/^MAIL/i.test(command))
        return 'the sender (MAIL FROM)';
    if (/^RCPT/i.test(command))
        return 'a recipient (RCPT TO)';
    if (/^DATA|^\./i.test(command))
        return 'the message';
    if (command === 'CONN')
        return 'the connection';
    return command;
}


/***/ }),

/***/ 3482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nb: () => (/* binding */ formatDiagnosis),
/* harmony export */   WE: () => (/* binding */ troubleshootingBase)
/* harmony export */ });
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5322);


/**
 * The failure message: what failed, the server's words (bounded, once), the correlation ID,
 * then the diagnosis.
 */
function formatDiagnosis(d) {
    // the headline may quote a server (or list recipients' replies): a server can send a megabyte
    const lines = [(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .K)(d.headline)];
    if (d.serverText)
        lines.push('', `Server said: ${(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .K)(d.serverText)}`);
    if (d.correlationId)
        lines.push(`Correlation ID: ${d.correlationId}${d.traceId ? ` (trace ID ${d.traceId})` : ''}`);
    for (const detail of d.details)
        lines.push(detail);
    if (d.entry) {
        lines.push('', `Diagnosis (${d.entry.id}): ${d.meaning ?? d.entry.meaning}`);
        if (d.fix.length > 0) {
            lines.push('How to fix:');
            for (const step of d.fix)
                lines.push(`  - ${step}`);
        }
        lines.push(`See ${d.link ?? d.entry.docs}`);
    }
    else if (d.serverText || d.correlationId) {
        lines.push('', "This failure is not in the diagnosis catalogue; the server's own text above is the best lead.");
    }
    return lines.join('\n');
}
/**
 * docs/troubleshooting.md at the version of the action that ran, from what the runner tells an
 * action about itself; undefined for a local action (`uses: ./`), which has no such variables.
 */
function troubleshootingBase(env) {
    const repository = env.GITHUB_ACTION_REPOSITORY;
    const ref = env.GITHUB_ACTION_REF;
    if (!repository || !ref || !/^[\w.-]+\/[\w.-]+$/.test(repository))
        return undefined;
    return `https://github.com/${repository}/blob/${encodeURI(ref)}/docs/troubleshooting.md`;
}


/***/ })

};
