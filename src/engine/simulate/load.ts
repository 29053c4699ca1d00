/**
 * The open-model constant-rate attacker (vegeta; docs/rollout.md#attack) replayed over the cluster's record:
 * hit n is sent at n / rate, goes to the next endpoint of the ingress's view by round robin and ends as a success
 * or as one of the failure causes. Requests are never objects: the time axis is cut where anything relevant changes
 * (and at every second), and a stretch where every endpoint serves is settled arithmetically; only stretches with
 * a failing endpoint are walked request by request. Every request is counted exactly once.
 */
import { POD_PHASE_NAMES, PodPhase, type KillRecord } from './cluster-state'
import type { IntervalTrack } from './interval-recorder'
import { countServicePoints, createLatencyAccumulator, lastRequestWithPoint, servicePoint, SERVICE_TIME_POINTS, type LatencyHistogram } from './latency'
import { buildSegments } from './load-segments'
import { OUTCOME_CAUSES, OUTCOME_CODES, OUTCOMES, type FailedRequest, type FailureDetail } from './request-outcome'

// Re-exported for modules that import the outcome vocabulary from the attacker.
export { OUTCOME_CAUSES, OUTCOME_CODES, OUTCOMES } from './request-outcome'
export type { FailedRequest, FailureDetail, Outcome, RequestCause } from './request-outcome'

export interface LoadInput {
  readonly rate: number
  /** Number of hits N; hit n is sent at n × 1000 / rate ms. */
  readonly requests: number
  readonly podReplicaSet: ArrayLike<number>
  readonly replicaSets: number
  readonly ingress: IntervalTrack
  readonly listening: IntervalTrack
  readonly phase: IntervalTrack
  readonly ready: IntervalTrack
  readonly kills: readonly KillRecord[]
  readonly serviceNs: Float64Array
  readonly serviceOffset: number
  readonly overheadNs: number
  readonly clientTimeoutNs: number
  readonly proxyReadTimeoutNs: number
  readonly retries: number
  readonly roundRobinStart: number
  readonly maxFailed: number
}

export interface LoadRecord {
  readonly seconds: number
  /** `outcomes[s * OUTCOMES.length + o]`: requests sent in second s that ended as outcome o. */
  readonly outcomes: Uint32Array
  /** `byReplicaSet[s * replicaSets + rs]`: requests sent in second s answered by a pod of that ReplicaSet. */
  readonly byReplicaSet: Uint32Array
  /** `byPod[pod * seconds + s]`: successful requests a pod served, by second of sending. */
  readonly byPod: Uint32Array
  readonly latency: LatencyHistogram
  /** Sum of latencies (ns) and latest send + latency (ns since 0) per second. */
  readonly latencySumNs: Float64Array
  readonly maxEndNs: Float64Array
  /** Hit number of the first request of each outcome (0 when none), for vegeta's first-seen error order. */
  readonly firstSeq: Float64Array
  readonly failures: {
    readonly kept: FailedRequest[]
    readonly total: number
    readonly dropped: number
    readonly byDetail: Partial<Record<FailureDetail, number>>
  }
  readonly maxConsecutiveFailures: number
}

const KILL_DETAIL = (k: KillRecord): FailureDetail =>
  k.reason !== 'deleted' ? 'killed-by-probe' : k.signal === 'sigterm' ? 'killed-on-sigterm' : 'killed-at-grace-end'

