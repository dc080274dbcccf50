/** Microsoft Graph's answers to sendMail (and to the draft and upload requests of a large message). */
import type { CatalogueEntry } from './catalogue.js'

const RBAC = 'https://learn.microsoft.com/exchange/permissions-exo/application-rbac'
const AUTH_ERRORS = 'https://learn.microsoft.com/graph/resolve-auth-errors'
const SEND_MAIL = 'https://learn.microsoft.com/graph/api/user-sendmail'
const SEND_AS = 'https://learn.microsoft.com/graph/outlook-send-mail-from-other-user'
const LARGE = 'https://learn.microsoft.com/graph/outlook-large-attachments'
const THROTTLING = 'https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits'
const THINGS_TO_KNOW = 'https://learn.microsoft.com/graph/outlook-things-to-know-about-send-mail'

/** Exchange takes this long to bring a changed grant to Graph; Test-ServicePrincipalAuthorization shows it at once. */
export const GRAPH_PROPAGATION =
  'Changes to Mail.Send (Entra consent, RBAC assignments, scopes, access policies) take 30 minutes to 2 hours to reach Graph: Test-ServicePrincipalAuthorization shows the new state at once, Graph only later. Run the step again after that.'

/** Graph's refusals, in the order docs/troubleshooting.md lists them. */
export const GRAPH_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: '403 ErrorAccessDenied',
    graphRefusal: 'access',
    match: { graph: { code: ['ErrorAccessDenied', 'AccessDenied'] } },
    meaning:
      'Microsoft Graph refused to let app {clientId} send as mailbox {mailbox}: no Mail.Send grant of the app covers this mailbox.',
    fix: [
      'Give the app this mailbox through Exchange RBAC for Applications, in Exchange Online PowerShell (Connect-ExchangeOnline): New-ServicePrincipal -AppId {clientId} -ObjectId <SP object ID> (once per app; <SP object ID> is the object ID of Entra → Enterprise applications → (this app)) ; New-ManagementScope -Name "Send as {mailbox}" -RecipientRestrictionFilter "UserPrincipalName -eq \'{mailbox}\'" ; New-ManagementRoleAssignment -Role "Application Mail.Send" -App <SP object ID> -CustomResourceScope "Send as {mailbox}"',
      'Or, if the token carries no role, Entra admin consent: App registrations → (app {clientId}) → API permissions → Add a permission → Microsoft Graph → Application permissions → Mail.Send, then "Grant admin consent". Consented, Mail.Send lets the app send as anyone in the tenant and an RBAC scope does not narrow it: prefer the RBAC assignment alone.',
      'If the token carries Mail.Send (Entra admin consent), an application access policy may shut the mailbox out: Test-ApplicationAccessPolicy -Identity {mailbox} -AppId {clientId}. Replace it with the RBAC assignment above, then remove the consent: grants add up, and consented Mail.Send lets the app send as anyone in the tenant.',
      'Check what Exchange grants: Test-ServicePrincipalAuthorization -Identity <SP object ID> -Resource {mailbox}',
      GRAPH_PROPAGATION
    ],
    docs: RBAC,
    checked:
      "Graph's answer: error code ErrorAccessDenied. The action then reads the claims of the token it presented (aud, tid, appid, oid, roles; the token is never printed). Mail.Send in roles → Entra consent is there, so the mailbox is outside the app's RBAC scope or access policy: the fix is New-ManagementRoleAssignment filled in with this app and mailbox. No role → neither admin consent nor an RBAC assignment covers the mailbox (an app granted only through RBAC for Applications carries no role either, so the action sends anyway and lets Graph decide). A refused draft or upload of a large message (which need Mail.ReadWrite) is told apart from a refused sendMail."
  },
  {
    id: '401 InvalidAuthenticationToken',
    graphRefusal: 'token',
    match: { graph: { status: [401], code: ['InvalidAuthenticationToken'] } },
    meaning:
      'Microsoft Graph at {graphHost} refused the token itself: most often it was issued for another resource (an Exchange Online token-scope, or another cloud) or by another tenant.',
    fix: [
      'Leave \'token-scope\' empty: with transport: graph it becomes {graphHost}/.default. An Exchange Online scope (https://outlook.office365.com/.default) gives a token Graph refuses with "Invalid audience".',
      "Set 'cloud' to the tenant's cloud (now '{cloud}') and leave 'graph-host' empty, so that the authority, the Graph host and the token scope all come from the same cloud.",
      "Check 'tenant-id' (now '{tenant}'): it must be the tenant that holds the mailbox {mailbox}."
    ],
    docs: AUTH_ERRORS,
    checked:
      "Graph's answer: HTTP 401 or error code InvalidAuthenticationToken. The action compares the token's aud with the Graph host it sent to (or Graph's application ID, 00000003-0000-0000-c000-000000000000): an Exchange Online audience → the token scope is Exchange's; another Graph host → another cloud. Its tid is compared with a tenant-id given as a GUID."
  },
  {
    id: '404 ErrorInvalidUser',
    match: { graph: { code: ['ErrorInvalidUser', 'ResourceNotFound', 'MailboxNotEnabledForRESTAPI'] } },
    meaning:
      'Microsoft Graph found no mailbox it can send from under the id {mailbox}: no such user, a user without an Exchange Online licence, or a mailbox that is on premises.',
    fix: [
      "The id in /users/<id>/sendMail must be the mailbox's user principal name (UPN) or its Entra object ID; a primary SMTP address works only where it equals the UPN. Find both: Get-Mailbox -Identity {mailbox} | Format-List UserPrincipalName,ExternalDirectoryObjectId — then set 'smtp-user' to the UPN.",
      'A user without an Exchange Online licence has no mailbox in the cloud: Microsoft 365 admin center → Users → Active users → (the user) → Licenses and apps. A shared mailbox needs no licence.',
      'A mailbox on premises (Exchange hybrid) cannot send through Graph: move it to Exchange Online, or send from a cloud mailbox, or use transport: smtp against your own server.'
    ],
    docs: SEND_MAIL,
    checked:
      "Graph's answer: error code ErrorInvalidUser, ResourceNotFound or MailboxNotEnabledForRESTAPI; the step's error names the id that was used."
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
    meaning:
      "The message is larger than Microsoft Graph takes: about 4 MB per request, as base64 of MIME whose attachments are base64 already (only about 2.2 MB of raw attachments fit), or above the mailbox's own limit (35 MB by default).",
    fix: [
      "Attach less (check 'attachments' and 'max-attachment-size'), compress the files, or upload them as a workflow artifact and link to it.",
      'For larger messages the app needs Mail.ReadWrite for {mailbox}, scoped like Mail.Send (New-ManagementRoleAssignment -Role "Application Mail.ReadWrite" -App <SP object ID> -CustomResourceScope <the scope of Mail.Send>): the action then uploads the attachments in chunks.',
      'Or use transport: smtp, which takes messages up to the mailbox limit in one go.',
      "An Exchange administrator can raise the mailbox's limit: Set-Mailbox -Identity {mailbox} -MaxSendSize 150MB"
    ],
    docs: LARGE,
    checked:
      "Graph's answer: HTTP 413, error code ErrorMessageSizeExceeded, or a message about the maximum request length."
  },
  {
    id: '429 Throttled',
    match: { graph: { status: [429, 503], code: ['TooManyRequests', 'ApplicationThrottled'] } },
    meaning:
      'Microsoft Graph throttled requests of app {clientId} for mailbox {mailbox} (or was briefly unavailable) and asked for a wait that did not fit in what was left of timeout-seconds.',
    fix: [
      "Run the step again later: the step's error says how long Graph asked to wait (Retry-After).",
      'Send fewer messages from this mailbox at a time: Outlook allows each app, per mailbox, 10,000 requests per 10 minutes and 4 at a time; put jobs that send from {mailbox} in one concurrency group, or send one summary instead of one message per job.',
      "Or give the step more time with 'timeout-seconds', so that a longer wait fits."
    ],
    docs: THROTTLING,
    checked:
      'Graph answered HTTP 429 or 503: the action waited as Retry-After asked (not counted against max-attempts) until the wait no longer fitted in timeout-seconds.'
  },
  {
    id: 'Graph answer lost',
    match: { detected: ['graph_answer_lost'] },
    meaning:
      'The request was sent to Microsoft Graph in full but its answer never came, so Graph may have accepted it: the message may have been delivered. It was not resent, so that nobody gets it twice.',
    fix: [
      'Look in the Sent Items of {mailbox}: every message Graph accepts leaves a copy there. If it is there, it was sent.',
      'If it is not, re-run the job (or send the saved .eml, output eml-path).',
      "If answers are lost often, a proxy or firewall between the runner and {graphHost} cuts long requests: check its timeouts, or give the step more 'timeout-seconds'."
    ],
    docs: THINGS_TO_KNOW,
    checked:
      'The whole request body had gone out when the connection was cut or timed out, before Graph answered. sendMail is not idempotent, so the action never sends such a request again.'
  }
]
