import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { POD_PHASE_NAMES, PodPhase, type KillRecord } from './cluster-state'
import { valueAt, type IntervalTrack } from './interval-recorder'
import { buildServiceTimes, SERVICE_TIME_POINTS, servicePoint } from './latency'
import { OUTCOMES, runLoad, type FailedRequest, type FailureDetail, type LoadInput } from './load'

/** Packs per-pod `[start, end, value]` lists into an IntervalTrack. */
function track(perPod: [number, number, number][][]): IntervalTrack {
  const flat = perPod.flat()
  const offsets = new Uint32Array(perPod.length + 1)
  perPod.forEach((list, p) => (offsets[p + 1] = offsets[p]! + list.length))
  return { offsets, startMs: Float64Array.from(flat, (x) => x[0]), endMs: Float64Array.from(flat, (x) => x[1]), value: Uint8Array.from(flat, (x) => x[2]) }
}

/** The obvious per-request replay, request by request: what `runLoad` must equal, however it batches. */
function replayNaively(input: LoadInput): { outcomes: number[]; byRs: number[]; failures: FailedRequest[]; maxRun: number; latencies: Map<string, number> } {
  const pods = input.podReplicaSet.length
  const seconds = Math.floor((input.requests * 1000) / input.rate / 1000) + 1
  const outcomes = new Array<number>(seconds * OUTCOMES.length).fill(0)
  const byRs = new Array<number>(seconds * input.replicaSets).fill(0)
  const failures: FailedRequest[] = []
  const latencies = new Map<string, number>()
  let rr = input.roundRobinStart
  let run = 0
  let maxRun = 0
  const backOff = (p: number): number => {
    for (let i = input.phase.offsets[p]!; i < input.phase.offsets[p + 1]!; i++) if (input.phase.value[i] === PodPhase.backOff) return input.phase.startMs[i]!
    return Infinity
  }
  for (let n = 1; n <= input.requests; n++) {
    const t = (n * 1000) / input.rate
    const s = Math.floor(t / 1000)
    const view: number[] = []
    for (let p = 0; p < pods; p++) if (valueAt(input.ingress, p, t) >= 0) view.push(p)
    let outcome = 0
    let latency = input.overheadNs
    let detail: FailureDetail = 'no-endpoints'
    let pod = -1
    let tries = 0
    if (view.length === 0) outcome = 3
    else {
      const listening = (p: number): boolean => valueAt(input.listening, p, t) > 0
      const maxTries = Math.min(1 + input.retries, view.length)
      do {
        pod = view[rr % view.length]!
        rr++
        tries++
      } while (!listening(pod) && tries < maxTries)
      byRs[s * input.replicaSets + input.podReplicaSet[pod]!]!++
      const phase = valueAt(input.phase, pod, t)
      if (!listening(pod)) {
        outcome = 1
        detail = phase < 0 ? 'pod-gone' : phase === PodPhase.backOff || t > backOff(pod) ? 'container-restarting' : phase === PodPhase.draining ? 'listener-closed' : 'app-not-started'
      } else {
        const work = input.serviceNs[servicePoint(n, input.serviceOffset)]!
        const answer = Math.min(work, input.proxyReadTimeoutNs)
        const kill = input.kills.find((k) => k.pod === pod && k.timeMs > t)
        if (kill && kill.timeMs < t + answer / 1e6) {
          outcome = 2
          detail = kill.reason !== 'deleted' ? 'killed-by-probe' : kill.signal === 'sigterm' ? 'killed-on-sigterm' : 'killed-at-grace-end'
          latency = Math.round((kill.timeMs - t) * 1e6) + input.overheadNs
        } else if (work >= input.proxyReadTimeoutNs) {
          outcome = 4
          detail = 'upstream-timeout'
          latency = input.proxyReadTimeoutNs + input.overheadNs
        } else latency = work + input.overheadNs
      }
    }
    if (latency >= input.clientTimeoutNs) {
      outcome = 5
      detail = 'client-timeout'
      latency = input.clientTimeoutNs
    }
    outcomes[s * OUTCOMES.length + outcome]!++
    latencies.set(`${s}:${latency}`, (latencies.get(`${s}:${latency}`) ?? 0) + 1)
    if (outcome === 0) run = 0
    else {
      run++
      maxRun = Math.max(maxRun, run)
      if (failures.length < input.maxFailed) {
        const phase = pod >= 0 ? valueAt(input.phase, pod, t) : -1
        failures.push({
          seq: n,
          sentMs: t,
          latencyMs: latency / 1e6,
          code: [200, 502, 502, 503, 504, 0][outcome]!,
          cause: (['ok', 'not-listening', 'reset', 'no-endpoints', 'timeout', 'timeout'] as const)[outcome]!,
          detail,
          pod,
          podPhase: phase >= 0 ? POD_PHASE_NAMES[phase]! : null,
          podReady: pod >= 0 && valueAt(input.ready, pod, t) > 0,
          tries,
        })
      }
    }
  }
  return { outcomes, byRs, failures, maxRun, latencies }
}

