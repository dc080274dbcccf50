export const id = 551;
export const ids = [551];
export const modules = {

/***/ 1888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ TokenError)
/* harmony export */ });
/** The facts of a failed token request, kept for the diagnosis. */
class TokenError extends Error {
    /** OAuth `error` (e.g. invalid_client), or msal's own code (e.g. network_error). */
    errorCode;
    /** Entra's error text (AADSTS… description, trace and correlation IDs). */
    description;
    /** HTTP status of the token response, when there was one. */
    status;
    /** Transport-level cause (DNS, refused, TLS, timeout) msal-node does not keep. */
    networkCause;
    /** The credential kind that was presented. */
    credentialKind;
    /** Claims of the presented GitHub OIDC token (never the token itself). */
    presentedClaims;
    /** How long the token endpoint asked us to wait (Retry-After), in milliseconds. */
    retryAfterMs;
    /** Where the token endpoint redirected the request (never followed). */
    location;
    /** The text of an HTML error page, tags stripped and bounded. */
    htmlExcerpt;
    constructor(init) {
        super(`Token request failed: ${init.errorCode}${init.description ? `: ${init.description}` : ''}`);
        this.name = 'TokenError';
        this.errorCode = init.errorCode;
        this.description = init.description;
        this.status = init.status;
        this.networkCause = init.networkCause;
        this.credentialKind = init.credentialKind;
        this.presentedClaims = init.presentedClaims;
        this.retryAfterMs = init.retryAfterMs;
        this.location = init.location;
        this.htmlExcerpt = init.htmlExcerpt;
    }
}


/***/ }),

