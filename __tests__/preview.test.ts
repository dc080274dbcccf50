/**
 * `npm run preview`: the dry run of dist/index.js a contributor uses to see a message. Its
 * command line must explain itself and pick the message the event implies.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SCRIPT = fileURLToPath(new URL('../scripts/preview.mjs', import.meta.url))
const EVENTS = fileURLToPath(new URL('./fixtures/events/', import.meta.url))

function preview(args: string[], cwd?: string) {
  const env = { PATH: process.env.PATH ?? '', ...(cwd ? { INIT_CWD: cwd } : {}) }
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', env, timeout: 60_000 })
}

describe('npm run preview', () => {
  it('--help prints the usage, no stack trace', () => {
    const r = preview(['--help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Usage: npm run preview -- \[options\]/)
    expect(r.stdout).toContain('--event-name NAME')
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /)
  })

  it('an unknown option: says which, prints the usage, exits 2, no stack trace', () => {
    const r = preview(['--statsu', 'success'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain("Unknown option '--statsu'")
    expect(r.stderr).toContain('Usage: npm run preview')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('--event release.json --event-name release renders the release announcement (no --status needed)', () => {
    // relative to the directory npm was started in (INIT_CWD), as `npm run` reports it
    const r = preview(['--event', 'release.json', '--event-name', 'release'], EVENTS)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Subject: 🚀 octo/app v2.3.0 · Gazelle released')
    expect(r.stdout).not.toContain('Failed')
  })

  it('--event-name alone takes the sample event; --status still chooses', () => {
    expect(preview(['--event-name', 'release']).stdout).toContain('Subject: 🚀 octo/app v2.3.0')
    expect(preview(['--event-name', 'release', '--status', 'failure']).stdout).toContain('Subject: ❌ Failed:')
  })

  it('without options: the failure message of the sample push', () => {
    const r = preview([])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Subject: ❌ Failed: CI on main in octo/app (#42)')
  })

  it('file:// templates are read from the directory npm was started in', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'preview-test-'))
    try {
      writeFileSync(path.join(dir, 'notes.liquid'), 'Notes for {{ github.ref_name }}')
      const r = preview(['--body', 'file://notes.liquid', '--status', 'success'], dir)
      expect(r.status, r.stderr).toBe(0)
      expect(r.stdout).toContain('--- text/plain ---\nNotes for main\n')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('previews your own step: --markdown, --vars, --attachments, and the HTML part in --html-out', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'preview-test-'))
    try {
      writeFileSync(
        path.join(dir, 'notes.md'),
        '# Deployed\n\nTo **{{ vars.environment }}** from `{{ github.ref_name }}`\n\n::notice::shown, not run\n'
      )
      writeFileSync(path.join(dir, 'report.html'), '<p>report</p>')
      const r = preview(
        [
          ...['--body', 'file://notes.md', '--markdown', '--vars', 'environment: prod'],
          ...['--attachments', '*.html', '--html-out', 'out/../message.html', '--status', 'success']
        ],
        dir
      )
      expect(r.status, r.stderr).toBe(0)
      expect(r.stdout).toContain('--- text/plain ---\n# Deployed\n\nTo **prod** from `main`\n')
      expect(r.stdout).toMatch(/^Attachment: report\.html \(13 B, /m)
      const html = readFileSync(path.join(dir, 'message.html'), 'utf8')
      expect(html).toMatch(/^<!DOCTYPE html>/)
      expect(html).toContain('To <strong>prod</strong> from <code')
      expect(html.trimEnd()).toMatch(/<\/html>$/)
      // the message holds `::`, so the action fenced it with stop-commands: the fence is not part of the HTML
      expect(html).toContain('>::notice::shown, not run</p>')
      expect(html).not.toMatch(/ema-[0-9a-f]{32}/)
      expect(r.stderr).toContain(`HTML part written to ${path.join(dir, 'message.html')}`)
      // the message shows nothing of the run: no note about what is left out
      expect(r.stderr).not.toContain('left out')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says when what failed is left out of the failure message, and why', () => {
    const r = preview([])
    expect(r.stderr).toMatch(
      /what failed \(the run's jobs, failed steps and error annotations\) is left out: .*'github-token'.* a preview has no run to read/
    )
    expect(preview(['--status', 'success']).stderr).toContain("the run's jobs and their durations are left out")
    expect(preview(['--event-name', 'release']).stderr).not.toContain('left out')
  })

  it('--html-out on a message without an HTML part says so and fails', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'preview-test-'))
    try {
      const r = preview(['--body', 'plain', '--html-out', 'x.html'], dir)
      expect(r.status).toBe(1)
      expect(r.stderr).toContain('the message has no HTML part')
      expect(existsSync(path.join(dir, 'x.html'))).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a missing event file is an error that names it', () => {
    const r = preview(['--event', 'nope.json'], EVENTS)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('nope.json')
  })
})
