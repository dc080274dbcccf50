// Which built-in message a run sends: message/ picks it, run-info/ reads as much of the run as it shows.

/** The built-in messages, one per kind of notification. */
export type DefaultMessageKind =
  | 'release'
  | 'failure'
  | 'cancelled'
  | 'success'
  | 'push'
  | 'pull_request'
  | 'workflow_dispatch'
  | 'schedule'
  | 'generic'
