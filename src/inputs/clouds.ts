/** The national clouds of Microsoft 365 and the endpoints each one uses. */
export type CloudName = 'public' | 'usgov' | 'usgov-dod' | 'china'

/** The endpoints of one cloud; every value can be overridden by an input. */
interface CloudPreset {
  /** What users call this cloud, for messages. */
  label: string
  /** Entra ID authority host (no tenant, no trailing slash). */
  authorityHost: string
  /** Exchange Online SMTP AUTH submission host. */
  smtpHost: string
  /** OAuth scope of Exchange Online for an app-only token. */
  scope: string
  /** Audience Entra expects in a GitHub OIDC token for workload identity federation. */
  oidcAudience: string
  /** Microsoft Graph endpoint of this cloud (an https origin), for `transport: graph`. */
  graphHost: string
  /** OAuth scope of Microsoft Graph for an app-only token. */
  graphScope: string
}

/** One table of presets; the set-up guide's cloud list is generated from it (npm run docs). */
export const CLOUDS: Readonly<Record<CloudName, CloudPreset>> = {
  public: {
    label: 'Microsoft 365 (worldwide, including GCC)',
    authorityHost: 'https://login.microsoftonline.com',
    smtpHost: 'smtp.office365.com',
    scope: 'https://outlook.office365.com/.default',
    oidcAudience: 'api://AzureADTokenExchange',
    graphHost: 'https://graph.microsoft.com',
    graphScope: 'https://graph.microsoft.com/.default'
  },
  usgov: {
    label: 'Microsoft 365 GCC High',
    authorityHost: 'https://login.microsoftonline.us',
    smtpHost: 'smtp.office365.us',
    scope: 'https://outlook.office365.us/.default',
    oidcAudience: 'api://AzureADTokenExchangeUSGov',
    graphHost: 'https://graph.microsoft.us',
    graphScope: 'https://graph.microsoft.us/.default'
  },
  'usgov-dod': {
    label: 'Microsoft 365 DoD',
    authorityHost: 'https://login.microsoftonline.us',
    smtpHost: 'outlook-dod.office365.us',
    scope: 'https://outlook-dod.office365.us/.default',
    oidcAudience: 'api://AzureADTokenExchangeUSGov',
    graphHost: 'https://dod-graph.microsoft.us',
    graphScope: 'https://dod-graph.microsoft.us/.default'
  },
  china: {
    label: 'Microsoft 365 operated by 21Vianet',
    authorityHost: 'https://login.partner.microsoftonline.cn',
    smtpHost: 'smtp.partner.outlook.cn',
    scope: 'https://partner.outlook.cn/.default',
    oidcAudience: 'api://AzureADTokenExchangeChina',
    graphHost: 'https://microsoftgraph.chinacloudapi.cn',
    graphScope: 'https://microsoftgraph.chinacloudapi.cn/.default'
  }
}

export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[]

export function isCloudName(value: string): value is CloudName {
  return Object.hasOwn(CLOUDS, value)
}

/**
 * Why a port does not suit a Microsoft SMTP host, or undefined. Microsoft documents client
 * submission on 587 or 25, both with STARTTLS, and not implicit TLS on 465 (a common guess, since
 * other providers offer it). Other hosts (a relay, a test server) may well use 465.
 */
export function smtpPortWarning(smtpHost: string, smtpPort: number): string | undefined {
  const host = smtpHost.toLowerCase()
  if (smtpPort !== 465 || !CLOUD_NAMES.some((name) => CLOUDS[name].smtpHost === host)) return undefined
  return `smtp-port 465 (implicit TLS) is not a submission port Microsoft documents for ${host}: Exchange Online takes SMTP AUTH client submission on port 587 or port 25, both with STARTTLS. Leave 'smtp-port' out (587), or set it to 25 where the runner's network blocks 587.`
}
