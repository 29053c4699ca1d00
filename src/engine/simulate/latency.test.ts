import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildServiceTimes, countServicePoints, lastRequestWithPoint, mergeSeconds, quantileOf, SERVICE_TIME_POINTS, servicePoint } from './latency'

describe('service times', () => {
  it('spreads 20 points log-normally around the median, constant with spread 0', () => {
    const times = buildServiceTimes(0.05, 0.2)
    expect(times).toHaveLength(20)
    expect(Math.sqrt(times[9]! * times[10]!)).toBeCloseTo(50e6, -3)
    expect(times[19]).toBe(Math.round(50e6 * Math.exp(0.2 * 1.959964)))
    expect(new Set(buildServiceTimes(0.05, 0))).toEqual(new Set([50e6]))
  })

  it('uses every point once in any 20 consecutive requests', () => {
    for (const offset of [0, 7, 19]) {
      const points = Array.from({ length: 20 }, (_, i) => servicePoint(100 + i, offset))
      expect(new Set(points).size).toBe(SERVICE_TIME_POINTS)
    }
  })

  it('counts points of a run of requests and finds the last request of a point, as brute force does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 19 }), (first, k, offset) => {
        const counts = new Float64Array(20)
        countServicePoints(first, k, offset, counts)
        const brute = new Float64Array(20)
        for (let n = first; n < first + k; n++) brute[servicePoint(n, offset)]! += 1
        expect(counts).toEqual(brute)
        // Looking back at most 20 requests from the end finds every point (the sequence has period 20).
        for (let q = 0; q < 20; q++) {
          const end = first + k + 20
          let last = end - 1
          while (servicePoint(last, offset) !== q) last--
          expect(lastRequestWithPoint(end, q, offset)).toBe(last)
        }
      }),
    )
  })
})

describe('histograms', () => {
  const h = { offsets: Uint32Array.of(0, 2, 2, 3), valuesNs: Float64Array.of(1, 5, 3), counts: Float64Array.of(2, 1, 4) }

  it('merges seconds into one ascending list', () => {
    expect(mergeSeconds(h, 0, 3)).toEqual({ valuesNs: Float64Array.of(1, 3, 5), counts: Float64Array.of(2, 4, 1) })
    expect(mergeSeconds(h, 1, 2)).toEqual({ valuesNs: new Float64Array(0), counts: new Float64Array(0) })
  })

  it('takes nearest-rank quantiles', () => {
    const { valuesNs, counts } = mergeSeconds(h, 0, 3)
    expect(quantileOf(valuesNs, counts, 0.5)).toBe(3) // rank 4 of 7
    expect(quantileOf(valuesNs, counts, 0.2)).toBe(1) // rank 2
    expect(quantileOf(valuesNs, counts, 1)).toBe(5)
    expect(quantileOf(new Float64Array(0), new Float64Array(0), 0.5)).toBe(0)
  })
})
