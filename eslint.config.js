import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Everything the action prints goes through src/report/log.ts, the one printer that keeps outside text
// (server replies, event text, file names) from being run as a workflow command and hides Bcc
// addresses. Printing any other way fails the lint.
const PRINT_ADVICE = 'Print through `log` (src/report/log.ts): it fences outside text and hides Bcc addresses.'
const printers = ['info', 'warning', 'error', 'notice', 'debug', 'setFailed']

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/report/log.ts'],
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
        }
      ]
    }
  }
)
