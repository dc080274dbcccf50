/**
 * Messages over Graph's limit of one request, end to end: with Mail.ReadWrite (Entra consent or
 * RBAC only) a draft and upload sessions; without it a refusal before any upload that names both
 * sizes and the ways out.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanupRunnerTemp, failedMessage } from '../fakes/runner.js'
import {
  CONSENT_APP,
  RBAC_APP,
  RBAC_READWRITE_APP,
  READWRITE_APP,
  startGraphWorld,
  type GraphWorld
} from './graph-world.js'

let world: GraphWorld
let workspace: string
/** 7 MB of incompressible bytes: three upload chunks. */
const big = randomBytes(7 * 1024 * 1024)
/** Small enough to stay in the draft's MIME. */
const small = Buffer.from('lines: 93.1%\n')

beforeAll(async () => {
  world = await startGraphWorld()
  workspace = mkdtempSync(path.join(tmpdir(), 'graph-large-'))
  mkdirSync(path.join(workspace, 'reports'))
  writeFileSync(path.join(workspace, 'reports/trace.bin'), big)
  writeFileSync(path.join(workspace, 'reports/coverage.txt'), small)
})
beforeEach(() => world.reset())
afterAll(async () => {
  await world?.close()
  rmSync(workspace, { recursive: true, force: true })
  cleanupRunnerTemp()
})

const send = (clientId: string) =>
  world.run({
    cwd: workspace,
    timeoutMs: 60_000,
    inputs: world.inputs({
      'client-id': clientId,
      attachments: 'reports/*',
      bcc: 'audit@contoso.com',
      subject: 'Nightly trace',
      body: 'Attached.'
    })
  })

