/**
 * A fuzz run's figures: inputs per target, a count per invariant, the slowest case, the wall time, and every
 * finding with the case index that replays it, counted as cases finish (here or in a child process).
 */
import { targetOf, TARGETS, type FuzzTarget, type Problem } from './fuzz-case'

export interface FuzzFinding {
  readonly index: number
  readonly target: FuzzTarget
  readonly kind: Problem['kind'] | 'over-time' | LostCase
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
  /** Time spent in each target's cases, in ms (where a run's time goes). */
  readonly msByTarget: Readonly<Record<FuzzTarget, number>>
  /** Every case that broke something, in order (the seed and index replay it). */
  readonly findings: readonly FuzzFinding[]
}

/** A case lost with its process: it never returned (killed by the watchdog) or took the process down. */
export type LostCase = 'hang' | 'crash'

/** Counts cases into a summary as they finish, in this process or reported by another. */
export interface Tally {
  record(index: number, ms: number, problems: readonly Problem[]): void
  lost(index: number, kind: LostCase, detail: string): void
  finish(seconds: number): FuzzSummary
}

function roundAll(record: Record<FuzzTarget, number>): Record<FuzzTarget, number> {
  return Object.fromEntries(Object.entries(record).map(([key, ms]) => [key, Math.round(ms)])) as Record<FuzzTarget, number>
}

export function createTally(seed: number, limitMs: number): Tally {
  const inputs = Object.fromEntries(TARGETS.map((target) => [target, 0])) as Record<FuzzTarget, number>
  const msByTarget = Object.fromEntries(TARGETS.map((target) => [target, 0])) as Record<FuzzTarget, number>
  const findings: FuzzFinding[] = []
  const counts = { total: 0, throws: 0, overTime: 0, slowestMs: 0, slowestCase: -1, secretBytes: 0, malformed: 0, rawControl: 0 }
  return {
    record(index, ms, problems) {
      const target = targetOf(index)
      inputs[target]++
      msByTarget[target] += ms
      counts.total++
      if (ms > counts.slowestMs) [counts.slowestMs, counts.slowestCase] = [ms, index]
      if (ms > limitMs) {
        counts.overTime++
        findings.push({ index, target, kind: 'over-time', detail: `${Math.round(ms)} ms` })
      }
      for (const problem of problems) {
        if (problem.kind === 'throw') counts.throws++
        if (problem.kind === 'malformed') counts.malformed++
        if (problem.kind === 'secret') counts.secretBytes += problem.bytes
        if (problem.kind === 'raw-control') counts.rawControl++
        findings.push({ index, target, kind: problem.kind, detail: problem.detail })
      }
    },
    lost(index, kind, detail) {
      const target = targetOf(index)
      inputs[target]++
      counts.total++
      // A hang is the worst run over time; a crash is a throw that escaped everything.
      if (kind === 'hang') counts.overTime++
      else counts.throws++
      findings.push({ index, target, kind, detail })
    },
    finish: (seconds) => ({ seed, limitMs, inputs, ...counts, seconds, msByTarget: roundAll(msByTarget), findings: [...findings].sort((a, b) => a.index - b.index) }),
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