/***/ 2777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ GRAPH_ENTRIES),
/* harmony export */   g: () => (/* binding */ GRAPH_PROPAGATION)
/* harmony export */ });
const RBAC = 'https://learn.microsoft.com/exchange/permissions-exo/application-rbac';
const AUTH_ERRORS = 'https://learn.microsoft.com/graph/resolve-auth-errors';
const SEND_MAIL = 'https://learn.microsoft.com/graph/api/user-sendmail';
const SEND_AS = 'https://learn.microsoft.com/graph/outlook-send-mail-from-other-user';
const LARGE = 'https://learn.microsoft.com/graph/outlook-large-attachments';
const THROTTLING = 'https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits';
const THINGS_TO_KNOW = 'https://learn.microsoft.com/graph/outlook-things-to-know-about-send-mail';
/** Exchange takes this long to bring a changed grant to Graph; Test-ServicePrincipalAuthorization shows it at once. */
const GRAPH_PROPAGATION = 'Changes to Mail.Send (Entra consent, RBAC assignments, scopes, access policies) take 30 minutes to 2 hours to reach Graph: Test-ServicePrincipalAuthorization shows the new state at once, Graph only later. Run the step again after that.';
/** Graph's refusals, in the order docs/troubleshooting.md lists them. */
const GRAPH_ENTRIES = [
    {
        id: '403 ErrorAccessDenied',
        graphRefusal: 'access',
        match: { graph: { code: ['ErrorAccessDenied', 'AccessDenied'] } },
        meaning: 'Microsoft Graph refused to let app {clientId} send as mailbox {mailbox}: no Mail.Send grant of the app covers this mailbox.',
        fix: [
            'Give the app this mailbox through Exchange RBAC for Applications, in Exchange Online PowerShell (Connect-ExchangeOnline): New-ServicePrincipal -AppId {clientId} -ObjectId <SP object ID> (once per app; <SP object ID> is the object ID of Entra → Enterprise applications → (this app)) ; New-ManagementScope -Name "Send as {mailbox}" -RecipientRestrictionFilter "UserPrincipalName -eq \'{mailbox}\'" ; New-ManagementRoleAssignment -Role "Application Mail.Send" -App <SP object ID> -CustomResourceScope "Send as {mailbox}"',
            'Or, if the token carries no role, Entra admin consent: App registrations → (app {clientId}) → API permissions → Add a permission → Microsoft Graph → Application permissions → Mail.Send, then "Grant admin consent". Consented, Mail.Send lets the app send as anyone in the tenant and an RBAC scope does not narrow it: prefer the RBAC assignment alone.',
            'If the token carries Mail.Send (Entra admin consent), an application access policy may shut the mailbox out: Test-ApplicationAccessPolicy -Identity {mailbox} -AppId {clientId}. Replace it with the RBAC assignment above, then remove the consent: grants add up, and consented Mail.Send lets the app send as anyone in the tenant.',
            'Check what Exchange grants: Test-ServicePrincipalAuthorization -Identity <SP object ID> -Resource {mailbox}',
            GRAPH_PROPAGATION
        ],
        docs: RBAC,
        checked: "Graph's answer: error code ErrorAccessDenied. The action then reads the claims of the token it presented (aud, tid, appid, oid, roles; the token is never printed). Mail.Send in roles → Entra consent is there, so the mailbox is outside the app's RBAC scope or access policy: the fix is New-ManagementRoleAssignment filled in with this app and mailbox. No role → neither admin consent nor an RBAC assignment covers the mailbox (an app granted only through RBAC for Applications carries no role either, so the action sends anyway and lets Graph decide). A refused draft or upload of a large message (which need Mail.ReadWrite) is told apart from a refused sendMail."
    },
    {
        id: '401 InvalidAuthenticationToken',
        graphRefusal: 'token',
        match: { graph: { status: [401], code: ['InvalidAuthenticationToken'] } },
        meaning: 'Microsoft Graph at {graphHost} refused the token itself: most often it was issued for another resource (an Exchange Online token-scope, or another cloud) or by another tenant.',
        fix: [
            'Leave \'token-scope\' empty: with transport: graph it becomes {graphHost}/.default. An Exchange Online scope (https://outlook.office365.com/.default) gives a token Graph refuses with "Invalid audience".',
            "Set 'cloud' to the tenant's cloud (now '{cloud}') and leave 'graph-host' empty, so that the authority, the Graph host and the token scope all come from the same cloud.",
            "Check 'tenant-id' (now '{tenant}'): it must be the tenant that holds the mailbox {mailbox}."
        ],
        docs: AUTH_ERRORS,
        checked: "Graph's answer: HTTP 401 or error code InvalidAuthenticationToken. The action compares the token's aud with the Graph host it sent to (or Graph's application ID, 00000003-0000-0000-c000-000000000000): an Exchange Online audience → the token scope is Exchange's; another Graph host → another cloud. Its tid is compared with a tenant-id given as a GUID."
    },
    {
        id: '404 ErrorInvalidUser',
        match: { graph: { code: ['ErrorInvalidUser', 'ResourceNotFound', 'MailboxNotEnabledForRESTAPI'] } },
        meaning: 'Microsoft Graph found no mailbox it can send from under the id {mailbox}: no such user, a user without an Exchange Online licence, or a mailbox that is on premises.',
        fix: [
            "The id in /users/<id>/sendMail must be the mailbox's user principal name (UPN) or its Entra object ID; a primary SMTP address works only where it equals the UPN. Find both: Get-Mailbox -Identity {mailbox} | Format-List UserPrincipalName,ExternalDirectoryObjectId — then set 'smtp-user' to the UPN.",
            'A user without an Exchange Online licence has no mailbox in the cloud: Microsoft 365 admin center → Users → Active users → (the user) → Licenses and apps. A shared mailbox needs no licence.',
            'A mailbox on premises (Exchange hybrid) cannot send through Graph: move it to Exchange Online, or send from a cloud mailbox, or use transport: smtp against your own server.'
        ],
        docs: SEND_MAIL,
        checked: "Graph's answer: error code ErrorInvalidUser, ResourceNotFound or MailboxNotEnabledForRESTAPI; the step's error names the id that was used."
    },
    {
        id: '403 ErrorSendAsDenied',
        match: { graph: { code: ['ErrorSendAsDenied'] } },
        meaning: 'The From address {from} is not the sending mailbox {mailbox}, and that mailbox may not send as it.',
        fix: [
            "Send from the mailbox itself: set 'from' to {mailbox}, or 'smtp-user' to {from} (the app needs Mail.Send for that mailbox then).",
            'Or let the mailbox send as the From address, in Exchange Online PowerShell: Add-RecipientPermission -Identity {from} -Trustee {mailbox} -AccessRights SendAs (the From address may be another mailbox or a distribution group).'
        ],
        docs: SEND_AS,
        checked: "Graph's answer: error code ErrorSendAsDenied. Graph compares From with the mailbox in the request's URL."
    },
    {
        id: '413 Request too large',
        match: {
            graph: {
                status: [413],
                code: ['ErrorMessageSizeExceeded'],
                text: /maximum request length|request entity too large/i
            }
        },
        meaning: "The message is larger than Microsoft Graph takes: about 4 MB per request, as base64 of MIME whose attachments are base64 already (only about 2.2 MB of raw attachments fit), or above the mailbox's own limit (35 MB by default).",
        fix: [
            "Attach less (check 'attachments' and 'max-attachment-size'), compress the files, or upload them as a workflow artifact and link to it.",
            'For larger messages the app needs Mail.ReadWrite for {mailbox}, scoped like Mail.Send (New-ManagementRoleAssignment -Role "Application Mail.ReadWrite" -App <SP object ID> -CustomResourceScope <the scope of Mail.Send>): the action then uploads the attachments in chunks.',
            'Or use transport: smtp, which takes messages up to the mailbox limit in one go.',
            "An Exchange administrator can raise the mailbox's limit: Set-Mailbox -Identity {mailbox} -MaxSendSize 150MB"
        ],
        docs: LARGE,
        checked: "Graph's answer: HTTP 413, error code ErrorMessageSizeExceeded, or a message about the maximum request length."
    },
    {
        id: '429 Throttled',
        match: { graph: { status: [429, 503], code: ['TooManyRequests', 'ApplicationThrottled'] } },
        meaning: 'Microsoft Graph throttled requests of app {clientId} for mailbox {mailbox} (or was briefly unavailable) and asked for a wait that did not fit in what was left of timeout-seconds.',
        fix: [
            "Run the step again later: the step's error says how long Graph asked to wait (Retry-After).",
            'Send fewer messages from this mailbox at a time: Outlook allows each app, per mailbox, 10,000 requests per 10 minutes and 4 at a time; put jobs that send from {mailbox} in one concurrency group, or send one summary instead of one message per job.',
            "Or give the step more time with 'timeout-seconds', so that a longer wait fits."
        ],
        docs: THROTTLING,
        checked: 'Graph answered HTTP 429 or 503: the action waited as Retry-After asked (not counted against max-attempts) until the wait no longer fitted in timeout-seconds.'
    },
    {
        id: 'Graph answer lost',
        match: { detected: ['graph_answer_lost'] },
        meaning: 'The request was sent to Microsoft Graph in full but its answer never came, so Graph may have accepted it: the message may have been delivered. It was not resent, so that nobody gets it twice.',
        fix: [
            'Look in the Sent Items of {mailbox}: every message Graph accepts leaves a copy there. If it is there, it was sent.',
            'If it is not, re-run the job (or send the saved .eml, output eml-path).',
            "If answers are lost often, a proxy or firewall between the runner and {graphHost} cuts long requests: check its timeouts, or give the step more 'timeout-seconds'."
        ],
        docs: THINGS_TO_KNOW,
        checked: 'The whole request body had gone out when the connection was cut or timed out, before Graph answered. sendMail is not idempotent, so the action never sends such a request again.'
    }
];


