import { describe, expect, it } from 'vitest'
import { TokenError } from '../../src/auth/token-error.js'
import { failureFromError } from '../../src/diagnosis/failure.js'

describe('failureFromError', () => {
  it('keeps the facts of a token error', () => {
    const err = new TokenError({
      errorCode: 'invalid_client',
      description: 'AADSTS7000215: x',
      status: 401,
      credentialKind: 'secret'
    })
    expect(failureFromError(err)).toMatchObject({ source: 'entra', errorCode: 'invalid_client', status: 401 })
  })

  it('reads nodemailer errors by their fields', () => {
    const err = Object.assign(new Error('Invalid login: 535 5.7.3 Authentication unsuccessful'), {
      code: 'EAUTH',
      response: '535 5.7.3 Authentication unsuccessful',
      responseCode: 535,
      command: 'AUTH XOAUTH2'
    })
    expect(failureFromError(err)).toMatchObject({
      source: 'smtp',
      code: 'EAUTH',
      responseCode: 535,
      command: 'AUTH XOAUTH2'
    })
  })
})
