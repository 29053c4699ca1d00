/**
 * vegeta's three report formats (docs/rollout.md#vegeta-report) from already computed metrics: `vegeta report`
 * (text), `-type=json` and `-type=hist[...]`, byte for byte as vegeta prints them.
 */
import { alignTabs } from './tabwriter'
import { formatGoDuration, formatGoFixed, formatRfc3339Nano, roundForReport } from './go-format'

/** vegeta's `Metrics` after `Close()`. Durations are integer nanoseconds; times are offsets from `clockStart`. */
export interface VegetaMetrics {
  readonly latencies: {
    readonly totalNs: number
    readonly meanNs: number
    readonly p50Ns: number
    readonly p90Ns: number
    readonly p95Ns: number
    readonly p99Ns: number
    readonly maxNs: number
    readonly minNs: number
  }
  readonly bytesIn: { readonly total: number; readonly mean: number }
  readonly bytesOut: { readonly total: number; readonly mean: number }
  readonly clockStart: string
  /** Send time of the first request; `null` when there were none. */
  readonly earliestNs: number | null
  readonly latestNs: number | null
  /** Latest send time plus latency over all requests. */
  readonly endNs: number | null
  readonly durationNs: number
  readonly waitNs: number
  readonly requests: number
  readonly rate: number
  readonly throughput: number
  /** Ratio 0..1 of responses with a code in 200..399. */
  readonly success: number
  /** Count per status code as a string ("0" for transport errors). */
  readonly statusCodes: Readonly<Record<string, number>>
  /** Distinct error strings in first-seen order. */
  readonly errors: readonly string[]
}

/** A latency histogram with vegeta's buckets (`b[i] <= latency < b[i+1]`, the last open). */
export interface VegetaHistogram {
  readonly bucketsNs: readonly number[]
  readonly counts: readonly number[]
  readonly total: number
}

const d = (ns: number): string => formatGoDuration(roundForReport(ns))

function sortedCodes(codes: Readonly<Record<string, number>>): string[] {
  return Object.keys(codes).sort()
}

/** `vegeta report` (the default text type), ending with a newline. */
export function formatVegetaText(m: VegetaMetrics): string {
  const l = m.latencies
  let text = ''
  text += `Requests\t[total, rate, throughput]\t${m.requests}, ${formatGoFixed(m.rate, 2)}, ${formatGoFixed(m.throughput, 2)}\n`
  text += `Duration\t[total, attack, wait]\t${d(m.durationNs + m.waitNs)}, ${d(m.durationNs)}, ${d(m.waitNs)}\n`
  text += `Latencies\t[min, mean, 50, 90, 95, 99, max]\t${[l.minNs, l.meanNs, l.p50Ns, l.p90Ns, l.p95Ns, l.p99Ns, l.maxNs].map(d).join(', ')}\n`
  text += `Bytes In\t[total, mean]\t${m.bytesIn.total}, ${formatGoFixed(m.bytesIn.mean, 2)}\n`
  text += `Bytes Out\t[total, mean]\t${m.bytesOut.total}, ${formatGoFixed(m.bytesOut.mean, 2)}\n`
  text += `Success\t[ratio]\t${formatGoFixed(m.success * 100, 2)}%\n`
  text += `Status Codes\t[code:count]\t`
  for (const code of sortedCodes(m.statusCodes)) text += `${code}:${m.statusCodes[code]}  `
  text += '\nError Set:\n'
  for (const error of m.errors) text += `${error}\n`
  return alignTabs(text)
}

/** Go's `encoding/json` string escaping, which also escapes <, > and & (HTML-safe by default). */
function goJsonString(value: string): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function goJsonNumber(value: number): string {
  return Number.isFinite(value) ? JSON.stringify(value) : '0'
}

function goTime(m: VegetaMetrics, ns: number | null): string {
  return ns === null ? '"0001-01-01T00:00:00Z"' : `"${formatRfc3339Nano(m.clockStart, ns)}"`
}