/***/ }),

/***/ 6941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $z: () => (/* binding */ SMTP_OAUTH),
/* harmony export */   Gl: () => (/* binding */ SECURITY_DEFAULTS),
/* harmony export */   ar: () => (/* binding */ SMTP_ENTRIES),
/* harmony export */   c7: () => (/* binding */ GRAPH_WAY_OUT),
/* harmony export */   vR: () => (/* binding */ TRANSPORT_ENTRIES)
/* harmony export */ });
/** How an app authenticates to Exchange Online SMTP with OAuth (also the page for a wrong token scope). */
const SMTP_OAUTH = 'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth';
const SMTP_AUTH_ENABLE = 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission';
const LIMITS = 'https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits';
const NDR = 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online';
/** Security defaults keep SMTP AUTH off for every mailbox, whatever the per-mailbox switch says. */
const SECURITY_DEFAULTS = 'Check whether security defaults are on: Entra admin center → Overview → Properties → Manage security defaults. While they are on, SMTP AUTH stays off for every mailbox and Set-CASMailbox does not help; the only way to use it is to turn them off and protect the tenant with Conditional Access policies instead (Entra ID P1).';
/** Where SMTP AUTH stays off, Graph is the way out. */
const GRAPH_WAY_OUT = 'Where SMTP AUTH stays off (security defaults, or a policy such as the CIS Microsoft 365 benchmark), send through Microsoft Graph instead: transport: graph, which needs no SMTP AUTH (set-up guide, "Send through Microsoft Graph").';
/** The SMTP server's refusals, in the order docs/troubleshooting.md lists them. */
const SMTP_ENTRIES = [
    {
        id: '535 5.7.139',
        authRefusal: '5.7.139',
        match: { smtp: { enhanced: ['5.7.139'] } },
        meaning: 'SMTP AUTH is turned off for the mailbox {mailbox} or for the whole tenant. Under security defaults it is off for every mailbox, and no per-mailbox setting turns it back on.',
        fix: [
            SECURITY_DEFAULTS,
            GRAPH_WAY_OUT,
            'Without security defaults, turn it on for this mailbox alone: Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false (it overrides the tenant-wide Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled), or Microsoft 365 admin center → Users → (the mailbox) → Mail → Manage email apps → tick "Authenticated SMTP".'
        ],
        docs: SMTP_AUTH_ENABLE,
        checked: 'The action reads the claims of the access token it presented (aud, tid, appid, oid, roles; no signature check, the token is never printed), names the security defaults first, then transport: graph, then Set-CASMailbox for the mailbox used for AUTH. If the token also lacks SMTP.SendAsApp, it says so and adds the admin-consent fix.'
    },
    {
        id: '535 5.7.3',
        authRefusal: '5.7.3',
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
        docs: SMTP_AUTH_ENABLE,
        checklist: 'tls'
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
    }
];
/** Failures to reach a server or to secure the connection, token endpoint and SMTP alike. */
const TRANSPORT_ENTRIES = [
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
            "Behind an HTTP proxy: HTTPS_PROXY carries the token request and Microsoft Graph ('transport: graph'); 'smtp-proxy' carries the SMTP connection.",
            "Where 587 stays blocked: 'smtp-port: 25' (with STARTTLS) is Exchange Online's other submission port, and 'transport: graph' needs only HTTPS (443)."
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
            "A TLS-inspecting proxy signs with a private CA. Where the runner's OS already trusts it (the Windows certificate store, the macOS keychain, Linux's OpenSSL store), set the environment variable NODE_USE_SYSTEM_CA=1 on the step or runner; otherwise name its PEM file with NODE_EXTRA_CA_CERTS=/path/to/ca.pem.",
            "A name mismatch means 'smtp-host' / 'authority-host' differs from the certificate's name: use the official host name."
        ],
        docs: 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile',
        retry: 'never',
        checklist: 'tls'
    },
    {
        id: 'STARTTLS',
        match: { transport: ['ETLS_REQUIRED'] },
        meaning: 'The server did not offer STARTTLS, and the action never authenticates or sends in the clear.',
        fix: [
            "Use Exchange Online's SMTP AUTH endpoint ({smtpHost}:587, or port 25, which also takes STARTTLS); a proxy or firewall stripping STARTTLS must be bypassed, or use 'transport: graph' (HTTPS only)."
        ],
        docs: SMTP_AUTH_ENABLE,
        checklist: 'tls'
    },
    {
        id: 'Proxy refused CONNECT',
        match: { transport: ['EPROXY'] },
        meaning: "The HTTP proxy in 'smtp-proxy' did not open a tunnel to {smtpHost}:{smtpPort}. 'Invalid response from proxy: 403' is the usual answer: most corporate proxies allow CONNECT only to port 443.",
        fix: [
            'Ask the proxy administrators to allow CONNECT to {smtpHost} port {smtpPort} for this runner (in Squid, the default rule "http_access deny CONNECT !SSL_ports" refuses every port but 443).',
            "Or open TCP {smtpPort} from the runner to {smtpHost} in the firewall and leave 'smtp-proxy' empty; where 587 is blocked, port 25 with STARTTLS is the other port Exchange Online takes client submission on.",
            "'Invalid response from proxy: 407' means the proxy wants credentials: give them in the URL, http://user:password@proxy.example.com:3128 (the password is masked in the log).",
            "Or send over HTTPS instead of SMTP: 'transport: graph' goes through HTTPS_PROXY to Microsoft Graph on port 443."
        ],
        docs: 'https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges',
        checked: "The SMTP connection through 'smtp-proxy' failed before the tunnel was up (EPROXY): the proxy answered CONNECT with a status other than 2xx, which the step's error quotes, or closed the connection. Such a refusal is not retried."
    }
];


