/**
 * Cuts the attack's time axis where anything that decides a request's fate changes (the ingress's view, a pod's
 * listener, phase or readiness) and at every whole second, and sweeps the pod state along the cuts. Between two
 * cuts the state is constant, so the attacker can treat the stretch as one batch.
 */
import type { IntervalTrack } from './interval-recorder'

export interface SegmentState {
  /** Pods in the ingress's view, by index (the balancer's order). */
  readonly view: readonly number[]
  readonly listening: Uint8Array
  /** Display phase per pod, -1 when the pod does not exist. */
  readonly phase: Int8Array
  readonly ready: Uint8Array
}

export interface Segments {
  /** Number of segments; segment i is `[boundary(i), boundary(i + 1))` and the last one ends at Infinity. */
  readonly count: number
  boundary(i: number): number
  /** State during the current segment (starting with segment 0). */
  state(): SegmentState
  /** Moves to the next segment. */
  advance(): void
}

interface Change {
  readonly timeMs: number
  readonly pod: number
  readonly track: number
  /** New value, or -1 when the interval ends. */
  readonly value: number
}

export function buildSegments(
  input: { readonly ingress: IntervalTrack; readonly listening: IntervalTrack; readonly phase: IntervalTrack; readonly ready: IntervalTrack; readonly requests: number; readonly rate: number; readonly podReplicaSet: ArrayLike<number> },
  seconds: number,
): Segments {
  const lastHitMs = (input.requests * 1000) / input.rate
  const pods = input.podReplicaSet.length
  const tracks = [input.ingress, input.listening, input.phase, input.ready]
  const changes: Change[] = []
  const cuts: number[] = []
  for (let s = 0; s < seconds; s++) cuts.push(s * 1000)
  tracks.forEach((track, t) => {
    for (let p = 0; p < pods; p++) {
      for (let i = track.offsets[p]!; i < track.offsets[p + 1]!; i++) {
        const start = track.startMs[i]!
        const end = track.endMs[i]!
        changes.push({ timeMs: start, pod: p, track: t, value: track.value[i]! }, { timeMs: end, pod: p, track: t, value: -1 })
        if (start > 0 && start <= lastHitMs) cuts.push(start)
        if (end > 0 && end <= lastHitMs) cuts.push(end)
      }
    }
  })
  // Ends before starts at the same time: intervals of one pod and track never overlap.
  changes.sort((a, b) => a.timeMs - b.timeMs || (a.value < 0 ? 0 : 1) - (b.value < 0 ? 0 : 1))
  const bounds = Float64Array.from(new Set(cuts)).sort()
  const count = bounds.length

  const inView = new Uint8Array(pods)
  const listening = new Uint8Array(pods)
  const phase = new Int8Array(pods).fill(-1)
  const ready = new Uint8Array(pods)
  let view: number[] = []
  let next = 0
  let segment = 0

  const apply = (upTo: number): void => {
    let viewChanged = false
    while (next < changes.length && changes[next]!.timeMs <= upTo) {
      const c = changes[next++]!
      if (c.track === 0) {
        inView[c.pod] = c.value < 0 ? 0 : 1
        viewChanged = true
      } else if (c.track === 1) listening[c.pod] = c.value < 0 ? 0 : 1
      else if (c.track === 2) phase[c.pod] = c.value
      else ready[c.pod] = c.value < 0 ? 0 : 1
    }
    if (viewChanged) {
      view = []
      for (let p = 0; p < pods; p++) if (inView[p]) view.push(p)
    }
  }
  apply(bounds[0] ?? 0)

  return {
    count,
    boundary: (i) => (i < count ? bounds[i]! : Infinity),
    state: () => ({ view, listening, phase, ready }),
    advance() {
      segment++
      if (segment < count) apply(bounds[segment]!)
    },
  }
}
