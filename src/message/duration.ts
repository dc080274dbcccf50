// The one way a duration is written lives in shared/, where run-info/ may use it too.
export { formatDuration } from '../shared/duration.js'
