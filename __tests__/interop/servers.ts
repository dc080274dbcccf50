/**
 * Production mail servers from Debian's packages, run as private instances for the interop suite:
 * their own config, state and queue directories under the run's temp dir, loopback ports only,
 * never the system's /etc config or services. Every process started here is recorded by PID in the
 * run dir, so the global teardown (setup.ts) can stop what a crashed test file left behind.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const DOVECOT = '/usr/sbin/dovecot'
export const POSTFIX = '/usr/sbin/postfix'
/** Size limits the instances advertise in EHLO (SIZE) */
export const DOVECOT_MAX_SIZE = 10 * 1024 * 1024
export const POSTFIX_MAX_SIZE = 10_240_000

/** A free loopback port (the OS picks one; a server started right after takes it over). */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Records a PID the global teardown must stop if the test file does not. */
function recordPid(runDir: string, name: string, pid: number): void {
  mkdirSync(join(runDir, 'pids'), { recursive: true })
  writeFileSync(join(runDir, 'pids', `${name}.pid`), String(pid))
}

function forgetPid(runDir: string, name: string): void {
  rmSync(join(runDir, 'pids', `${name}.pid`), { force: true })
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port. */
async function listening(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** Stops a process by PID: SIGTERM, then SIGKILL if it is still there after a while. */
export async function stopPid(pid: number, graceMs = 5_000): Promise<void> {
  if (!alive(pid)) return
  try {
    process.kill(pid, 'SIGTERM')
  } catch {
    return
  }
  const deadline = Date.now() + graceMs
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  if (alive(pid)) process.kill(pid, 'SIGKILL')
}

export interface PkiFiles {
  certFile: string
  keyFile: string
}

/** Writes the test PKI's server certificate and key where the servers' users can read them. */
export function writeServerPki(dir: string, pki: { serverCertPem: string; serverKeyPem: string }): PkiFiles {
  mkdirSync(dir, { recursive: true, mode: 0o755 })
  const certFile = join(dir, 'server.crt')
  const keyFile = join(dir, 'server.key')
  writeFileSync(certFile, pki.serverCertPem, { mode: 0o644 })
  // Postfix's smtpd reads the key as root before dropping privileges; Dovecot's master too.
  writeFileSync(keyFile, pki.serverKeyPem, { mode: 0o600 })
  return { certFile, keyFile }
}

export interface DovecotOptions {
  runDir: string
  /** Directory of this instance (config, base_dir, state, log) */
  dir: string
  pki: PkiFiles
  introspectionUrl: string
  /** Submission service on this port, relaying to the sink; omit for an auth-only instance */
  submission?: { port: number; relayPort: number }
  /** Where to put an auth socket for Postfix (smtpd_sasl_type = dovecot) */
  postfixAuthSocket?: string
  /** How long Dovecot waits for the introspection endpoint */
  introspectionTimeoutMs?: number
}

export interface Dovecot {
  pid: number
  port: number | undefined
  logFile: string
  log(): string
  stop(): Promise<void>
}

/**
 * Dovecot in the foreground (`-F`), so its master is our child and its PID is known. The oauth2
 * passdb validates each token with one POST to the introspection endpoint (RFC 7662), which
 * answers what the test token endpoint issued.
 */
export async function startDovecot(opts: DovecotOptions): Promise<Dovecot> {
  const { dir } = opts
  mkdirSync(dir, { recursive: true, mode: 0o755 })
  const logFile = join(dir, 'dovecot.log')
  const oauth2Conf = join(dir, 'dovecot-oauth2.conf.ext')
  writeFileSync(
    oauth2Conf,
    [
      'introspection_mode = post',
      `introspection_url = ${opts.introspectionUrl}`,
      // No tokeninfo URL: introspection is the only check, so each AUTH is exactly one request.
      'force_introspection = yes',
      'username_attribute = username',
      'active_attribute = active',
      'active_value = true',
      `timeout_msecs = ${opts.introspectionTimeoutMs ?? 3000}`,
      // A hung request must not hold up the next login's check.
      'max_parallel_connections = 10',
      ''
    ].join('\n')
  )
  const submission = opts.submission
  const home = join(dir, 'home')
  mkdirSync(home, { recursive: true, mode: 0o755 })
  const dovecotUser = await userIds('dovecot')
  chownSync(home, dovecotUser.uid, dovecotUser.gid)
  const conf = [
    `instance_name = ema-interop-${process.pid}-${Date.now()}`,
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    `log_path = ${logFile}`,
    `protocols = ${submission ? 'submission' : 'none'}`,
    'listen = 127.0.0.1',
    'hostname = localhost',
    // The submission process runs as the dovecot user, a system account below the default 500.
    'first_valid_uid = 1',
    'ssl = required',
    `ssl_cert = <${opts.pki.certFile}`,
    `ssl_key = <${opts.pki.keyFile}`,
    'ssl_min_protocol = TLSv1.2',
    'disable_plaintext_auth = yes',
    'auth_mechanisms = xoauth2 oauthbearer',
    'auth_verbose = yes',
    // The smtp-server debug category logs every command received and every reply sent: how the
    // suite sees MAIL FROM parameters and pipelining from the server's side.
    'log_debug = category=smtp-server',
    'passdb {',
    '  driver = oauth2',
    '  mechanisms = xoauth2 oauthbearer',
    `  args = ${oauth2Conf}`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=dovecot gid=dovecot home=${home}/%u`,
    '}',
    // The submission process opens the user's mail storage (for BURL), though nothing is stored.
    'mail_location = maildir:~/Maildir',
    ...(submission
      ? [
          'submission_relay_host = 127.0.0.1',
          `submission_relay_port = ${submission.relayPort}`,
          `submission_max_mail_size = ${DOVECOT_MAX_SIZE}`,
          'service submission-login {',
          '  inet_listener submission {',
          '    address = 127.0.0.1',
          `    port = ${submission.port}`,
          '  }',
          '}'
        ]
      : []),
    'service auth {',
    ...(opts.postfixAuthSocket
      ? [
          `  unix_listener ${opts.postfixAuthSocket} {`,
          '    mode = 0660',
          '    user = postfix',
          '    group = postfix',
          '  }'
        ]
      : []),
    '}',
    ''
  ].join('\n')
  const confFile = join(dir, 'dovecot.conf')
  writeFileSync(confFile, conf)

  // A socket left by an earlier instance would look ready before this one is.
  if (opts.postfixAuthSocket) rmSync(opts.postfixAuthSocket, { force: true })
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', confFile], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const pid = child.pid
  if (pid === undefined) throw new Error(`could not start ${DOVECOT}`)
  recordPid(opts.runDir, 'dovecot-' + pid, pid)
  let exited = false
  child.once('exit', () => (exited = true))

  const ready = async (): Promise<boolean> => {
    if (exited) throw new Error(`dovecot exited at start-up: ${output}${readIfExists(logFile)}`)
    if (submission) return listening(submission.port)
    return opts.postfixAuthSocket ? existsSync(opts.postfixAuthSocket) : true
  }
  await waitFor('dovecot to listen', ready)
  return {
    pid,
    port: submission?.port,
    logFile,
    log: () => readIfExists(logFile),
    async stop() {
      await stopPid(pid)
      forgetPid(opts.runDir, 'dovecot-' + pid)
    }
  }
}

export interface PostfixOptions {
  runDir: string
  dir: string
  pki: PkiFiles
  port: number
  relayPort: number
  /** Dovecot's auth socket (absolute path) */
  saslSocket: string
}

export interface Postfix {
  pid: number
  port: number
  logFile: string
  log(): string
  stop(): Promise<void>
}

/**
 * Postfix with its own config_directory and queue_directory. The config directory must hold no
 * queue (postfix-script checks that everything under it belongs to root); the queue directory is
 * root's and Postfix creates its subdirectories for the postfix user; data_directory is postfix's.
 */
export async function startPostfix(opts: PostfixOptions): Promise<Postfix> {
  const etc = join(opts.dir, 'etc')
  const queue = join(opts.dir, 'spool')
  const data = join(opts.dir, 'data')
  for (const d of [opts.dir, etc, queue, data]) mkdirSync(d, { recursive: true, mode: 0o755 })
  const { uid, gid } = await userIds('postfix')
  chownSync(data, uid, gid)
  const logFile = join(opts.dir, 'postfix.log')
  const main = [
    'compatibility_level = 3.6',
    `queue_directory = ${queue}`,
    `data_directory = ${data}`,
    'mail_owner = postfix',
    'setgid_group = postdrop',
    'myhostname = localhost',
    'mydomain = localdomain',
    'myorigin = localhost',
    // Relay everything to the sink; nothing is local, no aliases, no system files.
    'mydestination =',
    'local_recipient_maps =',
    'alias_maps =',
    'alias_database =',
    'mynetworks =',
    'inet_interfaces = 127.0.0.1',
    'inet_protocols = ipv4',
    `relayhost = [127.0.0.1]:${opts.relayPort}`,
    'smtp_tls_security_level = none',
    `smtpd_tls_cert_file = ${opts.pki.certFile}`,
    `smtpd_tls_key_file = ${opts.pki.keyFile}`,
    'smtpd_tls_security_level = may',
    'smtpd_tls_auth_only = yes',
    'smtpd_sasl_auth_enable = yes',
    'smtpd_sasl_type = dovecot',
    `smtpd_sasl_path = ${opts.saslSocket}`,
    'smtpd_relay_restrictions = permit_sasl_authenticated, reject',
    'smtpd_recipient_restrictions =',
    `message_size_limit = ${POSTFIX_MAX_SIZE}`,
    // Logs to a file, not syslog; debug_peer_list makes smtpd log every command and reply.
    `maillog_file = ${logFile}`,
    `maillog_file_prefixes = ${opts.dir}`,
    'debug_peer_list = 127.0.0.1',
    // One client per smtpd process: each session opens its own connection to Dovecot's auth
    // socket, so a restarted Dovecot (a test that needs no login penalties) is no lost connection.
    'max_use = 1',
    'biff = no',
    ''
  ].join('\n')
  writeFileSync(join(etc, 'main.cf'), main)
  // No chroot: Dovecot's socket and the log file are outside the queue directory.
  const services = [
    `127.0.0.1:${opts.port} inet n - n - - smtpd`,
    'pickup unix n - n 60 1 pickup',
    'cleanup unix n - n - 0 cleanup',
    'qmgr unix n - n 300 1 qmgr',
    'tlsmgr unix - - n 1000? 1 tlsmgr',
    'rewrite unix - - n - - trivial-rewrite',
    'bounce unix - - n - 0 bounce',
    'defer unix - - n - 0 bounce',
    'trace unix - - n - 0 bounce',
    'verify unix - - n - 1 verify',
    'flush unix n - n 1000? 0 flush',
    'proxymap unix - - n - - proxymap',
    'smtp unix - - n - - smtp',
    'relay unix - - n - - smtp',
    'showq unix n - n - - showq',
    'error unix - - n - - error',
    'retry unix - - n - - error',
    'discard unix - - n - - discard',
    'anvil unix - - n - 1 anvil',
    'scache unix - - n - 1 scache',
    'postlog unix-dgram n - n - 1 postlogd',
    ''
  ]
  writeFileSync(join(etc, 'master.cf'), services.join('\n'))

  const pidFile = join(queue, 'pid', 'master.pid')
  try {
    await run(POSTFIX, ['-c', etc, 'start'], { timeout: 60_000 })
  } catch (err) {
    throw new Error(`postfix -c ${etc} start failed: ${String(err)}\n${readIfExists(logFile)}`)
  }
  await waitFor('postfix master.pid', () => readPid(pidFile) !== undefined)
  const pid = readPid(pidFile)!
  recordPid(opts.runDir, 'postfix-' + pid, pid)
  writeFileSync(join(opts.runDir, 'pids', `postfix-${pid}.conf`), etc)
  await waitFor('postfix to listen', () => listening(opts.port))
  return {
    pid,
    port: opts.port,
    logFile,
    log: () => readIfExists(logFile),
    async stop() {
      await stopPostfix(etc, pid)
      forgetPid(opts.runDir, 'postfix-' + pid)
      rmSync(join(opts.runDir, 'pids', `postfix-${pid}.conf`), { force: true })
    }
  }
}

/** `postfix -c DIR stop`, then the master's PID as a fallback. */
export async function stopPostfix(etc: string, pid: number): Promise<void> {
  if (!alive(pid)) return
  await run(POSTFIX, ['-c', etc, 'stop'], { timeout: 20_000 }).catch(() => undefined)
  await stopPid(pid)
}

function readPid(file: string): number | undefined {
  const text = readIfExists(file).trim()
  const pid = Number(text)
  return text && Number.isInteger(pid) && pid > 0 ? pid : undefined
}

export function readIfExists(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

async function userIds(user: string): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])])
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) }
}
