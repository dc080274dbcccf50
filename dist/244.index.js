export const id = 244;
export const ids = [244];
export const modules = {

/***/ 1442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ip: () => (/* binding */ readClaims),
/* harmony export */   fq: () => (/* binding */ formatClaims),
/* harmony export */   oD: () => (/* binding */ EXCHANGE_APP_ID),
/* harmony export */   om: () => (/* binding */ assessClaims),
/* harmony export */   wh: () => (/* binding */ SEND_ROLE)
/* harmony export */ });
/* unused harmony export scopeResource */
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
/* unused harmony exports PROPAGATION, exchangeFix, smtpAuthFix */
/* harmony import */ var _auth_claims_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1442);
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
        `Entra admin center → App registrations → (app ${app}) → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_0__/* .SEND_ROLE */ .wh} → Add permissions, then "Grant admin consent for <your organisation>" (needs a Privileged Role Administrator, Cloud Application Administrator or Application Administrator).`,
        `Or with the Azure CLI: az ad app permission add --id ${app} --api ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_0__/* .EXCHANGE_APP_ID */ .oD} --api-permissions "$(az ad sp show --id ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_0__/* .EXCHANGE_APP_ID */ .oD} --query "appRoles[?value=='${_auth_claims_js__WEBPACK_IMPORTED_MODULE_0__/* .SEND_ROLE */ .wh}'].id" -o tsv)=Role" && az ad app permission admin-consent --id ${app}`,
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
/** Turns SMTP AUTH on for the mailbox. */
function smtpAuthFix(mailbox) {
    return [
        `In Exchange Online PowerShell: Set-CASMailbox -Identity ${mailbox ?? '<mailbox>'} -SmtpClientAuthenticationDisabled $false (overrides the tenant-wide setting; security defaults turn SMTP AUTH off for the tenant).`,
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
            headline: `SMTP AUTH is turned off for ${v.mailbox ?? 'the mailbox'} or for the whole tenant (535 5.7.139): Exchange refused to authenticate at all.`,
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
            headline: `Admin consent for ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_0__/* .SEND_ROLE */ .wh} is missing or not yet effective: the token that was presented carries no ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_0__/* .SEND_ROLE */ .wh} role (${assessment.role.note}).`,
            fix: [
                ...consentFix(claims, v),
                `If SMTP is granted through Exchange's RBAC for Applications instead (then the token carries no role), the Exchange side is what is missing:`,
                ...exchangeFix(claims, v)
            ],
            details
        };
    }
    return {
        headline: `The token carries ${_auth_claims_js__WEBPACK_IMPORTED_MODULE_0__/* .SEND_ROLE */ .wh}, so Entra ID is set up: Exchange Online does not know the app's service principal (${claims.oid ?? 'oid unknown'}) or has not given it the mailbox${v.mailbox ? ` ${v.mailbox}` : ''}.`,
        fix: exchangeFix(claims, v),
        details
    };
}


/***/ }),

/***/ 3244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aadstsCodes: () => (/* binding */ aadstsCodes),
  diagnose: () => (/* binding */ diagnose),
  diagnosisContext: () => (/* binding */ diagnosisContext),
  enhancedCode: () => (/* binding */ enhancedCode),
  entraText: () => (/* binding */ entraText),
  failureFromError: () => (/* binding */ failureFromError),
  fillIn: () => (/* binding */ fillIn),
  formatDiagnosis: () => (/* binding */ formatDiagnosis),
  troubleshootingAnchor: () => (/* binding */ troubleshootingAnchor),
  troubleshootingBase: () => (/* binding */ troubleshootingBase)
});

// EXTERNAL MODULE: ./src/diagnosis/auth-refusal.ts
var auth_refusal = __webpack_require__(2770);
;// CONCATENATED MODULE: ./src/diagnosis/catalogue.ts
/**
 * The diagnosis catalogue: every known failure, what it means, and what an administrator does
 * about it. Data only; diagnose.ts matches failures against it. In `fix` lines the
 * placeholders {tenant}, {clientId}, {mailbox}, {from}, {cloud}, {authorityHost}, {smtpHost},
 * {smtpPort}, {scope}, {audience}, {subject}, {issuer}, {thumbprint} are filled in from the run.
 */
