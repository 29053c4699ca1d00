/**
 * Value formats the Gateway API CRDs check beyond patterns: the OpenAPI `ipv4` / `ipv6` formats (kube-openapi
 * strfmt: Go's net.ParseIP, with a dot for IPv4 and a colon for IPv6) and Go durations as HTTPRoute timeouts
 * write them (`1h30m`, `500ms`), compared by CEL's `duration()`.
 */

/** An IPv4 address as Go's net.ParseIP reads one: four decimal parts ≤ 255, no leading zeros. */
export function isIpv4(value: string): boolean {
  const parts = value.split('.')
  return parts.length === 4 && parts.every((part) => /^(0|[1-9][0-9]{0,2})$/.test(part) && Number(part) <= 255)
}

/** An IPv6 address (hexadecimal groups, one `::` at most, an optional trailing IPv4 part). */
export function isIpv6(value: string): boolean {
  if (!value.includes(':')) return false
  let rest = value
  const groups = 8
  const lastColon = rest.lastIndexOf(':')
  const tail = rest.slice(lastColon + 1)
  if (tail.includes('.')) {
    if (!isIpv4(tail)) return false
    rest = rest.slice(0, lastColon + 1) + '0:0'
  }
  const halves = rest.split('::')
  if (halves.length > 2) return false
  const split = (s: string) => (s === '' ? [] : s.split(':'))
  const left = split(halves[0] as string)
  const right = halves.length === 2 ? split(halves[1] as string) : []
  const all = [...left, ...right]
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false
  return halves.length === 2 ? all.length < groups : all.length === groups
}

const unitNanos: Readonly<Record<string, number>> = { h: 3600e9, m: 60e9, s: 1e9, ms: 1e6 }

/** A timeout duration (already matching the CRD's pattern) in nanoseconds. */
export function durationNanos(value: string): number {
  let total = 0
  for (const [, digits, unit] of value.matchAll(/([0-9]+)(ms|h|m|s)/g)) total += Number(digits) * (unitNanos[unit as string] ?? 0)
  return total
}
