/**
 * Go's printing rules that vegeta's reports depend on: `time.Duration.String`, `Duration.Round`, vegeta's
 * "round to the next finer unit", `%.Nf` (round half to even on exact ties) and RFC 3339 with nanoseconds.
 * Durations are integer nanoseconds held in doubles (exact up to about 104 days).
 */

const NS_PER_US = 1e3
const NS_PER_MS = 1e6
const NS_PER_S = 1e9

function fraction(value: number, digits: number): string {
  if (value === 0) return ''
  return '.' + String(value).padStart(digits, '0').replace(/0+$/, '')
}

/** `time.Duration(ns).String()`: "0s", "812ns", "812.345µs" (U+00B5), "5.123ms", "59.995s", "2m3s", "1h2m0s". */
export function formatGoDuration(nanoseconds: number): string {
  const ns = Math.round(nanoseconds)
  if (ns === 0) return '0s'
  const sign = ns < 0 ? '-' : ''
  const u = Math.abs(ns)
  if (u < NS_PER_S) {
    if (u < NS_PER_US) return `${sign}${u}ns`
    const [scale, digits, unit] = u < NS_PER_MS ? [NS_PER_US, 3, 'µs'] : [NS_PER_MS, 6, 'ms']
    return `${sign}${Math.floor(u / scale)}${fraction(u % scale, digits)}${unit}`
  }
  const seconds = Math.floor(u / NS_PER_S)
  let out = `${seconds % 60}${fraction(u % NS_PER_S, 9)}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes > 0) {
    out = `${minutes % 60}m${out}`
    const hours = Math.floor(minutes / 60)
    if (hours > 0) out = `${hours}h${out}`
  }
  return sign + out
}

/** `Duration.Round(m)` for m > 0: to the nearest multiple, halves away from zero. */
export function roundGoDuration(nanoseconds: number, multiple: number): number {
  const d = Math.round(nanoseconds)
  const r = Math.abs(d) % multiple
  if (d < 0) return r + r < multiple ? d + r : d - multiple + r
  return r + r < multiple ? d - r : d + multiple - r
}

const units = [3600 * NS_PER_S, 60 * NS_PER_S, NS_PER_S, NS_PER_MS, NS_PER_US, 1] as const

/** vegeta's `round`: ≥ 1h to minutes, ≥ 1m to seconds, ≥ 1s to ms, ≥ 1ms to µs, ≥ 1µs to ns, else as is. */
export function roundForReport(nanoseconds: number): number {
  for (let i = 0; i < units.length - 1; i++) {
    if (nanoseconds >= units[i]!) return roundGoDuration(nanoseconds, units[i + 1]!)
  }
  return Math.round(nanoseconds)
}

/**
 * Go's `fmt.Sprintf("%.<digits>f", x)`: correctly rounded like `toFixed`, except that an exact tie (the double
 * is exactly halfway) rounds to even, where JavaScript rounds up. Non-finite values print as Go does.
 */
export function formatGoFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'NaN'
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf'
  const plain = x.toFixed(digits)
  // toFixed(100) is the exact decimal expansion of any double whose magnitude is at least 2^-47.
  const exact = Math.abs(x).toFixed(100)
  const dot = exact.indexOf('.')
  const tail = exact.slice(dot + 1 + digits)
  if (!/^50*$/.test(tail)) return plain
  const kept = exact.slice(0, dot + 1 + digits).replace(/\.$/, '')
  const lastDigit = Number(kept.replace('.', '').slice(-1))
  if (lastDigit % 2 === 0) return (x < 0 ? '-' : '') + kept
  return plain
}

/**
 * `time.Time.Format(time.RFC3339Nano)` in UTC for `clockStart` (RFC 3339) plus `offsetNs`: fractional seconds
 * without trailing zeros, none when whole, and `Z`.
 */
export function formatRfc3339Nano(clockStart: string, offsetNs: number): string {
  const baseMs = Date.parse(clockStart)
  const ns = Math.round(offsetNs)
  const wholeMs = baseMs + Math.floor(ns / NS_PER_MS)
  const subMsNs = ns - Math.floor(ns / NS_PER_MS) * NS_PER_MS
  const iso = new Date(wholeMs).toISOString()
  const fractionNs = (((wholeMs % 1000) + 1000) % 1000) * NS_PER_MS + subMsNs
  return `${iso.slice(0, 19)}${fraction(fractionNs, 9)}Z`
}
