import { readFileSync } from 'node:fs'
import type { TemplateSource } from './settings.js'

// The default messages are Liquid files in templates/. They are read the same way from the
// sources and from the bundle: ncc copies every file referenced as `new URL(…, import.meta.url)`
// next to dist/index.js and rewrites the reference to a path string.
function load(name: string, location: URL | string, input: TemplateSource['input']): TemplateSource {
  return { input, text: readFileSync(location, 'utf8'), file: `templates/${name}` }
}

/** The built-in subject, text and HTML templates used when no template input is given. */
export const DEFAULT_TEMPLATES = {
  subject: load('default.subject.liquid', new URL('../templates/default.subject.liquid', import.meta.url), 'subject'),
  text: load('default.text.liquid', new URL('../templates/default.text.liquid', import.meta.url), 'body'),
  html: load('default.html.liquid', new URL('../templates/default.html.liquid', import.meta.url), 'html-body')
} as const
