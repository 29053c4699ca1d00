// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** Imports the pure engine must never make: it runs unchanged in Node, the worker and benchmarks. */
const impureModules = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/engine is pure: no React.' },
  { group: ['monaco-editor', 'monaco-editor/*', 'monaco-yaml', '@monaco-editor/*'], message: 'src/engine is pure: no Monaco.' },
  { group: ['@xyflow/*'], message: 'src/engine is pure: no xyflow.' },
  { group: ['zustand', 'zustand/*'], message: 'src/engine is pure: no store.' },
  { group: ['**/ui/**', '**/state/**', '**/worker/**', '**/cli/**'], message: 'src/engine may import only itself and plain libraries.' },
  { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/engine is pure: no Node built-ins (the CLI reads files).' },
]

/** Globals that exist only in a browser or a worker. */
const impureGlobals = ['window', 'document', 'self', 'navigator', 'localStorage', 'sessionStorage', 'postMessage',
  'importScripts', 'location', 'fetch', 'XMLHttpRequest', 'Worker', 'requestAnimationFrame', 'process']
  .map((name) => ({ name, message: `src/engine is pure: no '${name}'.` }))

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: impureModules }],
      'no-restricted-globals': ['error', ...impureGlobals],
    },
  },
  {
    files: ['src/worker/engine.worker.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/**', '**/state/**', 'react', 'react-dom'], message: 'The worker imports only the engine and the protocol.' }] }],
    },
  },
)