/***/ }),

/***/ 6523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ failureFromError)
/* harmony export */ });
/* harmony import */ var _auth_token_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1888);
/* harmony import */ var _partial_delivery_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1762);
/* harmony import */ var _graph_graph_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5007);
/* harmony import */ var _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9354);
/* harmony import */ var _smtp_smtp_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6396);
/**
 * A thrown error reduced to plain facts: which side failed (Entra ID, the SMTP server, Microsoft
 * Graph, the inputs)
 * and what it said. Everything after this (matching, retry decisions, diagnosis) reads facts, not
 * error classes.
 */





/** Reduces any thrown value to the plain facts of a Failure. */
function failureFromError(err) {
    if (err instanceof _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d)
        return { source: 'input', message: err.message };
    if (err instanceof _graph_graph_error_js__WEBPACK_IMPORTED_MODULE_2__/* .GraphError */ .h)
        return graphFailure(err);
    if (err instanceof _smtp_smtp_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NoXoauth2Error */ .HB) {
        return { source: 'smtp', code: err.code, command: err.command, message: err.message, offered: err.offered };
    }
    if (err instanceof _smtp_smtp_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .MessageTooLargeError */ .$h) {
        const size = { message: err.size, limit: err.limit };
        return { source: 'smtp', code: err.code, command: err.command, message: err.message, size };
    }
    if (err instanceof _partial_delivery_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PartialDeliveryError */ .e) {
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
    if (err instanceof _auth_token_error_js__WEBPACK_IMPORTED_MODULE_0__/* .TokenError */ .g) {
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
            message: fieldText(e.message ?? e.code)
        };
        if (rejected.length)
            failure.rejected = rejected;
        if (typeof e.challenge === 'string')
            failure.challenge = e.challenge;
        return failure;
    }
    return { source: 'unknown', message: err instanceof Error ? err.message : String(err) };
}
/** A Graph failure's facts, copied off the error (whose class the diagnosis never sees). */
function graphFailure(err) {
    const failure = {
        source: 'graph',
        message: err.message,
        status: err.status,
        code: err.code,
        graphMessage: err.graphMessage,
        operation: err.operation,
        clientRequestId: err.clientRequestId,
        mayHaveBeenAccepted: err.mayHaveBeenAccepted
    };
    if (err.requestId !== undefined)
        failure.requestId = err.requestId;
    if (err.date !== undefined)
        failure.date = err.date;
    if (err.retryAfterMs !== undefined)
        failure.retryAfterMs = err.retryAfterMs;
    return failure;
}
/** The rejected recipients nodemailer attaches to an envelope error. */
function rejectedRecipients(e) {
    const errors = Array.isArray(e.rejectedErrors) ? e.rejectedErrors : [];
    return errors.map((r) => ({
        address: fieldText(r.recipient),
        response: fieldText(r.response ?? r.message)
    }));
}
/** A field of an error another library made: text and numbers as they are, anything else as nothing. */
function fieldText(value) {
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}