/** `vegeta report -type=json`: one object, keys in vegeta's order, durations in nanoseconds, then a newline. */
export function formatVegetaJson(m: VegetaMetrics, histogram?: VegetaHistogram): string {
  const l = m.latencies
  const parts = [
    `"latencies":{"total":${l.totalNs},"mean":${l.meanNs},"50th":${l.p50Ns},"90th":${l.p90Ns},"95th":${l.p95Ns},"99th":${l.p99Ns},"max":${l.maxNs},"min":${l.minNs}}`,
  ]
  if (histogram) {
    const buckets = histogram.bucketsNs.map((b, i) => `${goJsonString(String(b))}:${histogram.counts[i] ?? 0}`)
    parts.push(`"buckets":{${buckets.join(',')}}`)
  }
  parts.push(
    `"bytes_in":{"total":${m.bytesIn.total},"mean":${goJsonNumber(m.bytesIn.mean)}}`,
    `"bytes_out":{"total":${m.bytesOut.total},"mean":${goJsonNumber(m.bytesOut.mean)}}`,
    `"earliest":${goTime(m, m.earliestNs)}`,
    `"latest":${goTime(m, m.latestNs)}`,
    `"end":${goTime(m, m.endNs)}`,
    `"duration":${m.durationNs}`,
    `"wait":${m.waitNs}`,
    `"requests":${m.requests}`,
    `"rate":${goJsonNumber(m.rate)}`,
    `"throughput":${goJsonNumber(m.throughput)}`,
    `"success":${goJsonNumber(m.success)}`,
    `"status_codes":{${sortedCodes(m.statusCodes).map((c) => `${goJsonString(c)}:${m.statusCodes[c]}`).join(',')}}`,
    `"errors":[${m.errors.map(goJsonString).join(',')}]`,
  )
  return `{${parts.join(',')}}\n`
}

/** `vegeta report -type=hist[...]`: bucket rows with count, percentage and a bar of int(ratio × 75) '#'. */
export function formatVegetaHistogram(h: VegetaHistogram): string {
  let text = 'Bucket\t\t#\t%\tHistogram\n'
  for (let i = 0; i < h.bucketsNs.length; i++) {
    const count = h.counts[i] ?? 0
    const ratio = h.total > 0 ? count / h.total : Number.NaN
    const lo = formatGoDuration(h.bucketsNs[i]!)
    const hi = i + 1 < h.bucketsNs.length ? formatGoDuration(h.bucketsNs[i + 1]!) : '+Inf'
    const bar = Number.isFinite(ratio) ? '#'.repeat(Math.trunc(ratio * 75)) : ''
    text += `[${lo},\t${hi}]\t${count}\t${formatGoFixed(ratio * 100, 2)}%\t${bar}\n`
  }
  return alignTabs(text)
}

const durationUnits: Readonly<Record<string, number>> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 }

/** Go's `time.ParseDuration` for non-negative values ("0", "2ms", "1.5s", "1m30s"); `null` when malformed. */
export function parseGoDuration(text: string): number | null {
  const s = text.trim()
  if (s === '0') return 0
  const part = /([0-9]*\.?[0-9]+)(ns|us|µs|μs|ms|s|m|h)/y
  let total = 0
  let index = 0
  while (index < s.length) {
    part.lastIndex = index
    const match = part.exec(s)
    if (!match) return null
    total += Number(match[1]) * durationUnits[match[2]!]!
    index = part.lastIndex
  }
  return index > 0 ? Math.round(total) : null
}

/**
 * Buckets as vegeta reads them from `hist[0,2ms,4ms]`: Go durations in brackets, a 0 bucket prepended when the
 * first is above 0. `null` when malformed or not strictly increasing.
 */
export function parseVegetaBuckets(text: string): number[] | null {
  const inner = /^\s*(?:hist)?\[(.*)\]\s*$/.exec(text)?.[1]
  if (inner === undefined || inner.trim() === '') return null
  const buckets: number[] = []
  for (const item of inner.split(',')) {
    const ns = parseGoDuration(item)
    if (ns === null || (buckets.length > 0 && ns <= buckets[buckets.length - 1]!)) return null
    buckets.push(ns)
  }
  if (buckets[0]! > 0) buckets.unshift(0)
  return buckets
}
