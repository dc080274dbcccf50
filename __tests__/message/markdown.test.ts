/**
 * The Markdown renderer behind the `markdown` filter and Markdown bodies: GitHub-flavoured
 * output with inline styles for mail clients, and sanitised: nothing in the source can inject
 * markup, scripts or remote content.
 */
import { describe, expect, it, vi } from 'vitest'
import { optional } from '../../src/shared/optional.js'
import { markdownToHtml, MAX_MARKDOWN_LENGTH } from '../../src/message/markdown.js'
import { FEW_DELIMITERS, MAX_DELIMITER_WORK, MAX_DELIMITERS } from '../../src/message/markdown-limits.js'

const LINKS = {
  serverUrl: 'https://github.com',
  repositoryUrl: 'https://github.com/octo/app',
  ref: '6113728f27ae82c7b1a177c8d03f9e96e0adf246'
}
const md = (source: unknown) => markdownToHtml(source, LINKS)
/** The output without inline styles, to compare structure. */
const bare = async (source: unknown, links = LINKS) =>
  (await markdownToHtml(source, links)).replace(/ style="[^"]*"/g, '').replace(/ bgcolor="[^"]*"/g, '')

describe('GitHub-flavoured Markdown', () => {
  it('headings, emphasis, lists, code and quotes', async () => {
    expect(
      await bare(
        '# Title\n\n**bold** _em_ ~~gone~~ `code`\n\n1. one\n2. two\n\n> quoted\n\n```js\nif (a < b) run()\n```'
      )
    ).toBe(
      [
        '<h1>Title</h1>',
        '<p><strong>bold</strong> <em>em</em> <del>gone</del> <code>code</code></p>',
        '<ol>',
        '<li>one</li>',
        '<li>two</li>',
        '</ol>',
        '<blockquote><p>quoted</p>',
        '</blockquote>',
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td><pre>if (a &lt; b) run()</pre></td></tr></table>'
      ].join('\n')
    )
  })

  it('tables with alignment', async () => {
    expect(await bare('| a | b |\n|:--|--:|\n| 1 | 2 |')).toBe(
      '<table cellpadding="0" cellspacing="0" border="0">\n<tr><th>a</th><th>b</th></tr>\n<tr><td>1</td><td>2</td></tr>\n</table>'
    )
    expect(await md('| a | b |\n|:--|--:|\n| 1 | 2 |')).toMatch(/<td style="[^"]*text-align:right;">2<\/td>/)
  })

  it('task lists as check marks (mail clients drop form controls)', async () => {
    expect(await bare('- [x] done\n- [ ] todo')).toBe('<ul>\n<li>☑ done</li>\n<li>☐ todo</li>\n</ul>')
  })

  it('hard line breaks, as in GitHub comments and release notes', async () => {
    expect(await bare('one\ntwo')).toBe('<p>one<br>two</p>')
  })

  it('autolinks URLs and e-mail addresses, and links @mentions and #references', async () => {
    expect(
      await bare('See https://example.com/x and www.example.org, ask a@example.com, thanks @octocat for #12.')
    ).toBe(
      '<p>See <a href="https://example.com/x">https://example.com/x</a> and <a href="http://www.example.org/">www.example.org</a>, ask <a href="mailto:a@example.com">a@example.com</a>, thanks <a href="https://github.com/octocat">@octocat</a> for <a href="https://github.com/octo/app/issues/12">#12</a>.</p>'
    )
    // not in words, code or links
    expect(await bare('x#12 a@b `@c #1` [@d #2](https://e.test)')).toBe(
      '<p>x#12 a@b <code>@c #1</code> <a href="https://e.test/">@d #2</a></p>'
    )
  })

  it('points relative links into the repository, at the commit', async () => {
    expect(
      await bare('[guide](docs/setup.md) [up](../x) [root](/octo/other) [anchor](#usage) ![shot](img/a.png)')
    ).toBe(
      '<p><a href="https://github.com/octo/app/blob/6113728f27ae82c7b1a177c8d03f9e96e0adf246/docs/setup.md">guide</a> <a href="https://github.com/octo/app/blob/x">up</a> <a href="https://github.com/octo/other">root</a> anchor [<a href="https://github.com/octo/app/raw/6113728f27ae82c7b1a177c8d03f9e96e0adf246/img/a.png">image: shot</a>]</p>'
    )
  })

  it('drops relative links when it does not know the repository', async () => {
    expect(await bare('[guide](docs/setup.md) @octocat #12', {} as typeof LINKS)).toBe('<p>guide @octocat #12</p>')
  })

  it('turns images into links: nothing remote loads when the message is opened', async () => {
    expect(await bare('![Screenshot](https://example.com/s.png)')).toBe(
      '<p>[<a href="https://example.com/s.png">image: Screenshot</a>]</p>'
    )
    expect(
      await bare('<img width="600" alt="Before &amp; after" src="https://github.com/user-attachments/assets/1.png">')
    ).toBe('[<a href="https://github.com/user-attachments/assets/1.png">image: Before &amp; after</a>]')
  })

  it('renders nothing for nothing', async () => {
    expect(await md('')).toBe('')
    expect(await md('  \n ')).toBe('')
    expect(await md(null)).toBe('')
    expect(await md(42)).toBe('<p style="margin:0 0 12px;">42</p>')
  })
})

