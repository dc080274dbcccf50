/**
 * Everything that loads after the SMTP connection attempt has left (see main.ts): the start chunk
 * (dist/index.js) holds only what reads the inputs and dials; every import here becomes a chunk
 * ncc splits off, and lint keeps the start-chunk folders from importing any of it directly.
 */
import { lazy } from './shared/lazy.js'

/**
 * Optional features: loaded on first use, once, and only by a run that uses them.
 */
export const optional = {
  /** The YAML parser, for the `vars` and `headers` inputs. */
  yaml: lazy(() => import('yaml')),
  /** Glob patterns of the `attachments` input. */
  glob: lazy(() => import('@actions/glob')),
  /** Markdown bodies. */
  marked: lazy(() => import('marked')),
  /** The text part of a message given only as HTML. */
  htmlToText: lazy(() => import('html-to-text')),
  /** Octokit, to read the run's jobs for the message. */
  octokit: lazy(() => Promise.all([import('@actions/github'), import('@actions/github/lib/utils')]))
}
