import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/inputs/input-error.js'
import { failureFromError, type Failure } from '../../src/diagnosis/failure.js'
import { aadstsCodes, catalogueEntry, enhancedCode } from '../../src/diagnosis/match.js'

describe('helpers', () => {
  it('reads AADSTS numbers and enhanced status codes', () => {
    expect(aadstsCodes('AADSTS700016: x AADSTS90002')).toEqual([700016, 90002])
    expect(enhancedCode('535 5.7.139 Authentication unsuccessful')).toBe('5.7.139')
    expect(enhancedCode('250 OK')).toBeUndefined()
  })
})

describe('catalogueEntry', () => {
  const socketError = (message: string, extra: Record<string, unknown>): Failure =>
    failureFromError(Object.assign(new Error(message), { code: 'ESOCKET', command: 'CONN', ...extra }))

  it('finds no entry for invalid inputs or an unknown failure', () => {
    expect(catalogueEntry(failureFromError(new InputError('to', 'no recipient.')))).toBeUndefined()
    expect(catalogueEntry(failureFromError(new Error('something else')))).toBeUndefined()
  })

  it('marks an untrusted certificate retried, and as a failure of TLS', () => {
    const entry = catalogueEntry(
      socketError('self-signed certificate', { originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' })
    )
    expect(entry).toMatchObject({ id: 'TLS certificate', retry: 'never', checklist: 'tls' })
  })

  it('puts a refused STARTTLS and a refused TLS version on the TLS line, and retries them by their codes', () => {
    const starttls = failureFromError(
      Object.assign(new Error('Error upgrading connection with STARTTLS'), { code: 'ETLS', command: 'CONN' })
    )
    const version = failureFromError(
      Object.assign(new Error('421 4.7.66 TLS 1.0 and 1.1 are not supported'), {
        code: 'EPROTOCOL',
        response: '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2.',
        responseCode: 421
      })
    )
    for (const [failure, id] of [
      [starttls, 'STARTTLS'],
      [version, '421 4.7.66']
    ] as const) {
      const entry = catalogueEntry(failure)
      expect(entry?.id).toBe(id)
      expect(entry?.checklist).toBe('tls')
      expect(entry?.retry).toBeUndefined()
    }
  })

  it('leaves connection failures that are not about TLS off the TLS line', () => {
    const refused = catalogueEntry(socketError('connect ECONNREFUSED 127.0.0.1:587', { originalCode: 'ECONNREFUSED' }))
    expect(refused?.id).toBe('ECONNREFUSED')
    expect(refused?.checklist).toBeUndefined()
  })
})
