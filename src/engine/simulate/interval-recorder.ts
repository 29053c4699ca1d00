/**
 * Records per-pod state over time as intervals while the simulation runs, and packs them into columnar typed
 * arrays (structured-clone friendly, transferable) that answer "what was pod p doing at time t" by binary search.
 */

/** The state tracks recorded per pod. */
export const Track = {
  /** Display phase (`PodPhase`). */
  phase: 0,
  /** Pod Ready condition. */
  ready: 1,
  /** Ready for at least minReadySeconds (what the Deployment controller counts). */
  available: 2,
  /** Ready endpoint in the EndpointSlice (ready and not terminating). */
  endpoint: 3,
  /** The app accepts connections. */
  listening: 4,
} as const
export type TrackCode = (typeof Track)[keyof typeof Track]
const TRACK_COUNT = 5

/**
 * Intervals of one track for every pod: pod p's intervals are the index range `[offsets[p], offsets[p+1])`,
 * sorted by start, non-overlapping, half-open `[startMs, endMs)`. `value` is the phase code, or 1 for on/off tracks.
 * An interval still open at the end of the simulation ends at the simulation's end.
 */
export interface IntervalTrack {
  readonly offsets: Uint32Array
  readonly startMs: Float64Array
  readonly endMs: Float64Array
  readonly value: Uint8Array
}

export interface IntervalRecorder {
  /** Sets pod `pod`'s value on `track` from `timeMs` on; `null` = no interval. Same value again is a no-op. */
  set(pod: number, track: TrackCode, value: number | null, timeMs: number): void
  /** The current value (or null). */
  get(pod: number, track: TrackCode): number | null
  /** Closes everything at `endMs` and packs each track. */
  finish(endMs: number): IntervalTrack[]
}

export function createIntervalRecorder(): IntervalRecorder {
  // Per track, per pod: closed intervals as flat [start, end, value] triplets, plus the open one.
  const closed: number[][][] = Array.from({ length: TRACK_COUNT }, () => [])
  const openValue: (number | null)[][] = Array.from({ length: TRACK_COUNT }, () => [])
  const openStart: number[][] = Array.from({ length: TRACK_COUNT }, () => [])

  const ensure = (pod: number): void => {
    for (let t = 0; t < TRACK_COUNT; t++) {
      while (closed[t]!.length <= pod) {
        closed[t]!.push([])
        openValue[t]!.push(null)
        openStart[t]!.push(0)
      }
    }
  }

  return {
    set(pod, track, value, timeMs) {
      ensure(pod)
      const current = openValue[track]![pod]!
      if (current === value) return
      if (current !== null && timeMs > openStart[track]![pod]!) {
        closed[track]![pod]!.push(openStart[track]![pod]!, timeMs, current)
      }
      openValue[track]![pod] = value
      openStart[track]![pod] = timeMs
    },
    get(pod, track) {
      return openValue[track]?.[pod] ?? null
    },
    finish(endMs) {
      return closed.map((perPod, t) => {
        const pods = perPod.length
        const offsets = new Uint32Array(pods + 1)
        let total = 0
        for (let p = 0; p < pods; p++) {
          offsets[p] = total
          total += perPod[p]!.length / 3 + (openValue[t]![p] !== null && endMs > openStart[t]![p]! ? 1 : 0)
        }
        offsets[pods] = total
        const startMs = new Float64Array(total)
        const end = new Float64Array(total)
        const value = new Uint8Array(total)
        let k = 0
        for (let p = 0; p < pods; p++) {
          const list = perPod[p]!
          for (let i = 0; i < list.length; i += 3) {
            startMs[k] = list[i]!
            end[k] = list[i + 1]!
            value[k] = list[i + 2]!
            k++
          }
          const open = openValue[t]![p]!
          if (open !== null && endMs > openStart[t]![p]!) {
            startMs[k] = openStart[t]![p]!
            end[k] = endMs
            value[k] = open
            k++
          }
        }
        return { offsets, startMs, endMs: end, value }
      })
    },
  }
}

/** Index of pod `pod`'s interval containing `timeMs` in `track`, or -1. O(log n). */
export function findInterval(track: IntervalTrack, pod: number, timeMs: number): number {
  if (pod < 0 || pod + 1 >= track.offsets.length) return -1
  let lo = track.offsets[pod]!
  let hi = track.offsets[pod + 1]!
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (track.startMs[mid]! <= timeMs) lo = mid + 1
    else hi = mid
  }
  const i = lo - 1
  if (i < track.offsets[pod]! || track.endMs[i]! <= timeMs) return -1
  return i
}

/** The value of pod `pod` at `timeMs` on `track`, or -1 when it has none (off, or the pod does not exist). */
export function valueAt(track: IntervalTrack, pod: number, timeMs: number): number {
  const i = findInterval(track, pod, timeMs)
  return i < 0 ? -1 : track.value[i]!
}