describe('the limit of one request is measured on the request body, after base64', () => {
  const attach = async (bytes: number, clientId: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'graph-measure-'))
    writeFileSync(path.join(dir, 'report.bin'), randomBytes(bytes))
    try {
      return await world.run({
        cwd: dir,
        timeoutMs: 60_000,
        inputs: world.inputs({ 'client-id': clientId, attachments: 'report.bin', body: 'Attached.' })
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  it('a 2.5 MB file, under 4 MB itself, is over the limit as a request: not posted whole, and refused without Mail.ReadWrite', async () => {
    const result = await attach(2_500_000, CONSENT_APP)
    expect(result.code).toBe(1)
    // base64 of a MIME whose attachment is base64 already: about 4.6 MB
    expect(failedMessage(result) ?? '').toMatch(
      /The message is 4\.[5-9] MB as a Microsoft Graph request, over the 4\.0 MB/
    )
    expect(world.graph.requests.filter((r) => r.path.endsWith('/sendMail'))).toHaveLength(0)
    expect(world.graph.messages).toHaveLength(0)
  })

  it('a 1.9 MB file fits: one sendMail, its body under the limit', async () => {
    const result = await attach(1_900_000, CONSENT_APP)
    expect(result.code, result.log).toBe(0)
    const posts = world.graph.requests.filter((r) => r.path.endsWith('/sendMail'))
    expect(posts).toHaveLength(1)
    expect(posts[0]!.bodyBytes).toBeGreaterThan(3_400_000)
    expect(posts[0]!.bodyBytes).toBeLessThanOrEqual(4_000_000)
    expect(world.graph.messages[0]?.via).toBe('sendMail')
  })
})

describe('a message over the limit of one request', () => {
  it.each([
    ['Entra consent for Mail.ReadWrite', READWRITE_APP],
    ['RBAC only (no role in the token)', RBAC_READWRITE_APP]
  ])('goes as a draft with its large attachment uploaded in order, without the token (%s)', async (_what, app) => {
    const result = await send(app)
    expect(result.code, result.log).toBe(0)
    expect(world.graph.messages).toHaveLength(1)
    const sent = world.graph.messages[0]!
    expect(sent.via).toBe('draft')
    // the recipient gets both files, byte for byte: the small one in the draft, the large one uploaded
    expect(sent.parsed.attachments.map((a) => a.filename)).toEqual(['coverage.txt'])
    expect(sent.parsed.attachments[0]?.content.equals(small)).toBe(true)
    expect(sent.uploads.map((u) => u.name)).toEqual(['trace.bin'])
    expect(sent.uploads[0]?.content.equals(big)).toBe(true)
    expect(sent.parsed.bcc).toBeDefined()
    expect(sent.parsed.subject).toBe('Nightly trace')

    const puts = world.graph.requests.filter((r) => r.method === 'PUT')
    expect(puts.length).toBeGreaterThanOrEqual(2)
    for (const put of puts) {
      expect(put.headers.authorization).toBeUndefined()
      expect(put.bodyBytes).toBeLessThanOrEqual(4 * 1024 * 1024)
    }
    const starts = puts.map((p) => Number(/^bytes (\d+)-/.exec(String(p.headers['content-range']))?.[1]))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(world.graph.requests.every((r) => r.bodyBytes <= 4 * 1024 * 1024)).toBe(true)
    expect(world.graph.requests.filter((r) => r.path.endsWith('/sendMail'))).toHaveLength(0)
    expect(world.graph.drafts.size).toBe(0)

    expect(result.outputs['message-id']).toBe(sent.parsed.messageId)
    expect(result.outputs.accepted).toBe('dev@contoso.com')
    expect(result.outputs['accepted-count']).toBe('2')
    expect(result.log).not.toContain('audit@contoso.com')
  })

  it('adds files under 3 MB that do not fit in the draft with one POST each, not through upload sessions', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'graph-medium-'))
    try {
      // three 1.5 MB files: one fits in the draft's request, the other two do not
      const files = ['a.bin', 'b.bin', 'c.bin'].map((name) => ({ name, content: randomBytes(1_500_000) }))
      mkdirSync(path.join(dir, 'out'))
      for (const f of files) writeFileSync(path.join(dir, 'out', f.name), f.content)
      const result = await world.run({
        cwd: dir,
        timeoutMs: 60_000,
        inputs: world.inputs({ 'client-id': READWRITE_APP, attachments: 'out/*.bin', body: 'Attached.' })
      })
      expect(result.code, result.log).toBe(0)
      const sent = world.graph.messages[0]!
      expect(sent.via).toBe('draft')
      const posted = world.graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/attachments'))
      expect(posted).toHaveLength(2)
      expect(world.graph.requests.filter((r) => r.method === 'PUT' || r.path.endsWith('createUploadSession'))).toEqual(
        []
      )
      // the recipient gets all three, byte for byte
      const received = [
        ...sent.parsed.attachments.map((a) => ({ name: a.filename ?? '', content: a.content })),
        ...sent.uploads
      ].sort((x, y) => x.name.localeCompare(y.name))
      expect(received.map((r) => r.name)).toEqual(['a.bin', 'b.bin', 'c.bin'])
      for (const [i, f] of files.entries()) expect(received[i]?.content.equals(f.content)).toBe(true)
      expect(world.graph.requests.every((r) => r.bodyBytes <= 4 * 1024 * 1024)).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each([
    ['Entra consent for Mail.Send only', CONSENT_APP, 'not Mail.ReadWrite'],
    ['RBAC for Mail.Send only (no role in the token)', RBAC_APP, 'no role']
  ])(
    'fails before any upload without Mail.ReadWrite, naming both sizes and the ways out (%s)',
    async (_what, app, why) => {
      const result = await send(app)
      expect(result.code).toBe(1)
      expect(world.graph.messages).toHaveLength(0)
      expect(
        world.graph.requests.filter((r) => r.method === 'PUT' || r.path.endsWith('createUploadSession'))
      ).toHaveLength(0)
      const message = failedMessage(result) ?? ''
      expect(message).toMatch(/The message is 1\d\.\d MB as a Microsoft Graph request, over the 4\.0 MB/)
      expect(message).toContain(why)
      expect(message).toContain('smaller attachments')
      expect(message).toContain('Mail.ReadWrite')
      expect(message).toContain("'transport: smtp'")
    }
  )
})
