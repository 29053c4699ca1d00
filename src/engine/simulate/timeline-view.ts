/**
 * Everything a timeline player draws that can be computed once per run, beside the run itself: pod lanes grouped
 * by ReplicaSet, short pod labels and stern colours, per-pod indexes of readiness probes and failed requests, the
 * times worth stepping to, chart series as typed arrays, the advice for each kind of failure and the whole-run
 * vegeta report. Plain, structured-clone-safe data; built in the worker right after the simulation.
 */
import type { Message } from '../messages/message'
import { preStopMessage } from './prestop-summary'
import { adviseOn, type FailureAdvice } from './rollout-advice'
import { chooseHistogramBuckets, computeCursorReport, type CursorReport } from './cursor-report'
import { cursorReportInputOf } from './cursor-report-input'
import { OUTCOMES, type FailureDetail } from './load'
import type { RolloutResult } from './simulate-rollout'
import { pickSternColour } from './stern'
import { listKilledPods } from './timeline-queries'

/** The pods of one ReplicaSet, in creation order: one lane each. */
export interface LaneGroup {
  readonly replicaSet: number
  readonly name: string
  readonly revision: number
  readonly image: string
  readonly isNew: boolean
  readonly pods: readonly number[]
}

/** Per-pod lists as one index array: pod p's entries are `index[offsets[p] .. offsets[p + 1])`. */
export interface PodIndex {
  readonly offsets: Uint32Array
  readonly index: Uint32Array
}

/** Series over time for the charts; x in seconds. */
export interface TimelineSeries {
  /** Start of each second of sending. */
  readonly secondsX: Float64Array
  /** Requests per second by outcome, in `OUTCOMES` order. */
  readonly outcomes: readonly Float64Array[]
  /** Change times of the ingress's endpoint counts (a step series starting at 0 and ending at the run's end). */
  readonly trafficX: Float64Array
  /** Endpoints in the ingress's view per ReplicaSet at each `trafficX`. */
  readonly traffic: readonly Float64Array[]
}

export interface TimelineView {
  readonly endMs: number
  /** Old revisions first (by revision), the new ReplicaSet last. */
  readonly groups: readonly LaneGroup[]
  /** Pod names without their ReplicaSet's prefix (the random suffix people tell pods apart by). */
  readonly podLabels: readonly string[]
  /** stern's colour index per pod (`STERN_COLOURS`). */
  readonly sternColours: Uint8Array
  /** 1 where a pod ended abruptly (`listKilledPods`). */
  readonly killed: Uint8Array
  /** Readiness probe attempts per pod (indexes into `timeline.probes`). */
  readonly readiness: PodIndex
  /** Kept failed requests per pod (indexes into `failures.kept`). */
  readonly failuresByPod: PodIndex
  /** `sentMs` of each kept failed request, ascending. */
  readonly failureTimes: Float64Array
  /** `timeMs` of each event and log line, ascending (events and logs are in time order). */
  readonly eventTimes: Float64Array
  readonly logTimes: Float64Array
  /** Moments worth stepping to: the template change, controller steps, events, kills, conditions, failure bursts. */
  readonly marks: Float64Array
  readonly series: TimelineSeries
  /** Why each kind of failure in this run happened and the change that prevents it. */
  readonly advice: Partial<Record<FailureDetail, FailureAdvice>>
  /** The serving container's preStop hook (`preStopMessage`): its duration, or that it was assumed. */
  readonly preStop: Message
  /** Histogram buckets used for every report of this run (ns). */
  readonly bucketsNs: readonly number[]
  /** vegeta's report of the whole run. */
  readonly report: CursorReport
}

/** Groups entries by pod: `podOf(i)` for i in 0..n-1, kept in input order within each pod. */
function indexByPod(pods: number, n: number, podOf: (i: number) => number): PodIndex {
  const offsets = new Uint32Array(pods + 1)
  for (let i = 0; i < n; i++) {
    const p = podOf(i)
    if (p >= 0 && p < pods) offsets[p + 1]!++
  }
  for (let p = 0; p < pods; p++) offsets[p + 1]! += offsets[p]!
  const fill = offsets.slice(0, pods)
  const index = new Uint32Array(offsets[pods]!)
  for (let i = 0; i < n; i++) {
    const p = podOf(i)
    if (p >= 0 && p < pods) index[fill[p]!++] = i
  }
  return { offsets, index }
}

/** Sorted, distinct, finite times within [0, endMs]. */
function sortedMarks(times: Iterable<number>, endMs: number): Float64Array {
  const set = new Set<number>()
  for (const t of times) if (Number.isFinite(t) && t >= 0 && t <= endMs) set.add(Math.round(t))
  return Float64Array.from([...set].sort((a, b) => a - b))
}

