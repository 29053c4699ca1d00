/**
 * Which host names a certificate's names cover, as TLS clients check it (RFC 6125 §6.4): case-insensitive,
 * a wildcard `*.example.com` stands for exactly one leftmost label (`a.example.com`, not `example.com`, not
 * `a.b.example.com`). Only subjectAltName DNS names count: browsers and Go ignore the subject CN.
 */

/** True when `name` (a certificate DNS name) covers `host` (an Ingress host, possibly itself a wildcard). */
export function nameCovers(name: string, host: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '')
  const h = host.toLowerCase().replace(/\.$/, '')
  if (n === h) return true
  if (!n.startsWith('*.') || h.startsWith('*.')) return false
  const dot = h.indexOf('.')
  return dot > 0 && h.slice(dot + 1) === n.slice(2)
}

/** The first of `names` that covers `host`, or null. */
export function coveringName(names: readonly string[], host: string): string | null {
  return names.find((name) => nameCovers(name, host)) ?? null
}
