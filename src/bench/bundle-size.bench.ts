/**
 * Initial JavaScript of the production build: the entry script plus every `modulepreload` that dist/index.html
 * names, gzipped. Budget: under 150 KB gzip before Monaco loads (issue 18: what paints the editor shell and the
 * first view; the views, dialogs, Korean and the engine's words load after, see src/ui/CONTEXT.md). The lazily loaded editor chunk and the
 * workers are reported for information. Builds first when dist/ is missing or older than the sources.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BenchFigure } from './figure'

const DIST = 'dist'
const BUDGET_KB = 150

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

function ensureFreshBuild(): void {
  const index = join(DIST, 'index.html')
  const sources = ['src', 'index.html', 'vite.config.ts', 'package-lock.json'].filter(existsSync)
  const stale = !existsSync(index) || Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs
  if (!stale) return
  process.stderr.write('dist/ is missing or older than the sources: running vite build …\n')
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error('vite build failed')
}

/** Paths (relative to dist/) of the entry script and its modulepreloads, as dist/index.html names them. */
export function findInitialScripts(html: string): string[] {
  const paths = new Set<string>()
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = /^<script\b/.test(tag) && /type="module"/.test(tag)
    const isPreload = /^<link\b/.test(tag) && /rel="modulepreload"/.test(tag)
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1]
    if ((isEntry || isPreload) && url && !/^[a-z]+:/i.test(url)) paths.add(url.replace(/^\//, ''))
  }
  return [...paths]
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
const gzipKb = (bytes: Buffer) => kb(gzipSync(bytes, { level: 9 }).length)

export async function run(): Promise<BenchFigure[]> {
  ensureFreshBuild()
  const initial = findInitialScripts(readFileSync(join(DIST, 'index.html'), 'utf8')).map((path) => readFileSync(join(DIST, path)))
  if (initial.length === 0) throw new Error('dist/index.html names no module script')
  const initialGzip = gzipKb(Buffer.concat(initial))
  const figures: BenchFigure[] = [
    { name: `initial JS, gzip (${initial.length} file${initial.length === 1 ? '' : 's'}: entry + modulepreloads)`, value: initialGzip, unit: 'KB', budget: `< ${BUDGET_KB}`, ok: initialGzip < BUDGET_KB },
    { name: 'initial JS, raw', value: kb(initial.reduce((n, b) => n + b.length, 0)), unit: 'KB' },
  ]

  const assets = readdirSync(join(DIST, 'assets'))
  const js = assets.filter((name) => name.endsWith('.js'))
  for (const name of js.filter((n) => /^YamlEditor-/.test(n) || /\.worker-/.test(n)).sort()) {
    const bytes = readFileSync(join(DIST, 'assets', name))
    const label = name.replace(/-[\w-]{8}\.js$/, '')
    const what = label === 'YamlEditor' ? 'Monaco editor chunk (lazy)' : `${label} (worker)`
    figures.push({ name: `${what}, gzip (raw ${kb(bytes.length)} KB)`, value: gzipKb(bytes), unit: 'KB' })
  }
  const all = js.map((name) => readFileSync(join(DIST, 'assets', name)))
  figures.push({ name: `all JS (${js.length} files), gzip each`, value: Math.round(all.reduce((n, b) => n + gzipKb(b), 0)), unit: 'KB' })
  return figures
}
