/**
 * The step always ends. @actions/http-client answers its socket timeout with a half-close, a
 * silent peer may keep a socket open for hours, and a stalled TLS-inspecting proxy never lets go:
 * any of them would keep Node's event loop, and with it the runner and its billed minutes, alive
 * until the job's 6-hour timeout. So the run does not wait for its sockets to drain: once the log,
 * the outputs and the summary are written, the process exits. A watchdog past the budget ends it
 * even if some await of the run itself never settles.
 */

/** How long the log may take to reach the runner before the process exits anyway. */
const FLUSH_LIMIT_MS = 500

/** Past the budget, how long the run may still take to report before the watchdog ends it. */
export const WATCHDOG_GRACE_MS = 1500

/**
 * Exits once stdout and stderr have handed over what was written to them (pipes are asynchronous
 * on some platforms), with the exit code the run set (core.setFailed sets 1).
 */
export async function endProcess(): Promise<never> {
  // Not printing: waiting for what the printer wrote to leave the process.
  // eslint-disable-next-line no-restricted-properties
  await Promise.all([flushed(process.stdout), flushed(process.stderr)])
  process.exit()
}

/**
 * Arms the watchdog: at `deadline` (epoch milliseconds) it fails the step, unless the run has
 * already failed it, and ends the process. Returns the function that disarms it.
 */
export function armWatchdog(deadline: number, timeoutSeconds: number): () => void {
  const timer = setTimeout(
    () => {
      // The run has not failed the step yet: say why it ends now, in the runner's own syntax.
      if (process.exitCode === undefined || process.exitCode === 0) {
        process.exitCode = 1
        // A fixed text of the action's own, printed when the run that owns the printer is stuck.
        // eslint-disable-next-line no-restricted-properties
        process.stdout.write(
          `::error::The step did not finish within timeout-seconds (${timeoutSeconds} s) and was stopped: a server or proxy it was waiting for never answered.\n`
        )
      }
      void endProcess()
    },
    Math.max(0, deadline - Date.now())
  )
  return () => clearTimeout(timer)
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const limit = setTimeout(resolve, FLUSH_LIMIT_MS)
    stream.write('', () => {
      clearTimeout(limit)
      resolve()
    })
  })
}
