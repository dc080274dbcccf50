/**
 * The runner model the security tests rely on (fakes/runner-view.ts): it must execute what the
 * real runner executes, or the tests that use it prove nothing.
 */
import { describe, expect, it } from 'vitest'
import { runnerView } from './runner-view.js'

describe('runnerView reads output as the runner does', () => {
  it('takes a line starting with ::name:: for a command, after leading blanks, in any case', () => {
    const view = runnerView('::error::one\n   ::WARNING file=a.ts,line=3::two\n\t::add-mask::s3cret\n')
    expect(view.commands.map((c) => c.name)).toEqual(['error', 'warning', 'add-mask'])
    expect(view.named('warning')[0]?.properties).toEqual({ file: 'a.ts', line: '3' })
    expect(view.masks).toEqual(['s3cret'])
  })

  it('ends a line at \\r as well as \\n, as StreamReader.ReadLine does', () => {
    const view = runnerView('progress 50%\r::set-output name=x::1\r\n')
    expect(view.named('set-output')).toHaveLength(1)
    expect(view.shown).toEqual(['progress 50%'])
  })

  it('finds the old ##[name] syntax anywhere in a line', () => {
    const view = runnerView('harmless text ##[add-mask]abc and more\n')
    expect(view.masks).toEqual(['abc and more'])
  })

  it('ignores unknown names and lines that only look alike', () => {
    const view = runnerView('::nope::x\nsee ::error:: in the middle\n[::1]:587\n')
    expect(view.commands).toEqual([])
    expect(view.shown).toHaveLength(3)
  })

  it('unescapes data and properties', () => {
    const view = runnerView('::error title=a%3Ab%2Cc::line1%0Aline2 100%25\n')
    expect(view.named('error')[0]).toMatchObject({ properties: { title: 'a:b,c' }, data: 'line1\nline2 100%' })
  })

  it('executes nothing between ::stop-commands::T and ::T::, then resumes', () => {
    const view = runnerView(
      ['::stop-commands::tok123', '::error::inside', '##[add-mask]inside', '::TOK123::', '::error::after'].join('\n')
    )
    expect(view.named('error').map((c) => c.data)).toEqual(['after'])
    expect(view.masks).toEqual([])
    expect(view.shown).toEqual(['::error::inside', '##[add-mask]inside'])
    expect(view.stoppedAtEnd).toBe(false)
  })

  it('reports a stop that never resumes: every later command is lost', () => {
    const view = runnerView('::stop-commands::x\n::error::lost\n')
    expect(view.stoppedAtEnd).toBe(true)
    expect(view.named('error')).toEqual([])
  })

  it('masks every later line, stderr included', () => {
    const view = runnerView('before s3cret\n::add-mask::s3cret\nafter s3cret\n', 'err s3cret\n')
    expect(view.shown).toEqual(['before s3cret', 'after ***', 'err ***'])
  })
})
