/**
 * The part of a finished run that vegeta's report up to a cursor needs, picked out of a `RolloutResult` as plain
 * data. Apart from `cursor-report.ts` so that the page can build a request without loading the report code.
 */
import type { RolloutResult } from './simulate-rollout'
import type { SecondStats } from './timeline'
import type { AttackInfo } from './vegeta-metrics'

/** What `computeCursorReport` needs of a run: plain data, cheap to send to a worker. */
export interface CursorReportInput {
  readonly seconds: SecondStats
  readonly attack: AttackInfo
  /** Hit number of each outcome's first request (vegeta's error order). */
  readonly firstSeq: Float64Array
  /** Requests sent before this time count (whole seconds); `null` = the whole run. */
  readonly untilMs: number | null
  /** Histogram buckets in ns, ascending, the first 0 (`chooseHistogramBuckets`). */
  readonly bucketsNs: readonly number[]
}

/** The report input of a finished run, up to `untilMs` (`null` = all). */
export function cursorReportInputOf(r: RolloutResult, untilMs: number | null, bucketsNs: readonly number[]): CursorReportInput {
  return {
    seconds: r.timeline.seconds,
    attack: { rate: r.attack.rate, requests: r.attack.requests, url: r.target.url, clockStart: r.parameters.clockStart, responseBytes: r.parameters.responseBytes },
    firstSeq: r.firstSeq,
    untilMs,
    bucketsNs,
  }
}