const intervalsArb = (maxMs: number, values: fc.Arbitrary<number>): fc.Arbitrary<[number, number, number][]> =>
  fc.array(fc.tuple(fc.integer({ min: -1000, max: maxMs }), fc.integer({ min: 1, max: 4000 }), values), { maxLength: 4 }).map((list) => {
    const out: [number, number, number][] = []
    let cursor = -Infinity
    for (const [start, length, value] of [...list].sort((a, b) => a[0] - b[0])) {
      const s = Math.max(start, cursor)
      out.push([s, s + length, value])
      cursor = s + length
    }
    return out
  })

const loadInputArb = fc
  .record({
    pods: fc.integer({ min: 1, max: 5 }),
    rate: fc.integer({ min: 1, max: 400 }),
    seconds: fc.integer({ min: 1, max: 8 }),
    retries: fc.integer({ min: 0, max: 2 }),
    requestSeconds: fc.double({ min: 0.001, max: 0.4, noNaN: true }),
    spread: fc.double({ min: 0, max: 0.6, noNaN: true }),
    clientTimeout: fc.constantFrom(30, 0.2),
    proxyRead: fc.constantFrom(60, 0.15),
    offset: fc.integer({ min: 0, max: 19 }),
    rr: fc.integer({ min: 0, max: 10 }),
    maxFailed: fc.constantFrom(3, 10_000),
  })
  .chain((base) => {
    const ms = base.seconds * 1000
    const perPod = fc.record({
      ingress: intervalsArb(ms, fc.constant(1)),
      listening: intervalsArb(ms, fc.constant(1)),
      phase: intervalsArb(ms, fc.integer({ min: 0, max: 6 })),
      ready: intervalsArb(ms, fc.constant(1)),
      kills: fc.array(fc.tuple(fc.double({ min: 0, max: ms, noNaN: true }), fc.constantFrom('sigterm', 'sigkill'), fc.constantFrom('deleted', 'liveness')), { maxLength: 3 }),
    })
    return fc.tuple(fc.constant(base), fc.array(perPod, { minLength: base.pods, maxLength: base.pods }))
  })
  .map(([base, pods]): LoadInput => {
    const kills: KillRecord[] = pods
      .flatMap((p, pod) => p.kills.map(([timeMs, signal, reason]) => ({ pod, timeMs, signal, reason }) as KillRecord))
      .sort((a, b) => a.timeMs - b.timeMs)
    return {
      rate: base.rate,
      requests: base.rate * base.seconds,
      podReplicaSet: pods.map((_, i) => i % 2),
      replicaSets: 2,
      ingress: track(pods.map((p) => p.ingress)),
      listening: track(pods.map((p) => p.listening)),
      phase: track(pods.map((p) => p.phase)),
      ready: track(pods.map((p) => p.ready)),
      kills,
      serviceNs: buildServiceTimes(base.requestSeconds, base.spread),
      serviceOffset: base.offset,
      overheadNs: 1_000_000,
      clientTimeoutNs: base.clientTimeout * 1e9,
      proxyReadTimeoutNs: base.proxyRead * 1e9,
      retries: base.retries,
      roundRobinStart: base.rr,
      maxFailed: base.maxFailed,
    }
  })

