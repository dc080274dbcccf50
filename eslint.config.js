import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Everything the action prints goes through src/report/log.ts, the one printer that keeps outside text
// (server replies, event text, file names) from being run as a workflow command and hides Bcc
// addresses. Printing any other way fails the lint.
const PRINT_ADVICE = 'Print through `log` (src/report/log.ts): it fences outside text and hides Bcc addresses.'
const printers = ['info', 'warning', 'error', 'notice', 'debug', 'setFailed']

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
      regex:
        '^(?:@actions/(?:core|github|glob|http-client)|@azure/msal-node|liquidjs|yaml|marked|html-to-text)(?:/.*)?$',
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

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'build/'] },
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
    // log.ts is the printer; stages.ts is where the dynamic imports live (no printing there either).
    ignores: ['src/report/log.ts', 'src/stages.ts'],
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
        {
          selector: `ImportDeclaration[source.value='@actions/core'] > ImportSpecifier[imported.name=/^(${printers.join('|')})$/]`,
          message: PRINT_ADVICE
        },
        {
          // Every import that waits for the dial is in one place, in load order, with why it waits.
          selector: 'ImportExpression',
          message: 'Load modules after the dial through src/stages.ts (`stages` or `optional`), not with import() here.'
        }
      ]
    }
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
  }
)
