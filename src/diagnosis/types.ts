/**
 * What a diagnosis is made of: the run's values that fill in the fixes, and what the step prints.
 * Below every step of a diagnosis (match, advise, format), so that none of them calls back.
 */
import type { CatalogueEntry } from './catalogue.js'
import type { TokenClaims } from '../auth/claims.js'

/** Values of the run used to fill in the fixes. */
export interface DiagnosisContext {
  tenant?: string
  clientId?: string
  mailbox?: string
  from?: string
  cloud?: string
  authorityHost?: string
  smtpHost?: string
  smtpPort?: number
  /** How the message left: SMTP (the default) or Microsoft Graph. */
  transport?: 'smtp' | 'graph'
  /** The Microsoft Graph endpoint, for transport graph. */
  graphHost?: string
  scope?: string
  audience?: string
  thumbprint?: string
  /** When the certificate of 'client-certificate' expires (its notAfter). */
  notAfter?: string
  /** Claims of the access token presented at AUTH (never the token), if it was a JWT. */
  token?: TokenClaims
  /** docs/troubleshooting.md at the version of the action that ran, if the runner said which. */
  troubleshooting?: string
}

/** What the step prints when it fails. */
export interface Diagnosis {
  /** One line: what failed. */
  headline: string
  /** The server's own words, verbatim (AADSTS text or SMTP reply), if any. */
  serverText?: string
  /** Entra's correlation ID (or Graph's request-id, client-request-id and date), for a support request. */
  correlationId?: string
  /** Entra's trace ID. */
  traceId?: string
  /** The matching catalogue entry, if the failure is a known one. */
  entry?: CatalogueEntry
  /** What it means, with the run's values filled in. */
  meaning?: string
  /** What to do, with the run's values filled in. */
  fix: string[]
  /** Extra facts (e.g. the presented OIDC claims). */
  details: string[]
  /** Where this diagnosis is explained: its section of docs/troubleshooting.md, else Microsoft's page. */
  link?: string
}
