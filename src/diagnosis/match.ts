/** Which catalogue entry, if any, describes a failure. */
import { CATALOGUE, type CatalogueEntry } from './catalogue.js'
import type { Failure } from './failure.js'

/** The catalogue entry that describes the failure, the first that matches; undefined for an unknown failure. Pure. */
export function catalogueEntry(f: Failure): CatalogueEntry | undefined {
  const transportCodes = transportCodesOf(f)
  return CATALOGUE.find((e) => matches(e, f, transportCodes))
}

/** The AADSTS numbers in an Entra error text, first one first. */
export function aadstsCodes(text: string): number[] {
  return [...text.matchAll(/AADSTS(\d+)/g)].map((m) => Number(m[1]))
}

/** The enhanced status code (RFC 3463) of an SMTP reply, e.g. 5.7.3. */
export function enhancedCode(reply: string): string | undefined {
  return /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(reply.trim())?.[1]
}

function matches(entry: CatalogueEntry, f: Failure, transportCodes: string[]): boolean {
  const m = entry.match
  if ('entra' in m) {
    if (f.source !== 'entra') return false
    return (
      aadstsCodes(f.description).some((code) => m.entra.includes(code)) ||
      (f.status !== undefined && (m.status ?? []).includes(f.status))
    )
  }
  if ('graph' in m) return f.source === 'graph' && f.status > 0 && graphMatches(m.graph, f)
  if ('transport' in m) return transportCodes.some((code) => m.transport.includes(code))
  if ('detected' in m) return detectedCode(f) !== undefined && m.detected.includes(detectedCode(f) as string)
  if (f.source !== 'smtp' || !f.response) return false
  const reply = f.response
  const enhanced = enhancedCode(reply)
  const basic = f.responseCode ?? Number(reply.slice(0, 3))
  const { reply: replies, enhanced: codes, text } = m.smtp
  if (replies && !replies.includes(basic)) return false
  if (codes && text) return (enhanced !== undefined && codes.includes(enhanced)) || text.test(reply)
  if (codes) return enhanced !== undefined && codes.includes(enhanced)
  if (text) return text.test(reply)
  return replies !== undefined
}

/** A Graph answer against a `graph` match: any one of its criteria is enough. */
function graphMatches(
  m: { status?: number[]; code?: string[]; text?: RegExp },
  f: Extract<Failure, { source: 'graph' }>
): boolean {
  return (
    (m.status ?? []).includes(f.status) ||
    (m.code ?? []).some((code) => code.toLowerCase() === f.code.toLowerCase()) ||
    (m.text?.test(f.graphMessage) ?? false)
  )
}

/** The code of a failure the action itself recognised (see Match `detected` in catalogue.ts). */
export function detectedCode(f: Failure): string | undefined {
  if (f.source === 'graph') return f.mayHaveBeenAccepted ? 'graph_answer_lost' : undefined
  if (f.source === 'entra') {
    if (f.errorCode === 'network_error' && /timeout|ETIMEDOUT/i.test(f.networkCause ?? '')) return 'token_timeout'
    return ['token_timeout', 'html_response', 'redirected'].includes(f.errorCode) ? f.errorCode : undefined
  }
  if (f.source !== 'smtp') return undefined
  if (f.offered) return 'no_xoauth2'
  if (f.size) return 'size_exceeded'
  return undefined
}

/** System and TLS codes of a failure, most specific first. */
function transportCodesOf(f: Failure): string[] {
  if (f.source === 'entra') {
    const cause = f.networkCause ?? ''
    return [...cause.matchAll(/\b(E[A-Z_]{3,}|[A-Z_]*CERT[A-Z_]*|UNABLE_TO_[A-Z_]+)\b/g)].map((m) => m[1] as string)
  }
  // Graph got no answer at all: the socket's code, as for SMTP (a lost answer is told apart first).
  if (f.source === 'graph') return f.status === 0 && !f.mayHaveBeenAccepted ? [f.code] : []
  if (f.source !== 'smtp') return []
  const codes: string[] = []
  if (f.originalCode) codes.push(f.originalCode)
  const certCode =
    /\b(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_[A-Z_]+|CERT_[A-Z_]+|ERR_TLS_CERT_ALTNAME_INVALID)\b/.exec(
      f.message
    )
  if (certCode) codes.push(certCode[1] as string)
  if (
    /self[- ]signed certificate|unable to verify|certificate has expired|altnames|Hostname\/IP does not match/i.test(
      f.message
    )
  ) {
    codes.push('UNABLE_TO_VERIFY_LEAF_SIGNATURE')
  }
  if (f.code === 'ETLS' && /STARTTLS/i.test(`${f.message} ${f.command ?? ''}`)) codes.push('ETLS_REQUIRED')
  if (f.code === 'ETIMEDOUT' || /Greeting never received|timeout/i.test(f.message)) codes.push('ETIMEDOUT')
  if (f.code === 'EDNS') codes.push('EDNS')
  codes.push(f.code)
  return codes
}
