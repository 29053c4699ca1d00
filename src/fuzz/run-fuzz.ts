/**
 * The fuzz loop: a range of cases of one seed, each timed, their problems counted into one summary. In-process
 * and sequential, so the wall time of a case is its own; a case that never returns is caught from outside, by
 * the watchdog of `run-in-children.ts`.
 */
import { commands } from '../cli/main'
import { caseInput, runCase, type CaseInput, type Problem } from './fuzz-case'
import { createTally, type FuzzSummary } from './summary'

export interface FuzzOptions {
  readonly seed: number
  /** The cases run: `from`, `from + stride`, … below `to`, so runs in parallel can share one schedule. */
  readonly from: number
  readonly to: number
  readonly stride?: number
  /** A case taking longer than this counts as over time. */
  readonly limitMs: number
  /** Called before each case (a watchdog outside the process learns which case hangs). */
  readonly onStart?: (index: number) => void
  /** Called after each case, e.g. to print a replayed case. */
  readonly onCase?: (index: number, input: CaseInput, problems: readonly Problem[], ms: number) => void
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  // Load every command first: a lazy import inside the first case of each would count against its time.
  await Promise.all(Object.values(commands).map((load) => load()))
  const tally = createTally(options.seed, options.limitMs)
  const started = performance.now()
  for (let index = options.from; index < options.to; index += options.stride ?? 1) {
    options.onStart?.(index)
    const input = caseInput(options.seed, index)
    const before = performance.now()
    const problems = await runCase(input)
    const ms = performance.now() - before
    tally.record(index, ms, problems)
    options.onCase?.(index, input, problems, ms)
  }
  return tally.finish((performance.now() - started) / 1000)
}
