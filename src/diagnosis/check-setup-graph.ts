import type { SetupCheckDeps } from './check-setup.js'
import type { GraphCallDeps } from '../graph/retries.js'
import type { Settings } from '../inputs/settings.js'

/** Set-up check over Graph (not yet). */
export function runGraphSetupCheck(plan: GraphCallDeps & { settings: Settings }, deps: SetupCheckDeps): Promise<void> {
  void plan
  void deps
  return Promise.reject(new Error('check-setup with transport graph is not implemented yet'))
}
