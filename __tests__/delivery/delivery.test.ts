/** The pure parts of delivery: the recipient ledger, token staleness, SASL helpers, SIZE, HTML text. */
import { describe, expect, it } from 'vitest'
import { wireSize } from '../../src/smtp/session.js'
import type { Transaction } from '../../src/smtp/outcome.js'
import { htmlText } from '../../src/auth/identity-http-client.js'
import { MAX_RECIPIENTS_PER_TRANSACTION, RecipientLedger } from '../../src/delivery/recipient-ledger.js'
import {
  advertisedMechanisms,
  decodeChallenge,
  mayBeStale,
  presentToken,
  STALE_AFTER_MS,
  xoauth2Response
} from '../../src/smtp/sasl.js'

const addresses = (n: number): string[] => Array.from({ length: n }, (_, i) => `r${i}@contoso.com`)

const delivered = (accepted: string[], refused: Transaction['refused'] = []): Transaction => ({
  delivered: true,
  messageId: '<m@x>',
  accepted,
  refused,
  response: '250 OK'
})

/** presentToken against a server that gives these replies, in order; what it sent, and its outcome. */
async function presentTo(
  replies: { status: number; text: string; code?: string }[]
): Promise<{ sent: string[]; outcome: Awaited<ReturnType<typeof presentToken>> }> {
  const sent: string[] = []
  const sendCommand = (cmd: string): Promise<unknown> => {
    sent.push(cmd)
    const r = replies.shift()!
    return Promise.resolve({ command: cmd, response: `${r.status} ${r.text}`, ...r })
  }
  const outcome = await presentToken({ sendCommand: sendCommand as never }, 'ci@contoso.com', 'tok')
  return { sent, outcome }
}

describe('RecipientLedger', () => {
  it('hands out at most 500 recipients per transaction, each once', () => {
    const ledger = new RecipientLedger(addresses(1200))
    const batches: string[][] = []
    while (ledger.open().length) {
      const batch = ledger.nextBatch()
      batches.push(batch)
      ledger.record(delivered(batch))
    }
    expect(batches.map((b) => b.length)).toEqual([500, 500, 200])
    expect(new Set(batches.flat()).size).toBe(1200)
    expect(ledger.accepted()).toEqual(addresses(1200))
    expect(MAX_RECIPIENTS_PER_TRANSACTION).toBe(500)
  })

  it('counts an address given twice (in any case) once', () => {
    const ledger = new RecipientLedger(['a@x.com', 'b@x.com', 'A@X.com'])
    expect(ledger.size).toBe(2)
    expect(ledger.nextBatch()).toEqual(['a@x.com', 'b@x.com'])
  })

  it('keeps 4xx recipients open and 5xx ones closed for good', () => {
    const ledger = new RecipientLedger(['a@x.com', 'b@x.com', 'c@x.com'])
    ledger.record(
      delivered(
        ['a@x.com'],
        [
          { address: 'b@x.com', response: '452 4.5.3 Too many recipients', code: 452 },
          { address: 'c@x.com', response: '550 5.1.10 not found', code: 550 }
        ]
      )
    )
    expect(ledger.open()).toEqual(['b@x.com'])
    expect(ledger.rejected()).toEqual([{ address: 'c@x.com', response: '550 5.1.10 not found' }])
    expect(ledger.deferred()).toEqual([{ address: 'b@x.com', response: '452 4.5.3 Too many recipients' }])
    ledger.record(delivered(['b@x.com']))
    expect(ledger.accepted()).toEqual(['a@x.com', 'b@x.com'])
    expect(ledger.open()).toEqual([])
  })

  it('accepts nobody from a transaction whose data was not accepted', () => {
    const ledger = new RecipientLedger(['a@x.com', 'b@x.com'])
    const none: Transaction = {
      delivered: false,
      accepted: [],
      refused: [{ address: 'a@x.com', response: '451 4.2.0 busy', code: 451 }]
    }
    expect(ledger.record(none)).toBe(0)
    expect(ledger.accepted()).toEqual([])
    expect(ledger.open()).toEqual(['a@x.com', 'b@x.com'])
  })

  it('never reopens an accepted recipient, whatever a later reply says', () => {
    const ledger = new RecipientLedger(['a@x.com'])
    ledger.record(delivered(['a@x.com']))
    ledger.record(delivered([], [{ address: 'A@x.com', response: '451 4.2.0 busy', code: 451 }]))
    expect(ledger.open()).toEqual([])
    expect(ledger.accepted()).toEqual(['a@x.com'])
  })
})

