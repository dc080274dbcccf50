/**
 * The one printer (src/report/log.ts): outside text printed through it is never run as a workflow
 * command, the action's own commands work right after it, Bcc addresses never show.
 */
import { describe, expect, it } from 'vitest'
import { excerpt } from '../../src/shared/bounded-text.js'
import { couldHoldCommand, fenced, Log, type LogSink } from '../../src/report/log.js'
import { runnerView } from '../fakes/runner-view.js'

/** A toolkit stand-in that writes what @actions/core writes to stdout. */
function fakeToolkit(): { sink: LogSink; stdout: () => string } {
  let out = ''
  const escape = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  const sink: LogSink = {
    info: (text: string) => void (out += `${text}\n`),
    debug: (text: string) => void (out += `::debug::${escape(text)}\n`),
    warning: (text: string | Error) => void (out += `::warning::${escape(String(text))}\n`),
    setFailed: (text: string | Error) => void (out += `::error::${escape(String(text))}\n`),
    startGroup: (name: string) => void (out += `::group::${name}\n`),
    endGroup: () => void (out += '::endgroup::\n'),
    setSecret: (secret: string) => void (out += `::add-mask::${escape(secret)}\n`)
  }
  return { sink, stdout: () => out }
}

const HOSTILE = [
  'Fix the build',
  '::set-output name=accepted::PWNED',
  '  ::add-mask::PWNED-mask',
  '::stop-commands::PWNED-stop',
  '::error title=PWNED::PWNED',
  'tail ##[set-output name=response;]PWNED',
  'cr\r::warning::PWNED',
  '::group::PWNED'
].join('\n')

describe('fenced', () => {
  it('leaves text that holds no command as it is', () => {
    expect(fenced('Subject: build 42 passed\n[::1]')).toContain('[::1]')
    expect(fenced('plain text')).toBe('plain text')
  })

  it('keeps the runner from executing any line of hostile text, and resumes after it', () => {
    const view = runnerView(`${fenced(HOSTILE)}\n::error::our own failure\n`)
    expect(view.commands.filter((c) => c.line.includes('PWNED'))).toEqual([])
    expect(view.named('error').map((c) => c.data)).toEqual(['our own failure'])
    expect(view.stoppedAtEnd).toBe(false)
    // shown verbatim: the reader still sees what was written
    expect(view.shown.join('\n')).toContain('::set-output name=accepted::PWNED')
  })

  it('uses a token the text cannot know, new each time', () => {
    const a = /^::stop-commands::(\S+)\n/.exec(fenced('::x'))?.[1]
    const b = /^::stop-commands::(\S+)\n/.exec(fenced('::x'))?.[1]
    expect(a).toMatch(/^ema-[0-9a-f]{32}$/)
    expect(a).not.toBe(b)
  })

  it('counts a command anywhere, in either syntax', () => {
    expect(couldHoldCommand('a\n::b::c')).toBe(true)
    expect(couldHoldCommand('x ##[add-mask]y')).toBe(true)
    expect(couldHoldCommand('nothing here')).toBe(false)
  })
})

describe('Log', () => {
  it('prints outside text through the fence at every level', () => {
    const { sink, stdout } = fakeToolkit()
    const log = new Log(sink)
    log.info(HOSTILE)
    log.debug(HOSTILE)
    log.warning(HOSTILE)
    log.infoGroup('Dry run', HOSTILE)
    log.fail(HOSTILE)
    const view = runnerView(stdout())
    // the action's own commands, and nothing else
    expect(view.commands.filter((c) => !['stop-commands'].includes(c.name) && c.line.includes('PWNED'))).toEqual(
      view.commands.filter((c) => ['debug', 'warning', 'error'].includes(c.name))
    )
    expect(view.named('warning')).toHaveLength(1)
    expect(view.named('error')).toHaveLength(1)
    expect(view.named('group').map((c) => c.data)).toEqual(['Dry run'])
    expect(view.named('endgroup')).toHaveLength(1)
    expect(view.masks).toEqual([])
    expect(view.stoppedAtEnd).toBe(false)
  })

  it('hides Bcc addresses wherever they appear, and only whole addresses', () => {
    const { sink, stdout } = fakeToolkit()
    const log = new Log(sink, ['audit@contoso.com', 'x@y.org'])
    log.info('RCPT TO:<Audit@Contoso.com>; 550 5.1.1 <audit@contoso.com>: no such user; maudit@contoso.com stays')
    log.fail('rejected x@y.org and x@y.org.uk')
    const out = stdout()
    expect(out).not.toMatch(/audit@contoso\.com>|x@y\.org /i)
    expect(out).toContain('RCPT TO:<[Bcc recipient]>')
    expect(out).toContain('maudit@contoso.com stays')
    expect(out).toContain('x@y.org.uk')
    expect(log.isHidden('AUDIT@contoso.com')).toBe(true)
    expect(log.isHidden('dev@contoso.com')).toBe(false)
  })
})

describe('excerpt', () => {
  it('keeps short text and cuts long text with a mark', () => {
    expect(excerpt('short')).toBe('short')
    const cut = excerpt('x'.repeat(1_000_000), 2000)
    expect(cut.length).toBeLessThan(2100)
    expect(cut).toMatch(/\[cut: 998000 more characters not shown\]$/)
  })
})
