/**
 * What the step says about a Microsoft Graph failure before any catalogue advice: what was
 * refused (or never answered), Graph's own words, and the three values Microsoft support asks
 * for (request-id, client-request-id, date). Pure.
 */
import type { Failure } from './failure.js'

/** The values diagnose.ts passes: where the request went and for which mailbox. */
interface GraphRun {
  mailbox?: string
  graphHost?: string
}

/** A Graph failure's headline, server text and support IDs. */
export interface GraphAccount {
  headline: string
  serverText?: string
  details: string[]
}

type GraphFailure = Extract<Failure, { source: 'graph' }>

const OPERATIONS: Record<GraphFailure['operation'], string> = {
  sendMail: 'sendMail',
  createDraft: 'creating the draft of a large message',
  addAttachment: 'adding an attachment to the draft',
  createUploadSession: 'opening an attachment upload session',
  upload: 'an attachment upload',
  send: 'sending the draft'
}

/** The failure in the run's own terms: what was refused, for which mailbox, with Graph's words. */
export function graphAccount(f: GraphFailure, run: GraphRun): GraphAccount {
  const what = OPERATIONS[f.operation]
  const where = `Microsoft Graph${run.graphHost ? ` at ${run.graphHost}` : ''}`
  let headline: string
  if (f.mayHaveBeenAccepted) {
    headline = `The message may have been delivered: the request to ${where} (${what}) was sent in full, but its answer never came (${f.code || 'no answer'}). It was not resent, so that nobody gets it twice.`
  } else if (f.status === 0) {
    headline = `Could not reach ${where} (${what}): ${f.message}`
  } else if (f.status === 429 || f.status === 503) {
    const wait =
      f.retryAfterMs !== undefined ? `asked to wait ${duration(f.retryAfterMs)} (Retry-After)` : 'gave no Retry-After'
    headline = `${where} throttled ${what} for ${run.mailbox ?? 'the mailbox'} (HTTP ${f.status}${f.status === 503 ? ', service unavailable' : ''}) and ${wait}; the wait did not fit in what was left of timeout-seconds, so the message was not sent.`
  } else {
    const code = f.code ? ` ${f.code}` : ''
    headline = `${where} refused ${what} as ${run.mailbox ?? 'the mailbox'} (HTTP ${f.status}${code}).`
  }
  const account: GraphAccount = { headline, details: [supportLine(f)] }
  if (f.graphMessage) account.serverText = f.code ? `${f.code}: ${f.graphMessage}` : f.graphMessage
  return account
}

/** The IDs Microsoft support asks for, those Graph gave and the one the action sent. */
function supportLine(f: GraphFailure): string {
  const ids = [
    `request-id ${f.requestId ?? '(none: no answer)'}`,
    `client-request-id ${f.clientRequestId}`,
    ...(f.date ? [`date ${f.date}`] : [])
  ]
  return `For Microsoft support: ${ids.join(', ')}`
}

/** 90000 → "90 s", 600000 → "10 min". */
function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  return seconds >= 120 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`
}