describe('mayBeStale', () => {
  const now = 10_000_000_000
  const attemptStart = now - 1000
  const hour = 3_600_000

  it('never for a token acquired during this attempt, even near its expiry', () => {
    expect(mayBeStale({ acquiredAt: now - 500, expiresOn: new Date(now + 60_000) }, attemptStart, now)).toBe(false)
  })

  it('not for a recent token with a long life left', () => {
    expect(mayBeStale({ acquiredAt: now - 60_000, expiresOn: new Date(now + hour) }, attemptStart, now)).toBe(false)
  })

  it('for a token from an earlier attempt issued more than five minutes ago', () => {
    const acquiredAt = now - STALE_AFTER_MS - 1
    expect(mayBeStale({ acquiredAt, expiresOn: new Date(now + hour) }, attemptStart, now)).toBe(true)
  })

  it('for a token from an earlier attempt expiring within five minutes', () => {
    expect(mayBeStale({ acquiredAt: now - 60_000, expiresOn: new Date(now + 200_000) }, attemptStart, now)).toBe(true)
  })
})

describe('SASL helpers', () => {
  it('reads the advertised mechanisms of an EHLO reply', () => {
    expect(advertisedMechanisms(['SIZE 157286400', 'AUTH LOGIN XOAUTH2', 'AUTH=PLAIN'])).toEqual([
      'LOGIN',
      'XOAUTH2',
      'PLAIN'
    ])
    expect(advertisedMechanisms(['PIPELINING', 'SIZE 35882577'])).toEqual([])
  })

  it('decodes a 334 challenge, printable and bounded', () => {
    const json = '{"status":"401","schemes":"bearer","scope":"mail"}'
    expect(decodeChallenge(Buffer.from(json).toString('base64'))).toBe(json)
    expect(decodeChallenge(Buffer.from('a\u0000\u001b[31mb').toString('base64'))).toBe('a [31mb')
    expect(decodeChallenge(Buffer.from('x'.repeat(1000)).toString('base64'))).toHaveLength(300)
  })

  it('answers a 334 challenge with an empty line and returns the final reply', async () => {
    const { sent, outcome } = await presentTo([
      { status: 334, text: Buffer.from('{"status":"401"}').toString('base64') },
      { status: 535, text: 'Authentication failed', code: '5.7.8' }
    ])
    expect(sent).toEqual([`AUTH XOAUTH2 ${xoauth2Response('ci@contoso.com', 'tok')}`, ''])
    expect(outcome).toMatchObject({ reply: { status: 535 }, challenge: '{"status":"401"}' })
  })
})

describe('presentToken against a server that refuses long AUTH lines', () => {
  it('sends the same response after a bare AUTH XOAUTH2 and its 334 (Dovecot 2.3: 500 Line too long)', async () => {
    const { sent, outcome } = await presentTo([
      { status: 500, text: '5.5.2 Line too long' },
      { status: 334, text: '' },
      { status: 235, text: '2.7.0 Logged in.' }
    ])
    const response = xoauth2Response('ci@contoso.com', 'tok')
    expect(sent).toEqual([`AUTH XOAUTH2 ${response}`, 'AUTH XOAUTH2', response])
    expect(outcome).toEqual({ reply: expect.objectContaining({ status: 235 }) as unknown })
  })
})

describe('wireSize', () => {
  it('counts every line ending as CRLF, as the message goes over the wire', () => {
    expect(wireSize(Buffer.from('a\r\nb\r\n'))).toBe(6)
    expect(wireSize(Buffer.from('a\nb\n'))).toBe(6)
    expect(wireSize(Buffer.from('\nx'))).toBe(3)
  })
})

describe('htmlText', () => {
  it('strips tags, scripts and styles, decodes entities, and bounds the text', () => {
    const page =
      '<html><head><style>p{color:red}</style><script>alert(1)</script><title>502 Bad Gateway</title></head>' +
      '<body><h1>Bad&nbsp;Gateway</h1><!-- hidden --><p>Tom &amp; Jerry&#33;</p></body></html>'
    expect(htmlText(page)).toBe('502 Bad Gateway Bad Gateway Tom & Jerry!')
    const long = htmlText(`<p>${'word '.repeat(200)}</p>`)
    expect(long.length).toBe(300)
    expect(long.endsWith('…')).toBe(true)
  })
})
