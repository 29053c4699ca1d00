/**
 * Seek queries over a finished run's timeline for a player that moves a cursor every frame: each answers "at time
 * t" with a binary search over the packed tracks (O(log n) per pod), never by replaying. They read only the plain
 * data the worker sent, so the page can call them on every animation frame.
 */
import { valueAt } from './interval-recorder'
import { findRow } from './endpoints'
import { DISPLAY_PHASE_OF_CODE, DISPLAY_PHASES, type DisplayPhase } from './pod-phases'
import type { RolloutTimeline } from './timeline'

export { DISPLAY_PHASES, type DisplayPhase }

/** Bits of a packed pod state (see `packPodStateAt`). */
export const POD_STATE_BITS = { ready: 16, endpoint: 32, ingress: 64, listening: 128 } as const

/**
 * Every interval closes at the run's end (half-open `[start, end)`), which is not a change to show: the last
 * moment of the run reads as the moment just before it.
 */
function clampToRun(t: RolloutTimeline, timeMs: number): number {
  return timeMs >= t.endMs ? t.endMs - 0.001 : timeMs
}

/** Index of the last kill of `pod` at or before `timeMs` in the run's kill list, or -1. Kills are few; linear is fine. */
function lastKillOf(t: RolloutTimeline, pod: number, timeMs: number): number {
  let found = -1
  for (let i = 0; i < t.kills.pod.length; i++) if (t.kills.pod[i] === pod && t.kills.timeMs[i]! <= timeMs) found = i
  return found
}

/**
 * Whether `pod` ended abruptly: its last kill came at (or within a millisecond of) the moment it disappeared.
 * Computed once per run by `listKilledPods`; a pod killed and then drained normally counts as gone.
 */
export function listKilledPods(t: RolloutTimeline): Uint8Array {
  const killed = new Uint8Array(t.pods.length)
  t.pods.forEach((pod, p) => {
    if (pod.goneMs === null) return
    const k = lastKillOf(t, p, pod.goneMs)
    if (k >= 0 && pod.goneMs - t.kills.timeMs[k]! <= 1) killed[p] = 1
  })
  return killed
}

/** The display phase of `pod` at `timeMs`. `killed` is `listKilledPods(t)`. O(log n). */
export function selectDisplayPhaseAt(t: RolloutTimeline, killed: Uint8Array, pod: number, at: number): DisplayPhase {
  const timeMs = clampToRun(t, at)
  const info = t.pods[pod]
  if (!info || timeMs < info.createdMs) return 'absent'
  const phase = valueAt(t.tracks.phase, pod, timeMs)
  if (phase >= 0) return DISPLAY_PHASE_OF_CODE[phase] ?? 'gone'
  if (info.goneMs !== null && timeMs >= info.goneMs) return killed[pod] === 1 ? 'killed' : 'gone'
  // Between intervals (a zero-length gap at the end) the pod has no phase: treat it as gone.
  return 'gone'
}

/**
 * The pod's display phase (index into `DISPLAY_PHASES`, low 4 bits) with Ready, EndpointSlice, ingress and
 * listening flags (`POD_STATE_BITS`) in one number, so a subscriber compares one primitive per frame.
 */
export function packPodStateAt(t: RolloutTimeline, killed: Uint8Array, pod: number, at: number): number {
  const timeMs = clampToRun(t, at)
  const phase = DISPLAY_PHASES.indexOf(selectDisplayPhaseAt(t, killed, pod, timeMs))
  let bits = phase
  if (valueAt(t.tracks.ready, pod, timeMs) > 0) bits |= POD_STATE_BITS.ready
  if (valueAt(t.tracks.endpoint, pod, timeMs) > 0) bits |= POD_STATE_BITS.endpoint
  if (valueAt(t.tracks.ingress, pod, timeMs) > 0) bits |= POD_STATE_BITS.ingress
  if (valueAt(t.tracks.listening, pod, timeMs) > 0) bits |= POD_STATE_BITS.listening
  return bits
}

/** Unpacks `packPodStateAt`. */
export function unpackPodState(bits: number): { phase: DisplayPhase; ready: boolean; endpoint: boolean; ingress: boolean; listening: boolean } {
  return {
    phase: DISPLAY_PHASES[bits & 15] ?? 'absent',
    ready: (bits & POD_STATE_BITS.ready) !== 0,
    endpoint: (bits & POD_STATE_BITS.endpoint) !== 0,
    ingress: (bits & POD_STATE_BITS.ingress) !== 0,
    listening: (bits & POD_STATE_BITS.listening) !== 0,
  }
}

/** Endpoints of ReplicaSet `rs` in the ingress's view at `timeMs` (what the balancer sends to). O(log n). */
export function countIngressEndpointsAt(t: RolloutTimeline, rs: number, timeMs: number): number {
  const row = findRow(t.ingressCounts, clampToRun(t, timeMs))
  return row < 0 ? 0 : (t.ingressCounts.counts[row * t.ingressCounts.replicaSets + rs] ?? 0)
}

/**
 * Share of the ingress's endpoints that belong to new-revision ReplicaSets at `timeMs`, 0..1; `null` when the
 * ingress has no endpoint at all (it answers 503).
 */
export function selectNewTrafficShareAt(t: RolloutTimeline, timeMs: number): number | null {
  let total = 0
  let fresh = 0
  for (let rs = 0; rs < t.replicaSets.length; rs++) {
    const n = countIngressEndpointsAt(t, rs, timeMs)
    total += n
    if (t.replicaSets[rs]!.isNew) fresh += n
  }
  return total === 0 ? null : fresh / total
}

/** How many of the ascending `times` are at or before `timeMs` (the index just past "now"). O(log n). */
export function countAtOrBefore(times: ArrayLike<number>, timeMs: number): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (times[mid]! <= timeMs) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The last readiness probe of a pod at or before `timeMs`: `true` passed, `false` failed, `null` none yet.
 * `readinessOfPod` holds the pod's readiness attempts as indexes into `t.probes`, ascending in time.
 */
export function selectLastReadinessAt(t: RolloutTimeline, readinessOfPod: ArrayLike<number>, timeMs: number): boolean | null {
  let lo = 0
  let hi = readinessOfPod.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (t.probes.timeMs[readinessOfPod[mid]!]! <= timeMs) lo = mid + 1
    else hi = mid
  }
  return lo === 0 ? null : t.probes.ok[readinessOfPod[lo - 1]!] === 1
}