describe('runLoad', () => {
  it('equals a naive request-by-request replay, whatever it batches', () => {
    fc.assert(
      fc.property(loadInputArb, (input) => {
        const fast = runLoad(input)
        const slow = replayNaively(input)
        expect([...fast.outcomes]).toEqual(slow.outcomes)
        expect([...fast.byReplicaSet]).toEqual(slow.byRs)
        expect(fast.failures.kept).toEqual(slow.failures)
        expect(fast.maxConsecutiveFailures).toBe(slow.maxRun)
        const latencies = new Map<string, number>()
        for (let s = 0; s < fast.seconds; s++) {
          for (let i = fast.latency.offsets[s]!; i < fast.latency.offsets[s + 1]!; i++) latencies.set(`${s}:${fast.latency.valuesNs[i]}`, fast.latency.counts[i]!)
        }
        expect(latencies).toEqual(slow.latencies)
      }),
      { numRuns: 300 },
    )
  })

  it('accounts for every request exactly once', () => {
    fc.assert(
      fc.property(loadInputArb, (input) => {
        const r = runLoad(input)
        const total = r.outcomes.reduce((a, b) => a + b, 0)
        expect(total).toBe(input.requests)
        const histogram = r.latency.counts.reduce((a, b) => a + b, 0)
        expect(histogram).toBe(input.requests)
        let ok = 0
        for (let s = 0; s < r.seconds; s++) ok += r.outcomes[s * OUTCOMES.length]!
        expect(r.failures.total).toBe(input.requests - ok)
        expect(Object.values(r.failures.byDetail).reduce((a, b) => a + b, 0)).toBe(r.failures.total)
        expect(r.failures.kept.length + r.failures.dropped).toBe(r.failures.total)
      }),
      { numRuns: 200 },
    )
  })

  it('settles a clean stretch arithmetically: round robin shares differ by at most one', () => {
    const pods = 3
    const full = track(Array.from({ length: pods }, () => [[-1, 100_000, 1]] as [number, number, number][]))
    const r = runLoad({
      rate: 1000, requests: 10_000, podReplicaSet: [0, 0, 0], replicaSets: 1, ingress: full, listening: full,
      phase: track(Array.from({ length: pods }, () => [[-1, 100_000, PodPhase.ready]] as [number, number, number][])), ready: full, kills: [],
      serviceNs: buildServiceTimes(0.05, 0.2), serviceOffset: 0, overheadNs: 1e6, clientTimeoutNs: 30e9, proxyReadTimeoutNs: 60e9, retries: 0, roundRobinStart: 0, maxFailed: 10,
    })
    const perPod = [0, 1, 2].map((p) => r.byPod.subarray(p * r.seconds, (p + 1) * r.seconds).reduce((a, b) => a + b, 0))
    expect(perPod.reduce((a, b) => a + b, 0)).toBe(10_000)
    expect(Math.max(...perPod) - Math.min(...perPod)).toBeLessThanOrEqual(1)
    // Each of the 20 service-time points serves exactly 1/20 of the requests.
    expect(r.latency.counts.reduce((a, b) => a + b, 0)).toBe(10_000)
    expect(new Set(r.latency.valuesNs).size).toBe(SERVICE_TIME_POINTS)
  })

  it('resets the requests in flight when a pod is killed, and refuses the ones sent after', () => {
    const alive = track([[[-1, 1000.5, 1]]])
    const r = runLoad({
      rate: 100, requests: 150, podReplicaSet: [0], replicaSets: 1, ingress: track([[[-1, 2000, 1]]]), listening: alive,
      phase: track([[[-1, 1000.5, PodPhase.ready]]]), ready: alive, kills: [{ pod: 0, timeMs: 1000.5, signal: 'sigterm', reason: 'deleted' }],
      serviceNs: buildServiceTimes(0.05, 0), serviceOffset: 0, overheadNs: 1e6, clientTimeoutNs: 30e9, proxyReadTimeoutNs: 60e9, retries: 0, roundRobinStart: 0, maxFailed: 100,
    })
    // Sent at 960, 970, 980, 990 and 1000 ms with 50 ms of work each: still running at 1000.5 ms.
    const resets = r.failures.kept.filter((f) => f.cause === 'reset')
    expect(resets.map((f) => f.sentMs)).toEqual([960, 970, 980, 990, 1000])
    expect(resets[0]).toMatchObject({ code: 502, detail: 'killed-on-sigterm', latencyMs: 41.5 })
    expect(r.failures.byDetail).toEqual({ 'killed-on-sigterm': 5, 'pod-gone': 50 })
  })
})