/***/ }),

/***/ 3341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VT: () => (/* binding */ aadstsCodes),
  yd: () => (/* binding */ catalogueEntry),
  Ys: () => (/* binding */ detectedCode),
  Kf: () => (/* binding */ enhancedCode)
});

// EXTERNAL MODULE: ./src/diagnosis/catalogue-smtp.ts
var catalogue_smtp = __webpack_require__(6941);
;// CONCATENATED MODULE: ./src/diagnosis/catalogue-entra.ts

const ENTRA_CODES = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';
const CREDENTIALS = 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials';
const FEDERATION = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation-create-trust';
const NATIONAL_CLOUDS = 'https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud';
const FEDERATED_FIX = [
    'In the Entra admin center open App registrations → (app {clientId}) → Certificates & secrets → Federated credentials → Add credential → "GitHub Actions deploying Azure resources" (or "Other issuer").',
    'Issuer: {issuer} · Subject identifier: {subject} · Audience: {audience} — the exact values this run presented (Entra compares them character for character; the subject changes with branch, tag, environment or pull_request).',
    'Or with the Azure CLI: az ad app federated-credential create --id {clientId} --parameters \'{"name":"github","issuer":"{issuer}","subject":"{subject}","audiences":["{audience}"]}\''
];
/** The token endpoint's failures, in the order docs/troubleshooting.md lists them. */
const ENTRA_ENTRIES = [
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
        docs: catalogue_smtp/* SMTP_OAUTH */.$z
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
        // 1000502: the certificate is outside its validity window (microsoft-identity-web #2834)
        match: { entra: [700027, 50012, 1000502] },
        meaning: 'Entra rejected the certificate assertion: the certificate (SHA-256 thumbprint {thumbprint}, valid until {notAfter}) is not registered on the app, has expired, or the signature did not verify.',
        fix: [
            'Upload the certificate (the public .cer/.pem part, never the key) in App registrations → (app {clientId}) → Certificates & secrets → Certificates → Upload certificate.',
            "The portal's Thumbprint column is SHA-1, not the SHA-256 {thumbprint} above: compare it with the output of openssl x509 -in cert.pem -noout -fingerprint -sha1 for the certificate in 'client-certificate' (without the colons).",
            "Check that 'client-certificate' holds the private key of that same certificate.",
            'If {notAfter} (its notAfter) has passed, Entra refuses the certificate even while it is still listed on the app: make a new one, upload it, and replace the secret.'
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
    }
];