/** Replays the whole attack. Cost: O(segments × endpoints + requests in failing stretches). */
export function runLoad(input: LoadInput): LoadRecord {
  const { rate, requests: total, replicaSets } = input
  const hitTime = (n: number): number => (n * 1000) / rate
  const hitIndexAt = (ms: number): number => Math.min(total + 1, Math.max(1, Math.ceil((ms * rate) / 1000)))
  const seconds = Math.floor(hitTime(total) / 1000) + 1
  const pods = input.podReplicaSet.length
  const outcomes = new Uint32Array(seconds * OUTCOMES.length)
  const byReplicaSet = new Uint32Array(seconds * replicaSets)
  const byPod = new Uint32Array(pods * seconds)
  const latency = createLatencyAccumulator(seconds)
  const latencySumNs = new Float64Array(seconds)
  const maxEndNs = new Float64Array(seconds)
  const firstSeq = new Float64Array(OUTCOMES.length)
  const kept: FailedRequest[] = []
  const byDetail: Partial<Record<FailureDetail, number>> = {}
  let failed = 0
  let run = 0
  let maxRun = 0
  let rr = input.roundRobinStart

  const svc = input.serviceNs
  const overhead = input.overheadNs
  let maxSvc = 0
  for (const v of svc) maxSvc = Math.max(maxSvc, v)
  const fastPathOk = maxSvc < input.proxyReadTimeoutNs && maxSvc + overhead < input.clientTimeoutNs

  // Kill times per pod (CSR), with a cursor that only moves forward in time.
  const killOffsets = new Uint32Array(pods + 1)
  const perPodKills: KillRecord[][] = Array.from({ length: pods }, () => [])
  for (const k of input.kills) perPodKills[k.pod]!.push(k)
  const killList: KillRecord[] = []
  for (let p = 0; p < pods; p++) {
    killOffsets[p] = killList.length
    killList.push(...perPodKills[p]!)
  }
  killOffsets[pods] = killList.length
  const killCursor = Uint32Array.from(killOffsets.subarray(0, pods))
  const nextKill = (pod: number, t: number): KillRecord | undefined => {
    let i = killCursor[pod]!
    while (i < killOffsets[pod + 1]! && killList[i]!.timeMs <= t) i++
    killCursor[pod] = i
    return i < killOffsets[pod + 1]! ? killList[i] : undefined
  }

  // First back-off per pod: a pod that is starting after it was in back-off is restarting, not starting.
  const firstBackOff = new Float64Array(pods).fill(Infinity)
  for (let p = 0; p < pods; p++) {
    for (let i = input.phase.offsets[p]!; i < input.phase.offsets[p + 1]!; i++) {
      if (input.phase.value[i] === PodPhase.backOff) {
        firstBackOff[p] = input.phase.startMs[i]!
        break
      }
    }
  }

  const fail = (outcome: number, detail: FailureDetail, seq: number, sentMs: number, latencyNs: number, pod: number, phase: number, ready: boolean, tries: number): void => {
    failed++
    byDetail[detail] = (byDetail[detail] ?? 0) + 1
    if (firstSeq[outcome] === 0) firstSeq[outcome] = seq
    if (kept.length < input.maxFailed) {
      const name = OUTCOMES[outcome]!
      kept.push({
        seq,
        sentMs,
        latencyMs: latencyNs / 1e6,
        code: OUTCOME_CODES[name],
        cause: OUTCOME_CAUSES[name],
        detail,
        pod,
        podPhase: phase >= 0 ? POD_PHASE_NAMES[phase]! : null,
        podReady: ready,
        tries,
      })
    }
  }

  /** `count` failures of consecutive hits from `first`, all alike (no endpoint): kept one by one up to the cap. */
  const failMany = (outcome: number, detail: FailureDetail, first: number, count: number, latencyNs: number): void => {
    const keep = Math.min(count, Math.max(0, input.maxFailed - kept.length))
    for (let n = first; n < first + keep; n++) fail(outcome, detail, n, hitTime(n), latencyNs, -1, -1, false, 0)
    failed += count - keep
    byDetail[detail] = (byDetail[detail] ?? 0) + count - keep
    if (firstSeq[outcome] === 0) firstSeq[outcome] = first
  }

  const notListeningDetail = (pod: number, phase: number, t: number): FailureDetail => {
    if (phase < 0) return 'pod-gone'
    if (phase === PodPhase.backOff || t > firstBackOff[pod]!) return 'container-restarting'
    if (phase === PodPhase.draining) return 'listener-closed'
    return 'app-not-started'
  }

  const segments = buildSegments(input, seconds)
  const pointCounts = new Float64Array(SERVICE_TIME_POINTS)
  let startIndex = hitIndexAt(segments.boundary(0))
  for (let s = 0; s < segments.count; s++) {
    const endIndex = hitIndexAt(segments.boundary(s + 1))
    const k = endIndex - startIndex
    if (k <= 0) {
      startIndex = endIndex
      segments.advance()
      continue
    }
    const { view, listening, phase, ready } = segments.state()
    const second = Math.min(seconds - 1, Math.floor(hitTime(startIndex) / 1000))
    const m = view.length
    const out = second * OUTCOMES.length

    if (m === 0) {
      // No endpoints: nginx answers 503 for every request.
      outcomes[out + 3]! += k
      latency.add(second, overhead, k)
      latencySumNs[second]! += overhead * k
      maxEndNs[second] = Math.max(maxEndNs[second]!, hitTime(endIndex - 1) * 1e6 + overhead)
      failMany(3, 'no-endpoints', startIndex, k, overhead)
      run += k
      maxRun = Math.max(maxRun, run)
    } else {
      let clean = fastPathOk
      const segStart = segments.boundary(s)
      const horizon = hitTime(endIndex - 1) + (maxSvc + overhead) / 1e6
      for (let i = 0; clean && i < m; i++) {
        const pod = view[i]!
        if (!listening[pod]) clean = false
        else {
          const kill = nextKill(pod, segStart)
          if (kill && kill.timeMs <= horizon) clean = false
        }
      }
      if (clean) {
        const base = Math.floor(k / m)
        const extra = k % m
        const first = rr % m
        for (let i = 0; i < m; i++) {
          const pod = view[i]!
          const count = base + ((i - first + m) % m < extra ? 1 : 0)
          byPod[pod * seconds + second]! += count
          byReplicaSet[second * replicaSets + input.podReplicaSet[pod]!]! += count
        }
        rr += k
        outcomes[out]! += k
        pointCounts.fill(0)
        countServicePoints(startIndex, k, input.serviceOffset, pointCounts)
        for (let q = 0; q < SERVICE_TIME_POINTS; q++) {
          const c = pointCounts[q]!
          if (c === 0) continue
          const value = svc[q]! + overhead
          latency.add(second, value, c)
          latencySumNs[second]! += value * c
          const last = lastRequestWithPoint(endIndex, q, input.serviceOffset)
          if (last >= startIndex) maxEndNs[second] = Math.max(maxEndNs[second]!, hitTime(last) * 1e6 + value)
        }
        run = 0
      } else {
        const maxTries = Math.min(1 + input.retries, m)
        for (let n = startIndex; n < endIndex; n++) {
          const t = hitTime(n)
          let pod = view[rr % m]!
          rr++
          let tries = 1
          while (!listening[pod] && tries < maxTries) {
            pod = view[rr % m]!
            rr++
            tries++
          }
          byReplicaSet[second * replicaSets + input.podReplicaSet[pod]!]! += 1
          let outcome = 0
          let latencyNs = overhead
          let detail: FailureDetail = 'app-not-started'
          if (!listening[pod]) {
            outcome = 1
            detail = notListeningDetail(pod, phase[pod]!, t)
          } else {
            const work = svc[servicePoint(n, input.serviceOffset)]!
            const answerNs = Math.min(work, input.proxyReadTimeoutNs)
            const kill = nextKill(pod, t)
            if (kill && kill.timeMs < t + answerNs / 1e6) {
              outcome = 2
              detail = KILL_DETAIL(kill)
              latencyNs = Math.round((kill.timeMs - t) * 1e6) + overhead
            } else if (work >= input.proxyReadTimeoutNs) {
              outcome = 4
              detail = 'upstream-timeout'
              latencyNs = input.proxyReadTimeoutNs + overhead
            } else {
              latencyNs = work + overhead
            }
          }
          if (latencyNs >= input.clientTimeoutNs) {
            outcome = 5
            detail = 'client-timeout'
            latencyNs = input.clientTimeoutNs
          }
          outcomes[out + outcome]! += 1
          latency.add(second, latencyNs, 1)
          latencySumNs[second]! += latencyNs
          maxEndNs[second] = Math.max(maxEndNs[second]!, t * 1e6 + latencyNs)
          if (outcome === 0) {
            byPod[pod * seconds + second]! += 1
            run = 0
          } else {
            fail(outcome, detail, n, t, latencyNs, pod, phase[pod]!, ready[pod] === 1, tries)
            run++
            if (run > maxRun) maxRun = run
          }
        }
      }
    }
    startIndex = endIndex
    segments.advance()
  }

  return {
    seconds,
    outcomes,
    byReplicaSet,
    byPod,
    latency: latency.finish(),
    latencySumNs,
    maxEndNs,
    firstSeq,
    failures: { kept, total: failed, dropped: failed - kept.length, byDetail },
    maxConsecutiveFailures: maxRun,
  }
}
