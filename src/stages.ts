/**
 * Everything that loads after the SMTP connection attempt has left (see main.ts): the start chunk
 * (dist/index.js) holds only what reads the inputs and dials; every import here becomes a chunk
 * ncc splits off, and lint keeps the start-chunk folders from importing any of it directly.
 *
 * This is the composition root's registry: no folder below the root imports it (lint, "Layers" in
 * CONTRIBUTING.md). What a lower stage loads later (the token client, the run's reader, MIME and
 * the recipient ledger for the Graph check) is wired here and passed down to it as an argument.
 */
import type { TokenDependencies } from './auth/tokens.js'
import type { SetupCheckDeps } from './diagnosis/check-setup.js'
import type { GraphCheckPlan } from './diagnosis/check-setup-graph.js'
import type { Settings } from './inputs/settings.js'
import type { MessageInputs } from './message/prepare.js'

/**
 * Lets the event loop poll before a chunk loads. Node resolves import() of a local file without
 * waiting on I/O, so a chain of loads would run start to end as one task: the connections opened
 * at start would get their connect, greeting and handshake only after the last load. Between
 * loads, what the network brought in meanwhile is handled first.
 */
const afterIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** msal-node, the largest chunk: loaded once the token request is under way, so nothing waits on it but AUTH. */
const tokenClient = (): Promise<typeof import('./auth/token-provider.js')> =>
  afterIo().then(() => import('./auth/token-provider.js'))
/** The run's jobs from the GitHub API, only for a message that shows them (Octokit loads later still). */
const runInfo = (): Promise<typeof import('./run-info/fetch.js')> => afterIo().then(() => import('./run-info/fetch.js'))
/** MIME composition, loading while the message renders. */
const mime = (): Promise<typeof import('./message/mime.js')> => afterIo().then(() => import('./message/mime.js'))

/**
 * The stages after the dial, in the order they load. Each is a chunk of its own: loading one
 * keeps the CPU busy, so none may load before the SMTP connection attempt has left.
 */
export const stages = {
  /**
   * The action itself (inputs, checks, nodemailer's SMTP client, the pipeline): parsed while the
   * connections that src/index.ts opened first are under way.
   */
  main: () => afterIo().then(() => import('./main.js')),
  /** First after the dial: the runner's commands (without @actions/core's HTTP stack, see report/runner-commands.ts), which mask every secret before anything is printed. */
  toolkit: () => afterIo().then(() => import('./report/toolkit.js')),
  /** The token's lifecycle, whose first request starts at once: besides the SMTP handshake, the one wait before AUTH. */
  tokens: () =>
    afterIo()
      .then(() => import('./auth/tokens.js'))
      .then((m) => ({
        ...m,
        /** The lifecycle loads the token client through its stage: auth/ does not reach up here. */
        startTokens: (settings: Settings, deps: Omit<TokenDependencies, 'loadClient'>, requestMs: () => number) =>
          m.startTokens(settings, { ...deps, loadClient: tokenClient }, requestMs)
      })),
  tokenClient,
  /** With check-setup: the checklist, instead of a message. */
  checkSetup: () => afterIo().then(() => import('./diagnosis/check-setup.js')),
  /**
   * Liquid, the default templates and rendering, while the token is on its way. Also before the
   * dial when a template has Liquid markup: a template that does not parse fails before any network use.
   */
  message: () =>
    afterIo()
      .then(() => Promise.all([import('./message/prepare.js'), import('./run-info/from-env.js')]))
      .then(([m, run]) => ({
        ...m,
        /** message/ and run-info/ sit side by side: the message gets the run's reader from here. */
        prepareMessage: (inputs: Omit<MessageInputs, 'readRun'>) =>
          m.prepareMessage({
            ...inputs,
            readRun: (kind) => run.startRunInfo(inputs.settings, kind, inputs.budget, inputs.log, runInfo)
          })
      })),
  runInfo,
  mime,
  /** Delivery with retries over the transport chosen, loading while the message renders: AUTH must not wait for it. */
  delivery: () => afterIo().then(() => import('./delivery/deliver.js')),
  /**
   * `transport: graph`: the Graph transport (its connections, opened before the token is requested;
   * its requests; Graph's retry rules), instead of the SMTP session (no SMTP connection at all).
   */
  graph: () => afterIo().then(() => import('./graph/open.js')),
  /** With check-setup over Graph: the checklist and its test message to the sending mailbox. */
  graphCheckSetup: () =>
    afterIo()
      .then(() => Promise.all([import('./diagnosis/check-setup-graph.js'), import('./delivery/recipient-ledger.js')]))
      .then(([m, { RecipientLedger }]) => ({
        ...m,
        /** diagnosis/ sits below delivery/: the check gets MIME and the recipient ledger from here. */
        runGraphSetupCheck: (plan: GraphCheckPlan, deps: SetupCheckDeps) =>
          m.runGraphSetupCheck(plan, deps, { mime, newLedger: (to) => new RecipientLedger(to) })
      })),
  /** The outputs, the job summary and the log line of a delivery. */
  report: () => afterIo().then(() => import('./report/delivery-report.js')),
  /** The report of a dry run. */
  dryRun: () => afterIo().then(() => import('./report/dry-run.js')),
  /** The diagnosis of a failure, and what got delivered before it. */
  failure: () => afterIo().then(() => import('./report/failure.js'))
}
