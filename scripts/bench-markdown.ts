/**
 * How long the `markdown` filter takes for 125,000 characters (the most GitHub allows in a
 * release body) of the worst shapes we know for marked, and of a real changelog for scale.
 * Part of `npm run bench`; alone: `npx tsx scripts/bench-markdown.ts [--runs 3]`.
 *
 * Rendering runs in this process, on the Node that runs the script, from src/.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { markdownToHtml } from '../src/message/markdown.js'

const SIZE = 125_000

/** `unit` then `separator`, repeated up to SIZE characters. */
function fill(unit: string, separator = ''): string {
  const count = Math.floor(SIZE / (unit.length + separator.length))
  return (unit + separator).repeat(count)
}

const ITEM =
  '* **scope:** message ([#123](https://github.com/o/r/issues/123)) ([abc1234](https://github.com/o/r/commit/abc1234))'

/** name → source, each about SIZE characters. */
export const SHAPES: Record<string, string> = {
  'changelog list (real text)': fill(ITEM, '\n'),
  'changelog list, CRLF': fill(ITEM, '\r\n'),
  'emphasis: one paragraph of " _*a"': fill(' _*a'),
  'emphasis: paragraphs of 2,000 delimiters': fill(' _*a'.repeat(1000), '\n\n'),
  'emphasis: paragraphs of 1,000 delimiters': fill(' _*a'.repeat(500), '\n\n'),
  'emphasis: paragraphs of 100 delimiters': fill(' _*a'.repeat(50), '\n\n'),
  'emphasis: list items of 100 delimiters': fill(`- ${' _*a'.repeat(50)}`, '\n'),
  'emphasis: table cells of 200 delimiters': `| a | b |\n|---|---|\n${fill(`| ${' _*a'.repeat(100)} | ${' _*a'.repeat(100)} |`, '\n')}`,
  'emphasis: 2,000 delimiters then 100 KB of words': ` _*a`.repeat(1000) + fill(' word').slice(4000),
  'emphasis: 3 × (2,000, then 35 KB of words, a closer)': fill(
    `${' _*a'.repeat(999)}${' word'.repeat(7000)} a*_`,
    '\n\n'
  ),
  'emphasis: 100 delimiters, 1 KB of words, a closer': fill(`${' _*a'.repeat(50)}${' word'.repeat(200)} a*_`, '\n\n'),
  'one run of "_a"': fill('_a'),
  'runs of 1,000 characters of "!a"': fill('!a'.repeat(500), ' '),
  'runs of 2,000 characters of "!a"': fill('!a'.repeat(1000), ' '),
  'nested lists': Array.from({ length: 400 }, (_, i) => `${' '.repeat(i * 2)}- x`)
    .join('\n')
    .slice(0, SIZE),
  'nested quotes ">>>"': '>'.repeat(SIZE - 2) + ' x',
  'nested quotes "> > >"': '> '.repeat(SIZE / 2 - 2) + ' x',
  'link brackets "[a]("': fill('[a]('),
  'open brackets "["': fill('['),
  'image brackets "!["': fill('!['),
  'backticks "`a``b"': fill('`a``b'),
  'backtick runs of 1..500': Array.from({ length: 500 }, (_, i) => `${'`'.repeat(i + 1)}a`)
    .join(' ')
    .slice(0, SIZE),
  'wide table': `${'|a'.repeat(SIZE / 4)}\n${'|-'.repeat(SIZE / 4)}`,
  'long table': `| a | b |\n|---|---|\n${fill('| x | y |', '\n')}`,
  'open tags "<a "': fill('<a '),
  'tildes "~a"': fill('~a')
}

const LINKS = { serverUrl: 'https://github.com', repositoryUrl: 'https://github.com/o/r', ref: 'main' }

export interface MarkdownRow {
  shape: string
  chars: number
  ms: number
  htmlKiB: number
}

/** Renders each shape `runs` times; the median time of each. */
export async function benchMarkdown(runs: number): Promise<MarkdownRow[]> {
  await markdownToHtml('warm *up*', LINKS) // loads marked once, outside the figures
  const rows: MarkdownRow[] = []
  for (const [shape, source] of Object.entries(SHAPES)) {
    const times: number[] = []
    let html = ''
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      html = await markdownToHtml(source, LINKS)
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    rows.push({ shape, chars: source.length, ms: times[Math.floor(times.length / 2)]!, htmlKiB: html.length / 1024 })
  }
  return rows
}

export function printMarkdownRows(rows: MarkdownRow[]): void {
  console.log(`\nMarkdown rendering (src/, Node ${process.version}), medians\n`)
  console.log('shape                                             |   chars |    time | HTML')
  console.log('--------------------------------------------------|---------|---------|--------')
  for (const r of rows) {
    console.log(
      `${r.shape.padEnd(49)} | ${String(r.chars).padStart(7)} | ${r.ms.toFixed(0).padStart(4)} ms | ${r.htmlKiB.toFixed(0).padStart(3)} KiB`
    )
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } })
  printMarkdownRows(await benchMarkdown(Math.min(20, Math.max(1, Number(values.runs)))))
}
