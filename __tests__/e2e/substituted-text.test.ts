/**
 * A migrated `body: ${{ github.event.head_commit.message }}`: the runner fills in the commit
 * message before the action starts, so the action sees it as template source. A commit message
 * with `{{`, `{%` and workflow commands must still be delivered as written, with a warning that
 * names the Liquid way, and drive nothing in the runner. A template error of the author's own
 * still fails the step.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage } from '../fakes/runner.js'
import pushEvent from '../fixtures/events/push.json' with { type: 'json' }
import { PWNED, expectOnlyOwnCommands } from './runner-safety.js'
import { startWorld, type World } from './world.js'

let world: World

beforeAll(async () => {
  world = await startWorld()
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

const MESSAGE = [
  'Render {{ user.name }} in the header',
  '',
  'Also {% if broken and {%- endraw %} {% for i in (1..100000000) %}',
  `::error::${PWNED}`,
  `::set-output name=accepted::${PWNED}`
].join('\n')
const event = {
  ...pushEvent,
  head_commit: { ...pushEvent.head_commit, message: MESSAGE },
  commits: pushEvent.commits.map((c) => ({ ...c, message: MESSAGE }))
}

describe('a commit message the runner filled in', () => {
  it('is delivered as written, with a warning that names {{ github.event.head_commit.message }}', async () => {
    const result = await world.run({
      eventName: 'push',
      event,
      // what the runner makes of `body: ${{ github.event.head_commit.message }}` (and the subject)
      inputs: world.inputs({ subject: `CI: ${MESSAGE}`, body: MESSAGE })
    })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages[0]?.parsed.text?.trim()).toBe(MESSAGE)
    expect(world.smtp.messages[0]?.parsed.subject).toMatch(
      /^CI: Render \{\{ user\.name \}\} in the header Also \{% if broken/
    )
    const view = expectOnlyOwnCommands(result, { failed: false, warnings: 2 })
    const warnings = view.named('warning').map((c) => c.data)
    expect(warnings.find((w) => w.startsWith("Input 'body'"))).toContain(
      'write {{ github.event.head_commit.message }} instead'
    )
    expect(result.outputs.accepted).toBe('dev@contoso.com')
  })

  it('threads by a thread-key the runner filled in, the commit message as written', async () => {
    const send = (message: string) =>
      world.run({
        eventName: 'push',
        event: { ...event, head_commit: { ...event.head_commit, message } },
        // what the runner makes of `thread-key: ${{ github.event.head_commit.message }}`
        inputs: world.inputs({ 'thread-key': message })
      })
    const first = await send(MESSAGE)
    expect(first.code, first.log).toBe(0)
    expect((await send(MESSAGE)).code).toBe(0)
    expect((await send('another change')).code).toBe(0)
    const [a, b, c] = world.smtp.messages.map((m) => m.parsed)
    expect(a!.headers.get('thread-topic')).toMatch(/^Render \{\{ user\.name \}\} in the header Also \{% if broken/)
    expect(a!.references).toBe(b!.references)
    expect(c!.references).not.toBe(a!.references)
    const view = expectOnlyOwnCommands(first, { failed: false, warnings: 1 })
    expect(view.named('warning')[0]?.data).toMatch(/^Input 'thread-key'/)
    expect(view.named('warning')[0]?.data).toContain('{{ github.event.head_commit.message }}')
  })

  it("keeps the author's own Liquid around it, in a dry run too", async () => {
    const result = await world.run({
      eventName: 'push',
      event,
      inputs: world.inputs({ 'dry-run': 'true', body: `{{ github.actor }} pushed:\n${MESSAGE}\n-- {{ job.status }}` })
    })
    expect(result.code, result.log).toBe(0)
    const view = expectOnlyOwnCommands(result, { failed: false, warnings: 1 })
    expect(view.shown.join('\n')).toContain(`pushed:\n${MESSAGE.split('\n')[0]}`)
    expect(view.shown.join('\n')).not.toContain('{{ github.actor }}')
  })

  it("an author's own Liquid that does not parse still fails the step, before anything is sent", async () => {
    const result = await world.run({
      eventName: 'push',
      event,
      inputs: world.inputs({ body: `${MESSAGE}\n{% if job.status == 'failure' %}Failed` })
    })
    expect(result.code).toBe(1)
    expect(failedMessage(result)).toMatch(/^Input 'body': the Liquid template does not parse/)
    expect(world.smtp.messages).toHaveLength(0)
    expect(world.endpoint.requests).toHaveLength(0)
    expectOnlyOwnCommands(result, { failed: true })
  })

  it('markup from elsewhere (a step output) in text without Liquid of its own is sent as written', async () => {
    const output = `Tests: 3 failed\n{% nosuch %} {{ a | no_filter }}\n::warning::${PWNED}`
    const result = await world.run({ eventName: 'push', event: pushEvent, inputs: world.inputs({ body: output }) })
    expect(result.code, result.log).toBe(0)
    expect(world.smtp.messages[0]?.parsed.text?.trim()).toBe(output)
    const view = expectOnlyOwnCommands(result, { failed: false, warnings: 1 })
    expect(view.named('warning')[0]?.data).toMatch(/^Input 'body' is sent as written: its Liquid failed/)
  })
})
