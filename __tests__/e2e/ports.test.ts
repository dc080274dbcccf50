/**
 * Ports, end to end: Exchange Online takes client submission on 587 or 25 (STARTTLS), not on 465;
 * a step set to 465 with one of Microsoft's hosts warns, any other host may use 465 quietly. And
 * the corporate proxy that allows CONNECT to 443 only.
 */
import http from 'node:http'
import type net from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage, workflowCommands, type ActionResult } from '../fakes/runner.js'
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

describe('a proxy that allows CONNECT to port 443 only', () => {
  let proxy: http.Server
  let url = ''
  const asked: string[] = []

  beforeAll(async () => {
    // Squid's default rule: http_access deny CONNECT !SSL_ports
    proxy = http.createServer((_req, res) => res.writeHead(405).end())
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      asked.push(req.url ?? '')
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n')
    })
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok))
    url = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`
  })
  afterAll(async () => {
    proxy?.closeAllConnections()
    await new Promise<void>((ok) => proxy?.close(() => ok()))
  })

  it('fails the step at once, naming the refusal, the port to allow and the other ways', async () => {
    const result = await world.run({
      inputs: world.inputs({ 'smtp-host': 'smtp.example.test', 'smtp-port': '587', 'smtp-proxy': url })
    })
    expect(result.code).toBe(1)
    expect(asked).toEqual(['smtp.example.test:587']) // refused for good: not asked again
    const error = failedMessage(result)
    expect(error).toContain('Invalid response from proxy: 403')
    expect(error).toContain('most corporate proxies allow CONNECT only to port 443')
    expect(error).toContain('allow CONNECT to smtp.example.test port 587')
    expect(error).toContain('Diagnosis (Proxy refused CONNECT)')
    expect(world.smtp.sessions).toBe(0)
  })
})
