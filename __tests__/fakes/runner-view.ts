/**
 * What the GitHub Actions runner does with a step's output, modelled on actions/runner
 * (ProcessInvoker, ActionCommandManager, ActionCommand): it reads stdout and stderr line by line
 * (StreamReader.ReadLine: a line ends at \n, \r or \r\n), and takes a line for a workflow
 * command when, after leading blanks, it starts with `::name props::data`, or when it holds
 * `##[name props]data` anywhere (the old syntax), for a registered command name (any case).
 * `::stop-commands::TOKEN` stops all processing until a command named TOKEN comes; `add-mask`
 * hides a value in every later line. Tests assert on what the runner would execute and show.
 */

/** The command names the runner knows (ActionCommandManager's extensions). */
export const RUNNER_COMMANDS = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo'
] as const

/** A command the runner executed. */
export interface ExecutedCommand {
  /** Lower-cased name. */
  name: string
  properties: Record<string, string>
  data: string
  /** The line it came from. */
  line: string
}

/** What the runner made of a step's output. */
export interface RunnerView {
  /** Commands executed, in order (stop-commands and their resumes included). */
  commands: ExecutedCommand[]
  /** Values registered with add-mask. */
  masks: string[]
  /** Lines shown in the log that were not commands, with masks applied. */
  shown: string[]
  /** Still inside a stop-commands block at the end: every later command of the action was lost. */
  stoppedAtEnd: boolean
  /** Commands of one name. */
  named(name: string): ExecutedCommand[]
}

// .NET's String.TrimStart() trims Char.IsWhiteSpace characters
const LEADING_BLANKS = /^[\s\u0085\u180e]+/

function unescape(text: string, property: boolean): string {
  let out = text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n')
  if (property) out = out.replace(/%3A/gi, ':').replace(/%2C/gi, ',')
  return out.replace(/%25/g, '%')
}

/**
 * `name props` between the command markers: the name (any case, registered) and its properties,
 * `key=value` pairs separated by `separator` (`,` in the :: syntax, `;` in the ##[ one).
 */
function commandInfo(
  info: string,
  separator: string,
  known: Set<string>
): Pick<ExecutedCommand, 'name' | 'properties'> | undefined {
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!known.has(name)) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(separator)
      .filter(Boolean)) {
      const eq = pair.indexOf('=')
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true)
    }
  }
  return { name, properties }
}

function parseV2(line: string, known: Set<string>): ExecutedCommand | undefined {
  const text = line.replace(LEADING_BLANKS, '')
  if (!text.startsWith('::')) return undefined
  const end = text.indexOf('::', 2)
  if (end < 0) return undefined
  const info = commandInfo(text.slice(2, end), ',', known)
  return info && { ...info, data: unescape(text.slice(end + 2), false), line }
}

function parseV1(line: string, known: Set<string>): ExecutedCommand | undefined {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const close = line.indexOf(']', start)
  if (close < 0) return undefined
  const info = commandInfo(line.slice(start + 3, close), ';', known)
  return info && { ...info, data: unescape(line.slice(close + 1), false), line }
}

/** Reads a step's output as the runner does: stdout, then stderr, through one command processor. */
export function runnerView(stdout: string, stderr = ''): RunnerView {
  const known = new Set<string>(RUNNER_COMMANDS)
  const commands: ExecutedCommand[] = []
  const masks: string[] = []
  const shown: string[] = []
  let stopToken: string | undefined
  const mask = (line: string): string =>
    masks.reduce((text, value) => (value ? text.split(value).join('***') : text), line)

  for (const stream of [stdout, stderr]) {
    const lines = stream.split(/\r\n|\r|\n/)
    if (lines[lines.length - 1] === '') lines.pop()
    for (const line of lines) {
      const command = line ? (parseV2(line, known) ?? parseV1(line, known)) : undefined
      if (stopToken !== undefined) {
        if (command && command.name === stopToken) {
          known.delete(stopToken)
          stopToken = undefined
          commands.push(command)
        } else {
          shown.push(mask(line))
        }
        continue
      }
      if (!command) {
        shown.push(mask(line))
        continue
      }
      commands.push(command)
      if (command.name === 'stop-commands') {
        stopToken = command.data.toLowerCase()
        known.add(stopToken)
      } else if (command.name === 'add-mask' && command.data.trim()) {
        masks.push(command.data)
      }
    }
  }
  return {
    commands,
    masks,
    shown,
    stoppedAtEnd: stopToken !== undefined,
    named: (name) => commands.filter((c) => c.name === name)
  }
}
