import { smtpPortWarning } from '../inputs/clouds.js'
import type { Settings } from '../inputs/settings.js'
import { Log } from './log.js'
import * as core from './runner-commands.js'

/** What the stages after the dial use of the runner's toolkit besides printing. */
export type Toolkit = Pick<typeof core, 'setOutput' | 'summary' | 'getIDToken'>

/** What the toolkit needs of the run as boot left it (src/boot/boot.ts's Booted has this shape). */
export interface ToolkitStart {
  /** The settings, when every input was valid. */
  settings?: Settings
  /** Every value to mask, whether or not the inputs were valid. */
  secrets: string[]
  /** Warnings found before anything could print them. */
  warnings: string[]
  /** The SMTP conversation so far, held until the log can print it. */
  transcript: { attach(sink: (line: string) => void): void }
}

/**
 * Loads the runner's toolkit (the first thing after the dial) and makes the one printer. Before
 * anything is printed, every secret is masked, whether or not the inputs were valid; then the
 * settings are logged and the SMTP conversation held since the dial is let through.
 */
export function startToolkit(booted: ToolkitStart): { core: Toolkit; log: Log } {
  for (const secret of booted.secrets) core.setSecret(secret)
  const log = new Log(core, booted.settings ? blindCopies(booted.settings) : [])
  const settings = booted.settings
  if (settings) {
    logSettings(log, settings)
    booted.transcript.attach((line) => (settings.debug ? log.info(line) : log.debug(line)))
  }
  for (const warning of booted.warnings) log.warning(warning)
  return { core, log }
}

/** Bcc recipients that are not also To or Cc recipients: their addresses are never shown. */
function blindCopies(settings: Settings): string[] {
  const visible = new Set([...settings.to, ...settings.cc].map((m) => m.address.toLowerCase()))
  return settings.bcc.map((m) => m.address).filter((address) => !visible.has(address.toLowerCase()))
}

function logSettings(log: Log, settings: Settings): void {
  log.infoGroup(
    'Settings',
    [
      `Cloud: ${settings.cloud} · authority ${settings.authorityHost} · ${settings.transport === 'graph' ? `Microsoft Graph ${settings.graphHost}` : `SMTP ${settings.smtpHost}:${settings.smtpPort}`}`,
      `Credential: ${describeCredential(settings)} · app ${settings.clientId} · tenant ${settings.tenantId}`
    ].join('\n')
  )
  log.debug(`Token scope: ${settings.scope}; sending mailbox: ${settings.smtpUser}`)
  const port = settings.transport === 'smtp' ? smtpPortWarning(settings.smtpHost, settings.smtpPort) : undefined
  if (port) log.warning(port)
}

function describeCredential(settings: Settings): string {
  const c = settings.credential
  if (c.kind === 'secret') return 'client secret'
  if (c.kind === 'certificate') return `certificate ${c.thumbprintSha256.toUpperCase()} (${c.subject})`
  return `GitHub OIDC federation (audience ${c.audience})`
}
