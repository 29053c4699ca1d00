/**
 * The packaged command's start-up (issue 17): wall time from spawning `node dist-cli/ingress-studio.mjs` (the file
 * `npm install -g` links as `ingress-studio`) to its exit, the median of 15 runs after 2 warm-ups. Budget for
 * `--help`: ≤ 150 ms. `node -e 0` on the same machine is reported beside it: the floor no launcher goes under.
 * Builds dist-cli/ first (src/tools/build-cli.ts).
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SEED_MANIFEST } from '../presets/seed'
import { median, type BenchFigure } from './figure'

const BIN = 'dist-cli/ingress-studio.mjs'

function wallMs(args: readonly string[]): number {
  const samples: number[] = []
  for (let i = 0; i < 17; i++) {
    const started = performance.now()
    const run = spawnSync(process.execPath, args, { stdio: 'ignore' })
    if (run.status !== 0 && run.status !== 1) throw new Error(`node ${args.join(' ')} exited ${run.status}`)
    if (i >= 2) samples.push(performance.now() - started)
  }
  return median(samples)
}

export async function run(): Promise<BenchFigure[]> {
  const built = spawnSync('npx', ['tsx', 'src/tools/build-cli.ts'], { stdio: 'inherit' })
  if (built.status !== 0) throw new Error('build-cli failed')
  const seed = join(tmpdir(), 'ingress-studio-bench-seed.yaml')
  writeFileSync(seed, SEED_MANIFEST)
  const help = wallMs([BIN, '--help'])
  return [
    { name: 'ingress-studio --help, spawn to exit', value: help, unit: 'ms', budget: '≤ 150', ok: help <= 150 },
    { name: 'ingress-studio --version, spawn to exit', value: wallMs([BIN, '--version']), unit: 'ms' },
    { name: 'ingress-studio lint (the seed, 193 lines), spawn to exit', value: wallMs([BIN, 'lint', seed]), unit: 'ms' },
    { name: 'node -e 0 (the floor)', value: wallMs(['-e', '0']), unit: 'ms' },
  ]
}
