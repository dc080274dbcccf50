import { parseIfNoFilesFound, type IfNoFilesFound } from './attachments.js'
import type { CloudName } from './clouds.js'
import { inputSecrets, secretFragments, type Credential } from './credential.js'
import { InputError } from './input-error.js'
import { parseAddresses, parseSender, type Mailbox } from './mailboxes.js'
import { parseConnection } from './connection.js'
import { parseHeaders, parseInReplyTo, parsePriority, parseVars, type ParseYaml } from './message-options.js'
import {
  inputReader,
  parseBoolean,
  parseInteger,
  parseSize,
  readRawInputs,
  splitList,
  type InputValue,
  type RawInputs
} from './read-inputs.js'
import { readTemplate, type TemplateSource } from './template-sources.js'
import { optional } from '../shared/optional.js'

/** Everything the action needs, read and validated once from the inputs. */
export interface Settings {
  /** Directory (tenant) ID or verified domain of the Entra ID tenant. */
  tenantId: string
  /** Application (client) ID of the app registration. */
  clientId: string
  /** How the app proves its identity to Entra ID. */
  credential: Credential
  /** The national cloud whose presets apply. */
  cloud: CloudName
  /** Entra ID authority host, an https origin without a trailing slash. */
  authorityHost: string
  /** OAuth scope requested: Exchange Online's for SMTP, Microsoft Graph's for Graph (or `token-scope`). */
  scope: string
  /** How the message goes: SMTP AUTH submission, or Microsoft Graph `sendMail`. */
  transport: 'smtp' | 'graph'
  /** Microsoft Graph endpoint, an https origin without a trailing slash (used with `transport: graph`). */
  graphHost: string
  /** SMTP submission host. */
  smtpHost: string
  /** SMTP port: 587 with STARTTLS, 465 with implicit TLS. */
  smtpPort: number
  /** True when TLS starts at connect (port 465) rather than by STARTTLS. */
  implicitTls: boolean
  /** HTTP CONNECT proxy for the SMTP connection (http://[user:pass@]host:port), if any. */
  smtpProxy?: string
  /** The From mailbox. */
  from: Mailbox
  /** The sending mailbox: the XOAUTH2 user= over SMTP, the `/users/{id}` of Graph (`smtp-user` or `mailbox`). */
  smtpUser: string
  /** To recipients. */
  to: Mailbox[]
  /** Cc recipients. */
  cc: Mailbox[]
  /** Bcc recipients (never written to headers). */
  bcc: Mailbox[]
  /** Reply-To addresses. */
  replyTo: Mailbox[]
  /** Subject template, or undefined for the default. */
  subject?: TemplateSource
  /** Text body template, or undefined for the default. */
  body?: TemplateSource
  /** HTML body template, if any. */
  htmlBody?: TemplateSource
  /** The body is Markdown: the HTML part is rendered from it. */
  markdown: boolean
  /** Extra template variables (`vars.*`). */
  vars: Record<string, unknown>
  /** Glob patterns of files to attach, relative to the workspace. */
  attachments: string[]
  /** What a pattern that matches no file does: warn (and send), fail the step, or nothing. */
  ifNoFilesFound: IfNoFilesFound
  /** Largest total size of the attachments, in bytes. */
  maxAttachmentBytes: number
  /** Message priority. */
  priority: 'high' | 'normal' | 'low'
  /** Message-ID this message replies to (also sets References), if any. */
  inReplyTo?: string
  /** Extra message headers. */
  headers: Record<string, string>
  /** Thread key template: messages with the same rendered key thread together. */
  threadKey?: TemplateSource
  /** The job's status as passed by the workflow (success, failure, cancelled), or empty. */
  jobStatus: string
  /** Token for the GitHub REST API (run jobs and annotations), if any. */
  githubToken: string
  /** Render and report only: no token, no connection. */
  dryRun: boolean
  /** Check the set-up only: token, claims, connection, STARTTLS, AUTH, QUIT; nothing is sent. */
  checkSetup: boolean
  /** Fail the step when some recipients were rejected. */
  failOnRejected: boolean
  /** Attempts at delivery, the first included. */
  maxAttempts: number
  /** Time budget for the whole step, in milliseconds. */
  timeoutMs: number
  /** Show the SMTP conversation (AUTH redacted) in the log. */
  debug: boolean
}

/** What parsing the inputs produced: the settings and every value to mask. */
interface ParsedSettings {
  /** The validated settings. */
  settings: Settings
  /** Secret values derived while parsing (e.g. a converted private key), to mask too. */
  derivedSecrets: string[]
}

