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

async function timedCase(input: CaseInput): Promise<{ problems: Problem[]; ms: number }> {
  const before = performance.now()
  const problems = await runCase(input)
  return { problems, ms: performance.now() - before }
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  // Load every command first: a lazy import inside the first case of each would count against its time.
  await Promise.all(Object.values(commands).map((load) => load()))
  const tally = createTally(options.seed, options.limitMs)
  const started = performance.now()
  for (let index = options.from; index < options.to; index += options.stride ?? 1) {
    options.onStart?.(index)
    const input = caseInput(options.seed, index)
    const { problems, ms } = await timedCase(input)
    // On a busy machine a pause of the process can put any case over; a case over the limit is timed once more
    // and counted by its faster run, so what counts is the case's own cost.
    const again = ms > options.limitMs ? (await timedCase(caseInput(options.seed, index))).ms : ms
    tally.record(index, Math.min(ms, again), problems)
    options.onCase?.(index, input, problems, Math.min(ms, again))
  }
  return tally.finish((performance.now() - started) / 1000)
}