const ENTRA_CODES = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';
const SMTP_OAUTH = 'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth';
const SMTP_AUTH_ENABLE = 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission';
const CREDENTIALS = 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials';
const FEDERATION = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation-create-trust';
const NATIONAL_CLOUDS = 'https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud';
const LIMITS = 'https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits';
const NDR = 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online';
const FEDERATED_FIX = [
    'In the Entra admin center open App registrations → (app {clientId}) → Certificates & secrets → Federated credentials → Add credential → "GitHub Actions deploying Azure resources" (or "Other issuer").',
    'Issuer: {issuer} · Subject identifier: {subject} · Audience: {audience} — the exact values this run presented (Entra compares them character for character; the subject changes with branch, tag, environment or pull_request).',
    'Or with the Azure CLI: az ad app federated-credential create --id {clientId} --parameters \'{"name":"github","issuer":"{issuer}","subject":"{subject}","audiences":["{audience}"]}\''
];
/** Every known failure, Entra ID first, then Exchange Online SMTP, then the transport. */
const CATALOGUE = [
    // ── Entra ID (token endpoint) ──────────────────────────────────────────────────────────
    {
        id: 'AADSTS7000215',
        match: { entra: [7000215] },
        meaning: 'The client secret is wrong — most often the secret\'s "Secret ID" was stored instead of its "Value".',
        fix: [
            'In App registrations → (app {clientId}) → Certificates & secrets → Client secrets, create a new secret and copy its Value (shown only once), not the Secret ID.',
            "Store it as the repository or environment secret passed to 'client-secret'.",
            'Better: drop the secret and use GitHub OIDC federation (no stored secret) or a certificate.'
        ],
        docs: CREDENTIALS
    },
    {
        id: 'AADSTS7000222',
        match: { entra: [7000222] },
        meaning: 'The client secret has expired.',
        fix: [
            "In App registrations → (app {clientId}) → Certificates & secrets, add a new client secret and update the secret passed to 'client-secret' with its Value.",
            'Secrets expire by design (at most 24 months): switch to GitHub OIDC federation to stop rotating them.'
        ],
        docs: CREDENTIALS
    },
    {
        id: 'AADSTS700016',
        match: { entra: [700016] },
        meaning: "No application with this client ID exists in tenant '{tenant}'.",
        fix: [
            "Check 'client-id': copy the Application (client) ID from the app registration's Overview page.",
            "Check 'tenant-id': it must be the Directory (tenant) ID of the tenant where the app is registered.",
            'For a multi-tenant app registered elsewhere, an administrator of {tenant} must consent to it first.'
        ],
        docs: ENTRA_CODES
    },
    {
        id: 'AADSTS90002',
        match: { entra: [90002] },
        meaning: "Tenant '{tenant}' was not found at {authorityHost} — a wrong tenant ID or domain, or the tenant lives in another cloud.",
        fix: [
            "Check 'tenant-id': copy the Directory (tenant) ID from Entra admin center → Overview.",
            "Check 'cloud' (now '{cloud}'): GCC High and DoD tenants need 'usgov' or 'usgov-dod', 21Vianet tenants 'china'."
        ],
        docs: NATIONAL_CLOUDS
    },
    {
        id: 'AADSTS900023',
        match: { entra: [900023] },
        meaning: "'{tenant}' is not a valid tenant ID or domain name.",
        fix: [
            "Set 'tenant-id' to the Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com."
        ],
        docs: ENTRA_CODES
    },
    {
        id: 'AADSTS70011',
        match: { entra: [70011, 1002012] },
        meaning: "The requested scope '{scope}' is invalid for an app-only token.",
        fix: [
            "Leave 'token-scope' empty to use the cloud's Exchange Online scope, or set it to https://outlook.office365.com/.default (public cloud) — app-only tokens need the /.default form.",
            "Check that 'cloud' matches the tenant's cloud."
        ],
        docs: SMTP_OAUTH
    },
    {
        id: 'AADSTS500011',
        match: { entra: [500011] },
        meaning: "Exchange Online (the resource of '{scope}') is not available in tenant '{tenant}' — the tenant has no Exchange Online, or it is in another cloud.",
        fix: [
            'Check that the tenant has Exchange Online licences and mailboxes.',
            "Check 'cloud' (now '{cloud}') and 'token-scope' against the tenant's cloud."
        ],
        docs: NATIONAL_CLOUDS
    },
    {
        id: 'AADSTS700027',
        match: { entra: [700027, 50012] },
        meaning: 'Entra rejected the certificate assertion: the certificate (SHA-256 thumbprint {thumbprint}) is not registered on the app, or the signature did not verify.',
        fix: [
            'Upload the certificate (the public .cer/.pem part, never the key) in App registrations → (app {clientId}) → Certificates & secrets → Certificates → Upload certificate.',
            'Compare the SHA-256 thumbprint shown there with {thumbprint}; they must match.',
            "Check that 'client-certificate' holds the private key of that same certificate."
        ],
        docs: 'https://learn.microsoft.com/entra/identity-platform/certificate-credentials'
    },
    {
        id: 'AADSTS700024',
        match: { entra: [700024] },
        meaning: 'The client assertion is outside its valid time window (expired or not yet valid).',
        fix: [
            "Check the runner's clock (self-hosted runners: enable NTP).",
            'With OIDC federation, the GitHub token lives a few minutes: run the step again.'
        ],
        docs: ENTRA_CODES
    },
    {
        id: 'AADSTS70021',
        match: { entra: [70021, 700211, 700212, 700213] },
        meaning: 'No federated credential on the app matches the GitHub OIDC token this run presented (issuer, subject or audience differ).',
        fix: FEDERATED_FIX,
        docs: FEDERATION
    },
    {
        id: 'AADSTS7000112',
        match: { entra: [7000112] },
        meaning: 'The application is disabled in tenant {tenant}.',
        fix: ['In Enterprise applications → (app {clientId}) → Properties, set "Enabled for users to sign-in?" to Yes.'],
        docs: ENTRA_CODES
    },
    {
        id: 'AADSTS53003',
        match: { entra: [53003] },
        meaning: 'A Conditional Access policy blocked the token request.',
        fix: [
            'In Entra admin center → Protection → Conditional Access → Sign-in logs, find the failed service principal sign-in of app {clientId} and the policy that blocked it.',
            "Exclude this workload identity from the policy, or allow the runner's network location."
        ],
        docs: 'https://learn.microsoft.com/entra/identity/conditional-access/workload-identity'
    },
    {
        id: 'AADSTS50196',
        match: { entra: [50196], status: [429] },
        meaning: 'Entra ID throttled the token requests (too many identical requests in a short time).',
        fix: ['Wait a minute and run the step again; avoid many parallel jobs requesting tokens for the same app.'],
        docs: ENTRA_CODES
    },
    {
        id: 'Token endpoint timeout',
        match: { detected: ['token_timeout'] },
        meaning: 'The token endpoint {authorityHost} accepted the connection (or not) but gave no answer before the step ran out of time.',
        fix: [
            'Self-hosted runners: allow outbound HTTPS (443) to {authorityHost}; behind a proxy, set HTTPS_PROXY (and NO_PROXY) for the step.',
            "Check 'authority-host' (or 'cloud', now '{cloud}') points at Entra ID; a larger 'timeout-seconds' helps only with a slow network."
        ],
        docs: NATIONAL_CLOUDS
    },
    {
        id: 'HTML from the token endpoint',
        match: { detected: ['html_response'] },
        meaning: 'Something between the runner and Entra ID (a proxy, a firewall, a load balancer) answered with an error page instead of a token response.',
        fix: [
            'The page text above names who answered. A corporate proxy: allow {authorityHost} for this runner, or set NO_PROXY for it if the runner can reach it directly.',
            'HTTP 502/503/504 pages from a proxy are retried like any 5xx; a persistent one is the proxy failing to reach {authorityHost}.'
        ],
        docs: 'https://docs.github.com/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#communication-requirements'
    },
    {
        id: 'Token endpoint redirect',
        match: { detected: ['redirected'] },
        meaning: 'The token request was redirected. A credential is only ever sent to the configured authority host, so the redirect was not followed.',
        fix: [
            "Check 'authority-host' (now {authorityHost}): it must be the Entra ID host itself, e.g. https://login.microsoftonline.com, without a path.",
            'A captive portal or a proxy login page redirects too: the runner needs direct (or HTTPS_PROXY) access to {authorityHost}.'
        ],
        docs: NATIONAL_CLOUDS
    },
    // ── Exchange Online SMTP ─────────────────────────────────────────────────────────────
    {
        id: '535 5.7.139',
        match: { smtp: { enhanced: ['5.7.139'] } },
        meaning: 'SMTP AUTH is disabled for the mailbox {mailbox} or for the whole tenant (security defaults also turn it off).',
        fix: [
            'In Exchange Online PowerShell: Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false',
            'Or in the Microsoft 365 admin center → Users → (the mailbox) → Mail → Manage email apps → tick "Authenticated SMTP".',
            'If security defaults are on, the per-mailbox setting above overrides the tenant-wide one (Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled).'
        ],
        docs: SMTP_AUTH_ENABLE,
        checked: 'The action reads the claims of the access token it presented (aud, tid, appid, oid, roles; no signature check, the token is never printed) and prints Set-CASMailbox for the mailbox used for AUTH. If the token also lacks SMTP.SendAsApp, it says so and adds the admin-consent fix.'
    },
    {
        id: '535 5.7.3',
        match: { smtp: { reply: [535], enhanced: ['5.7.3'] } },
        meaning: 'Exchange Online rejected the token for mailbox {mailbox}.',
        fix: [
            "The app's service principal is not registered in Exchange: Connect-ExchangeOnline, then New-ServicePrincipal -AppId {clientId} -ObjectId <Object ID from Entra → Enterprise applications → (this app)> — the enterprise application's object ID, not the app registration's.",
            'The service principal has no access to the mailbox: Add-MailboxPermission -Identity {mailbox} -User <service principal ID> -AccessRights FullAccess',
            'SMTP.SendAsApp is not granted: App registrations → (app {clientId}) → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp, then "Grant admin consent".',
            "The token is for another cloud: check 'cloud' (now '{cloud}').",
            'Permissions were changed in the last hour: Exchange can take up to an hour to apply them; run the step again later.'
        ],
        docs: SMTP_OAUTH,
        checked: "Exchange gives the same answer for several causes; the action tells them apart from the claims of the access token it presented (no signature check; the token is never printed). An aud that is not Exchange Online of the SMTP host's cloud (or of the requested scope) → wrong cloud or scope. A tid that differs from a tenant-id given as a GUID → wrong tenant (a tenant-id given as a domain cannot be compared). No SMTP.SendAsApp in roles → admin consent missing or not yet effective (AUTH is still tried: Exchange's RBAC for Applications can grant the role without the token). SMTP.SendAsApp present → the Exchange side is missing, and the action prints New-ServicePrincipal -AppId <appid> -ObjectId <oid> and Add-MailboxPermission -Identity <AUTH mailbox> -User <oid> -AccessRights FullAccess with the token's own values. A token that is not a JWT gives the general list above."
    },
    {
        id: '535 5.7.8',
        match: { smtp: { reply: [535], enhanced: ['5.7.8'] } },
        meaning: 'The server refused the token (535 5.7.8 is how Dovecot, Postfix with Dovecot SASL and Gmail say it; Exchange Online says 535 5.7.3), so {smtpHost} is probably not Exchange Online.',
        fix: [
            "Check 'smtp-host' and 'smtp-port': for Exchange Online they are {smtpHost} = smtp.office365.com (or your cloud's host) and 587.",
            "If this server is meant to take Entra ID tokens, its token check (e.g. Dovecot's oauth2 passdb introspection) must accept tokens for '{scope}' issued to app {clientId}; the decoded challenge above shows what it expected."
        ],
        docs: 'https://www.rfc-editor.org/rfc/rfc7628#section-3.2.2'
    },
    {
        id: '454 4.7.0',
        match: { smtp: { reply: [454], enhanced: ['4.7.0'] } },
        meaning: 'The server could not check the token for now: its authentication back end failed, or it is slowing down logins after earlier failures from this address. This is temporary, not a refused token.',
        fix: [
            'The action retried it within max-attempts and timeout-seconds; run the step again later.',
            "If it persists, the server's token check (its identity provider or introspection endpoint) is failing: the server's administrator sees why in its logs."
        ],
        docs: 'https://www.rfc-editor.org/rfc/rfc4954#section-6'
    },
    {
        id: 'XOAUTH2 not offered',
        match: { detected: ['no_xoauth2'] },
        meaning: 'After STARTTLS the server at {smtpHost}:{smtpPort} does not offer AUTH XOAUTH2, so it cannot take an Entra ID token; the action sent no AUTH at all.',
        fix: [
            "Set 'smtp-host' to an Exchange Online submission endpoint, with 'smtp-port' 587: smtp.office365.com (public cloud), smtp.office365.us (GCC High), outlook-dod.office365.us (DoD), smtp.partner.outlook.cn (21Vianet) — or just 'cloud'.",
            "An MX endpoint (*.mail.protection.outlook.com) or an on-premises relay does not take OAuth: use Exchange Online's SMTP AUTH endpoint."
        ],
        docs: SMTP_AUTH_ENABLE
    },
    {
        id: 'SIZE exceeded',
        match: { detected: ['size_exceeded'] },
        meaning: 'The encoded message is larger than the server takes (Exchange Online: 35 MB by default; base64 makes attachments about a third larger), so it was refused before upload.',
        fix: [
            "Attach less (check 'attachments' and 'max-attachment-size'), or compress the files, or upload them as a workflow artifact and link to it.",
            "An Exchange administrator can raise the mailbox's limit: Set-Mailbox -Identity {mailbox} -MaxSendSize 150MB"
        ],
        docs: LIMITS
    },
    {
        id: '530 5.7.57',
        match: { smtp: { enhanced: ['5.7.57'] } },
        meaning: 'The server required authentication before MAIL FROM: the session was not authenticated.',
        fix: [
            "Check 'smtp-host' and 'smtp-port' point at Exchange Online SMTP AUTH ({smtpHost}:587), not at a relay or MX endpoint."
        ],
        docs: SMTP_AUTH_ENABLE
    },
    {
        id: '5.7.60 SendAsDenied',
        match: { smtp: { enhanced: ['5.7.60', '5.2.252'], text: /SendAsDenied/i } },
        meaning: 'The authenticated mailbox {mailbox} may not send as {from}.',
        fix: [
            "Send from the authenticated mailbox itself (set 'from' to {mailbox}), or",
            'grant the service principal SendAs on the From address: Add-RecipientPermission -Identity {from} -Trustee <service principal ID> -AccessRights SendAs'
        ],
        docs: 'https://learn.microsoft.com/exchange/recipients-in-exchange-online/manage-permissions-for-recipients'
    },
    {
        id: '432 4.3.2',
        match: { smtp: { enhanced: ['4.3.2'] } },
        meaning: 'Too many concurrent connections to mailbox {mailbox} (Exchange Online allows 3).',
        fix: ['Limit parallel jobs that send from this mailbox (a concurrency group), or use one mailbox per workflow.'],
        docs: LIMITS
    },
    {
        id: '554 5.2.2 SubmissionQuotaExceeded',
        match: { smtp: { enhanced: ['5.2.2', '5.1.90'], text: /SubmissionQuotaExceeded/i } },
        meaning: 'Mailbox {mailbox} reached a sending limit: 30 messages a minute or 10,000 recipients a day.',
        fix: ['Send fewer messages (e.g. one summary instead of one per job), spread them out, or use another mailbox.'],
        docs: LIMITS
    },
    {
        id: '421 4.7.66',
        match: { smtp: { enhanced: ['4.7.66'] } },
        meaning: 'The TLS version was refused: Exchange Online requires TLS 1.2 or newer.',
        fix: [
            'The action always offers TLS 1.2+; a TLS-intercepting proxy or firewall between the runner and {smtpHost} is downgrading the connection.'
        ],
        docs: SMTP_AUTH_ENABLE
    },
    {
        id: '451 4.7.500-699',
        match: { smtp: { text: /\b4\.7\.[5-6]\d\d\b/ } },
        meaning: 'Exchange Online temporarily restricted sending from this tenant or IP address.',
        fix: [
            'Run the step again later; if it persists, check Microsoft 365 admin center → Health → Service health and message center.'
        ],
        docs: NDR
    },
    {
        id: '550 5.1.8',
        match: { smtp: { enhanced: ['5.1.8'] } },
        meaning: 'Mailbox {mailbox} is blocked from sending (usually after suspected spam).',
        fix: [
            'Microsoft Defender portal → Email & collaboration → Review → Restricted entities: unblock the mailbox, and check it is not compromised.'
        ],
        docs: 'https://learn.microsoft.com/defender-office-365/outbound-spam-restore-restricted-users'
    },
    {
        id: '550 5.7.705/5.7.708',
        match: { smtp: { enhanced: ['5.7.705', '5.7.708'] } },
        meaning: 'The tenant or the sending IP has a poor reputation and outbound mail is blocked.',
        fix: ['Open a Microsoft 365 support request; check the tenant for compromised accounts sending spam.'],
        docs: NDR
    },
    {
        id: '550 5.7.750',
        match: { smtp: { enhanced: ['5.7.750'] } },
        meaning: 'The sender domain of {from} is not a registered (accepted) domain of the tenant.',
        fix: [
            'Use a From address in an accepted domain (Exchange admin center → Mail flow → Accepted domains), or add and verify the domain.'
        ],
        docs: NDR
    },
    {
        id: '550 5.1.10',
        match: { smtp: { enhanced: ['5.1.10', '5.1.1'] } },
        meaning: 'A recipient address does not exist.',
        fix: ["Check the spelling of the addresses in 'to', 'cc' and 'bcc'."],
        docs: NDR
    },
    {
        id: '550 5.7.520',
        match: { smtp: { enhanced: ['5.7.520'] } },
        meaning: 'External forwarding or sending is blocked by an outbound spam policy.',
        fix: [
            'Microsoft Defender portal → Policies → Anti-spam → Outbound policy: allow external forwarding/sending for {mailbox}, or send to internal recipients.'
        ],
        docs: 'https://learn.microsoft.com/defender-office-365/outbound-spam-policies-external-email-forwarding'
    },
    // ── Transport ────────────────────────────────────────────────────────────────────────
    {
        id: 'DNS',
        match: { transport: ['ENOTFOUND', 'EAI_AGAIN', 'EDNS'] },
        meaning: 'The host name could not be resolved.',
        fix: [
            "Check 'smtp-host' / 'authority-host' and the runner's DNS (self-hosted runners behind a proxy may resolve only internal names)."
        ],
        docs: 'https://docs.github.com/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#communication-requirements'
    },
    {
        id: 'ECONNREFUSED',
        match: { transport: ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH'] },
        meaning: 'The connection was refused or reset.',
        fix: [
            'Check the host and port; on self-hosted runners, allow outbound TCP {smtpPort} to {smtpHost} and 443 to {authorityHost} in the firewall.'
        ],
        docs: SMTP_AUTH_ENABLE
    },
    {
        id: 'ETIMEDOUT',
        match: { transport: ['ETIMEDOUT', 'ECONNECTION_TIMEOUT', 'ESOCKETTIMEDOUT', 'EGREETING'] },
        meaning: 'The server did not answer in time.',
        fix: [
            'Outbound port {smtpPort} is often blocked on self-hosted and corporate networks: allow TCP {smtpPort} to {smtpHost} and 443 to {authorityHost}, or run the job on a GitHub-hosted runner.',
            "Behind an HTTP proxy, set HTTPS_PROXY for the token request and 'smtp-proxy' for the SMTP connection."
        ],
        docs: SMTP_AUTH_ENABLE
    },
    {
        id: 'TLS certificate',
        match: {
            transport: [
                'CERT_HAS_EXPIRED',
                'DEPTH_ZERO_SELF_SIGNED_CERT',
                'SELF_SIGNED_CERT_IN_CHAIN',
                'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
                'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
                'ERR_TLS_CERT_ALTNAME_INVALID'
            ]
        },
        meaning: "The server's TLS certificate is not trusted (unknown CA, self-signed, expired, or issued for another name).",
        fix: [
            'A TLS-inspecting proxy signs with a private CA: add it with the environment variable NODE_EXTRA_CA_CERTS=/path/to/ca.pem on the step or runner.',
            "A name mismatch means 'smtp-host' / 'authority-host' differs from the certificate's name: use the official host name."
        ],
        docs: 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile'
    },
    {
        id: 'STARTTLS',
        match: { transport: ['ETLS_REQUIRED'] },
        meaning: 'The server did not offer STARTTLS, and the action never authenticates or sends in the clear.',
        fix: [
            "Use Exchange Online's SMTP AUTH endpoint ({smtpHost}:587), or port 465 for implicit TLS; a proxy stripping STARTTLS must be bypassed."
        ],
        docs: SMTP_AUTH_ENABLE
    }
];

// EXTERNAL MODULE: ./src/auth/claims.ts
var auth_claims = __webpack_require__(1442);
// EXTERNAL MODULE: ./src/diagnosis/errors.ts
var errors = __webpack_require__(918);
// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(6472);
;// CONCATENATED MODULE: ./src/diagnosis/diagnose.ts





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
        scope: settings.scope,
        audience: c.kind === 'oidc' ? c.audience : undefined,
        thumbprint: c.kind === 'certificate' ? c.thumbprintSha256 : undefined
    };
}
/** Reduces any thrown value to the plain facts of a Failure. */
function failureFromError(err) {
    if (err instanceof errors/* InputError */.dz)
        return { source: 'input', message: err.message };
    if (err instanceof errors/* NoXoauth2Error */.HB) {
        return { source: 'smtp', code: err.code, command: err.command, message: err.message, offered: err.offered };
    }
    if (err instanceof errors/* MessageTooLargeError */.$h) {
        const size = { message: err.size, limit: err.limit };
        return { source: 'smtp', code: err.code, command: err.command, message: err.message, size };
    }
    if (err instanceof errors/* PartialDeliveryError */.em) {
        const first = err.rejected.find((r) => !r.response.startsWith('4')) ?? err.rejected[0];
        const failure = {
            source: 'smtp',
            code: 'EENVELOPE',
            response: first?.response,
            responseCode: first ? Number(first.response.slice(0, 3)) || undefined : undefined,
            command: 'RCPT TO',
            message: err.message,
            rejected: err.rejected,
            accepted: err.accepted
        };
        const deferred = err.rejected.filter((r) => r.response.startsWith('4'));
        if (deferred.length)
            failure.deferred = deferred;
        return failure;
    }
    if (err instanceof errors/* TokenError */.gz) {
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
        };
    }
    const e = (err ?? {});
    if (typeof e.code === 'string' && (e.code.startsWith('E') || typeof e.responseCode === 'number')) {
        const rejected = rejectedRecipients(e);
        const first = rejected[0];
        // "All recipients were rejected" carries no reply of its own: take the first recipient's.
        const response = typeof e.response === 'string' ? e.response : first?.response;
        const failure = {
            source: 'smtp',
            code: e.code,
            originalCode: typeof e.originalCode === 'string' ? e.originalCode : undefined,
            response,
            responseCode: typeof e.responseCode === 'number'
                ? e.responseCode
                : response
                    ? Number(response.slice(0, 3)) || undefined
                    : undefined,
            command: typeof e.command === 'string' ? e.command : first ? 'RCPT TO' : undefined,
            message: String(e.message ?? e.code)
        };
        if (rejected.length)
            failure.rejected = rejected;
        if (typeof e.challenge === 'string')
            failure.challenge = e.challenge;
        return failure;
    }
    return { source: 'unknown', message: err instanceof Error ? err.message : String(err) };
}
/** The rejected recipients nodemailer attaches to an envelope error. */
function rejectedRecipients(e) {
    const errors = Array.isArray(e.rejectedErrors) ? e.rejectedErrors : [];
    return errors.map((r) => ({
        address: String(r.recipient ?? ''),
        response: String(r.response ?? r.message ?? '')
    }));
}
/** The AADSTS numbers in an Entra error text, first one first. */
function aadstsCodes(text) {
    return [...text.matchAll(/AADSTS(\d+)/g)].map((m) => Number(m[1]));
}
/** The enhanced status code (RFC 3463) of an SMTP reply, e.g. 5.7.3. */
function enhancedCode(reply) {
    return /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(reply.trim())?.[1];
}
function matches(entry, f, transportCodes) {
    const m = entry.match;
    if ('entra' in m) {
        if (f.source !== 'entra')
            return false;
        return (aadstsCodes(f.description).some((code) => m.entra.includes(code)) ||
            (f.status !== undefined && (m.status ?? []).includes(f.status)));
    }
    if ('transport' in m)
        return transportCodes.some((code) => m.transport.includes(code));
    if ('detected' in m)
        return detectedCode(f) !== undefined && m.detected.includes(detectedCode(f));
    if (f.source !== 'smtp' || !f.response)
        return false;
    const reply = f.response;
    const enhanced = enhancedCode(reply);
    const basic = f.responseCode ?? Number(reply.slice(0, 3));
    const { reply: replies, enhanced: codes, text } = m.smtp;
    if (replies && !replies.includes(basic))
        return false;
    if (codes && text)
        return (enhanced !== undefined && codes.includes(enhanced)) || text.test(reply);
    if (codes)
        return enhanced !== undefined && codes.includes(enhanced);
    if (text)
        return text.test(reply);
    return replies !== undefined;
}
/** The code of a failure the action itself recognised (see Match `detected`). */
function detectedCode(f) {
    if (f.source === 'entra') {
        if (f.errorCode === 'network_error' && /timeout|ETIMEDOUT/i.test(f.networkCause ?? ''))
            return 'token_timeout';
        return ['token_timeout', 'html_response', 'redirected'].includes(f.errorCode) ? f.errorCode : undefined;
    }
    if (f.source !== 'smtp')
        return undefined;
    if (f.offered)
        return 'no_xoauth2';
    if (f.size)
        return 'size_exceeded';
    return undefined;
}
/** System and TLS codes of a failure, most specific first. */
function transportCodesOf(f) {
    if (f.source === 'entra') {
        const cause = f.networkCause ?? '';
        return [...cause.matchAll(/\b(E[A-Z_]{3,}|[A-Z_]*CERT[A-Z_]*|UNABLE_TO_[A-Z_]+)\b/g)].map((m) => m[1]);
    }
    if (f.source !== 'smtp')
        return [];
    const codes = [];
    if (f.originalCode)
        codes.push(f.originalCode);
    const certCode = /\b(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_[A-Z_]+|CERT_[A-Z_]+|ERR_TLS_CERT_ALTNAME_INVALID)\b/.exec(f.message);
    if (certCode)
        codes.push(certCode[1]);
    if (/self[- ]signed certificate|unable to verify|certificate has expired|altnames|Hostname\/IP does not match/i.test(f.message)) {
        codes.push('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    }
    if (f.code === 'ETLS' && /STARTTLS/i.test(`${f.message} ${f.command ?? ''}`))
        codes.push('ETLS_REQUIRED');
    if (f.code === 'ETIMEDOUT' || /Greeting never received|timeout/i.test(f.message))
        codes.push('ETIMEDOUT');
    if (f.code === 'EDNS')
        codes.push('EDNS');
    codes.push(f.code);
    return codes;
}
/** Fills {placeholders} with the run's values; unknown ones stay visible. */
function fillIn(text, values) {
    return text.replace(/\{(\w+)\}/g, (whole, key) => {
        const value = values[key];
        return value === undefined || value === '' ? whole : String(value);
    });
}
/** Finds what went wrong and what to do about it. Pure. */
function diagnose(f, ctx) {
    if (f.source === 'input')
        return { headline: f.message, fix: [], details: [] };
    const claims = f.source === 'entra' ? f.claims : undefined;
    const { token: _token, troubleshooting: _link, ...plain } = ctx;
    const values = {
        ...plain,
        issuer: claimText(claims?.iss) ?? 'https://token.actions.githubusercontent.com',
        subject: claimText(claims?.sub),
        audience: claimText(claims?.aud) ?? ctx.audience
    };
    const transportCodes = transportCodesOf(f);
    const entry = CATALOGUE.find((e) => matches(e, f, transportCodes));
    const details = [];
    let headline;
    let serverText;
    let correlationId;
    let traceId;
    if (f.source === 'entra') {
        serverText = entraText(f.description) || undefined;
        correlationId = /Correlation ID:\s*([0-9a-f-]{36})/i.exec(f.description)?.[1];
        traceId = /Trace ID:\s*([0-9a-f-]{36})/i.exec(f.description)?.[1];
        const code = aadstsCodes(f.description)[0];
        const at = ctx.authorityHost ?? 'the authority host';
        if (detectedCode(f) === 'token_timeout') {
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
        if (claims) {
            details.push(`Presented GitHub OIDC token: iss=${claimText(claims.iss) ?? '?'} sub=${claimText(claims.sub) ?? '?'} aud=${claimText(claims.aud) ?? '?'}`);
        }
        if (ctx.thumbprint && f.credentialKind === 'certificate') {
            details.push(`Presented certificate: SHA-256 thumbprint ${ctx.thumbprint.toUpperCase()}`);
        }
    }
    else if (f.source === 'smtp') {
        serverText = f.response?.replace(/\s*\r?\n\s*/g, ' ').trim() || undefined;
        const where = `${ctx.smtpHost ?? 'the SMTP server'}:${ctx.smtpPort ?? ''}`.replace(/:$/, '');
        const basic = f.responseCode ?? 0;
        if (f.offered) {
            headline = `The SMTP server ${where} does not offer XOAUTH2 after STARTTLS (it offers ${f.offered.length ? f.offered.join(', ') : 'no authentication at all'}); no AUTH was sent. 'smtp-host' must be an Exchange Online submission endpoint, such as smtp.office365.com port 587.`;
        }
        else if (f.size) {
            headline = `The message is ${f.size.message} bytes, larger than the ${f.size.limit} bytes the SMTP server ${where} accepts (its EHLO SIZE); it was not uploaded.`;
        }
        else if (f.rejected?.length && f.accepted?.length) {
            headline = `Delivered to ${counted(f.accepted.length)}${(0,errors/* boundedList */.Y4)(f.accepted)}, but the SMTP server ${where} rejected ${counted(f.rejected.length)}${describeRefusals(f.rejected)}`;
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
        if (f.challenge)
            details.push(`The server's XOAUTH2 challenge (decoded): ${f.challenge}`);
    }
    else {
        headline = f.message;
    }
    const diagnosis = { headline, fix: [], details };
    if (serverText !== undefined)
        diagnosis.serverText = serverText;
    if (correlationId !== undefined)
        diagnosis.correlationId = correlationId;
    if (traceId !== undefined)
        diagnosis.traceId = traceId;
    if (entry) {
        diagnosis.entry = entry;
        diagnosis.meaning = fillIn(entry.meaning, values);
        diagnosis.fix = entry.fix.map((line) => fillIn(line, values));
        diagnosis.link = ctx.troubleshooting ? `${ctx.troubleshooting}#${troubleshootingAnchor(entry.id)}` : entry.docs;
        const refused = entry.id === '535 5.7.3' ? '5.7.3' : entry.id === '535 5.7.139' ? '5.7.139' : undefined;
        if (refused && ctx.token) {
            const assessment = (0,auth_claims/* assessClaims */.om)(ctx.token, {
                tenant: ctx.tenant ?? '',
                scope: ctx.scope ?? '',
                smtpHost: ctx.smtpHost ?? ''
            });
            const advice = (0,auth_refusal/* refusedAuthAdvice */.RW)(refused, ctx.token, assessment, ctx);
            diagnosis.headline = `${advice.headline}\n${headline}`;
            diagnosis.fix = advice.fix;
            diagnosis.details.push(...advice.details);
        }
    }
    return diagnosis;
}
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
    const list = (0,errors/* boundedList */.Y4)(refused.map((r) => `${r.address} (${r.response.split(/\r?\n/)[0]})`), 5, '; ');
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
/**
 * The failure message: what failed, the server's words (bounded, once), the correlation ID,
 * then the diagnosis.
 */
function formatDiagnosis(d) {
    // the headline may quote a server (or list recipients' replies): a server can send a megabyte
    const lines = [(0,log/* excerpt */.Kb)(d.headline)];
    if (d.serverText)
        lines.push('', `Server said: ${(0,log/* excerpt */.Kb)(d.serverText)}`);
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


/***/ })

};
