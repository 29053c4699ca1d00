/**
 * Production builds for the browser benchmarks: the studio itself (dist/, rebuilt when older than the sources)
 * and the graph benchmark's own page, built apart into node_modules/.cache so it never enters the studio's bundle.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

export const PERF_OUT_DIR = 'node_modules/.cache/ingress-studio-graph-perf'
export const PERF_PAGE = 'src/bench/graph-perf/perf.html'

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

function isStale(output: string): boolean {
  const sources = ['src', 'index.html', 'vite.config.ts', 'package-lock.json'].filter(existsSync)
  return !existsSync(output) || Math.max(...sources.map(newestMtime)) > statSync(output).mtimeMs
}

/** Builds the studio into dist/ unless it is newer than every source. */
export async function ensureStudioBuild(): Promise<string> {
  if (isStale(join('dist', 'index.html'))) {
    process.stderr.write('dist/ is missing or older than the sources: building the studio …\n')
    await build({ logLevel: 'warn' })
  }
  return 'dist'
}

/** Builds the benchmark page; returns the directory to serve. */
export async function buildPerfPage(): Promise<string> {
  if (isStale(join(PERF_OUT_DIR, PERF_PAGE))) {
    process.stderr.write('building the graph benchmark page …\n')
    await build({ logLevel: 'warn', build: { outDir: PERF_OUT_DIR, emptyOutDir: true, rollupOptions: { input: PERF_PAGE } } })
  }
  return PERF_OUT_DIR
}