describe('sanitising', () => {
  it.each([
    ['<script>alert(1)</script>', ''],
    ['a <script>alert(1)</script> b', '<p>a alert(1) b</p>'],
    [
      '<img src=x onerror=alert(1)>',
      '[<a href="https://github.com/octo/app/raw/6113728f27ae82c7b1a177c8d03f9e96e0adf246/x">image: image</a>]'
    ],
    ['<svg onload=alert(1)><circle/></svg>', '<p></p>'],
    ['<iframe src="https://evil.test"></iframe>x', 'x'],
    ['<style>*{display:none}</style>text', 'text'],
    ['<a href="javascript:alert(1)">click</a>', '<p>click</p>'],
    ['<b onclick="alert(1)">bold</b> <kbd>K</kbd><br/>', '<p><b>bold</b> <kbd>K</kbd><br></p>'],
    ['<details open ontoggle=alert(1)><summary>More</summary>\n\nhidden\n</details>', 'More<br><p>hidden</p>'],
    ['<!-- a comment --> visible', 'visible'],
    [
      '<pre><img src=x onerror=alert(1)></pre>',
      '[<a href="https://github.com/octo/app/raw/6113728f27ae82c7b1a177c8d03f9e96e0adf246/x">image: image</a>]'
    ],
    ['<<script>script>alert(1)<</script>/script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['<scr<script>ipt>alert(1)</script>', '<p>&lt;script&gt;alert(1)</p>'],
    ['[x](javascript:alert(1))', '<p>x</p>'],
    ['[x](JaVaScRiPt:alert(1))', '<p>x</p>'],
    ['[x](  javascript:alert(1) "t")', '<p>x</p>'],
    ['[x](vbscript:msgbox(1))', '<p>x</p>'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', '<p>x</p>'],
    ['[x](file:///etc/passwd)', '<p>x</p>'],
    ['![x](javascript:alert(1))', '<p>x</p>'],
    ['<javascript:alert(1)>', '<p>javascript:alert(1)</p>'],
    ['[x](https://ok.test "t\\" onclick=alert(1)")', '<p><a href="https://ok.test/">x</a></p>'],
    ['" onmouseover="alert(1)', '<p>&quot; onmouseover=&quot;alert(1)</p>'],
    [
      '`<script>` and\n\n```\n<script>\n```',
      '<p><code>&lt;script&gt;</code> and</p>\n<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td><pre>&lt;script&gt;</pre></td></tr></table>'
    ],
    ['\\<script\\> &amp; &copy; &#60;b&#62;', '<p>&lt;script&gt; &amp; &copy; &lt;b&gt;</p>']
  ])('%j', async (source, expected) => {
    const html = await bare(source)
    expect(html).toBe(expected)
    // markup is only ever ours: no active tags, no handlers, no other URLs (text may say anything, escaped)
    expect(html).not.toMatch(/<script|<img|<svg|<iframe|<style|<[^>]*\son\w+=|href="(?!https?:|mailto:)/i)
  })
})

describe('absurd input', () => {
  it('cuts sources longer than GitHub allows anywhere', async () => {
    const html = await md('a'.repeat(MAX_MARKDOWN_LENGTH + 1000))
    expect(html.length).toBeLessThan(MAX_MARKDOWN_LENGTH + 100)
    expect(html).toContain('a…</p>')
  })

  it.each([
    ['emphasis delimiters', true, '_a'.repeat(60_000)],
    ['stars', true, '*a'.repeat(60_000)],
    ['stars and underscores after spaces', true, ' _*a'.repeat(30_000)],
    ['exclamation marks', true, '!a'.repeat(60_000)],
    ['nested quotes', false, '>'.repeat(20_000) + ' x'],
    ['nested lists', false, Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')],
    ['open brackets', true, '[a]('.repeat(30_000)],
    ['open tags', true, '<a '.repeat(40_000)],
    ['a wide table', false, '|a'.repeat(30_000) + '\n' + '|-'.repeat(30_000)]
  ])('renders %s in bounded time, never throwing', async (_name, keepsText, source) => {
    const started = performance.now()
    const html = await md(source)
    // generous: marked needs a minute for 60,000 `_a` or ` _*a` without the guards
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(html.length).toBeGreaterThan(0)
    // sane: ours is the only markup, and the text is all there (as text, not as formatting)
    expect(html).not.toMatch(/<(?!\/?(p|br|ul|ol|li|blockquote|table|tr|td|th|strong|em|del|code|pre|a)[ >])/)
    const letters = (text: string) => text.replace(/[^a-z]/g, '').length
    if (keepsText)
      expect(letters(html.replace(/<[^>]*>/g, '').replace(/&\w+;/g, ''))).toBeGreaterThanOrEqual(
        Math.min(letters(source), MAX_MARKDOWN_LENGTH) * 0.9
      )
  })

  it('nests quotes and lists 64 deep on a line, and takes deeper markers as text', async () => {
    const quotes = await bare(`${'>'.repeat(20_000)} <b>x</b>`)
    expect(count(quotes, 'blockquote')).toBe(64)
    expect(quotes).toContain(`<p>${'&gt;'.repeat(20_000 - 64)} <b>x</b></p>`)
    const lists = await bare(`${'- '.repeat(30_000)}x`)
    expect(count(lists, 'li')).toBe(64)
    expect(lists).toContain(`<li>${'- '.repeat(30_000 - 64)}x</li>`)
    const mixed = await bare(`${'1. > '.repeat(40)}x`)
    expect([count(mixed, 'ol'), count(mixed, 'blockquote')]).toEqual([32, 32])
    expect(mixed).toContain(`<p>${'1. &gt; '.repeat(8)}x</p>`)
  })

  it('falls back to escaped text when marked gives up', async () => {
    const real = await optional.marked()
    class Failing extends real.Marked {
      override parse = (): never => {
        throw new RangeError('Maximum call stack size exceeded')
      }
    }
    const spy = vi
      .spyOn(optional, 'marked')
      .mockResolvedValue({ ...real, Marked: Failing as unknown as typeof real.Marked })
    try {
      const html = await md('> quoted <b>x</b>')
      expect(html).toBe('<p style="margin:0 0 12px;white-space:pre-wrap;">&gt; quoted &lt;b&gt;x&lt;/b&gt;</p>')
    } finally {
      spy.mockRestore()
    }
  })
})

/** `*a*` pairs: `pairs * 2` delimiters, each pair an <em> when matched. */
const ems = (pairs: number) => Array.from({ length: pairs }, () => '*a*').join(' ')
const count = (html: string, tag: string) => html.split(`<${tag}>`).length - 1

describe('the emphasis guard, per inline context', () => {
  // MAX_DELIMITERS `*`, then the same plus one `_` (intraword, so it formats nothing itself)
  const under = ems(MAX_DELIMITERS / 2)
  const over = `${under} snake_case`

  it('matches a paragraph with MAX_DELIMITERS delimiters, takes one more literally', async () => {
    expect(count(await bare(under), 'em')).toBe(MAX_DELIMITERS / 2)
    const html = await bare(over)
    expect(count(html, 'em')).toBe(0)
    expect(html).toContain('*a* *a*')
    expect(html).toContain('snake_case')
  })

  it('counts each list item on its own, and never counts or escapes list markers', async () => {
    const html = await bare(`* ${under}
* ${over}
* **bold** and _em_`)
    expect(count(html, 'li')).toBe(3)
    const items = html.split('<li>').slice(1)
    expect(count(items[0]!, 'em')).toBe(MAX_DELIMITERS / 2)
    expect(count(items[1]!, 'em')).toBe(0)
    expect(items[2]).toBe('<strong>bold</strong> and <em>em</em></li>\n</ul>')
  })

  it('counts each table cell and each heading on its own', async () => {
    const table = await bare(`| a | b |\n|---|---|\n| ${over} | **b** |\n| ${under} | c |`)
    const cells = table.match(/<td>[\s\S]*?<\/td>/g)!
    expect(count(cells[0], 'em')).toBe(0)
    expect(cells[1]).toBe('<td><strong>b</strong></td>')
    expect(count(cells[2]!, 'em')).toBe(MAX_DELIMITERS / 2)
    const headings = await bare(`# ${over}\n\n## ${under}\n\n**after**`)
    expect(count(headings.split('<h2>')[0]!, 'em')).toBe(0)
    expect(count(headings.split('<h2>')[1]!, 'em')).toBe(MAX_DELIMITERS / 2)
    expect(headings).toContain('<p><strong>after</strong></p>')
  })

  it('counts neither backslash escapes nor code spans, and leaves code spans as they are', async () => {
    const escaped = await bare(`${under} ${'\\*'.repeat(50)} \`${'_'.repeat(50)}\``)
    expect(count(escaped, 'em')).toBe(MAX_DELIMITERS / 2)
    expect(escaped).toContain(`<code>${'_'.repeat(50)}</code>`)
    const literal = await bare(`${over} \`a_b*c\``)
    expect(literal).toContain('<code>a_b*c</code>')
  })

  it('bounds the whole text: past MAX_DELIMITER_WORK dense contexts are literal, sparse ones never', async () => {
    const dense = MAX_DELIMITER_WORK / MAX_DELIMITERS ** 2
    expect(Number.isInteger(dense)).toBe(true)
    const paragraphs = Array.from({ length: dense + 1 }, () => under)
    const sparse = ems(FEW_DELIMITERS / 2)
    const html = await bare([...paragraphs, sparse, '**real text** after'].join('\n\n'))
    const ps = html.split('<p>').slice(1)
    expect(ps.map((p) => count(p, 'em'))).toEqual([
      ...Array<number>(dense).fill(MAX_DELIMITERS / 2),
      0,
      FEW_DELIMITERS / 2,
      0
    ])
    expect(ps.at(-1)).toBe('<strong>real text</strong> after</p>')
  })

  it('renders a 600-item conventional-changelog list, LF or CRLF, with every item, bold scope and link', async () => {
    const item = (i: number) =>
      `* **scope${i}:** message ([#${i}](https://github.com/o/r/issues/${i})) ([abc${i}](https://github.com/o/r/commit/abc${i}))`
    const items = Array.from({ length: 600 }, (_, i) => item(i))
    const lf = await bare(`## Features\n\n${items.join('\n')}\n`)
    expect(count(lf, 'li')).toBe(600)
    expect(count(lf, 'strong')).toBe(600)
    expect(lf).toContain(
      '<li><strong>scope599:</strong> message (<a href="https://github.com/o/r/issues/599">#599</a>) (<a href="https://github.com/o/r/commit/abc599">abc599</a>)</li>'
    )
    expect(await bare(`## Features\r\n\r\n${items.join('\r\n')}\r\n`)).toBe(lf)
  })
})

describe('overlong runs', () => {
  it('keeps formatting in a run of 1,000 e-mail characters and takes a longer run as written', async () => {
    const run = (length: number) => `*b*${'a'.repeat(length - 3)}`
    expect(await bare(`**x** ${run(1000)}`)).toBe(`<p><strong>x</strong> <em>b</em>${'a'.repeat(997)}</p>`)
    expect(await bare(`**x** ${run(1001)}`)).toBe(`<p><strong>x</strong> *b*${'a'.repeat(998)}</p>`)
  })
})
