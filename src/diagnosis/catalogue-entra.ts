/** Entra ID's answers to the token request, and what the action itself finds about that request. */
import type { CatalogueEntry } from './catalogue.js'
import { SMTP_OAUTH } from './catalogue-smtp.js'

const ENTRA_CODES = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes'
const CREDENTIALS = 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials'
const FEDERATION = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation-create-trust'
const NATIONAL_CLOUDS = 'https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud'

const FEDERATED_FIX = [
  'In the Entra admin center open App registrations → (app {clientId}) → Certificates & secrets → Federated credentials → Add credential → "GitHub Actions deploying Azure resources" (or "Other issuer").',
  'Issuer: {issuer} · Subject identifier: {subject} · Audience: {audience} — the exact values this run presented (Entra compares them character for character; the subject changes with branch, tag, environment or pull_request).',
  'Or with the Azure CLI: az ad app federated-credential create --id {clientId} --parameters \'{"name":"github","issuer":"{issuer}","subject":"{subject}","audiences":["{audience}"]}\''
]

/** The token endpoint's failures, in the order docs/troubleshooting.md lists them. */
export const ENTRA_ENTRIES: readonly CatalogueEntry[] = [
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
    meaning:
      "Tenant '{tenant}' was not found at {authorityHost} — a wrong tenant ID or domain, or the tenant lives in another cloud.",
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
    meaning:
      "Exchange Online (the resource of '{scope}') is not available in tenant '{tenant}' — the tenant has no Exchange Online, or it is in another cloud.",
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
    meaning:
      'Entra rejected the certificate assertion: the certificate (SHA-256 thumbprint {thumbprint}, valid until {notAfter}) is not registered on the app, has expired, or the signature did not verify.',
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
    meaning:
      'No federated credential on the app matches the GitHub OIDC token this run presented (issuer, subject or audience differ).',
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
    meaning:
      'The token endpoint {authorityHost} accepted the connection (or not) but gave no answer before the step ran out of time.',
    fix: [
      'Self-hosted runners: allow outbound HTTPS (443) to {authorityHost}; behind a proxy, set HTTPS_PROXY (and NO_PROXY) for the step.',
      "Check 'authority-host' (or 'cloud', now '{cloud}') points at Entra ID; a larger 'timeout-seconds' helps only with a slow network."
    ],
    docs: NATIONAL_CLOUDS
  },
  {
    id: 'HTML from the token endpoint',
    match: { detected: ['html_response'] },
    meaning:
      'Something between the runner and Entra ID (a proxy, a firewall, a load balancer) answered with an error page instead of a token response.',
    fix: [
      'The page text above names who answered. A corporate proxy: allow {authorityHost} for this runner, or set NO_PROXY for it if the runner can reach it directly.',
      'HTTP 502/503/504 pages from a proxy are retried like any 5xx; a persistent one is the proxy failing to reach {authorityHost}.'
    ],
    docs: 'https://docs.github.com/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#communication-requirements'
  },
  {
    id: 'Token endpoint redirect',
    match: { detected: ['redirected'] },
    meaning:
      'The token request was redirected. A credential is only ever sent to the configured authority host, so the redirect was not followed.',
    fix: [
      "Check 'authority-host' (now {authorityHost}): it must be the Entra ID host itself, e.g. https://login.microsoftonline.com, without a path.",
      'A captive portal or a proxy login page redirects too: the runner needs direct (or HTTPS_PROXY) access to {authorityHost}.'
    ],
    docs: NATIONAL_CLOUDS
  }
]
