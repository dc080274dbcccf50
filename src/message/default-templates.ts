import { readFileSync } from 'node:fs'
import type { TemplateSource } from '../inputs/template-sources.js'

// The default messages are Liquid files in templates/. They are read the same way from the
// sources and from the bundle: ncc copies every file referenced as `new URL(…, import.meta.url)`
// next to dist/index.js and rewrites the reference to a path string. ncc cannot follow a computed
// name, so every file has its own `new URL`; and it puts them all in one directory, so the names
// are unique.

function read(location: URL | string): string {
  return readFileSync(location, 'utf8')
}

function load(name: string, location: URL | string, input: TemplateSource['input']): TemplateSource {
  return { input, text: read(location), file: `templates/${name}` }
}

/** The subject, text and HTML templates of one default message. */
export interface DefaultMessageFiles {
  subject: TemplateSource
  text: TemplateSource
  html: TemplateSource
}

const status: DefaultMessageFiles = {
  subject: load('status.subject.liquid', new URL('../../templates/status.subject.liquid', import.meta.url), 'subject'),
  text: load('status.text.liquid', new URL('../../templates/status.text.liquid', import.meta.url), 'body'),
  html: load('status.html.liquid', new URL('../../templates/status.html.liquid', import.meta.url), 'html-body')
}

const generic: DefaultMessageFiles = {
  subject: load(
    'generic.subject.liquid',
    new URL('../../templates/generic.subject.liquid', import.meta.url),
    'subject'
  ),
  text: load('generic.text.liquid', new URL('../../templates/generic.text.liquid', import.meta.url), 'body'),
  html: load('generic.html.liquid', new URL('../../templates/generic.html.liquid', import.meta.url), 'html-body')
}

/** The default message for each kind of notification (see defaultMessageKind in render.ts). */
export const DEFAULT_MESSAGES = {
  release: {
    subject: load(
      'release.subject.liquid',
      new URL('../../templates/release.subject.liquid', import.meta.url),
      'subject'
    ),
    text: load('release.text.liquid', new URL('../../templates/release.text.liquid', import.meta.url), 'body'),
    html: load('release.html.liquid', new URL('../../templates/release.html.liquid', import.meta.url), 'html-body')
  },
  failure: status,
  cancelled: status,
  success: status,
  push: {
    subject: load('push.subject.liquid', new URL('../../templates/push.subject.liquid', import.meta.url), 'subject'),
    text: load('push.text.liquid', new URL('../../templates/push.text.liquid', import.meta.url), 'body'),
    html: load('push.html.liquid', new URL('../../templates/push.html.liquid', import.meta.url), 'html-body')
  },
  pull_request: {
    subject: load(
      'pull-request.subject.liquid',
      new URL('../../templates/pull-request.subject.liquid', import.meta.url),
      'subject'
    ),
    text: load(
      'pull-request.text.liquid',
      new URL('../../templates/pull-request.text.liquid', import.meta.url),
      'body'
    ),
    html: load(
      'pull-request.html.liquid',
      new URL('../../templates/pull-request.html.liquid', import.meta.url),
      'html-body'
    )
  },
  workflow_dispatch: {
    subject: load(
      'dispatch.subject.liquid',
      new URL('../../templates/dispatch.subject.liquid', import.meta.url),
      'subject'
    ),
    text: load('dispatch.text.liquid', new URL('../../templates/dispatch.text.liquid', import.meta.url), 'body'),
    html: load('dispatch.html.liquid', new URL('../../templates/dispatch.html.liquid', import.meta.url), 'html-body')
  },
  schedule: {
    subject: load(
      'schedule.subject.liquid',
      new URL('../../templates/schedule.subject.liquid', import.meta.url),
      'subject'
    ),
    text: load('schedule.text.liquid', new URL('../../templates/schedule.text.liquid', import.meta.url), 'body'),
    html: load('schedule.html.liquid', new URL('../../templates/schedule.html.liquid', import.meta.url), 'html-body')
  },
  generic
} as const satisfies Record<string, DefaultMessageFiles>

/**
 * The pieces the default messages share, by the name they are included with
 * (`{% include 'row.html' %}`, `{% layout 'layout.html' %}`). Only the default messages' Liquid
 * engines know them; users' templates have no partials and no file system.
 */
export const DEFAULT_PARTIALS: Record<string, string> = {
  setup: read(new URL('../../templates/setup.liquid', import.meta.url)),
  status: read(new URL('../../templates/status.liquid', import.meta.url)),
  'layout.html': read(new URL('../../templates/layout.html.liquid', import.meta.url)),
  'row.html': read(new URL('../../templates/row.html.liquid', import.meta.url)),
  'failed-jobs.html': read(new URL('../../templates/failed-jobs.html.liquid', import.meta.url)),
  'failed-jobs.text': read(new URL('../../templates/failed-jobs.text.liquid', import.meta.url)),
  'jobs.html': read(new URL('../../templates/jobs.html.liquid', import.meta.url)),
  'jobs.text': read(new URL('../../templates/jobs.text.liquid', import.meta.url))
}

/** The frame of the HTML part rendered from a Markdown body (`markdown: true`). */
export const MARKDOWN_FRAME: TemplateSource = load(
  'markdown.html.liquid',
  new URL('../../templates/markdown.html.liquid', import.meta.url),
  'body'
)
