/**
 * The command as a user installs it (issue 17): the package packed and installed into an empty prefix
 * (src/tools/install-package.ts), then timed from spawn to exit.
 * - Start-up: `--help` and `--version`, the median of 15 runs after 2 warm-ups. Budget for `--help`: ≤ 150 ms.
 *   `node -e 0` is reported beside them: the floor no launcher goes under.
 * - Lint throughput: the 2 MB, 3,000-object manifest (`realisticManifest(1000)`), median of 3. Budget ≤ 1.5 s.
 * - Cluster size: `lint` and `route` of a generated `kubectl get -o yaml` export of 20,001 objects (27 MB), with
 *   the peak resident memory of the process (VmHWM, read from /proc while it runs).
 * - Route bulk: `route --requests` of 200,000 JSON lines at 10 Ingresses and 1,000,000 at 10,000 (× 10 paths, route.bench.ts's
 *   fleet and request mix), requests/s of the request loop including reading and writing the JSON lines: the
 *   process's CPU time less that of the same run with one request (start-up and analysis), the least of three
 *   runs each. CPU time (user + system, as bash's `time` reports it for the child) rather than wall time: on a
 *   shared machine the wall time of a 20 s start-up varies by more than the loop takes. Budget ≥ 100,000/s,
 *   with `--no-trace`; the rate with the trace is reported beside it.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { kubectlExport, realisticManifest } from '../engine/testing/large-manifests'
import { SEED_MANIFEST } from '../presets/seed'
import { installPackage } from '../tools/install-package'
import { median, type BenchFigure } from './figure'
import { buildRequests, fleetFiles } from './route.bench'

function wallMs(args: readonly string[], runs = 15): number {
  const samples: number[] = []
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now()
    const run = spawnSync(process.execPath, args, { stdio: 'ignore' })
    if (run.status !== 0 && run.status !== 1) throw new Error(`node ${args.join(' ')} exited ${run.status}`)
    if (i >= 2) samples.push(performance.now() - started)
  }
  return median(samples)
}

/** Wall time and peak resident set (kB, VmHWM polled from /proc every 20 ms) of one run. */
async function measured(args: readonly string[]): Promise<{ ms: number; peakKb: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { stdio: 'ignore' })
  let peakKb = 0
  const poll = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]))
    } catch {
      // the process has just exited
    }
  }, 20)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearInterval(poll)
  if (code !== 0 && code !== 1) throw new Error(`node ${args.join(' ')} exited ${code}`)
  return { ms: performance.now() - started, peakKb }
}

/** Request lines per bulk run: at 10,000 Ingresses start-up alone varies by a second, so the loop must take several. */
const bulkRequests = (count: number): number => (count >= 10_000 ? 1_000_000 : 200_000)

function writeFleet(work: string, count: number): { files: string[]; many: string; one: string } {
  const files = fleetFiles(count).map((file) => {
    const path = join(work, `${count}-${file.name}`)
    writeFileSync(path, file.text)
    return path
  })
  const mix = buildRequests(count).map((request) => JSON.stringify(request))
  const lines: string[] = []
  for (let i = 0; i < bulkRequests(count); i++) lines.push(mix[i % mix.length] as string)
  const many = join(work, `requests-${count}.jsonl`)
  writeFileSync(many, `${lines.join('\n')}\n`)
  const one = join(work, `request-${count}.jsonl`)
  writeFileSync(one, `${mix[0]}\n`)
  return { files, many, one }
}

/** CPU milliseconds (user + system) of one run of `node args`, stdout to /dev/null, as bash's `time` counts them. */
function cpuMs(args: readonly string[]): number {
  const quoted = [process.execPath, ...args].map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ')
  const run = spawnSync('bash', ['-c', `TIMEFORMAT='%3U %3S'; time ${quoted} > /dev/null 2>&1`], { encoding: 'utf8' })
  const [user, system] = run.stderr.trim().split(/\s+/).map(Number)
  if (user === undefined || system === undefined || Number.isNaN(user + system)) throw new Error(`no time for node ${args.join(' ')}: ${run.stderr}`)
  return (user + system) * 1000
}

function routeBulk(bin: string, work: string, count: number): BenchFigure[] {
  const fleet = writeFleet(work, count)
  const least = (args: readonly string[]): number => Math.min(cpuMs(args), cpuMs(args), cpuMs(args))
  const command = [bin, 'route', ...fleet.files, '--requests']
  const fixed = least([...command, fleet.one, '--no-trace'])
  const rate = bulkRequests(count) / ((least([...command, fleet.many, '--no-trace']) - fixed) / 1000)
  // One run: with the trace the loop is long enough on its own (over a minute for a million lines).
  const traced = bulkRequests(count) / ((cpuMs([...command, fleet.many]) - fixed) / 1000)
  const label = `${count.toLocaleString('en-US')} Ingresses × 10 paths`
  return [
    { name: `route --requests --no-trace, ${label}: requests/s with JSON I/O`, value: rate, unit: 'req/s', budget: '≥ 100,000', ok: rate >= 100_000 },
    { name: `  with the trace`, value: traced, unit: 'req/s' },
    { name: `  start-up and analysis (CPU)`, value: fixed, unit: 'ms' },
  ]
}

export async function run(): Promise<BenchFigure[]> {
  const work = mkdtempSync(join(tmpdir(), 'ingress-studio-bench-cli-'))
  try {
    const { bin } = installPackage(work)
    const seed = join(work, 'seed.yaml')
    writeFileSync(seed, SEED_MANIFEST)
    const manifest = join(work, 'realistic-3000.yaml')
    writeFileSync(manifest, realisticManifest(1000))
    const exported = join(work, 'export-20001.yaml')
    writeFileSync(exported, stringify(kubectlExport(6667), { indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false }))
    const help = wallMs([bin, '--help'])
    const lint = wallMs([bin, 'lint', manifest], 3)
    const bigLint = await measured([bin, 'lint', exported])
    const bigRoute = await measured([bin, 'route', exported, '--url', 'http://app-4321.example.com/api/orders'])
    return [
      { name: 'ingress-studio --help, spawn to exit', value: help, unit: 'ms', budget: '≤ 150', ok: help <= 150 },
      { name: 'ingress-studio --version, spawn to exit', value: wallMs([bin, '--version']), unit: 'ms' },
      { name: 'ingress-studio lint (the seed, 193 lines), spawn to exit', value: wallMs([bin, 'lint', seed]), unit: 'ms' },
      { name: 'node -e 0 (the floor)', value: wallMs(['-e', '0']), unit: 'ms' },
      { name: 'lint, 3,000 objects (2.1 MB), spawn to exit', value: lint, unit: 'ms', budget: '≤ 1,500', ok: lint <= 1_500 },
      { name: 'lint, kubectl export of 20,001 objects (27 MB)', value: bigLint.ms / 1000, unit: 's' },
      { name: '  peak resident memory', value: bigLint.peakKb / 1024, unit: 'MiB' },
      { name: 'route --url, the same export', value: bigRoute.ms / 1000, unit: 's' },
      { name: '  peak resident memory', value: bigRoute.peakKb / 1024, unit: 'MiB' },
      ...routeBulk(bin, work, 10),
      ...routeBulk(bin, work, 10_000),
    ]
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
