/**
 * Packs the cluster record and the load record into the `RolloutTimeline` the UI seeks in (typed arrays, plain
 * objects), and turns per-pod request counts into the app's per-second log lines.
 */
import type { ClusterRecord } from './cluster-sim'
import { countPerReplicaSet } from './endpoints'
import { Track, type IntervalTrack } from './interval-recorder'
import { quantileOf } from './latency'
import type { LoadRecord } from './load'
import type { LogLine } from './stern'
import { REPLICA_SET_COUNT_FIELDS, type RolloutTimeline, type SecondStats } from './timeline'

/** Per-second statistics with latency percentiles (ms) computed from the exact per-second histograms. */
export function computeSecondStats(load: LoadRecord): SecondStats {
  const n = load.seconds
  const p = { p50: new Float64Array(n), p90: new Float64Array(n), p95: new Float64Array(n), p99: new Float64Array(n), max: new Float64Array(n) }
  const h = load.latency
  for (let s = 0; s < n; s++) {
    const a = h.offsets[s]!
    const b = h.offsets[s + 1]!
    if (a === b) continue
    p.p50[s] = quantileOf(h.valuesNs, h.counts, 0.5, a, b) / 1e6
    p.p90[s] = quantileOf(h.valuesNs, h.counts, 0.9, a, b) / 1e6
    p.p95[s] = quantileOf(h.valuesNs, h.counts, 0.95, a, b) / 1e6
    p.p99[s] = quantileOf(h.valuesNs, h.counts, 0.99, a, b) / 1e6
    p.max[s] = h.valuesNs[b - 1]! / 1e6
  }
  return { count: n, outcomes: load.outcomes, byReplicaSet: load.byReplicaSet, latencyMs: p, histogram: h, latencySumNs: load.latencySumNs, maxEndNs: load.maxEndNs }
}

/**
 * One app log line per pod and second it served requests in (`GET / 200 (25 requests in this second)`), at the
 * end of that second: a line per request would be millions. At most `room` lines; the rest are counted.
 */
export function summarizeRequestLogs(record: ClusterRecord, load: LoadRecord, path: string, room: number): { lines: LogLine[]; dropped: number } {
  const lines: LogLine[] = []
  let dropped = 0
  for (let p = 0; p < record.pods.length; p++) {
    for (let s = 0; s < load.seconds; s++) {
      const count = load.byPod[p * load.seconds + s]!
      if (count === 0) continue
      if (lines.length >= room) dropped++
      else lines.push({ timeMs: s * 1000 + 999, pod: p, container: '', message: `GET ${path} 200 (${count} requests in this second)`, kind: 'app' })
    }
  }
  return { lines, dropped }
}

/** The timeline of one run; `ingress` is the ingress's view (see `computeIngressView`). */
export function assembleTimeline(record: ClusterRecord, load: LoadRecord, ingress: IntervalTrack, newHash: string): RolloutTimeline {
  const replicaSets = record.replicaSets.length
  const podReplicaSet = Int32Array.from(record.pods, (p) => p.rs)
  const track = (t: number): IntervalTrack => record.tracks[t]!
  const rows = record.rows
  const fields = REPLICA_SET_COUNT_FIELDS.length
  const rowValues = new Int32Array(rows.length * replicaSets * fields)
  rows.forEach((row, r) => row.counts.forEach((c, i) => c.forEach((v, f) => (rowValues[(r * replicaSets + i) * fields + f] = v))))
  return {
    endMs: record.endMs,
    pods: record.pods.map((p) => ({ name: p.name, replicaSet: p.rs, ip: p.ip, node: p.node, createdMs: p.createdMs, deletedMs: p.deletedMs, goneMs: p.goneMs, restarts: p.restarts })),
    replicaSets: record.replicaSets.map((rs) => ({
      name: rs.name,
      revision: rs.revision,
      image: rs.image,
      hash: rs.hash,
      createdMs: rs.createdMs,
      isNew: rs.hash === newHash,
      deleted: record.deletedReplicaSets.has(rs.index),
    })),
    tracks: {
      phase: track(Track.phase),
      ready: track(Track.ready),
      available: track(Track.available),
      endpoint: track(Track.endpoint),
      ingress,
      listening: track(Track.listening),
    },
    probes: {
      pod: Uint32Array.from(record.probes, (p) => p.pod),
      timeMs: Float64Array.from(record.probes, (p) => p.timeMs),
      kind: Uint8Array.from(record.probes, (p) => p.kind),
      ok: Uint8Array.from(record.probes, (p) => (p.ok ? 1 : 0)),
    },
    kills: {
      pod: Uint32Array.from(record.kills, (k) => k.pod),
      timeMs: Float64Array.from(record.kills, (k) => k.timeMs),
      signal: Uint8Array.from(record.kills, (k) => (k.signal === 'sigterm' ? 0 : 1)),
    },
    replicaSetCounts: { timeMs: Float64Array.from(rows, (r) => r.timeMs), values: rowValues, replicaSets },
    endpointCounts: countPerReplicaSet(track(Track.endpoint), podReplicaSet, replicaSets),
    ingressCounts: countPerReplicaSet(ingress, podReplicaSet, replicaSets),
    seconds: computeSecondStats(load),
  }
}
