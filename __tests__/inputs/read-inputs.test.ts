import { describe, expect, it } from 'vitest'
import { parse } from './parse-inputs.js'

describe('input values', () => {
  it('parses booleans like the runner', () => {
    expect(parse({ 'dry-run': 'true' }).dryRun).toBe(true)
    expect(parse({ 'dry-run': 'False' }).dryRun).toBe(false)
  })
})
