import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { chooseHistogramBuckets, computeCursorReport } from './cursor-report'
import { cursorReportInputOf } from './cursor-report-input'
import { computeRolloutMetrics } from './rollout-reports'
import { simulateOk } from '../testing/rollouts'
import { formatVegetaText } from './vegeta-report'

const r = simulateOk({ preStop: null }, { sigterm: 'immediate' })
const buckets = chooseHistogramBuckets(r.parameters.requestSeconds)

describe('computeCursorReport', () => {
  it('is the whole run\'s vegeta report when there is no cursor', () => {
    const report = computeCursorReport(cursorReportInputOf(r, null, buckets))
    expect(report.text).toBe(formatVegetaText(computeRolloutMetrics(r)))
    expect(report.requests).toBe(r.load.requests)
    expect(report.success).toBe(r.load.success)
    expect(report.histogram.total).toBe(r.load.requests)
    expect(report.histogramText.split('\n')[0]).toMatch(/^Bucket +# +% +Histogram$/)
  })

  it('counts only the requests sent before the cursor (whole seconds)', () => {
    const before = computeCursorReport(cursorReportInputOf(r, 10_000, buckets))
    // 50 req/s: hits at 20 ms … 9.98 s.
    expect(before.requests).toBe(499)
    expect(before.success).toBe(499)
    expect(before.text).toContain('200:499')
    const after = computeCursorReport(cursorReportInputOf(r, r.timeline.endMs, buckets))
    expect(after.requests - after.success).toBe(r.load.requests - r.load.success)
  })

  it('never loses requests as the cursor moves on', () => {
    const seconds = Math.ceil(r.timeline.endMs / 1000)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seconds }), fc.integer({ min: 0, max: seconds }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a]
        const rx = computeCursorReport(cursorReportInputOf(r, x * 1000, buckets))
        const ry = computeCursorReport(cursorReportInputOf(r, y * 1000, buckets))
        expect(ry.requests).toBeGreaterThanOrEqual(rx.requests)
        expect(ry.requests - ry.success).toBeGreaterThanOrEqual(rx.requests - rx.success)
        expect(rx.histogram.total).toBe(rx.requests)
      }),
      { numRuns: 30 },
    )
  })
})

describe('chooseHistogramBuckets', () => {
  it.each([
    [0.05, [0, 2, 25, 50, 75, 100, 200, 1_000]],
    [1, [0, 2, 500, 750, 1_000, 1_500, 2_000, 5_000, 20_000]],
    [0, [0, 1, 2, 5, 10, 50, 100]],
  ])('for a request time of %d s gives %j ms', (seconds, ms) => {
    expect(chooseHistogramBuckets(seconds)).toEqual(ms.map((m) => m * 1e6))
  })

  it('always starts at 0 and strictly increases', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3_600, noNaN: true }), (seconds) => {
        const b = chooseHistogramBuckets(seconds)
        expect(b[0]).toBe(0)
        for (let i = 1; i < b.length; i++) expect(b[i]!).toBeGreaterThan(b[i - 1]!)
      }),
    )
  })
})
