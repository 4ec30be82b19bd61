import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins do not run here.' }
const electronBan = { name: 'electron', message: 'This layer must run without Electron.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  {
    // Tools that demand a default export.
    files: ['*.config.ts', '*.config.mjs', 'e2e/global-setup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan], patterns: [nodeBuiltins] }],
    },
  },
  {
    // The engine, browser mode and the plain-Node helpers both shells use.
    files: [
      'src/main/engine/**/*.ts',
      'src/main/web/**/*.ts',
      'src/main/static-files.ts',
      'src/main/csp.ts',
      'src/main/settings-store.ts',
      'src/main/atomic-write.ts',
      'src/main/log-file.ts',
      'src/main/data-dir.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan] }] },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/ipc.ts', 'src/main/engine/**', 'src/main/web/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
        {
          selector: "ImportSpecifier[imported.name='ipcMain']",
          message: 'Only src/main/ipc.ts may import ipcMain.',
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electronBan], patterns: [nodeBuiltins] }],
    },
  },
  {
    files: ['src/renderer/**/*.test.{ts,tsx}', 'src/main/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests of pure shared code may use Node to check it (a real engine, a tool run).
    files: ['src/shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
