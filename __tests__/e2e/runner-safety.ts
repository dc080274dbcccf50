/**
 * What the runner would do with a run's output (fakes/runner-view.ts), asserted for the
 * attacker's tests: the only commands executed are the action's own.
 */
import { expect } from 'vitest'
import type { ActionResult } from '../fakes/runner.js'
import { runnerView, type RunnerView } from '../fakes/runner-view.js'

/** The attacker's mark: every hostile payload in these tests carries it. */
export const PWNED = 'PWNED'

/** The log groups the action opens. */
const OWN_GROUPS = ['Settings', 'Render message', 'Send', 'Dry run: the message that would be sent', 'Set-up check']

/**
 * Asserts that the runner executed nothing the attacker wrote: no output, state, env, path or
 * matcher commands at all; masks, groups, warnings and errors only the action's own; and command
 * processing on at the end (no stop-commands left open), with the failure's `::error::` executed.
 */
export function expectOnlyOwnCommands(
  result: ActionResult,
  expected: { failed: boolean; warnings?: number }
): RunnerView {
  const view = runnerView(result.stdout, result.stderr)
  expect(view.stoppedAtEnd, 'command processing must be on at the end').toBe(false)
  const forbidden = ['set-output', 'save-state', 'set-env', 'add-path', 'add-matcher', 'remove-matcher', 'echo']
  expect(view.commands.filter((c) => forbidden.includes(c.name))).toEqual([])
  expect(view.masks.filter((m) => m.includes(PWNED))).toEqual([])
  expect(
    view
      .named('group')
      .map((c) => c.data)
      .filter((name) => !OWN_GROUPS.includes(name))
  ).toEqual([])
  expect(view.named('group')).toHaveLength(view.named('endgroup').length)
  expect(view.named('notice')).toEqual([])
  expect(view.named('error'), result.stdout).toHaveLength(expected.failed ? 1 : 0)
  expect(view.named('warning')).toHaveLength(expected.warnings ?? 0)
  // a command line carrying the mark is one of the action's own escaped one-liners (the debug
  // transcript, the failure quoting the server), or the fence the action opened around it
  for (const command of view.commands.filter((c) => c.line.includes(PWNED))) {
    expect(['debug', 'error', 'warning'], command.line).toContain(command.name)
    expect(command.line.startsWith(`::${command.name}::`), command.line).toBe(true)
  }
  for (const stop of view.named('stop-commands')) expect(stop.data).toMatch(/^ema-[0-9a-f]{32}$/)
  return view
}
