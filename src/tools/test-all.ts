/**
 * `npm test`: every check the project has, in the order a failure is cheapest to find — type check, lint,
 * unit tests, fuzz, the installed package, production build, e2e in Chromium — and a plain summary line per
 * suite (`unit: N passed, N failed`, `fuzz: N inputs (…), N throws, …`, `package: N passed, N failed (…)`,
 * `e2e: N passed, N failed`) that CI reads. Exits non-zero when
 * anything fails.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { findChromium } from '../../e2e/find-chromium'

const reports = 'reports'
mkdirSync(reports, { recursive: true })

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = result.status === 0
  console.log(`${ok ? '✔' : '✘'} ${title} (${seconds} s)`)
  return ok
}

/**
 * Runs the commands at once (each is one process on one core), holds each one's output back and prints it whole,
 * in the order given, once all have ended; resolves to whether each passed.
 */
async function runTogether(tasks: readonly { title: string; command: string; args: string[] }[]): Promise<boolean[]> {
  console.log(`\n▶ at once: ${tasks.map((task) => task.title).join(', ')}`)
  const ended = await Promise.all(
    tasks.map(
      ({ command, args }) =>
        new Promise<{ ok: boolean; output: string; seconds: string }>((resolve) => {
          const started = Date.now()
          const chunks: Buffer[] = []
          const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
          child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
          child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk))
          const end = (ok: boolean, extra = '') =>
            resolve({ ok, output: Buffer.concat(chunks).toString('utf8') + extra, seconds: ((Date.now() - started) / 1000).toFixed(1) })
          child.on('error', (error) => end(false, `${error.message}\n`))
          child.on('close', (code) => end(code === 0))
        }),
    ),
  )
  return tasks.map(({ title, command, args }, index) => {
    const { ok, output, seconds } = ended[index]!
    console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`)
    if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`)
    console.log(`${ok ? '✔' : '✘'} ${title} (${seconds} s)`)
    return ok
  })
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined
}

function chromiumOrExplain(): boolean {
  const path = findChromium()
  if (path && existsSync(path)) return true
  if (!path) {
    // Playwright's own browser, if `npx playwright install chromium` was run on a machine that can download it.
    const cache = `${process.env.HOME}/.cache/ms-playwright`
    if (existsSync(cache)) return true
  }
  console.error(
    'No Chromium found for the e2e tests.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk\n' +
      '  Elsewhere:     npx playwright install chromium   (downloads Playwright\'s own build)\n' +
      '  Or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  )
  return false
}

const failures: string[] = []
if (!chromiumOrExplain()) process.exit(2)

// The type check and the lint are one process each: side by side on two cores (a quiet machine: 35.5 s → 31.7 s).
const [typesOk, lintOk] = await runTogether([
  { title: 'type check', command: 'npx', args: ['tsc', '--noEmit', '-p', '.'] },
  { title: 'lint', command: 'npx', args: ['eslint', '.', '--max-warnings', '0'] },
])
if (!typesOk) failures.push('type check')
if (!lintOk) failures.push('lint')

// Vitest's default on 2 cores is one worker, and the main process (module transforms) then waits on it or it on
// the main process: two workers keep both cores busy (a quiet 2-core machine: 38 s → 25 s and 77 s → 41 s on parts of the suite).
const parallel = String(Math.max(1, Math.min(2, availableParallelism())))
const unitOk = run('unit tests', 'npx', ['vitest', 'run', `--maxWorkers=${parallel}`, '--reporter=default', '--reporter=json', `--outputFile=${reports}/unit.json`])
const unit = readJson(`${reports}/unit.json`) as { numPassedTests: number; numFailedTests: number } | undefined
console.log(`unit: ${unit?.numPassedTests ?? 0} passed, ${unit?.numFailedTests ?? (unitOk ? 0 : 1)} failed`)
if (!unitOk) failures.push('unit tests')

// The seeded fuzz run of every CLI command and the share codec (npm run fuzz); its figures go on their own line.
rmSync(`${reports}/fuzz.json`, { force: true })
const fuzzOk = run('fuzz', 'npx', ['tsx', 'src/tools/fuzz.ts'])
const fuzz = readJson(`${reports}/fuzz.json`) as { summaryLine: string } | undefined
console.log(fuzz?.summaryLine ?? 'fuzz: no figures (the run did not finish)')
if (!fuzzOk) failures.push('fuzz')

// The command as a user installs it: npm pack, a global install of the tarball without the registry, every command
// once through the installed bin (src/tools/smoke-package.ts prints its own `package:` line).
if (!run('package', 'npx', ['tsx', 'src/tools/smoke-package.ts'])) failures.push('package')

if (!run('build', 'npx', ['vite', 'build'])) {
  failures.push('build')
} else {
  const e2eOk = run('e2e tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json`,
  })
  const e2e = readJson(`${reports}/e2e.json`) as { stats: { expected: number; unexpected: number; flaky: number } } | undefined
  const passed = (e2e?.stats.expected ?? 0) + (e2e?.stats.flaky ?? 0)
  console.log(`e2e: ${passed} passed, ${e2e?.stats.unexpected ?? (e2eOk ? 0 : 1)} failed`)
  if (!e2eOk) failures.push('e2e tests')
}

if (failures.length > 0) {
  console.error(`\nFailed: ${failures.join(', ')}`)
  process.exit(1)
}
console.log('\nAll checks passed.')
