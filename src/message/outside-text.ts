/**
 * Text the runner filled in. A migrated `body: ${{ github.event.head_commit.message }}` reaches
 * the action as the commit message itself, which Liquid then reads as template source: a commit
 * message with `{{` or `{%` could fail to parse (and cost the mail), render to something else,
 * or run a loop its author chose. The author cannot wrap text the runner substituted in
 * `{% raw %}`, so the action does it: every string of the event that holds Liquid markup and
 * occurs verbatim in an inline input is shown as written. What remains is the author's.
 */

/** A string of the event payload that holds Liquid markup, and the Liquid way to read it. */
export interface EventText {
  /** e.g. `github.event.head_commit.message`. */
  path: string
  /** The forms in which the runner may have put it into an input (as is, trimmed, LF line ends). */
  forms: string[]
}

/** An inline input with the event's text in it made literal. */
export interface EscapedText {
  /** The source to parse: every occurrence of event text inside `{% raw %}`. */
  text: string
  /** The event paths whose text was found, in order of first occurrence. */
  paths: string[]
  /** The source without the event's text: what its author wrote (and any other filled-in text). */
  own: string
}

const MARKUP = /\{[{%]/
/** Bounds the walk over a hostile payload (a push of 2,000 commits has far fewer strings). */
const MAX_NODES = 200_000
const MAX_DEPTH = 64

/** Every string of the event that holds Liquid markup, once per text, with its simplest path. */
export function eventTextsWithMarkup(event: unknown): EventText[] {
  const byText = new Map<string, string>()
  let nodes = 0
  const walk = (value: unknown, path: string, depth: number): void => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return
    if (typeof value === 'string') {
      if (MARKUP.test(value) && !simpler(byText.get(value), path)) byText.set(value, path)
      return
    }
    if (value === null || typeof value !== 'object') return
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1))
    else for (const [key, item] of Object.entries(value)) walk(item, `${path}${member(key)}`, depth + 1)
  }
  walk(event, 'github.event', 0)
  return [...byText].map(([text, path]) => ({ path, forms: forms(text) }))
}

/** True when `known` is at least as simple a path as `path`: fewer indices, then shorter. */
function simpler(known: string | undefined, path: string): boolean {
  if (known === undefined) return false
  const indices = (p: string): number => p.split('[').length
  return indices(known) < indices(path) || (indices(known) === indices(path) && known.length <= path.length)
}

function member(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`
}

function forms(text: string): string[] {
  const lf = text.replace(/\r\n?/g, '\n')
  // @actions/core trims inputs, so text at either end of an input has lost its outer blanks
  return [...new Set([text, text.trim(), lf, lf.trim()])].filter((form) => MARKUP.test(form))
}

/** `text` as a Liquid block that renders exactly `text` (an `endraw` inside cannot close it). */
export function rawBlock(text: string): string {
  return `{% raw %}${text.replaceAll('endraw', 'endr{% endraw %}{% raw %}aw')}{% endraw %}`
}

/** Makes every occurrence of the event's text in `source` literal. */
export function escapeEventText(source: string, texts: EventText[]): EscapedText {
  const spans: { start: number; end: number; path: string }[] = []
  if (MARKUP.test(source)) {
    for (const { path, forms } of texts) {
      for (const form of forms) {
        for (let at = source.indexOf(form); at >= 0; at = source.indexOf(form, at + form.length)) {
          spans.push({ start: at, end: at + form.length, path })
        }
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  let text = ''
  let own = ''
  let done = 0
  const paths: string[] = []
  for (let i = 0; i < spans.length;) {
    const first = spans[i] as (typeof spans)[number]
    let end = first.end
    // overlapping texts (a commit message and its title, say) become one literal block
    for (; i < spans.length && (spans[i] as (typeof spans)[number]).start < end; i++) {
      const span = spans[i] as (typeof spans)[number]
      end = Math.max(end, span.end)
      if (!paths.includes(span.path)) paths.push(span.path)
    }
    text += source.slice(done, first.start) + rawBlock(source.slice(first.start, end))
    own += `${source.slice(done, first.start)}\n`
    done = end
  }
  return { text: text + source.slice(done), paths, own: own + source.slice(done) }
}

/**
 * True when `text` holds Liquid its author evidently wrote: an output that reads the template
 * context (`{{ github.… }}`, `{{ job.status }}` …) or a control tag (`{% if %}`, `{% for %}` …).
 */
export function hasOwnLiquid(text: string): boolean {
  return (
    /\{\{-?\s*(?:github|job|runner|run_url|run|repository_url|commit_url|vars)\b/.test(text) ||
    /\{%-?\s*(?:if|unless|case|for|tablerow|assign|capture|increment|decrement|cycle|echo|liquid|raw|comment|include|render)\b/.test(
      text
    )
  )
}

/** The warning for event text that was shown as written. */
export function eventTextNotice(input: string, paths: string[]): string {
  // keys of the event are outside text too: a path is bounded like any quoted text
  const named = paths.slice(0, 3).map((path) => (path.length > 120 ? `${path.slice(0, 120)}…` : path))
  const more = paths.length > named.length ? ` and ${paths.length - named.length} more` : ''
  const first = named[0] ?? 'github.event'
  return (
    `Input '${input}' holds text of the event with Liquid markup ({{ or {%), shown as written rather than run as a template: ` +
    `${named.join(', ')}${more}. The runner filled it in with \${{ }} before the action saw it; ` +
    `write {{ ${first} }} instead, and Liquid inserts it as text.`
  )
}

/** The warning for an inline input sent as written because its Liquid failed. */
export function sentAsWrittenNotice(input: string, failure: string): string {
  const reason = failure.length > 200 ? `${failure.slice(0, 200)}…` : failure
  return (
    `Input '${input}' is sent as written: its Liquid failed (${reason}), and it has none of its author's ` +
    `({{ github.… }}, {% if %} …), so the markup must be text the runner filled in with \${{ }}. ` +
    `Insert such text with Liquid instead ({{ github.event.… }}, or a step's output through 'vars'). ` +
    `A template with Liquid of its own, or a file:// template, fails the step instead.`
  )
}
