import { describe, expect, it } from 'vitest'
import { formatGoDuration, formatGoFixed, formatRfc3339Nano, roundForReport, roundGoDuration } from './go-format'

describe('formatGoDuration (time.Duration.String)', () => {
  it.each([
    [0, '0s'],
    [1, '1ns'],
    [999, '999ns'],
    [1_000, '1µs'],
    [812_345, '812.345µs'],
    [1_000_000, '1ms'],
    [5_123_000, '5.123ms'],
    [1_500_000_000, '1.5s'],
    [59_995_000_000, '59.995s'],
    [60_000_000_000, '1m0s'],
    [123_000_000_000, '2m3s'],
    [3_720_000_000_000, '1h2m0s'],
    [3_600_000_000_001, '1h0m0.000000001s'],
    [-1_500_000, '-1.5ms'],
  ])('%d ns prints as %s', (ns, text) => {
    expect(formatGoDuration(ns)).toBe(text)
  })

  it('uses the micro sign U+00B5', () => {
    expect(formatGoDuration(1_500)).toBe('1.5\u00b5s')
  })
})

describe('rounding as vegeta reports it', () => {
  it('rounds halves away from zero', () => {
    expect(roundGoDuration(1_500, 1_000)).toBe(2_000)
    expect(roundGoDuration(1_499, 1_000)).toBe(1_000)
    expect(roundGoDuration(-1_500, 1_000)).toBe(-2_000)
  })

  it.each([
    [3_723_456_789_012, '1h2m0s'], // ≥ 1h: to the minute
    [123_456_789_012, '2m3s'], // ≥ 1m: to the second
    [59_995_123_456, '59.995s'], // ≥ 1s: to the millisecond
    [5_123_456, '5.123ms'], // ≥ 1ms: to the microsecond
    [812_345, '812.345µs'], // ≥ 1µs: to the nanosecond (unchanged)
    [999, '999ns'],
  ])('%d ns reports as %s', (ns, text) => {
    expect(formatGoDuration(roundForReport(ns))).toBe(text)
  })
})

describe('formatGoFixed (%.Nf)', () => {
  it('rounds exact ties to even, like Go and unlike toFixed', () => {
    expect((0.125).toFixed(2)).toBe('0.13')
    expect(formatGoFixed(0.125, 2)).toBe('0.12')
    expect(formatGoFixed(0.375, 2)).toBe('0.38')
    expect(formatGoFixed(2.5, 0)).toBe('2')
    expect(formatGoFixed(-0.125, 2)).toBe('-0.12')
  })

  it('rounds non-ties to the nearest, by the exact binary value', () => {
    expect(formatGoFixed(1.005, 2)).toBe('1.00') // 1.005 is 1.00499999999999989…
    expect(formatGoFixed(100.0166, 2)).toBe('100.02')
    expect(formatGoFixed(99.17, 2)).toBe('99.17')
    expect(formatGoFixed(0, 2)).toBe('0.00')
  })

  it('prints NaN and infinities as Go does', () => {
    expect(formatGoFixed(Number.NaN, 2)).toBe('NaN')
    expect(formatGoFixed(Infinity, 2)).toBe('+Inf')
  })
})

describe('formatRfc3339Nano', () => {
  it('trims trailing zeros of the fraction and drops a whole one', () => {
    expect(formatRfc3339Nano('2026-01-01T00:00:00Z', 0)).toBe('2026-01-01T00:00:00Z')
    expect(formatRfc3339Nano('2026-01-01T00:00:00Z', 20_000_000)).toBe('2026-01-01T00:00:00.02Z')
    expect(formatRfc3339Nano('2026-01-01T00:00:00Z', 61_000_000_001)).toBe('2026-01-01T00:01:01.000000001Z')
    expect(formatRfc3339Nano('2020-08-12T13:33:42Z', 1_500_000_000)).toBe('2020-08-12T13:33:43.5Z')
  })
})
