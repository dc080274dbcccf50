import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileUrlPath } from '../../src/inputs/template-sources.js'
import { resolveInWorkspace } from '../../src/inputs/workspace-files.js'
import { inputError, parse, workspace } from './parse-inputs.js'

describe('readTemplate', () => {
  it('reads file:// templates from the workspace', () => {
    const s = parse({ body: 'file://body.liquid', subject: 'Build {{ job.status }}' })
    expect(s.body).toEqual({ input: 'body', text: 'Hello {{ github.actor }}', file: 'body.liquid' })
    expect(s.subject?.text).toBe('Build {{ job.status }}')
  })

  it('reads file:///${{ github.workspace }}/… (an absolute path inside the workspace)', () => {
    expect(parse({ body: `file:///${workspace}/body.liquid` }).body?.text).toBe('Hello {{ github.actor }}')
  })

  it('reads UTF-16 with a byte order mark, as Windows PowerShell 5.1 writes it', () => {
    const text = 'Grüße {{ github.actor }}\r\n— 🚀'
    writeFileSync(
      path.join(workspace, 'le.liquid'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    )
    const be = Buffer.from(text, 'utf16le').swap16()
    writeFileSync(path.join(workspace, 'be.liquid'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]))
    expect(parse({ body: 'file://le.liquid' }).body?.text).toBe(text)
    expect(parse({ body: 'file://be.liquid' }).body?.text).toBe(text)
  })

  it('names UTF-16 without a byte order mark as such, with the PowerShell fix', () => {
    writeFileSync(path.join(workspace, 'nobom.liquid'), Buffer.from('Build {{ job.status }} on main', 'utf16le'))
    const message = inputError({ body: 'file://nobom.liquid' }).message
    expect(message).toMatch(/'nobom\.liquid' looks like UTF-16 text without a byte order mark/)
    expect(message).toMatch(/-Encoding utf8/)
    expect(message).not.toMatch(/Windows-1252/)
  })

  it('still names Windows-1252 text as not UTF-8, with where', () => {
    writeFileSync(path.join(workspace, 'latin.liquid'), Buffer.from('Caf\xe9 {{ x }}', 'latin1'))
    expect(inputError({ body: 'file://latin.liquid' }).message).toMatch(
      /not UTF-8 text: byte 0xE9 at line 1, column 4 .*Windows-1252/
    )
  })
})

describe('fileUrlPath', () => {
  const ws = 'D:\\a\\repo\\repo'
  it('takes file:///D:/… and file:///${{ github.workspace }}/… on Windows as the drive path', () => {
    for (const rest of ['/D:/a/repo/repo/body.md', '/D:\\a\\repo\\repo/body.md', 'D:/a/repo/repo/body.md']) {
      const name = fileUrlPath(rest, path.win32)
      expect(resolveInWorkspace(ws, name, 'body', 'template file', path.win32)).toBe('D:\\a\\repo\\repo\\body.md')
    }
    expect(fileUrlPath('body.md', path.win32)).toBe('body.md')
  })

  it('leaves POSIX paths alone, /D:/… included', () => {
    expect(fileUrlPath('/D:/a/body.md', path.posix)).toBe('/D:/a/body.md')
    expect(fileUrlPath('//home/runner/work/r/r/body.md', path.posix)).toBe('//home/runner/work/r/r/body.md')
  })

  it('still refuses another drive or a way out on Windows', () => {
    for (const rest of ['/E:/a/repo/repo/body.md', '/D:/a/repo/other/body.md', '..\\body.md', '/C:/Windows/win.ini']) {
      expect(() => resolveInWorkspace(ws, fileUrlPath(rest, path.win32), 'body', 'template file', path.win32)).toThrow(
        /is outside the workspace/
      )
    }
  })
})
