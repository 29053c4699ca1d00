/**
 * The fuzz run spread over child processes (one per core), each taking every `jobs`-th case of the schedule, so
 * the mix per process is the same. A child reports `start <i>` before and `case <i> <ms> <problems>` after each
 * case; a watchdog kills a child whose case has not finished within `hangMs` (a loop that never returns cannot
 * be stopped from inside), records that case as hung, and starts a fresh child at its next case. A child that
 * dies on its own records its case as a crash the same way.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { Problem } from './fuzz-case'
import { createTally, type FuzzSummary, type LostCase, type Tally } from './summary'

export interface ChildRunOptions {
  readonly seed: number
  readonly cases: number
  readonly limitMs: number
  readonly jobs: number
  readonly hangMs: number
  /** The command that runs one child: its arguments get `--child --seed … --from … --to … --stride …` appended. */
  readonly command: readonly [string, ...string[]]
}

/** Runs cases `from`, `from + stride`, … in one child; resolves to the case it lost (and how), or null when done. */
function runChild(options: ChildRunOptions, from: number, tally: Tally): Promise<{ index: number; kind: LostCase; detail: string } | null> {
  const [program, ...args] = options.command
  const child = spawn(program, [...args, '--child', '--seed', String(options.seed), '--from', String(from), '--to', String(options.cases), '--stride', String(options.jobs), '--limit-ms', String(options.limitMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let running: number | null = null
  let stderr = ''
  let hung = false
  let watchdog: NodeJS.Timeout | undefined
  const arm = (): void => {
    clearTimeout(watchdog)
    watchdog = setTimeout(() => {
      hung = true
      child.kill('SIGKILL')
    }, options.hangMs)
  }
  arm()
  child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)))
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, index, ms, ...rest] = line.split(' ')
    if (word === 'start') {
      running = Number(index)
      arm()
    } else if (word === 'case') {
      tally.record(Number(index), Number(ms), JSON.parse(rest.join(' ')) as Problem[])
      running = null
    }
  })
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(watchdog)
      if (running === null && code === 0) return resolve(null)
      const index = running ?? -1
      if (hung) return resolve({ index, kind: 'hang', detail: `no answer within ${options.hangMs} ms; the process was killed` })
      resolve({ index, kind: 'crash', detail: `the fuzz process exited (${signal ?? `code ${code}`}): ${stderr.trim().split('\n').slice(-6).join('\n')}` })
    })
  })
}

/** One lane of the schedule: a child from `from`, and after each lost case a new one after it. */
async function runLane(options: ChildRunOptions, from: number, tally: Tally): Promise<void> {
  for (let next = from; next < options.cases; ) {
    const lost = await runChild(options, next, tally)
    if (lost === null) return
    // A child lost outside any case (at start-up, say) would be lost again; stop rather than spawn for ever.
    if (lost.index < 0) throw new Error(`a fuzz child failed outside a case: ${lost.detail}`)
    tally.lost(lost.index, lost.kind, lost.detail)
    next = lost.index + options.jobs
  }
}

export async function runInChildren(options: ChildRunOptions): Promise<FuzzSummary> {
  const tally = createTally(options.seed, options.limitMs)
  const started = performance.now()
  await Promise.all(Array.from({ length: options.jobs }, (_, lane) => runLane(options, lane, tally)))
  return tally.finish((performance.now() - started) / 1000)
}
