/** How a diagnosis reads in the step's error, and where docs/troubleshooting.md explains it. */
import type { Diagnosis } from './types.js'
import { excerpt } from '../shared/bounded-text.js'

export { troubleshootingAnchor } from './anchor.js'

/**
 * The failure message: what failed, the server's words (bounded, once), the correlation ID,
 * then the diagnosis.
 */
export function formatDiagnosis(d: Diagnosis): string {
  // the headline may quote a server (or list recipients' replies): a server can send a megabyte
  const lines = [excerpt(d.headline)]
  if (d.serverText) lines.push('', `Server said: ${excerpt(d.serverText)}`)
  if (d.correlationId) lines.push(`Correlation ID: ${d.correlationId}${d.traceId ? ` (trace ID ${d.traceId})` : ''}`)
  for (const detail of d.details) lines.push(detail)
  if (d.entry) {
    lines.push('', `Diagnosis (${d.entry.id}): ${d.meaning ?? d.entry.meaning}`)
    if (d.fix.length > 0) {
      lines.push('How to fix:')
      for (const step of d.fix) lines.push(`  - ${step}`)
    }
    lines.push(`See ${d.link ?? d.entry.docs}`)
  } else if (d.serverText || d.correlationId) {
    lines.push('', "This failure is not in the diagnosis catalogue; the server's own text above is the best lead.")
  }
  return lines.join('\n')
}

/**
 * docs/troubleshooting.md at the version of the action that ran, from what the runner tells an
 * action about itself; undefined for a local action (`uses: ./`), which has no such variables.
 */
export function troubleshootingBase(env: Record<string, string | undefined>): string | undefined {
  const repository = env.GITHUB_ACTION_REPOSITORY
  const ref = env.GITHUB_ACTION_REF
  if (!repository || !ref || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return undefined
  return `https://github.com/${repository}/blob/${encodeURI(ref)}/docs/troubleshooting.md`
}
