/**
 * vegeta's metrics (lib/metrics.go `Close`) computed from the per-second record instead of per-request results,
 * for the whole attack or for the requests sent before a cursor (whole seconds). Percentiles are exact
 * nearest-rank values where vegeta uses a t-digest estimate; everything else follows vegeta's arithmetic.
 */
import { mergeSeconds, quantileOf } from './latency'
import { OUTCOME_CODES, OUTCOMES, type Outcome } from './request-outcome'
import type { SecondStats } from './timeline'
import type { VegetaHistogram, VegetaMetrics } from './vegeta-report'

/** What the attack was: rate, hit count and the URL (transport errors quote it). */
export interface AttackInfo {
  readonly rate: number
  readonly requests: number
  readonly url: string
  readonly clockStart: string
  readonly responseBytes: number
}

const statusText: Readonly<Record<number, string>> = {
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
}

/** nginx's built-in error page for a status line (what ingress-nginx sends without custom error pages). */
export function nginxErrorPage(status: string): string {
  return `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

/** vegeta's `error` field for a result of the given outcome. */
export function errorStringOf(outcome: Outcome, url: string): string {
  if (outcome === 'client-timeout') return `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
  return statusText[OUTCOME_CODES[outcome]] ?? ''
}

function bytesInOf(outcome: Outcome, attack: AttackInfo): number {
  if (outcome === 'ok') return attack.responseBytes
  if (outcome === 'client-timeout') return 0
  return new TextEncoder().encode(nginxErrorPage(statusText[OUTCOME_CODES[outcome]]!)).length
}

/** Seconds of `stats` that count: all, or those before `untilMs` (rounded down to a whole second). */
function secondsUntil(stats: SecondStats, untilMs: number | undefined): number {
  return untilMs === undefined ? stats.count : Math.max(0, Math.min(stats.count, Math.floor(untilMs / 1000)))
}

/** vegeta's metrics for the requests sent in the first `untilMs` (default: all). */
export function computeVegetaMetrics(stats: SecondStats, attack: AttackInfo, firstSeq: Float64Array, untilMs?: number): VegetaMetrics {
  const seconds = secondsUntil(stats, untilMs)
  const perOutcome = new Array<number>(OUTCOMES.length).fill(0)
  let latencyTotal = 0
  let endNs = 0
  for (let s = 0; s < seconds; s++) {
    for (let o = 0; o < OUTCOMES.length; o++) perOutcome[o]! += stats.outcomes[s * OUTCOMES.length + o]!
    latencyTotal += stats.latencySumNs[s]!
    endNs = Math.max(endNs, stats.maxEndNs[s]!)
  }
  const requests = perOutcome.reduce((a, b) => a + b, 0)
  const successes = perOutcome[0]!
  const hitNs = (n: number): number => Math.round((n * 1e9) / attack.rate)
  const earliestNs = requests > 0 ? hitNs(1) : null
  const latestNs = requests > 0 ? hitNs(requests) : null
  const durationNs = requests > 0 ? latestNs! - earliestNs! : 0
  const waitNs = requests > 0 ? Math.round(endNs) - latestNs! : 0
  // Duration.Seconds() is whole seconds plus the remainder / 1e9, which can differ from ns / 1e9 in the last bit.
  const goSeconds = (ns: number): number => Math.trunc(ns / 1e9) + (ns % 1e9) / 1e9
  let rate = requests
  let throughput = successes
  if (durationNs > 0) {
    rate /= goSeconds(durationNs)
    throughput /= goSeconds(durationNs + waitNs)
  }

  const { valuesNs, counts } = mergeSeconds(stats.histogram, 0, seconds)
  const q = (p: number): number => quantileOf(valuesNs, counts, p)
  const statusCodes: Record<string, number> = {}
  let bytesIn = 0
  OUTCOMES.forEach((outcome, o) => {
    const count = perOutcome[o]!
    if (count === 0) return
    const code = String(OUTCOME_CODES[outcome])
    statusCodes[code] = (statusCodes[code] ?? 0) + count
    bytesIn += count * bytesInOf(outcome, attack)
  })
  const lastHitBefore = requests
  const errors: string[] = []
  const order = OUTCOMES.map((o, i) => ({ o, seq: firstSeq[i]! })).filter((x) => x.o !== 'ok' && x.seq > 0 && x.seq <= lastHitBefore)
  for (const { o } of order.sort((a, b) => a.seq - b.seq)) {
    const text = errorStringOf(o, attack.url)
    if (!errors.includes(text)) errors.push(text)
  }
  return {
    latencies: {
      totalNs: latencyTotal,
      meanNs: requests > 0 ? Math.trunc(latencyTotal / requests) : 0,
      p50Ns: q(0.5),
      p90Ns: q(0.9),
      p95Ns: q(0.95),
      p99Ns: q(0.99),
      maxNs: valuesNs.length > 0 ? valuesNs[valuesNs.length - 1]! : 0,
      minNs: valuesNs.length > 0 ? valuesNs[0]! : 0,
    },
    bytesIn: { total: bytesIn, mean: requests > 0 ? bytesIn / requests : 0 },
    bytesOut: { total: 0, mean: 0 },
    clockStart: attack.clockStart,
    earliestNs,
    latestNs,
    endNs: requests > 0 ? Math.round(endNs) : null,
    durationNs,
    waitNs,
    requests,
    rate,
    throughput,
    success: requests > 0 ? successes / requests : 0,
    statusCodes,
    errors,
  }
}

/** vegeta's latency histogram over `bucketsNs` (from `parseVegetaBuckets`) for the requests before `untilMs`. */
export function computeVegetaHistogram(stats: SecondStats, bucketsNs: readonly number[], untilMs?: number): VegetaHistogram {
  const { valuesNs, counts } = mergeSeconds(stats.histogram, 0, secondsUntil(stats, untilMs))
  const out = new Array<number>(bucketsNs.length).fill(0)
  let total = 0
  for (let i = 0; i < valuesNs.length; i++) {
    const v = valuesNs[i]!
    let b = 0
    while (b < bucketsNs.length - 1 && !(v >= bucketsNs[b]! && v < bucketsNs[b + 1]!)) b++
    out[b]! += counts[i]!
    total += counts[i]!
  }
  return { bucketsNs, counts: out, total }
}
