import { describe, expect, it } from 'vitest'
import { formatVegetaHistogram, formatVegetaJson, formatVegetaText, parseGoDuration, parseVegetaBuckets, type VegetaMetrics } from './vegeta-report'

const ms = 1e6

/** A sample report (docs/rollout.md#vegeta-report) as metrics; the numbers are its printed values. */
const sample: VegetaMetrics = {
  latencies: { totalNs: 28_386_000_000, meanNs: 4_731_000, p50Ns: 3_200_000, p90Ns: 6_810_000, p95Ns: 9_104_000, p99Ns: 31_877_000, maxNs: 1_003_000_000, minNs: 1_020_000 },
  bytesIn: { total: 72000, mean: 12 },
  bytesOut: { total: 0, mean: 0 },
  clockStart: '2026-01-01T00:00:00Z',
  earliestNs: 0,
  latestNs: 59_990_000_000,
  endNs: 59_995_123_000,
  durationNs: 59_990_000_000,
  waitNs: 5_123_000,
  requests: 6000,
  rate: 6000 / 59.99,
  throughput: 99.19,
  success: 5950 / 6000,
  statusCodes: { '502': 50, '200': 5950 },
  errors: ['502 Bad Gateway'],
}

describe('formatVegetaText', () => {
  it('prints the sample exactly: tabwriter columns, rounding, sorted codes with two trailing spaces', () => {
    expect(formatVegetaText(sample)).toBe(
      'Requests      [total, rate, throughput]         6000, 100.02, 99.19\n' +
      'Duration      [total, attack, wait]             59.995s, 59.99s, 5.123ms\n' +
      'Latencies     [min, mean, 50, 90, 95, 99, max]  1.02ms, 4.731ms, 3.2ms, 6.81ms, 9.104ms, 31.877ms, 1.003s\n' +
      'Bytes In      [total, mean]                     72000, 12.00\n' +
      'Bytes Out     [total, mean]                     0, 0.00\n' +
      'Success       [ratio]                           99.17%\n' +
      'Status Codes  [code:count]                      200:5950  502:50  \n' +
      'Error Set:\n' +
      '502 Bad Gateway\n',
    )
  })

  it('sorts status codes as strings (0 before 200) and prints nothing after "Error Set:" without errors', () => {
    const text = formatVegetaText({ ...sample, statusCodes: { '200': 3, '0': 1, '1000': 2 }, errors: [] })
    expect(text).toContain('[code:count]                      0:1  1000:2  200:3  \nError Set:\n')
    expect(text.endsWith('Error Set:\n')).toBe(true)
  })
})

describe('formatVegetaJson', () => {
  it('keeps vegeta\'s key order, integer nanoseconds, RFC 3339 times and an empty error list', () => {
    const json = formatVegetaJson({ ...sample, errors: [] })
    expect(json.endsWith('}\n')).toBe(true)
    const parsed = JSON.parse(json) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual(['latencies', 'bytes_in', 'bytes_out', 'earliest', 'latest', 'end', 'duration', 'wait', 'requests', 'rate', 'throughput', 'success', 'status_codes', 'errors'])
    expect(Object.keys(parsed.latencies as object)).toEqual(['total', 'mean', '50th', '90th', '95th', '99th', 'max', 'min'])
    expect(parsed).toMatchObject({ earliest: '2026-01-01T00:00:00Z', latest: '2026-01-01T00:00:59.99Z', end: '2026-01-01T00:00:59.995123Z', duration: 59_990_000_000, wait: 5_123_000, errors: [] })
    expect(json).toContain('"status_codes":{"200":5950,"502":50}')
  })

  it('escapes <, > and & as Go does, and writes buckets when a histogram is given', () => {
    const json = formatVegetaJson({ ...sample, errors: ['a <b> & c'] }, { bucketsNs: [0, 2 * ms], counts: [4, 6], total: 10 })
    expect(json).toContain('"errors":["a \\u003cb\\u003e \\u0026 c"]')
    expect(json).toContain('"buckets":{"0":4,"2000000":6},"bytes_in"')
  })

  it('prints Go\'s zero time when there were no requests', () => {
    const json = JSON.parse(formatVegetaJson({ ...sample, earliestNs: null, latestNs: null, endNs: null })) as Record<string, unknown>
    expect(json.earliest).toBe('0001-01-01T00:00:00Z')
  })
})

describe('formatVegetaHistogram', () => {
  it('prints the sample histogram: 0s lower bound, +Inf, percentages and int(ratio × 75) bars', () => {
    const h = { bucketsNs: [0, 2 * ms, 4 * ms, 6 * ms], counts: [6007, 5505, 2117, 4771], total: 18400 }
    expect(formatVegetaHistogram(h)).toBe(
      'Bucket         #     %       Histogram\n' +
      '[0s,    2ms]   6007  32.65%  ########################\n' +
      '[2ms,   4ms]   5505  29.92%  ######################\n' +
      '[4ms,   6ms]   2117  11.51%  ########\n' +
      '[6ms,   +Inf]  4771  25.93%  ###################\n',
    )
  })

  it('prints NaN% and no bar when nothing was counted', () => {
    expect(formatVegetaHistogram({ bucketsNs: [0, ms], counts: [0, 0], total: 0 })).toContain('0  NaN%  \n')
  })
})

describe('parsing buckets', () => {
  it('reads Go durations', () => {
    expect(parseGoDuration('0')).toBe(0)
    expect(parseGoDuration('2ms')).toBe(2 * ms)
    expect(parseGoDuration('1.5s')).toBe(1_500 * ms)
    expect(parseGoDuration('1m30s')).toBe(90_000 * ms)
    expect(parseGoDuration('250us')).toBe(250_000)
    expect(parseGoDuration('2 ms')).toBeNull()
    expect(parseGoDuration('')).toBeNull()
  })

  it('prepends a 0 bucket and rejects unsorted or malformed lists', () => {
    expect(parseVegetaBuckets('[0,2ms,4ms,6ms]')).toEqual([0, 2 * ms, 4 * ms, 6 * ms])
    expect(parseVegetaBuckets('hist[1ms,10ms]')).toEqual([0, ms, 10 * ms])
    expect(parseVegetaBuckets('[2ms,1ms]')).toBeNull()
    expect(parseVegetaBuckets('[x]')).toBeNull()
    expect(parseVegetaBuckets('2ms')).toBeNull()
  })
})
