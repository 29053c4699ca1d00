/**
 * Request latencies without a per-request object: the app's service time takes one of 20 values (the 20-quantiles
 * of a log-normal factor around the median `requestSeconds`), chosen by the request's sequence number so that any
 * run of consecutive requests has an exactly known mix; and per-second sparse histograms of exact latencies.
 */

/** Φ⁻¹((q + ½) / 20) for q = 0..19: the midpoints of 20 equal-probability slices of a standard normal. */
const NORMAL_QUANTILES = [
  -1.959964, -1.439531, -1.150349, -0.934589, -0.755415, -0.59776, -0.453762, -0.318639, -0.189118, -0.062707,
  0.062707, 0.189118, 0.318639, 0.453762, 0.59776, 0.755415, 0.934589, 1.150349, 1.439531, 1.959964,
] as const

export const SERVICE_TIME_POINTS = NORMAL_QUANTILES.length
/** Coprime with 20, so 20 consecutive requests use each point once; 3 is its inverse modulo 20. */
const STRIDE = 7
const STRIDE_INVERSE = 3

/** Service times in integer nanoseconds: `requestSeconds × exp(spread × z)` for each point. */
export function buildServiceTimes(requestSeconds: number, spread: number): Float64Array {
  return Float64Array.from(NORMAL_QUANTILES, (z) => Math.round(requestSeconds * 1e9 * Math.exp(spread * z)))
}

/** Which service-time point request `n` (1-based) uses. */
export function servicePoint(n: number, offset: number): number {
  return (n * STRIDE + offset) % SERVICE_TIME_POINTS
}

/** The largest request number below `end` that uses `point` (may be below the range start). */
export function lastRequestWithPoint(end: number, point: number, offset: number): number {
  const residue = ((((point - offset) * STRIDE_INVERSE) % SERVICE_TIME_POINTS) + SERVICE_TIME_POINTS) % SERVICE_TIME_POINTS
  const last = end - 1
  return last - ((((last - residue) % SERVICE_TIME_POINTS) + SERVICE_TIME_POINTS) % SERVICE_TIME_POINTS)
}

/**
 * Adds to `counts` (length 20) how many of the requests `first .. first + k - 1` use each point: ⌊k/20⌋ each,
 * plus one for the points of the first k mod 20 requests.
 */
export function countServicePoints(first: number, k: number, offset: number, counts: Float64Array): void {
  const whole = Math.floor(k / SERVICE_TIME_POINTS)
  if (whole > 0) for (let q = 0; q < SERVICE_TIME_POINTS; q++) counts[q]! += whole
  for (let i = 0; i < k % SERVICE_TIME_POINTS; i++) counts[servicePoint(first + i, offset)]! += 1
}

/**
 * Exact latencies per second of send time, sparse: second s holds the index range `[offsets[s], offsets[s+1])`
 * of `valuesNs` (ascending) and `counts`.
 */
export interface LatencyHistogram {
  readonly offsets: Uint32Array
  readonly valuesNs: Float64Array
  readonly counts: Float64Array
}

export interface LatencyAccumulator {
  add(second: number, valueNs: number, count: number): void
  finish(): LatencyHistogram
}

export function createLatencyAccumulator(seconds: number): LatencyAccumulator {
  const maps: (Map<number, number> | undefined)[] = new Array(seconds)
  return {
    add(second, valueNs, count) {
      if (count <= 0) return
      let map = maps[second]
      if (!map) maps[second] = map = new Map()
      map.set(valueNs, (map.get(valueNs) ?? 0) + count)
    },
    finish() {
      const offsets = new Uint32Array(seconds + 1)
      let total = 0
      for (let s = 0; s < seconds; s++) {
        offsets[s] = total
        total += maps[s]?.size ?? 0
      }
      offsets[seconds] = total
      const valuesNs = new Float64Array(total)
      const counts = new Float64Array(total)
      let k = 0
      for (let s = 0; s < seconds; s++) {
        const map = maps[s]
        if (!map) continue
        for (const value of [...map.keys()].sort((a, b) => a - b)) {
          valuesNs[k] = value
          counts[k] = map.get(value)!
          k++
        }
      }
      return { offsets, valuesNs, counts }
    },
  }
}

/** Merges seconds `[from, to)` of a histogram into one ascending value/count list. */
export function mergeSeconds(h: LatencyHistogram, from: number, to: number): { valuesNs: Float64Array; counts: Float64Array } {
  const merged = new Map<number, number>()
  const end = h.offsets[Math.min(to, h.offsets.length - 1)]!
  for (let i = h.offsets[Math.max(0, from)]!; i < end; i++) merged.set(h.valuesNs[i]!, (merged.get(h.valuesNs[i]!) ?? 0) + h.counts[i]!)
  const keys = [...merged.keys()].sort((a, b) => a - b)
  return { valuesNs: Float64Array.from(keys), counts: Float64Array.from(keys, (k) => merged.get(k)!) }
}

/** Nearest-rank quantile (the ⌈q·n⌉-th smallest) of an ascending value/count list; 0 when empty. */
export function quantileOf(valuesNs: Float64Array, counts: Float64Array, q: number, start = 0, end = valuesNs.length): number {
  let total = 0
  for (let i = start; i < end; i++) total += counts[i]!
  if (total === 0) return 0
  const rank = Math.max(1, Math.ceil(q * total))
  let seen = 0
  for (let i = start; i < end; i++) {
    seen += counts[i]!
    if (seen >= rank) return valuesNs[i]!
  }
  return valuesNs[end - 1]!
}
