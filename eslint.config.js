import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

// Everything the action prints goes through src/report/log.ts, the one printer that keeps outside text
// (server replies, event text, file names) from being run as a workflow command and hides Bcc
// addresses. Printing any other way fails the lint.
const PRINT_ADVICE = 'Print through `log` (src/report/log.ts): it fences outside text and hides Bcc addresses.'
const printers = ['info', 'warning', 'error', 'notice', 'debug', 'setFailed']
const PRINTER_IMPORT = {
  selector: `ImportDeclaration[source.value=/^@actions\\/core$|runner-commands\\.js$/] > ImportSpecifier[imported.name=/^(${printers.join('|')})$/]`,
  message: PRINT_ADVICE
}

// The start-up rule: dist/index.js, the chunk Node parses before anything else, holds only what
// reads the inputs and dials SMTP, so the connection attempt leaves before the toolkit, msal,
// Liquid or MIME composition are even parsed. ncc splits off whatever is loaded with import(),
// so the start-chunk folders may name heavy modules only in `import type`.
const START_CHUNK = [
  'src/index.ts',
  'src/main.ts',
  'src/boot/**/*.ts',
  'src/inputs/**/*.ts',
  'src/smtp/**/*.ts',
  'src/shared/**/*.ts',
  'src/stages.ts'
]
const START_UP_RULE =
  'Start-up rule: the start chunk (src/index.ts, main.ts, stages.ts, boot/, inputs/, smtp/, shared/) holds only what reads the inputs and dials SMTP.'
const HEAVY_ADVICE = `${START_UP_RULE} Load this package after the dial, through src/stages.ts; \`import type\` is fine.`
const POST_DIAL_ADVICE = `${START_UP_RULE} auth/, message/, delivery/, run-info/, report/ and diagnosis/ load after the dial, through src/stages.ts (import()); \`import type\` is fine.`
const startChunkFence = {
  patterns: [
    {
      // A package and its subpaths: @actions/github/lib/utils loads Octokit as much as the root does.
      // @actions/http-client/lib/proxy is the proxy decision alone (no HTTP stack, no undici).
      regex:
        '^(?:@actions/(?:core|github|glob)|@actions/http-client(?!/lib/proxy$)|@azure/msal-node|liquidjs|yaml|marked|html-to-text)(?:/.*)?$',
      caseSensitive: true,
      allowTypeImports: true,
      message: HEAVY_ADVICE
    },
    { regex: '^@octokit/', caseSensitive: true, allowTypeImports: true, message: HEAVY_ADVICE },
    {
      // The SMTP client (nodemailer/lib/smtp-connection, addressparser …) is the start chunk's job;
      // the root (transports, the lot) and MIME composition are not.
      regex: '^nodemailer(?:/lib/(?:mail-composer|mime-node)(?:/.*)?)?$',
      caseSensitive: true,
      allowTypeImports: true,
      message: HEAVY_ADVICE
    },
    {
      regex: '^\\.\\.?/(?:\\.\\./)*(?:auth|message|delivery|run-info|report|diagnosis)/',
      caseSensitive: true,
      allowTypeImports: true,
      message: POST_DIAL_ADVICE
    }
  ]
}

// The layers of src/, bottom first (CONTRIBUTING.md, "Layers", shows this table). A folder may
// import the folders of the layers below its own, type imports included, and nothing beside or
// above it; the composition root (main.ts, stages.ts, index.ts, boot/) may import everything.
// Lower code gets what the root loads (a stage, a port) as an argument.
export const LAYERS = [
  ['contracts', ['shared']],
  ['inputs', ['inputs']],
  ['transports', ['smtp', 'graph']],
  ['stages', ['auth', 'message', 'run-info']],
  ['diagnosis', ['diagnosis']],
  ['delivery', ['delivery']],
  ['report', ['report']]
]
export const ROOT = ['main.ts', 'stages.ts', 'index.ts', 'boot']

/** One zone per folder: everything beside it, above it, and the root is out of bounds. */
function layerZones() {
  const zones = []
  LAYERS.forEach(([layer, folders], index) => {
    const above = LAYERS.slice(index + 1).flatMap(([, higher]) => higher)
    for (const folder of folders) {
      const from = [...folders.filter((f) => f !== folder), ...above, ...ROOT]
      zones.push({
        target: `./src/${folder}`,
        from: from.map((f) => `./src/${f}`),
        message: `Layers: src/${folder}/ (layer "${layer}") may import only the layers below it (see CONTRIBUTING.md, "Layers"); what it needs from above comes in as an argument.`
      })
    }
  })
  return zones
}

export default tseslint.config(
  // scripts/yardstick/ holds a third party's file kept byte for byte (the bench's yardstick): not ours to lint.
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'build/', 'scripts/yardstick/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      ecmaVersion: 2023,
      sourceType: 'module',
      // Types from tsconfig.json (src, __tests__, scripts, the vitest configs): one program for all.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // Plain JavaScript (this file, scripts/*.mjs) is outside tsconfig.json: no type information.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked
  },
  {
    files: ['src/**/*.ts'],
    // log.ts is the printer, runner-commands.ts the toolkit it prints with; stages.ts is where the
    // dynamic imports live (no printing there either).
    ignores: ['src/report/log.ts', 'src/report/runner-commands.ts', 'src/stages.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        ...printers.map((property) => ({ object: 'core', property, message: PRINT_ADVICE })),
        { object: 'process', property: 'stdout', message: PRINT_ADVICE },
        { object: 'process', property: 'stderr', message: PRINT_ADVICE }
      ],
      'no-restricted-syntax': [
        'error',
        PRINTER_IMPORT,
        {
          // Every import that waits for the dial is in one place, in load order, with why it waits.
          selector: 'ImportExpression',
          message:
            'Load modules after the dial through src/stages.ts (a stage, passed down as an argument) or a package through src/shared/optional.ts, not with import() here.'
        }
      ]
    }
  },
  {
    // The optional packages' loaders: the one place below the root that may use import().
    files: ['src/shared/optional.ts'],
    rules: { 'no-restricted-syntax': ['error', PRINTER_IMPORT] }
  },
  {
    files: ['src/stages.ts'],
    rules: { 'no-console': 'error' }
  },
  {
    // A file a newcomer reads in a minute. Every line counts, comments and blank lines too, so the
    // lint agrees with `wc -l`.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }]
    }
  },
  {
    files: START_CHUNK,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', startChunkFence] }
  },
  {
    // The layers, and no import cycle (dynamic imports are the registry's, loaded later: not counted).
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // The plugin's TypeScript settings (which files it parses to follow their imports), with the resolver.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: import.meta.dirname })]
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones() }],
      'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: true }]
    }
  }
)
