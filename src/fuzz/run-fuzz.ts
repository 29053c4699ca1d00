/**
 * The fuzz loop: cases 0…n-1 of one seed, each timed, their problems counted into one summary. In-process and
 * sequential, so the wall time of a case is its own (a case that never returned would hang the run; CI's job
 * timeout is the bound of last resort).
 */
import { commands } from '../cli/main'
import { caseInput, runCase, targetOf, TARGETS, type CaseInput, type FuzzTarget, type Problem } from './fuzz-case'

export interface FuzzOptions {
  readonly seed: number
  readonly cases: number
  /** A case taking longer than this counts as over time. */
  readonly limitMs: number
  /** The first case index (to replay one case: `first: i, cases: 1`). */
  readonly first?: number
  /** Called after each case, e.g. for a progress line or to print a replayed case. */
  readonly onCase?: (index: number, input: CaseInput, problems: readonly Problem[], ms: number) => void
}

export interface FuzzFinding {
  readonly index: number
  readonly target: FuzzTarget
  readonly kind: Problem['kind'] | 'over-time'
  readonly detail: string
}

export interface FuzzSummary {
  readonly seed: number
  readonly limitMs: number
  readonly inputs: Readonly<Record<FuzzTarget, number>>
  readonly total: number
  readonly throws: number
  readonly overTime: number
  readonly slowestMs: number
  readonly slowestCase: number
  readonly secretBytes: number
  readonly malformed: number
  readonly rawControl: number
  readonly seconds: number
  /** Every case that broke something, in order (the seed and index replay it). */
  readonly findings: readonly FuzzFinding[]
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  // Load every command first: a lazy import inside the first case of each would count against its time.
  await Promise.all(Object.values(commands).map((load) => load()))
  const inputs = Object.fromEntries(TARGETS.map((target) => [target, 0])) as Record<FuzzTarget, number>
  const findings: FuzzFinding[] = []
  let throws = 0, overTime = 0, secretBytes = 0, malformed = 0, rawControl = 0, slowestMs = 0, slowestCase = -1
  const started = performance.now()
  const first = options.first ?? 0
  for (let index = first; index < first + options.cases; index++) {
    const target = targetOf(index)
    const input = caseInput(options.seed, index)
    const before = performance.now()
    const problems = await runCase(input)
    const ms = performance.now() - before
    inputs[target]++
    if (ms > slowestMs) [slowestMs, slowestCase] = [ms, index]
    if (ms > options.limitMs) {
      overTime++
      findings.push({ index, target, kind: 'over-time', detail: `${Math.round(ms)} ms` })
    }
    for (const problem of problems) {
      if (problem.kind === 'throw') throws++
      if (problem.kind === 'malformed') malformed++
      if (problem.kind === 'secret') secretBytes += problem.bytes
      if (problem.kind === 'raw-control') rawControl++
      findings.push({ index, target, kind: problem.kind, detail: problem.detail })
    }
    options.onCase?.(index, input, problems, ms)
  }
  return {
    seed: options.seed,
    limitMs: options.limitMs,
    inputs,
    total: options.cases,
    throws,
    overTime,
    slowestMs,
    slowestCase,
    secretBytes,
    malformed,
    rawControl,
    seconds: (performance.now() - started) / 1000,
    findings,
  }
}

/** The one line CI shows: inputs per target, each invariant's count, the wall time. */
export function formatSummary(s: FuzzSummary): string {
  const perTarget = TARGETS.map((target) => `${target} ${s.inputs[target]}`).join(', ')
  return (
    `fuzz: ${s.total} inputs (${perTarget}), ${s.throws} throws, ${s.overTime} over ${s.limitMs} ms (slowest ${Math.round(s.slowestMs)} ms), ` +
    `${s.secretBytes} secret bytes, ${s.malformed} malformed outputs, ${s.rawControl} raw control chars, ${s.seconds.toFixed(1)} s (seed ${s.seed})`
  )
}

/** Whether the run keeps the invariants that fail CI; raw control characters only when `strictControl`. */
export function fuzzPassed(s: FuzzSummary, strictControl: boolean): boolean {
  return s.throws === 0 && s.overTime === 0 && s.secretBytes === 0 && s.malformed === 0 && (!strictControl || s.rawControl === 0)
}
