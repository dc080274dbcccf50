import type { Credential } from '../inputs/credential.js'

/** How long before a certificate's end the step starts to warn: time to get a new one uploaded. */
export const EXPIRY_WARNING_DAYS = 30

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The warning for a `client-certificate` that has expired or expires within
 * EXPIRY_WARNING_DAYS, else undefined. Entra ID refuses an expired certificate (AADSTS700027),
 * and a rotation takes an administrator: the warning comes while there is still time.
 */
export function certificateExpiryWarning(credential: Credential, now: Date): string | undefined {
  if (credential.kind !== 'certificate') return undefined
  const end = Date.parse(credential.notAfter)
  if (Number.isNaN(end)) return undefined
  const which = `The certificate in 'client-certificate' (${credential.subject}, SHA-256 thumbprint ${credential.thumbprintSha256.toUpperCase()})`
  const rotate =
    "upload a new certificate in App registrations → Certificates & secrets → Certificates, then put its key and certificate in the secret that holds 'client-certificate'"
  const left = end - now.getTime()
  if (left <= 0) {
    const ago = Math.floor(-left / DAY_MS)
    return `${which} expired on ${credential.notAfter}${ago > 0 ? `, ${days(ago)} ago` : ''}: Entra ID refuses it (AADSTS700027). To sign in again, ${rotate}.`
  }
  if (left > EXPIRY_WARNING_DAYS * DAY_MS) return undefined
  const inDays = Math.ceil(left / DAY_MS)
  return `${which} expires on ${credential.notAfter}, in ${days(inDays)}; after that Entra ID refuses it (AADSTS700027). Before then, ${rotate}.`
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`
}
