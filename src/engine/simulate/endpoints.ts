/**
 * From the EndpointSlice to the ingress (docs/rollout.md#endpoints-and-ingress-lag): ingress-nginx balances over the
 * ready endpoints it has been told about, which trail the EndpointSlice by a propagation lag (endpoint controller,
 * API watch, controller sync, Lua sync). A pod joins the ingress's view `addLag` after it becomes a ready endpoint
 * and leaves it `removeLag` after it stops being one.
 */
import type { IntervalTrack } from './interval-recorder'

/** The ingress's view as intervals per pod: each endpoint interval shifted by the lags, overlaps merged. */
export function computeIngressView(endpoint: IntervalTrack, addLagMs: number, removeLagMs: number, endMs: number): IntervalTrack {
  const pods = endpoint.offsets.length - 1
  const starts: number[] = []
  const ends: number[] = []
  const offsets = new Uint32Array(pods + 1)
  for (let p = 0; p < pods; p++) {
    offsets[p] = starts.length
    const first = starts.length
    for (let i = endpoint.offsets[p]!; i < endpoint.offsets[p + 1]!; i++) {
      const start = endpoint.startMs[i]! + addLagMs
      // An interval open at the end of the simulation stays open; a closed one ends a lag later.
      const rawEnd = endpoint.endMs[i]!
      const end = Math.min(endMs, rawEnd >= endMs ? endMs : rawEnd + removeLagMs)
      if (start >= end) continue
      if (starts.length > first && start <= ends[ends.length - 1]!) ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, end)
      else {
        starts.push(start)
        ends.push(end)
      }
    }
  }
  offsets[pods] = starts.length
  return { offsets, startMs: Float64Array.from(starts), endMs: Float64Array.from(ends), value: new Uint8Array(starts.length).fill(1) }
}

/** Number of pods per ReplicaSet in a track over time: a change list that a seek can binary-search. */
export interface CountSeries {
  readonly timeMs: Float64Array
  /** Row r holds the counts per ReplicaSet at `timeMs[r]`: `counts[r * replicaSets + rs]`. */
  readonly counts: Uint32Array
  readonly replicaSets: number
}

/** Counts the pods of each ReplicaSet that are in `track` (value ≥ 1) at every change. */
export function countPerReplicaSet(track: IntervalTrack, podReplicaSet: ArrayLike<number>, replicaSets: number): CountSeries {
  const changes: [number, number, number][] = []
  for (let p = 0; p + 1 < track.offsets.length; p++) {
    for (let i = track.offsets[p]!; i < track.offsets[p + 1]!; i++) {
      changes.push([track.startMs[i]!, podReplicaSet[p]!, 1], [track.endMs[i]!, podReplicaSet[p]!, -1])
    }
  }
  changes.sort((a, b) => a[0] - b[0])
  const current = new Int32Array(replicaSets)
  const times: number[] = []
  const rows: number[] = []
  for (let i = 0; i < changes.length; ) {
    const t = changes[i]![0]
    while (i < changes.length && changes[i]![0] === t) {
      current[changes[i]![1]]! += changes[i]![2]
      i++
    }
    times.push(t)
    for (let r = 0; r < replicaSets; r++) rows.push(current[r]!)
  }
  return { timeMs: Float64Array.from(times), counts: Uint32Array.from(rows), replicaSets }
}

/** Row index of a count series in effect at `timeMs` (-1 before the first change). O(log n). */
export function findRow(series: { readonly timeMs: Float64Array }, timeMs: number): number {
  let lo = 0
  let hi = series.timeMs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (series.timeMs[mid]! <= timeMs) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}