// EXTERNAL MODULE: ./src/diagnosis/catalogue-graph.ts
var catalogue_graph = __webpack_require__(2777);
;// CONCATENATED MODULE: ./src/diagnosis/catalogue.ts
/**
 * The diagnosis catalogue: every known failure, what it means, and what an administrator does
 * about it. Data only, in catalogue-entra.ts, catalogue-smtp.ts and catalogue-graph.ts; match.ts
 * finds the entry of a failure. In `meaning` and `fix` the placeholders {tenant}, {clientId},
 * {mailbox}, {from}, {cloud}, {authorityHost}, {smtpHost}, {smtpPort}, {graphHost}, {scope},
 * {audience}, {subject}, {issuer}, {thumbprint}, {notAfter} are filled in from the run.
 */



/** Every known failure: Entra ID first, then Exchange Online SMTP, Microsoft Graph, then the network. */
const CATALOGUE = [
    ...ENTRA_ENTRIES,
    ...catalogue_smtp/* SMTP_ENTRIES */.ar,
    ...catalogue_graph/* GRAPH_ENTRIES */.S,
    ...catalogue_smtp/* TRANSPORT_ENTRIES */.vR
];

;// CONCATENATED MODULE: ./src/diagnosis/match.ts
/** Which catalogue entry, if any, describes a failure. */

