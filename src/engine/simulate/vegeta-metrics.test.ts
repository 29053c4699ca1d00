import { describe, expect, it } from 'vitest'
import { OUTCOMES } from './load'
import type { SecondStats } from './timeline'
import { computeVegetaHistogram, computeVegetaMetrics, nginxErrorPage } from './vegeta-metrics'
import { formatVegetaHistogram, formatVegetaJson, formatVegetaText } from './vegeta-report'

const ms = 1e6

/**
 * A hand-made attack at 2 req/s: hit 1 at 0.5 s → 200 in 50 ms; hit 2 at 1.0 s → 200 in 60 ms; hit 3 at 1.5 s →
 * 502 in 1 ms. By vegeta's rules (all in float64, as Go computes them): duration 1 s (0.5 → 1.5), end 1.501 s so wait 1 ms, rate 3 / 1 s, throughput
 * 2 / 1.001 s, mean 111 ms / 3 = 37 ms, nearest-rank p50 of [1, 50, 60] ms = 50 ms, bytes 2 × 12 + 150 (nginx's
 * 502 page).
 */
function handMade(): SecondStats {
  const outcomes = new Uint32Array(2 * OUTCOMES.length)
  outcomes[0] = 1
  outcomes[OUTCOMES.length] = 1
  outcomes[OUTCOMES.length + 1] = 1
  return {
    count: 2,
    outcomes,
    byReplicaSet: new Uint32Array(2),
    latencyMs: { p50: new Float64Array(2), p90: new Float64Array(2), p95: new Float64Array(2), p99: new Float64Array(2), max: new Float64Array(2) },
    histogram: { offsets: Uint32Array.of(0, 1, 3), valuesNs: Float64Array.of(50 * ms, 1 * ms, 60 * ms), counts: Float64Array.of(1, 1, 1) },
    latencySumNs: Float64Array.of(50 * ms, 61 * ms),
    maxEndNs: Float64Array.of(550 * ms, 1501 * ms),
  }
}
const attack = { rate: 2, requests: 3, url: 'http://example/', clockStart: '2026-01-01T00:00:00Z', responseBytes: 12 }
const firstSeq = Float64Array.of(1, 3, 0, 0, 0, 0)

describe('computeVegetaMetrics', () => {
  it('matches the hand-computed text report', () => {
    expect(nginxErrorPage('502 Bad Gateway')).toHaveLength(150)
    expect(formatVegetaText(computeVegetaMetrics(handMade(), attack, firstSeq))).toBe(
      'Requests      [total, rate, throughput]         3, 3.00, 2.00\n' +
      'Duration      [total, attack, wait]             1.001s, 1s, 1ms\n' +
      'Latencies     [min, mean, 50, 90, 95, 99, max]  1ms, 37ms, 50ms, 60ms, 60ms, 60ms, 60ms\n' +
      'Bytes In      [total, mean]                     174, 58.00\n' +
      'Bytes Out     [total, mean]                     0, 0.00\n' +
      'Success       [ratio]                           66.67%\n' +
      'Status Codes  [code:count]                      200:2  502:1  \n' +
      'Error Set:\n' +
      '502 Bad Gateway\n',
    )
  })

  it('matches the hand-computed JSON report', () => {
    expect(formatVegetaJson(computeVegetaMetrics(handMade(), attack, firstSeq))).toBe(
      '{"latencies":{"total":111000000,"mean":37000000,"50th":50000000,"90th":60000000,"95th":60000000,"99th":60000000,"max":60000000,"min":1000000},' +
      '"bytes_in":{"total":174,"mean":58},"bytes_out":{"total":0,"mean":0},' +
      '"earliest":"2026-01-01T00:00:00.5Z","latest":"2026-01-01T00:00:01.5Z","end":"2026-01-01T00:00:01.501Z",' +
      '"duration":1000000000,"wait":1000000,"requests":3,"rate":3,"throughput":1.9980019980019983,"success":0.6666666666666666,' +
      '"status_codes":{"200":2,"502":1},"errors":["502 Bad Gateway"]}\n',
    )
  })

  it('covers only the seconds before a cursor, and does not divide the rate of a single request', () => {
    const m = computeVegetaMetrics(handMade(), attack, firstSeq, 1999)
    expect(m).toMatchObject({ requests: 1, rate: 1, throughput: 1, success: 1, durationNs: 0, waitNs: 50 * ms, errors: [], statusCodes: { '200': 1 } })
  })

  it('lists each distinct error once, in first-seen order, with the URL in transport errors', () => {
    const stats = handMade()
    stats.outcomes[OUTCOMES.length + 1] = 0
    stats.outcomes[OUTCOMES.length + 5] = 1
    const seen = Float64Array.of(1, 0, 0, 0, 0, 3)
    expect(computeVegetaMetrics(stats, attack, seen).errors).toEqual([
      'Get "http://example/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    ])
    expect(computeVegetaMetrics(stats, attack, seen).statusCodes).toEqual({ '0': 1, '200': 2 })
  })
})

describe('computeVegetaHistogram', () => {
  it('puts a latency in bucket i when b[i] <= latency < b[i+1], the last open', () => {
    const h = computeVegetaHistogram(handMade(), [0, 2 * ms, 55 * ms])
    expect(h).toEqual({ bucketsNs: [0, 2 * ms, 55 * ms], counts: [1, 1, 1], total: 3 })
    expect(formatVegetaHistogram(h)).toBe(
      'Bucket         #  %       Histogram\n' +
      '[0s,    2ms]   1  33.33%  #########################\n' +
      '[2ms,   55ms]  1  33.33%  #########################\n' +
      '[55ms,  +Inf]  1  33.33%  #########################\n',
    )
    expect(computeVegetaHistogram(handMade(), [0, 50 * ms]).counts).toEqual([1, 2])
  })
})
