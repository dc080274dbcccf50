/**
 * What keeps marked fast on any text: it has paths that take time quadratic in some shape of
 * the input, and a release body or a pull request's description may be any text. Each limit
 * takes effect only where that shape goes beyond what real text has; what it touches prints as
 * written. `npm run bench` times 125,000 characters of each shape (scripts/bench-markdown.ts).
 */
import type { Lexer, MarkedOptions, Token } from 'marked'

/** Emphasis delimiters (`*`, `_`) one inline context may hold before they are taken literally. */
export const MAX_DELIMITERS = 2000

/**
 * What the inline contexts of one text with more than FEW_DELIMITERS may cost together, in
 * delimiters squared (a context's matching time grows with the square of its delimiters): three
 * contexts at MAX_DELIMITERS.
 */
export const MAX_DELIMITER_WORK = 3 * MAX_DELIMITERS ** 2

/**
 * A context with this few delimiters is always matched and not counted: together such contexts
 * cost at most FEW_DELIMITERS times the text's length. Real text is made of them.
 */
export const FEW_DELIMITERS = 100

/**
 * Containers (quotes, list items) nested deeper than 64 on one line: the next marker is text.
 * marked lexes a container's content once per level, and thousands of levels (`> > > …`,
 * `- - - …`) run it out of stack after a second or more. A marker takes the spaces after it
 * and the next one none before it, so a space is read one way only: no backtracking.
 */
const DEEP_CONTAINERS =
  /^((?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])){64}[ \t]*)(>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/gm

/** The text with the marker at nesting level 65 of each line escaped (see DEEP_CONTAINERS). */
export function flattenDeepContainers(text: string): string {
  return text.replace(DEEP_CONTAINERS, (_, outer: string, marker: string) =>
    /\d/.test(marker) ? `${outer}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${outer}\\${marker}`
  )
}

/** The hooks that apply the limits inside marked, for one text (the delimiter budget is per text). */
export function limitingHooks(lexerClass: typeof Lexer) {
  return {
    emStrongMask: emphasisBudget(),
    provideLexer:
      () =>
      <P, R>(src: string, options?: MarkedOptions<P, R>) =>
        lexWithShortWords(new lexerClass(options), src)
  }
}

/**
 * marked matches `*` and `_` in time quadratic in the delimiters of one inline context (a
 * paragraph, a list item, a table cell, a heading): 60,000 of them in a paragraph take a
 * minute. marked hands each context's source to `emStrongMask` before matching, with code spans
 * and backslash escapes already masked, so what is left are the delimiters that will be matched;
 * list markers and other block syntax are never part of it. A context with more than
 * MAX_DELIMITERS, or one that would take the text past MAX_DELIMITER_WORK, has them masked: they
 * print as written, and every other context keeps its formatting. Contexts with FEW_DELIMITERS
 * or fewer (every list item of a changelog, nearly every paragraph) are always matched, so
 * hostile text cannot take formatting away from the real text around it.
 */
function emphasisBudget(): (masked: string) => string {
  let work = 0
  return (masked) => {
    let delimiters = 0
    for (let i = 0; i < masked.length; i++) if (masked[i] === '*' || masked[i] === '_') delimiters++
    if (delimiters <= FEW_DELIMITERS) return masked
    const cost = delimiters * delimiters
    if (delimiters <= MAX_DELIMITERS && work + cost <= MAX_DELIMITER_WORK) {
      work += cost
      return masked
    }
    // marked's own mask character: what stands here can neither open nor close emphasis.
    return masked.replace(/[*_]/g, '+')
  }
}

/**
 * Characters marked's text rule reads ahead over, to the end of the run, looking for an `@`
 * (is this an e-mail address?), each time a `!`, `*`, `_`, `` ` `` or `~` in the run stops it: a
 * run of 60,000 `_a` or `!a` takes seconds to a minute. Runs longer than this (no word, URL or
 * hash is that long) have those characters escaped, so each piece is read once; they print as
 * written. (A match starts only where a run starts: tried inside a run of 1,000, it would read
 * the run once per character.)
 */
const LONG_WORD = /(?<![\w.!#$%&'*+/=?`{|}~-])[\w.!#$%&'*+/=?`{|}~-]{1001,}/g

/** Lexes with every inline context's overlong runs broken up (see LONG_WORD); code blocks are not inline. */
function lexWithShortWords<P, R>(lexer: Lexer<P, R>, src: string): Token[] {
  const inlineTokens = lexer.inlineTokens.bind(lexer)
  lexer.inlineTokens = (inline, tokens) =>
    inlineTokens(
      inline.replace(LONG_WORD, (run) => run.replace(/[!*_`~]/g, '\\$&')),
      tokens
    )
  return lexer.lex(src)
}
