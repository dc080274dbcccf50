/**
 * A matrix of failing jobs, each sending its failure mail at once, against Exchange Online's
 * limit of 3 concurrent SMTP sessions per mailbox (432 4.3.2 beyond). Every run must deliver its
 * message exactly once. Repeated so that a loss rate of 1 % would show: 100 deliveries in all,
 * 5 trials of 20 runs (on Node 24, GitHub's runtime for the action, as all of `npm test`;
 * CONCURRENCY_TRIALS overrides the count).
 * Each run costs the machine close to a second of CPU, so the wall time follows the machine's
 * load: about 10 s a trial on two idle cores, several times that on a busy one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp } from '../fakes/runner.js'
import { startWorld, type World } from './world.js'

const RUNS = 20
const TRIALS = Number(process.env.CONCURRENCY_TRIALS) || 5
const LIMIT = 3

let world: World

beforeAll(async () => {
  world = await startWorld({ maxSessionsPerMailbox: LIMIT })
})
afterAll(async () => {
  await world?.close()
  cleanupRunnerTemp()
})

/** A realistic session: the server takes 300–800 ms to accept the message. */
const hold = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 500))

describe(`${RUNS} runs at once against ${LIMIT} sessions per mailbox`, () => {
  it(
    `delivers every message exactly once (${TRIALS} trial(s) of ${RUNS})`,
    async () => {
      const started = Date.now()
      let refused = 0
      for (let trial = 1; trial <= TRIALS; trial++) {
        world.reset()
        let open = 0
        let most = 0
        world.hooks.onMailFrom = () => {
          most = Math.max(most, ++open)
          return undefined
        }
        world.hooks.onData = async () => {
          await hold()
          open--
          return undefined
        }
        const subjects = Array.from({ length: RUNS }, (_, i) => `Trial ${trial} job ${i + 1} failed`)
        const results = await Promise.all(
          subjects.map((subject) =>
            world.run({
              // a generous budget: twenty processes starting at once on a loaded machine are slow
              inputs: world.inputs({ subject, body: 'The build failed.', 'timeout-seconds': '300' }),
              timeoutMs: 320_000
            })
          )
        )
        for (const result of results) expect(result.code, result.log).toBe(0)
        const received = world.smtp.messages.map((m) => m.parsed.subject).sort()
        expect(received).toEqual([...subjects].sort()) // each exactly once, none lost
        expect(most).toBeLessThanOrEqual(LIMIT)
        refused += world.smtp.authAttempts.filter((a) => !a.ok).length
        for (const result of results) world.expectNoSecrets(result)
      }
      // the limit was really hit: otherwise this would prove nothing
      expect(refused).toBeGreaterThan(0)
      console.log(
        `concurrency: ${TRIALS * RUNS} deliveries in ${TRIALS} trial(s), ${refused} refused with 432 4.3.2, ${Date.now() - started} ms`
      )
    },
    TRIALS * 320_000
  )
})
