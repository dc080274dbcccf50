/**
 * Ports, end to end: Exchange Online takes client submission on 587 or 25 (STARTTLS), not on 465;
 * a step set to 465 with one of Microsoft's hosts warns, any other host may use 465 quietly.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, workflowCommands, type ActionResult } from '../fakes/runner.js'
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

const warnings = (result: ActionResult): string[] =>
  workflowCommands(result)
    .filter((c) => c.command === 'warning')
    .map((c) => c.message)

describe('smtp-port 465', () => {
  it.each([
    ['public', 'smtp.office365.com'],
    ['usgov', 'smtp.office365.us'],
    ['china', 'smtp.partner.outlook.cn']
  ])("warns with the %s cloud's SMTP host, and names the ports that work", async (cloud, host) => {
    const result = await world.run({
      inputs: world.inputs({ cloud, 'smtp-host': '', 'smtp-port': '465', 'dry-run': 'true' })
    })
    expect(result.code, result.log).toBe(0)
    const port = warnings(result).filter((w) => w.includes('smtp-port 465'))
    expect(port).toHaveLength(1)
    expect(port[0]).toContain(host)
    expect(port[0]).toContain('port 587 or port 25, both with STARTTLS')
  })

  it('warns for a Microsoft host written out in capitals too', async () => {
    const result = await world.run({
      inputs: world.inputs({ 'smtp-host': 'SMTP.Office365.com', 'smtp-port': '465', 'dry-run': 'true' })
    })
    expect(warnings(result).some((w) => w.includes('smtp-port 465'))).toBe(true)
  })

  it('says nothing for another host on 465, nor for Microsoft on 587 or 25', async () => {
    for (const inputs of [
      { 'smtp-host': 'relay.example.test', 'smtp-port': '465' },
      { 'smtp-host': '', 'smtp-port': '587' },
      { 'smtp-host': '', 'smtp-port': '25' }
    ]) {
      const result = await world.run({ inputs: world.inputs({ ...inputs, 'dry-run': 'true' }) })
      expect(result.code, result.log).toBe(0)
      expect(warnings(result), JSON.stringify(inputs)).toEqual([])
    }
  })
})
