/**
 * The run's reports as the tools would print them: vegeta's metrics (whole run or up to a cursor) and the stern
 * log stream. Thin glue over `vegeta-metrics.ts`, `vegeta-report.ts` and `stern.ts` for one `RolloutResult`.
 */
import { formatRfc3339Nano } from './go-format'
import type { RolloutResult } from './simulate-rollout'
import { formatSternLine } from './stern'
import { computeVegetaHistogram, computeVegetaMetrics, type AttackInfo } from './vegeta-metrics'
import type { VegetaHistogram, VegetaMetrics } from './vegeta-report'

/** What vegeta knew about the attack of this run. */
export function attackInfoOf(r: RolloutResult): AttackInfo {
  return { rate: r.attack.rate, requests: r.attack.requests, url: r.target.url, clockStart: r.parameters.clockStart, responseBytes: r.parameters.responseBytes }
}

/** vegeta's metrics for the requests sent before `untilMs` (whole seconds; default: the whole run). */
export function computeRolloutMetrics(r: RolloutResult, untilMs?: number): VegetaMetrics {
  return computeVegetaMetrics(r.timeline.seconds, attackInfoOf(r), r.firstSeq, untilMs)
}

/** vegeta's histogram over `bucketsNs` for the requests sent before `untilMs`. */
export function computeRolloutHistogram(r: RolloutResult, bucketsNs: readonly number[], untilMs?: number): VegetaHistogram {
  return computeVegetaHistogram(r.timeline.seconds, bucketsNs, untilMs)
}

/**
 * The logs as `stern <deployment> --timestamps` prints them, one line each, in time order. stern writes its `+`/`-`
 * lines to stderr; here they are interleaved so that one stream tells the story. Colours as stern uses on a terminal.
 */
export function formatRolloutLogs(r: RolloutResult, options: { colour?: boolean; timestamps?: boolean } = {}): string {
  let out = ''
  for (const line of r.logs) {
    const pod = r.timeline.pods[line.pod]!
    const timestamp = options.timestamps === false ? undefined : sternTimestamp(r.parameters.clockStart, line.timeMs)
    out += `${formatSternLine(line, pod.name, { colour: options.colour === true, timestamp })}\n`
  }
  return out
}

/** stern's default timestamp: RFC 3339 with exactly nine fractional digits. */
function sternTimestamp(clockStart: string, timeMs: number): string {
  const text = formatRfc3339Nano(clockStart, Math.round(timeMs * 1e6))
  const [whole, fraction = ''] = text.slice(0, -1).split('.')
  return `${whole}.${fraction.padEnd(9, '0')}Z`
}
