/**
 * Optional packages: loaded on first use, once, and only by a run that uses them. A bottom-layer
 * helper (it imports nothing of src/), so the code that needs a package loads it here without
 * reaching up to the stages registry; each import() is a chunk of its own, as in src/stages.ts.
 */
import { lazy } from './lazy.js'

export const optional = {
  /** The YAML parser, for the `vars` and `headers` inputs. */
  yaml: lazy(() => import('yaml')),
  /** Glob patterns of the `attachments` input. */
  glob: lazy(() => import('@actions/glob')),
  /** Markdown bodies. */
  marked: lazy(() => import('marked')),
  /** The text part of a message given only as HTML. */
  htmlToText: lazy(() => import('html-to-text')),
  /** The whole of @actions/core with its HTTP stack, only for GitHub's OIDC token (see report/runner-commands.ts). */
  actionsCore: lazy(() => import('@actions/core')),
  /** Octokit, to read the run's jobs for the message. */
  octokit: lazy(() => Promise.all([import('@actions/github'), import('@actions/github/lib/utils')]))
}
