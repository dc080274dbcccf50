/**
 * Bounds for outside text in reports: a server reply, an error page or a list of thousands of
 * recipients stays readable, and a hostile peer cannot flood the job log.
 */

/** The longest piece of outside text (a server reply, an error page) printed in one place. */
const EXCERPT_CHARS = 2000

/** At most `max` characters of `text`, marked when cut. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text
  return `${text.slice(0, max)}… [cut: ${text.length - max} more characters not shown]`
}

/** At most `max` items, then "and N more": reports stay readable with thousands of recipients. */
export function boundedList(items: readonly string[], max = 5, separator = ', '): string {
  if (items.length <= max) return items.join(separator)
  return `${items.slice(0, max).join(separator)}${separator}… and ${items.length - max} more`
}
