/**
 * The simulation's output for the UI: plain, structured-clone-safe data (typed arrays where it is large), and the
 * seek functions that answer "what does the cluster look like at time t" in O(pods × log n) without replaying.
 */
import { POD_PHASE_NAMES, type PodPhaseName } from './cluster-state'
import { findRow, type CountSeries } from './endpoints'
import { valueAt, type IntervalTrack } from './interval-recorder'
import type { LatencyHistogram } from './latency'
import { OUTCOMES, type Outcome } from './request-outcome'

export interface TimelinePod {
  readonly name: string
  /** Index into `replicaSets`. */
  readonly replicaSet: number
  readonly ip: string
  readonly node: string
  /** Old pods were created before the simulation (negative time). */
  readonly createdMs: number
  /** deletionTimestamp, or null. */
  readonly deletedMs: number | null
  /** When the pod object disappeared, or null. */
  readonly goneMs: number | null
  readonly restarts: number
}

export interface TimelineReplicaSet {
  readonly name: string
  readonly revision: number
  readonly image: string
  readonly hash: string
  readonly createdMs: number
  /** True for the ReplicaSet of the Deployment's (new) template. */
  readonly isNew: boolean
  /** Deleted by revision-history cleanup. */
  readonly deleted: boolean
}

/** Per-ReplicaSet counts after every change: row r, ReplicaSet i, field f at `values[(r * replicaSets + i) * 5 + f]`. */
export interface ReplicaSetCounts {
  readonly timeMs: Float64Array
  readonly values: Int32Array
  readonly replicaSets: number
}
export const REPLICA_SET_COUNT_FIELDS = ['spec', 'pods', 'ready', 'available', 'terminating'] as const

export interface SecondStats {
  readonly count: number
  /** `outcomes[s * OUTCOMES.length + o]`, outcome names in `OUTCOMES`. */
  readonly outcomes: Uint32Array
  /** Requests answered by each ReplicaSet's pods: `byReplicaSet[s * replicaSets + i]` (traffic share per version). */
  readonly byReplicaSet: Uint32Array
  /** Latency percentiles per second of send time, in milliseconds (0 for a second without requests). */
  readonly latencyMs: { readonly p50: Float64Array; readonly p90: Float64Array; readonly p95: Float64Array; readonly p99: Float64Array; readonly max: Float64Array }
  /** Exact latencies per second (for reports up to a cursor). */
  readonly histogram: LatencyHistogram
  readonly latencySumNs: Float64Array
  readonly maxEndNs: Float64Array
}

export interface RolloutTimeline {
  /** The simulation covers [0, endMs). */
  readonly endMs: number
  readonly pods: readonly TimelinePod[]
  readonly replicaSets: readonly TimelineReplicaSet[]
  readonly tracks: {
    /** Display phase (`POD_PHASE_NAMES`). */
    readonly phase: IntervalTrack
    readonly ready: IntervalTrack
    readonly available: IntervalTrack
    /** Ready endpoint in the EndpointSlice. */
    readonly endpoint: IntervalTrack
    /** In the ingress's balancer (the endpoint track shifted by the propagation lag). */
    readonly ingress: IntervalTrack
    /** The app accepts connections. */
    readonly listening: IntervalTrack
  }
  /** Every probe attempt, in time order; `kind` 0 readiness, 1 liveness, 2 startup. */
  readonly probes: { readonly pod: Uint32Array; readonly timeMs: Float64Array; readonly kind: Uint8Array; readonly ok: Uint8Array }
  /** Abrupt process ends (in-flight requests reset); `signal` 0 = exited on SIGTERM, 1 = SIGKILL. */
  readonly kills: { readonly pod: Uint32Array; readonly timeMs: Float64Array; readonly signal: Uint8Array }
  readonly replicaSetCounts: ReplicaSetCounts
  /** Ready endpoints per ReplicaSet in the EndpointSlice. */
  readonly endpointCounts: CountSeries
  /** Endpoints per ReplicaSet in the ingress's view: the traffic share per version. */
  readonly ingressCounts: CountSeries
  readonly seconds: SecondStats
}

/** One pod at a moment. */
export interface PodFrame {
  readonly pod: number
  readonly phase: PodPhaseName
  readonly ready: boolean
  readonly available: boolean
  readonly endpoint: boolean
  readonly ingress: boolean
  readonly listening: boolean
}

/** The whole picture at a moment: what the timeline and the graph draw. */
export interface RolloutFrame {
  readonly timeMs: number
  /** Pods that exist at `timeMs`, by index. */
  readonly pods: readonly PodFrame[]
  /** Per ReplicaSet: spec, pods, ready, available, terminating. */
  readonly replicaSets: readonly { readonly spec: number; readonly pods: number; readonly ready: number; readonly available: number; readonly terminating: number }[]
  /** Endpoints per ReplicaSet as the ingress sees them. */
  readonly ingressEndpoints: readonly number[]
  /** Outcomes of the requests sent during the current second. */
  readonly second: Readonly<Record<Outcome, number>>
}

/** The frame at `timeMs`: O(pods × log intervals). */
export function selectFrameAt(t: RolloutTimeline, timeMs: number): RolloutFrame {
  const pods: PodFrame[] = []
  for (let p = 0; p < t.pods.length; p++) {
    const phase = valueAt(t.tracks.phase, p, timeMs)
    if (phase < 0) continue
    pods.push({
      pod: p,
      phase: POD_PHASE_NAMES[phase]!,
      ready: valueAt(t.tracks.ready, p, timeMs) > 0,
      available: valueAt(t.tracks.available, p, timeMs) > 0,
      endpoint: valueAt(t.tracks.endpoint, p, timeMs) > 0,
      ingress: valueAt(t.tracks.ingress, p, timeMs) > 0,
      listening: valueAt(t.tracks.listening, p, timeMs) > 0,
    })
  }
  const n = t.replicaSetCounts.replicaSets
  const row = Math.max(0, findRow(t.replicaSetCounts, timeMs))
  const replicaSets = Array.from({ length: n }, (_, i) => {
    const at = (f: number): number => t.replicaSetCounts.values[(row * n + i) * 5 + f] ?? 0
    return { spec: at(0), pods: at(1), ready: at(2), available: at(3), terminating: at(4) }
  })
  const ingressRow = findRow(t.ingressCounts, timeMs)
  const ingressEndpoints = Array.from({ length: t.ingressCounts.replicaSets }, (_, i) =>
    ingressRow < 0 ? 0 : t.ingressCounts.counts[ingressRow * t.ingressCounts.replicaSets + i]!,
  )
  const s = Math.min(t.seconds.count - 1, Math.max(0, Math.floor(timeMs / 1000)))
  const second = Object.fromEntries(OUTCOMES.map((o, i) => [o, t.seconds.outcomes[s * OUTCOMES.length + i] ?? 0])) as Record<Outcome, number>
  return { timeMs, pods, replicaSets, ingressEndpoints, second }
}

/** The nearest time in an ascending list strictly after (`direction` 1) or before (-1) `timeMs`, or null. */
export function stepToTime(times: ArrayLike<number>, timeMs: number, direction: 1 | -1): number | null {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (direction === 1 ? times[mid]! <= timeMs : times[mid]! < timeMs) lo = mid + 1
    else hi = mid
  }
  const i = direction === 1 ? lo : lo - 1
  return i >= 0 && i < times.length ? times[i]! : null
}
