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

/** The clock, timers and randomness: the engine takes `now` and a seed from its caller, so a run repeats exactly. */
const clockMessage = 'src/engine is deterministic: take `now` (or a seed) from the caller.'
const clockGlobals = ['setTimeout', 'setInterval', 'setImmediate', 'performance']
  .map((name) => ({ name, message: `${clockMessage} No '${name}'.` }))
const clockProperties = [
  { object: 'Date', property: 'now' },
  { object: 'performance', property: 'now' },
  { object: 'Math', property: 'random' },
  { object: 'crypto', property: 'getRandomValues' },
  { object: 'crypto', property: 'randomUUID' },
].map((entry) => ({ ...entry, message: clockMessage }))
const noEval = { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }
const clockSyntax = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: `${clockMessage} No 'new Date()'.` },
  { selector: "CallExpression[callee.name='Date']", message: `${clockMessage} No 'Date()'.` },
]

/**
 * What the page, the worker and the command line may import from the engine (docs: src/engine/CONTEXT.md,
 * "Import surface"): its index, and these leaf modules. The page's eager code (src/ui, src/state) takes only types
 * from the index, because one value imported from it puts the whole engine into the initial JavaScript (b2fbfb6);
 * the values it needs on the main thread come from these small modules, which import nothing heavy.
 */
const engineLeafModules = ['diagnostics', 'limits', 'model/types', 'checks/rule-catalog', 'checks/rule-id', 'share/share-limits',
  'simulate/parameters', 'simulate/parameter-table', 'simulate/request-outcome', 'simulate/timeline-queries',
  'simulate/cursor-report-input', 'simulate/rejected-input', 'simulate/pod-phases', 'graph/node-size',
  'messages/catalog', 'messages/families-en', 'messages/families-ko', 'messages/languages', 'messages/message', 'messages/render',
  'messages/render-message', 'gateway/gateway-outcome']
const engineDeepImport = {
  regex: `^(\\.\\./)+engine/(?!(${engineLeafModules.join('|')})$)`,
  message: 'Import the engine through src/engine/index.ts (or a leaf module listed in eslint.config.js).',
}
/** Tests outside the engine may also take its fixtures (src/engine/testing). */
const engineDeepImportInTests = {
  regex: `^(\\.\\./)+engine/(?!(${engineLeafModules.join('|')}|testing/[\\w-]+)$)`,
  message: engineDeepImport.message,
}
const engineIndexValue = {
  regex: '^(\\.\\./)+engine(/index)?$',
  allowTypeImports: true,
  message: 'The page takes only types from the engine index (a value would put the whole engine into the initial JavaScript): import it from a leaf module listed in eslint.config.js, or ask the worker.',
}

/**
 * The test fixtures (src/engine/testing) serve tests, e2e specs and benchmarks only (the package smoke test, run by
 * `npm test`, is a test); production code never imports them. src/ui, src/state, src/worker and src/cli are already kept to the engine's index and leaf modules above.
 */
const testingImport = {
  regex: '(^|/)testing/',
  message: 'src/engine/testing holds test fixtures: only tests, e2e specs and benchmarks import it.',
}

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'node_modules/', 'test-results/', 'playwright-report/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', noEval],
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
      'no-restricted-globals': ['error', ...impureGlobals, ...clockGlobals],
      'no-restricted-properties': ['error', ...clockProperties],
      'no-restricted-syntax': ['error', noEval, ...clockSyntax],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [engineDeepImport, engineIndexValue] }] },
  },
  {
    files: ['src/worker/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [engineDeepImport] }] },
  },
  {
    files: ['src/worker/**/*.test.ts', 'src/cli/**/*.test.ts', 'src/ui/**/*.test.{ts,tsx}', 'src/state/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [engineDeepImportInTests] }] },
  },
  {
    files: ['src/worker/engine.worker.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/**', '**/state/**', 'react', 'react-dom'], message: 'The worker imports only the engine and the protocol.' }] }],
    },
  },
  {
    // Its own rule key, so it adds to the engine's purity rule (no-restricted-imports) instead of replacing it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'src/bench/**', 'src/engine/testing/**', 'src/tools/smoke-package.ts', 'src/ui/**', 'src/state/**', 'src/worker/**', 'src/cli/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [testingImport] }] },
  },
)
