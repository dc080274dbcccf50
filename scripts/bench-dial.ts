/**
 * Time-to-dial, for npm run bench: how long after its process is spawned the action's SMTP
 * connection and its token endpoint's connection reach their listeners, each against a bare Node
 * process that does nothing but open a socket. Paired runs, interleaved (bare, action, bare, …),
 * so that a noisy neighbour on the machine weighs on both sides alike.
 *
 * The listeners accept and stay silent: no greeting, no TLS. The process is killed once both
 * connections (or only the SMTP one, for the bare process) have arrived.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface DialTimes {
  /** Median ms from spawn to the bare Node's connection. */
  bare: number
  /** Median ms from spawn to the action's SMTP connection (or, with Graph, the graph-host one). */
  smtp: number
  /** Median ms from spawn to the action's connection to the token endpoint. */
  token: number
  /** Median of the paired differences, action SMTP dial − bare. */
  smtpOverBare: number
  /** Median of the paired differences, token endpoint dial − bare. */
  tokenOverBare: number
}

interface Listener {
  port: number
  next(): Promise<number>
  close(): Promise<void>
}

/** A TCP listener that notes when each connection arrives (performance.now()) and holds it silent. */
async function listener(): Promise<Listener> {
  let waiting: ((at: number) => void) | undefined
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    const at = performance.now()
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
    waiting?.(at)
    waiting = undefined
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return {
    port: (server.address() as net.AddressInfo).port,
    next: () => new Promise<number>((resolve) => (waiting = resolve)),
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise<void>((ok) => server.close(() => ok()))
    }
  }
}

/** Spawns, waits for each listener's next connection (10 s at most), kills; ms from spawn to each. */
async function timeDials(start: () => ReturnType<typeof spawn>, listeners: Listener[]): Promise<number[]> {
  const arrivals = listeners.map((l) => l.next())
  const started = performance.now()
  const child = start()
  const limit = new Promise<number>((resolve) => setTimeout(() => resolve(NaN), 10_000).unref())
  const times = await Promise.all(arrivals.map((a) => Promise.race([a, limit])))
  child.kill('SIGKILL')
  await new Promise((ok) => (child.exitCode !== null ? ok(undefined) : child.once('exit', ok)))
  return times.map((t) => t - started)
}

const median = (xs: number[]): number => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** Paired runs of a bare Node socket and the action (SMTP, or `transport: graph` when `graph`). */
export async function benchDial(opts: {
  nodeBinary: string
  actionPath: string
  caFile: string
  runs: number
  inputs: Record<string, string>
  graph?: boolean
}): Promise<DialTimes> {
  const mail = await listener()
  const token = await listener()
  const workspace = mkdtempSync(path.join(tmpdir(), 'bench-dial-'))
  const event = path.join(workspace, 'event.json')
  writeFileSync(event, '{}')
  const base = { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_EXTRA_CA_CERTS: opts.caFile }
  const inputs: Record<string, string> = {
    ...opts.inputs,
    'authority-host': `https://localhost:${token.port}`,
    ...(opts.graph
      ? { transport: 'graph', 'graph-host': `https://localhost:${mail.port}` }
      : { 'smtp-host': 'localhost', 'smtp-port': String(mail.port) })
  }
  const env: Record<string, string> = {
    ...base,
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_PATH: event,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    RUNNER_TEMP: workspace
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const bareScript = `require('node:net').connect({ host: 'localhost', port: ${mail.port}, autoSelectFamily: true }).on('error', () => {})`
  const bare: number[] = []
  const smtp: number[] = []
  const tok: number[] = []
  for (let i = 0; i < opts.runs; i++) {
    const [b] = await timeDials(
      () => spawn(opts.nodeBinary, ['-e', bareScript], { env: base, stdio: 'ignore' }),
      [mail]
    )
    const [s, t] = await timeDials(
      () => spawn(opts.nodeBinary, [opts.actionPath], { env, cwd: workspace, stdio: 'ignore' }),
      [mail, token]
    )
    bare.push(b!)
    smtp.push(s!)
    tok.push(t!)
  }
  await Promise.all([mail.close(), token.close()])
  rmSync(workspace, { recursive: true, force: true })
  return {
    bare: median(bare),
    smtp: median(smtp),
    token: median(tok),
    smtpOverBare: median(smtp.map((s, i) => s - bare[i]!)),
    tokenOverBare: median(tok.map((t, i) => t - bare[i]!))
  }
}