/** The catalogue entry that describes the failure, the first that matches; undefined for an unknown failure. Pure. */
function catalogueEntry(f) {
    const transportCodes = transportCodesOf(f);
    return CATALOGUE.find((e) => matches(e, f, transportCodes));
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
    if ('graph' in m)
        return f.source === 'graph' && f.status > 0 && graphMatches(m.graph, f);
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
/** A Graph answer against a `graph` match: any one of its criteria is enough. */
function graphMatches(m, f) {
    return ((m.status ?? []).includes(f.status) ||
        (m.code ?? []).some((code) => code.toLowerCase() === f.code.toLowerCase()) ||
        (m.text?.test(f.graphMessage) ?? false));
}
/** The code of a failure the action itself recognised (see Match `detected` in catalogue.ts). */
function detectedCode(f) {
    if (f.source === 'graph')
        return f.mayHaveBeenAccepted ? 'graph_answer_lost' : undefined;
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
    // Graph got no answer at all: the socket's code, as for SMTP (a lost answer is told apart first).
    if (f.source === 'graph')
        return f.status === 0 && !f.mayHaveBeenAccepted ? [f.code] : [];
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


/***/ }),

/***/ 1762:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ PartialDeliveryError)
/* harmony export */ });
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5322);

/** Some recipients were rejected while the others got the message. */
class PartialDeliveryError extends Error {
    /** Recipients that got the message. */
    accepted;
    /** Recipients the server rejected, with its reply to each. */
    rejected;
    constructor(delivery) {
        super(`Rejected recipients: ${(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__/* .boundedList */ .Y)(delivery.rejected.map((r) => r.address))}`);
        this.name = 'PartialDeliveryError';
        this.accepted = delivery.accepted;
        this.rejected = delivery.rejected;
    }
}


/***/ }),

/***/ 5007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ GraphError)
/* harmony export */ });
/**
 * A refusal or failure of Microsoft Graph: the one shape the Graph transport raises and the
 * diagnosis reads, as smtp-errors.ts is for SMTP. Graph answers errors as
 * `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
 */
/** A Graph request that did not end in the status it needed. */
class GraphError extends Error {
    status;
    code;
    graphMessage;
    operation;
    requestId;
    clientRequestId;
    date;
    retryAfterMs;
    mayHaveBeenAccepted;
    constructor(message, facts) {
        super(message);
        this.name = 'GraphError';
        this.status = facts.status;
        this.code = facts.code;
        this.graphMessage = facts.graphMessage;
        this.operation = facts.operation;
        if (facts.requestId !== undefined)
            this.requestId = facts.requestId;
        this.clientRequestId = facts.clientRequestId;
        if (facts.date !== undefined)
            this.date = facts.date;
        if (facts.retryAfterMs !== undefined)
            this.retryAfterMs = facts.retryAfterMs;
        this.mayHaveBeenAccepted = facts.mayHaveBeenAccepted;
    }
}


/***/ }),

/***/ 5322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ excerpt),
/* harmony export */   Y: () => (/* binding */ boundedList)
/* harmony export */ });
/**
 * Bounds for outside text in reports: a server reply, an error page or a list of thousands of
 * recipients stays readable, and a hostile peer cannot flood the job log.
 */
/** The longest piece of outside text (a server reply, an error page) printed in one place. */
const EXCERPT_CHARS = 2000;
/** At most `max` characters of `text`, marked when cut. */
function excerpt(text, max = EXCERPT_CHARS) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, max)}… [cut: ${text.length - max} more characters not shown]`;
}
/** At most `max` items, then "and N more": reports stay readable with thousands of recipients. */
function boundedList(items, max = 5, separator = ', ') {
    if (items.length <= max)
        return items.join(separator);
    return `${items.slice(0, max).join(separator)}${separator}… and ${items.length - max} more`;
}


/***/ })

};
