/** Exchange Online's SMTP replies and what the action itself finds about the server, then transport failures. */
import type { CatalogueEntry } from './catalogue.js'

/** How an app authenticates to Exchange Online SMTP with OAuth (also the page for a wrong token scope). */
export const SMTP_OAUTH =
  'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth'
const SMTP_AUTH_ENABLE =
  'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission'
const LIMITS =
  'https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits'
const NDR =
  'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online'

/** Security defaults keep SMTP AUTH off for every mailbox, whatever the per-mailbox switch says. */
export const SECURITY_DEFAULTS =
  'Check whether security defaults are on: Entra admin center → Overview → Properties → Manage security defaults. While they are on, SMTP AUTH stays off for every mailbox and Set-CASMailbox does not help; the only way to use it is to turn them off and protect the tenant with Conditional Access policies instead (Entra ID P1).'

/** Where SMTP AUTH stays off, Graph is the way out. */
export const GRAPH_WAY_OUT =
  'Where SMTP AUTH stays off (security defaults, or a policy such as the CIS Microsoft 365 benchmark), send through Microsoft Graph instead: transport: graph, which needs no SMTP AUTH (set-up guide, "Send through Microsoft Graph").'

/** The SMTP server's refusals, in the order docs/troubleshooting.md lists them. */
export const SMTP_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: '535 5.7.139',
    authRefusal: '5.7.139',
    match: { smtp: { enhanced: ['5.7.139'] } },
    meaning:
      'SMTP AUTH is turned off for the mailbox {mailbox} or for the whole tenant. Under security defaults it is off for every mailbox, and no per-mailbox setting turns it back on.',
    fix: [
      SECURITY_DEFAULTS,
      GRAPH_WAY_OUT,
      'Without security defaults, turn it on for this mailbox alone: Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false (it overrides the tenant-wide Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled), or Microsoft 365 admin center → Users → (the mailbox) → Mail → Manage email apps → tick "Authenticated SMTP".'
    ],
    docs: SMTP_AUTH_ENABLE,
    checked:
      'The action reads the claims of the access token it presented (aud, tid, appid, oid, roles; no signature check, the token is never printed), names the security defaults first, then transport: graph, then Set-CASMailbox for the mailbox used for AUTH. If the token also lacks SMTP.SendAsApp, it says so and adds the admin-consent fix.'
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
    checked:
      "Exchange gives the same answer for several causes; the action tells them apart from the claims of the access token it presented (no signature check; the token is never printed). An aud that is not Exchange Online of the SMTP host's cloud (or of the requested scope) → wrong cloud or scope. A tid that differs from a tenant-id given as a GUID → wrong tenant (a tenant-id given as a domain cannot be compared). No SMTP.SendAsApp in roles → admin consent missing or not yet effective (AUTH is still tried: Exchange's RBAC for Applications can grant the role without the token). SMTP.SendAsApp present → the Exchange side is missing, and the action prints New-ServicePrincipal -AppId <appid> -ObjectId <oid> and Add-MailboxPermission -Identity <AUTH mailbox> -User <oid> -AccessRights FullAccess with the token's own values. A token that is not a JWT gives the general list above."
  },
  {
    id: '535 5.7.8',
    match: { smtp: { reply: [535], enhanced: ['5.7.8'] } },
    meaning:
      'The server refused the token (535 5.7.8 is how Dovecot, Postfix with Dovecot SASL and Gmail say it; Exchange Online says 535 5.7.3), so {smtpHost} is probably not Exchange Online.',
    fix: [
      "Check 'smtp-host' and 'smtp-port': for Exchange Online they are {smtpHost} = smtp.office365.com (or your cloud's host) and 587.",
      "If this server is meant to take Entra ID tokens, its token check (e.g. Dovecot's oauth2 passdb introspection) must accept tokens for '{scope}' issued to app {clientId}; the decoded challenge above shows what it expected."
    ],
    docs: 'https://www.rfc-editor.org/rfc/rfc7628#section-3.2.2'
  },
  {
    id: '454 4.7.0',
    match: { smtp: { reply: [454], enhanced: ['4.7.0'] } },
    meaning:
      'The server could not check the token for now: its authentication back end failed, or it is slowing down logins after earlier failures from this address. This is temporary, not a refused token.',
    fix: [
      'The action retried it within max-attempts and timeout-seconds; run the step again later.',
      "If it persists, the server's token check (its identity provider or introspection endpoint) is failing: the server's administrator sees why in its logs."
    ],
    docs: 'https://www.rfc-editor.org/rfc/rfc4954#section-6'
  },
  {
    id: 'XOAUTH2 not offered',
    match: { detected: ['no_xoauth2'] },
    meaning:
      'After STARTTLS the server at {smtpHost}:{smtpPort} does not offer AUTH XOAUTH2, so it cannot take an Entra ID token; the action sent no AUTH at all.',
    fix: [
      "Set 'smtp-host' to an Exchange Online submission endpoint, with 'smtp-port' 587: smtp.office365.com (public cloud), smtp.office365.us (GCC High), outlook-dod.office365.us (DoD), smtp.partner.outlook.cn (21Vianet) — or just 'cloud'.",
      "An MX endpoint (*.mail.protection.outlook.com) or an on-premises relay does not take OAuth: use Exchange Online's SMTP AUTH endpoint."
    ],
    docs: SMTP_AUTH_ENABLE
  },
  {
    id: 'SIZE exceeded',
    match: { detected: ['size_exceeded'] },
    meaning:
      'The encoded message is larger than the server takes (Exchange Online: 35 MB by default; base64 makes attachments about a third larger), so it was refused before upload.',
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
]

/** Failures to reach a server or to secure the connection, token endpoint and SMTP alike. */
export const TRANSPORT_ENTRIES: readonly CatalogueEntry[] = [
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
    meaning:
      "The server's TLS certificate is not trusted (unknown CA, self-signed, expired, or issued for another name).",
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
    meaning:
      "The HTTP proxy in 'smtp-proxy' did not open a tunnel to {smtpHost}:{smtpPort}. 'Invalid response from proxy: 403' is the usual answer: most corporate proxies allow CONNECT only to port 443.",
    fix: [
      'Ask the proxy administrators to allow CONNECT to {smtpHost} port {smtpPort} for this runner (in Squid, the default rule "http_access deny CONNECT !SSL_ports" refuses every port but 443).',
      "Or open TCP {smtpPort} from the runner to {smtpHost} in the firewall and leave 'smtp-proxy' empty; where 587 is blocked, port 25 with STARTTLS is the other port Exchange Online takes client submission on.",
      "'Invalid response from proxy: 407' means the proxy wants credentials: give them in the URL, http://user:password@proxy.example.com:3128 (the password is masked in the log).",
      "Or send over HTTPS instead of SMTP: 'transport: graph' goes through HTTPS_PROXY to Microsoft Graph on port 443."
    ],
    docs: 'https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges',
    checked:
      "The SMTP connection through 'smtp-proxy' failed before the tunnel was up (EPROXY): the proxy answered CONNECT with a status other than 2xx, which the step's error quotes, or closed the connection. Such a refusal is not retried."
  }
]
