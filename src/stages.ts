/**
 * Everything that loads after the SMTP connection attempt has left (see main.ts): the start chunk
 * (dist/index.js) holds only what reads the inputs and dials; every import here becomes a chunk
 * ncc splits off, and lint keeps the start-chunk folders from importing any of it directly.
 */
import { lazy } from './shared/lazy.js'

/**
 * Optional features: loaded on first use, once, and only by a run that uses them.
 */
export const optional = {
  /** The YAML parser, for the `vars` and `headers` inputs. */
  yaml: lazy(() => import('yaml')),
  /** Glob patterns of the `attachments` input. */
  glob: lazy(() => import('@actions/glob')),
  /** Markdown bodies. */
  marked: lazy(() => import('marked')),
  /** The text part of a message given only as HTML. */
  htmlToText: lazy(() => import('html-to-text')),
  /** Octokit, to read the run's jobs for the message. */
  octokit: lazy(() => Promise.all([import('@actions/github'), import('@actions/github/lib/utils')]))
}

/**
 * The stages after the dial, in the order they load. Each is a chunk of its own: loading one
 * keeps the CPU busy, so none may load before the SMTP connection attempt has left.
 */
export const stages = {
  /** First after the dial: the runner's toolkit (@actions/core and its HTTP stack, some 40 ms), which masks every secret before anything is printed. */
  toolkit: () => import('./report/toolkit.js'),
  /** The token's lifecycle, whose first request starts at once: besides the SMTP handshake, the one wait before AUTH. */
  tokens: () => import('./auth/tokens.js'),
  /** msal-node, the largest chunk: loaded once the token request is under way, so nothing waits on it but AUTH. */
  tokenClient: () => import('./auth/token-provider.js'),
  /** With check-setup: the checklist, instead of a message. */
  checkSetup: () => import('./diagnosis/check-setup.js'),
  /**
   * Liquid, the default templates and rendering, while the token is on its way. Also before the
   * dial when a template has Liquid markup: a template that does not parse fails before any network use.
   */
  message: () => import('./message/prepare.js'),
  /** The run's jobs from the GitHub API, only for a message that shows them (Octokit loads later still). */
  runInfo: () => import('./run-info/fetch.js'),
  /** MIME composition, loading while the message renders. */
  mime: () => import('./message/mime.js'),
  /** Delivery with retries, loading while the message renders: AUTH must not wait for it. */
  delivery: () => import('./delivery/deliver.js'),
  /** `transport: graph`: the pipeline over Microsoft Graph, instead of the SMTP session (no SMTP connection at all). */
  graph: () => import('./graph/run.js'),
  /** With check-setup over Graph: the checklist and its test message to the sending mailbox. */
  graphCheckSetup: () => import('./diagnosis/check-setup-graph.js'),
  /** The outputs, the job summary and the log line of a delivery. */
  report: () => import('./report/delivery-report.js'),
  /** The report of a dry run. */
  dryRun: () => import('./report/dry-run.js'),
  /** The diagnosis of a failure, and what got delivered before it. */
  failure: () => import('./report/failure.js')
}
