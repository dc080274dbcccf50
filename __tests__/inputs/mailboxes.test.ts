import { describe, expect, it } from 'vitest'
import { parse } from './parse-inputs.js'

describe('mailboxes', () => {
  it('splits recipient lists on commas and newlines', () => {
    const s = parse({
      to: 'a@contoso.com, "Doe, Jane" <jane@contoso.com>\nb@contoso.com',
      cc: 'c@contoso.com',
      bcc: '\nd@contoso.com\n',
      'reply-to': 'team@contoso.com'
    })
    expect(s.to.map((m) => m.address)).toEqual(['a@contoso.com', 'jane@contoso.com', 'b@contoso.com'])
    expect(s.to[1]?.name).toBe('Doe, Jane')
    expect(s.cc).toEqual([{ name: '', address: 'c@contoso.com' }])
    expect(s.bcc).toEqual([{ name: '', address: 'd@contoso.com' }])
    expect(s.replyTo).toEqual([{ name: '', address: 'team@contoso.com' }])
  })

  it('accepts a recipient in bcc alone', () => {
    expect(parse({ to: '', bcc: 'x@contoso.com' }).bcc).toHaveLength(1)
  })
})
