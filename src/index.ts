import { dialed, openEarlyConnections } from './boot/early.js'
import { stages } from './stages.js'

// The connections leave before the rest of the action is even parsed (see boot/early.ts).
const early = openEarlyConnections()
await dialed(early)
const { run } = await stages.main()
await run(early)
