import { describe, expect, it } from 'vitest'
import { formatDuration } from '../../src/shared/duration.js'
import { buildContext } from '../../src/message/context.js'
import { formatDuration as fromFilters } from '../../src/message/liquid.js'

describe('formatDuration: one format everywhere', () => {
  it.each([
    [0, '0s'],
    [0.4, '0s'],
    [12.6, '13s'],
    [45, '45s'],
    [59.5, '1m'],
    [60, '1m'],
    [192, '3m 12s'],
    [3599, '59m 59s'],
    [3600, '1h'],
    [3605, '1h 0m 5s'],
    [3660, '1h 1m'],
    [3725, '1h 2m 5s'],
    [86_399, '23h 59m 59s'],
    [86_400, '1d'],
    [86_460, '1d 0h 1m'],
    [90_000, '1d 1h'],
    [90_061, '1d 1h 1m'],
    [90_119, '1d 1h 1m'],
    [10 * 86_400 + 7200, '10d 2h'],
    ['192', '3m 12s'],
    ['', ''],
    [' ', ''],
    ['soon', ''],
    [-1, ''],
    [Number.NaN, ''],
    [Infinity, ''],
    [null, ''],
    [undefined, '']
  ])('%j → %j', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })

  it('formats a list of durations', () => {
    expect([0, 45, 60, 192, 3600, 3725, 90_000, 86_400, -1, Number.NaN].map(formatDuration)).toEqual([
      '0s',
      '45s',
      '1m',
      '3m 12s',
      '1h',
      '1h 2m 5s',
      '1d 1h',
      '1d',
      '',
      ''
    ])
  })

  it('is the same helper in the run summary, the templates and the duration filter', async () => {
    const runInfo = await import('../../src/run-info/summarise.js')
    expect(runInfo.formatDuration).toBe(formatDuration)
    expect(fromFilters).toBe(formatDuration)
    const { compileTemplates, renderMessage } = await import('../../src/message/render.js')
    const compiled = compileTemplates({ subject: { input: 'subject', text: '{{ 3605 | duration }}' } })
    const context = buildContext({}, {}, 'success')
    expect((await renderMessage(compiled, context)).subject).toBe('1h 0m 5s')
  })
})
