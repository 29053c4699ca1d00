/**
 * vegeta's report and latency histogram for a run, whole or up to a cursor, from the per-second record alone
 * (no `RolloutResult`): a player asks for it as the cursor moves, so the input is the small, clonable part of a
 * run that the reports need (`cursor-report-input.ts`), and the answer is the printed text plus the numbers to draw.
 */
import type { CursorReportInput } from './cursor-report-input'
import { computeVegetaHistogram, computeVegetaMetrics } from './vegeta-metrics'
import { formatVegetaHistogram, formatVegetaText, type VegetaHistogram } from './vegeta-report'

export interface CursorReport {
  readonly untilMs: number | null
  /** `vegeta report` text. */
  readonly text: string
  /** `vegeta report -type=hist[...]` text. */
  readonly histogramText: string
  readonly histogram: VegetaHistogram
  readonly requests: number
  readonly success: number
}

/** vegeta's text report and histogram for the requests sent before the cursor (or all). */
export function computeCursorReport(input: CursorReportInput): CursorReport {
  const until = input.untilMs ?? undefined
  const metrics = computeVegetaMetrics(input.seconds, input.attack, input.firstSeq, until)
  const histogram = computeVegetaHistogram(input.seconds, input.bucketsNs, until)
  return {
    untilMs: input.untilMs,
    text: formatVegetaText(metrics),
    histogramText: formatVegetaHistogram(histogram),
    histogram,
    requests: metrics.requests,
    success: Math.round(metrics.success * metrics.requests),
  }
}

const MS = 1e6

/** Rounds up to a value a person reads easily (1, 1.5, 2, 2.5, 5 or 7.5 × a power of ten), in ns. */
function roundNice(ns: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(ns))
  const steps = [1, 1.5, 2, 2.5, 5, 7.5, 10]
  const step = steps.find((s) => ns <= s * magnitude * 1.0001) ?? 10
  return Math.round(step * magnitude)
}

/**
 * Histogram buckets around the app's request time, so the bars separate the ingress's instant error pages
 * (about 1 ms), fast and slow successes and outliers: 0, 2 ms, then ½, ¾, 1, 1½, 2, 4 and 20 × the request time,
 * rounded to readable values. A request time of 0 gives fixed millisecond buckets.
 */
export function chooseHistogramBuckets(requestSeconds: number): number[] {
  const base = requestSeconds * 1e9
  const candidates = base <= 0 ? [1, 2, 5, 10, 50, 100].map((m) => m * MS) : [2 * MS, ...[0.5, 0.75, 1, 1.5, 2, 4, 20].map((f) => roundNice(base * f))]
  const buckets = [0]
  for (const c of candidates.sort((a, b) => a - b)) if (c > buckets[buckets.length - 1]!) buckets.push(c)
  return buckets
}