/** What reading the inputs gave: every value to mask, and the settings or why there are none. */
type InputReading =
  | { settings: Settings; secrets: string[]; error?: undefined }
  | { settings?: undefined; secrets: string[]; error: unknown }

/**
 * Reads every input once and validates it. Nothing is printed here and @actions/core is not
 * needed: the caller masks `secrets` (every secret input, line by line, and every secret
 * derived while parsing) before it prints anything, whether or not the inputs were valid.
 */
export async function readSettings(env: NodeJS.ProcessEnv = process.env): Promise<InputReading> {
  const raw = readRawInputs(env)
  const secrets = inputSecrets(raw)
  try {
    // The YAML parser loads only for the inputs written in YAML.
    const parseYaml = raw.vars || raw.headers ? (await optional.yaml()).parse : undefined
    const workspace = env.GITHUB_WORKSPACE || process.cwd()
    const { settings, derivedSecrets } = parseSettings(raw, { workspace, ...(parseYaml ? { parseYaml } : {}) })
    return { settings, secrets: [...secrets, ...derivedSecrets.flatMap(secretFragments)] }
  } catch (error) {
    return { error, secrets }
  }
}

/** Options of parsing that come from the environment rather than the inputs. */
interface ParseOptions {
  /** Directory that file:// templates are relative to. */
  workspace: string
  /** Needed only when `vars` or `headers` is given. */
  parseYaml?: ParseYaml
}

/**
 * Validates raw inputs into settings. Pure apart from reading file:// templates. The inputs are
 * checked in a fixed order, so that of several mistakes the same one is always reported.
 */
export function parseSettings(raw: RawInputs, options: ParseOptions): ParsedSettings {
  const get = inputReader(raw)
  const derivedSecrets: string[] = []
  const connection = parseConnection(raw, derivedSecrets)
  const { from, smtpUser } = parseSender(get)
  const to = parseAddresses(get('to'), 'to')
  const cc = parseAddresses(get('cc'), 'cc')
  const bcc = parseAddresses(get('bcc'), 'bcc')
  const { checkSetup, dryRun } = parseMode(get)
  // A set-up check sends nothing, so it needs nobody to send to.
  if (!checkSetup && to.length + cc.length + bcc.length === 0) {
    throw new InputError('to', "no recipient: give at least one address in 'to', 'cc' or 'bcc'.")
  }
  const replyTo = parseAddresses(get('reply-to'), 'reply-to')
  const timeoutSeconds = parseInteger(get('timeout-seconds') || '120', 'timeout-seconds', 5, 3600)
  const priority = parsePriority(get('priority'))
  const inReplyTo = parseInReplyTo(get('in-reply-to'))

  const settings: Settings = {
    ...connection,
    from,
    smtpUser,
    to,
    cc,
    bcc,
    replyTo,
    subject: readTemplate(raw, 'subject', options.workspace),
    body: readTemplate(raw, 'body', options.workspace),
    htmlBody: readTemplate(raw, 'html-body', options.workspace),
    markdown: parseBoolean(get('markdown'), 'markdown', false),
    vars: parseVars(raw.vars ?? '', options.parseYaml),
    attachments: splitList(raw.attachments ?? ''),
    ifNoFilesFound: parseIfNoFilesFound(get('if-no-files-found')),
    maxAttachmentBytes: parseSize(get('max-attachment-size') || '25MB', 'max-attachment-size'),
    priority,
    ...(inReplyTo ? { inReplyTo } : {}),
    headers: parseHeaders(raw.headers ?? '', options.parseYaml),
    ...(get('thread-key') ? { threadKey: { input: 'thread-key' as const, text: get('thread-key') } } : {}),
    jobStatus: get('job-status').toLowerCase(),
    githubToken: get('github-token'),
    dryRun,
    checkSetup,
    failOnRejected: parseBoolean(get('fail-on-rejected'), 'fail-on-rejected', true),
    maxAttempts: parseInteger(get('max-attempts') || '3', 'max-attempts', 1, 10),
    timeoutMs: timeoutSeconds * 1000,
    debug: parseBoolean(get('debug'), 'debug', false)
  }
  return { settings, derivedSecrets }
}

/** What the run does instead of sending, if anything: a set-up check or a dry run, never both. */
function parseMode(get: InputValue): { checkSetup: boolean; dryRun: boolean } {
  const checkSetup = parseBoolean(get('check-setup'), 'check-setup', false)
  const dryRun = parseBoolean(get('dry-run'), 'dry-run', false)
  if (checkSetup && dryRun) {
    throw new InputError('check-setup', "connects and authenticates, 'dry-run' makes no request: set only one of them.")
  }
  return { checkSetup, dryRun }
}
