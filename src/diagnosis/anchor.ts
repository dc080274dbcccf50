/**
 * The anchor GitHub gives a Markdown heading (as github-slugger makes it): lower case, every
 * character but letters, digits, marks, `_`, `-` and spaces dropped, each space a hyphen.
 * `535 5.7.3` → `535-573`.
 */
export function troubleshootingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}
