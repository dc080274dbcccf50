/**
 * The runner's toolkit without its HTTP stack. `@actions/core`'s entry imports its OIDC client
 * statically, and with it @actions/http-client and undici: some 900 KB that V8 would parse and
 * run on every start (about 20 ms of CPU, on the critical path of a send) though only
 * `getIDToken` uses them. The commands below are core's own functions, built from the modules
 * core builds them from (escaping, file commands and their delimiters, the job summary), so what
 * the runner reads is byte for byte what core writes (`__tests__/report/runner-commands.test.ts`
 * holds the two side by side); core itself loads only for an OIDC token.
 *
 * Those modules are not in core's `exports` map, hence the paths into node_modules: the bundle
 * resolves them at build time, and the test above fails if a new core moves or changes them.
 */
import { EOL } from 'node:os'
import type { AnnotationProperties } from '@actions/core'
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js'
import { issueFileCommand, prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js'
import { summary } from '../../node_modules/@actions/core/lib/summary.js'
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js'
import { optional } from '../shared/optional.js'

export { summary }

/** core.setSecret: the runner masks `secret` in everything printed after this line. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

/** core.setOutput: through the GITHUB_OUTPUT file, or the old command when the runner gives none. */
export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
  process.stdout.write(EOL)
  issueCommand('set-output', { name }, toCommandValue(value))
}

/** core.setFailed: the step fails with `message` as its error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1
  annotate('error', message)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  annotate('warning', message, properties)
}

export function startGroup(name: string): void {
  issue('group', name)
}

export function endGroup(): void {
  issue('endgroup')
}

/** core.getIDToken: the runner's OIDC token, the one use of core's HTTP stack (loaded now). */
export async function getIDToken(audience?: string): Promise<string> {
  return (await optional.actionsCore()).getIDToken(audience)
}

function annotate(kind: 'error' | 'warning', message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand(kind, toCommandProperties(properties), message instanceof Error ? message.toString() : message)
}
