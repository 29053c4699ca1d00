/**
 * Builds the `ingress-studio` command for Node into dist-cli/ (`npm run build:cli`; `npm pack` runs it first):
 * two files and no dependencies, so the packed tarball installs on a machine with only Node.
 * - `ingress-studio.mjs`, the launcher (src/cli/bin.ts): answers `--help` and `--version` itself.
 * - `cli.mjs`, everything else in one bundle: the CLI, the engine, `yaml`, `fflate` and the ASN.1 schemas.
 * Two files rather than one because Node 20 parses a whole module before running it: the 2 MB bundle costs
 * ~80 ms on this machine (measured: `--help` 0.19 s from one file, 0.10-0.15 s from the launcher, `node -e 0`
 * 0.08-0.12 s), and the launcher imports the bundle only when a command runs.
 */
import { chmodSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'

const OUT = 'dist-cli'
const BUNDLE = 'cli.mjs'

// `yaml` resolves to its CommonJS build under Node's conditions; its `require('process')` needs a real require.
const requireShim = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"

/** The launcher's `import('./run-process')` becomes the bundle beside it. */
const bundleBeside: Plugin = {
  name: 'bundle-beside',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/run-process$/ }, () => ({ path: `./${BUNDLE}`, external: true }))
  },
}

/**
 * `yaml` from its browser build: its Node build reads `process.env.LOG_TOKENS` once per token (a C++ call each
 * in Node), a third of the parse time of a 2 MB manifest; the browser build, which the studio's worker runs, has
 * no such read and is otherwise the same code.
 */
const yamlBrowserBuild: Plugin = {
  name: 'yaml-browser-build',
  setup(builder) {
    // The package's exports map hides the file under Node's conditions; it sits beside dist/ (yaml/dist/index.js).
    const browserIndex = join(dirname(fileURLToPath(import.meta.resolve('yaml'))), '..', 'browser', 'index.js')
    builder.onResolve({ filter: /^yaml$/ }, () => ({ path: browserIndex }))
  },
}

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', legalComments: 'none', logLevel: 'warning' } as const

// Built afresh: a file left from an older build would be packed with the rest.
rmSync(OUT, { recursive: true, force: true })
await build({ ...common, entryPoints: ['src/cli/run-process.ts'], outfile: `${OUT}/${BUNDLE}`, banner: { js: requireShim }, plugins: [yamlBrowserBuild] })
await build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: `${OUT}/ingress-studio.mjs`, banner: { js: '#!/usr/bin/env node' }, plugins: [bundleBeside] })
chmodSync(`${OUT}/ingress-studio.mjs`, 0o755)
console.error(`built ${OUT}/ingress-studio.mjs and ${OUT}/${BUNDLE}`)
