import { describe, expect, it } from 'vitest'
import { safeUrl, toLf, toSingleLine, toText } from '../../src/message/text.js'

describe('text helpers', () => {
  it('toLf ends every line with LF: CRLF (Windows) and a lone CR (old Mac) alike', () => {
    expect(toLf('a\r\nb\rc\n\r\n')).toBe('a\nb\nc\n\n')
    expect(toLf('\r\r\n')).toBe('\n\n')
    expect(toLf('no line ends')).toBe('no line ends')
  })

  it('safeUrl keeps http(s) and mailto only', () => {
    expect(safeUrl('https://github.com/octo/app')).toBe('https://github.com/octo/app')
    expect(safeUrl('mailto:a@example.com')).toBe('mailto:a@example.com')
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      '/relative',
      '',
      null,
      42
    ]) {
      expect(safeUrl(bad)).toBe('')
    }
    expect(safeUrl('docs/a.md', 'https://github.com/octo/app/blob/HEAD/')).toBe(
      'https://github.com/octo/app/blob/HEAD/docs/a.md'
    )
  })

  it('toText never throws', () => {
    expect(toText({ toString: 1 })).toBe('')
    expect(toText([1, [2, ['3']], null])).toBe('123')
    expect(toText(undefined)).toBe('')
  })
})

describe('toSingleLine', () => {
  it('cuts very long subjects', () => {
    const line = toSingleLine('x'.repeat(1000))
    expect(line.length).toBeLessThanOrEqual(250)
    expect(line.endsWith('…')).toBe(true)
  })
})
