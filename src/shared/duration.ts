/**
 * The one way this action writes a duration: in the run's facts, the jobs lists, the failed
 * jobs and the `duration` filter of users' templates, so a mail never shows two styles.
 *
 * The largest unit first and at most three units, down to seconds: 45s, 3m 12s, 1h 2m 5s,
 * 1d 4h 10m. A unit of zero between two others stays (1h 0m 5s reads unambiguously, 1h 5s
 * looks like a typo); zeros at the end go (1m, 1h, 2d). Beyond a day the seconds are cut, not
 * rounded: "1d 0h 1m" is still true of a run that took 1d 0h 1m 59s.
 */
const UNITS = [
  ['d', 86_400],
  ['h', 3600],
  ['m', 60],
  ['s', 1]
] as const

/** Seconds (a number, or a numeric string) as text; '' for anything else or a negative value. */
export function formatDuration(value: unknown): string {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN
  if (!Number.isFinite(seconds) || seconds < 0) return ''
  let rest = Math.round(seconds)
  const first = UNITS.findIndex(([, size]) => rest >= size)
  if (first === -1) return '0s'
  const parts: string[] = []
  for (const [unit, size] of UNITS.slice(first, first + 3)) {
    const n = Math.floor(rest / size)
    rest -= n * size
    parts.push(`${n}${unit}`)
  }
  while (parts.length > 1 && parts.at(-1)?.startsWith('0')) parts.pop()
  return parts.join(' ')
}
