import { describe, expect, it } from 'vitest'
import { parse } from './parse-inputs.js'

describe('readTemplate', () => {
  it('reads file:// templates from the workspace', () => {
    const s = parse({ body: 'file://body.liquid', subject: 'Build {{ job.status }}' })
    expect(s.body).toEqual({ input: 'body', text: 'Hello {{ github.actor }}', file: 'body.liquid' })
    expect(s.subject?.text).toBe('Build {{ job.status }}')
  })
})
