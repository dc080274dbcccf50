import { describe, expect, it } from 'vitest'
import { emptyRunInfo } from '../../src/run-info/types.js'

describe('emptyRunInfo', () => {
  it('empty run info is what templates see without data', () => {
    expect(emptyRunInfo()).toEqual({
      available: false,
      jobs: [],
      failed_jobs: [],
      jobs_more: 0,
      duration: '',
      duration_seconds: 0
    })
  })
})