/** Starts of failure bursts: the first failure after a quiet second. */
function* burstStarts(times: Float64Array): Generator<number> {
  for (let i = 0; i < times.length; i++) if (i === 0 || times[i]! - times[i - 1]! > 1000) yield times[i]!
}

function buildSeries(r: RolloutResult): TimelineSeries {
  const s = r.timeline.seconds
  const secondsX = Float64Array.from({ length: s.count }, (_, i) => i)
  const outcomes = OUTCOMES.map((_, o) => Float64Array.from({ length: s.count }, (_, i) => s.outcomes[i * OUTCOMES.length + o]!))
  const ic = r.timeline.ingressCounts
  const n = ic.replicaSets
  const endS = r.timeline.endMs / 1000
  // A step series needs a value at 0 and at the end; the change list holds only the changes.
  const times = [0, ...Array.from(ic.timeMs, (t) => t / 1000).filter((t) => t > 0 && t < endS), endS]
  let row = -1
  let next = 0
  const traffic = Array.from({ length: n }, () => new Float64Array(times.length))
  times.forEach((sec, k) => {
    // Times are ascending: advance the row pointer instead of searching from the start each time. At the end,
    // keep the counts in effect just before it (every interval closes there, which is not a change to show).
    const ms = sec * 1000
    while (next < ic.timeMs.length && (k < times.length - 1 ? ic.timeMs[next]! <= ms : ic.timeMs[next]! < ms)) row = next++
    for (let rs = 0; rs < n; rs++) traffic[rs]![k] = row < 0 ? 0 : ic.counts[row * n + rs]!
  })
  return { secondsX, outcomes, trafficX: Float64Array.from(times), traffic }
}

/** Builds the view of a finished run. O(pods + probes + failures + events + logs + seconds). */
export function buildTimelineView(r: RolloutResult): TimelineView {
  const t = r.timeline
  const pods = t.pods.length
  const podsOf = t.replicaSets.map((): number[] => [])
  t.pods.forEach((pod, p) => podsOf[pod.replicaSet]?.push(p))
  const groups: LaneGroup[] = t.replicaSets
    .map((rs, i) => ({ replicaSet: i, name: rs.name, revision: rs.revision, image: rs.image, isNew: rs.isNew, pods: podsOf[i]! }))
    .sort((a, b) => Number(a.isNew) - Number(b.isNew) || a.revision - b.revision)

  const podLabels = t.pods.map((pod) => {
    const prefix = `${t.replicaSets[pod.replicaSet]?.name ?? ''}-`
    return pod.name.startsWith(prefix) ? pod.name.slice(prefix.length) : pod.name
  })
  const failures = r.failures.kept
  const failureTimes = Float64Array.from(failures, (f) => f.sentMs)
  const readinessAll = indexByPod(pods, t.probes.pod.length, (i) => (t.probes.kind[i] === 0 ? t.probes.pod[i]! : -1))

  const advice: Partial<Record<FailureDetail, FailureAdvice>> = {}
  for (const detail of Object.keys(r.failures.byDetail) as FailureDetail[]) advice[detail] = adviseOn(detail, r)

  const marks = sortedMarks(
    [
      r.parameters.rolloutAtSeconds * 1000,
      ...r.steps.map((s) => s.timeMs),
      ...r.events.map((e) => e.timeMs),
      ...t.kills.timeMs,
      // A hook the grace period cut: the moment the kubelet gave up waiting and sent SIGTERM.
      ...r.terminations.filter((stop) => stop.hookCut).map((stop) => stop.sigtermMs),
      ...r.conditions.map((c) => c.timeMs),
      ...(r.completeMs === null ? [] : [r.completeMs]),
      ...(r.finishedMs === null ? [] : [r.finishedMs]),
      ...burstStarts(failureTimes),
    ],
    t.endMs,
  )
  const bucketsNs = chooseHistogramBuckets(r.parameters.requestSeconds)
  return {
    endMs: t.endMs,
    groups,
    podLabels,
    sternColours: Uint8Array.from(t.pods, (pod) => pickSternColour(pod.name)),
    killed: listKilledPods(t),
    readiness: readinessAll,
    failuresByPod: indexByPod(pods, failures.length, (i) => failures[i]!.pod),
    failureTimes,
    eventTimes: Float64Array.from(r.events, (e) => e.timeMs),
    logTimes: Float64Array.from(r.logs, (l) => l.timeMs),
    marks,
    series: buildSeries(r),
    advice,
    preStop: preStopMessage(r.deployment.preStop),
    bucketsNs,
    report: computeCursorReport(cursorReportInputOf(r, null, bucketsNs)),
  }
}
