/**
 * Hostnames as Gateway API reads them (docs/gateway-api.md#routing-a-request): the request's Host without its
 * port, and listener or route hostnames that are precise (`foo.example.com`) or wildcards (`*.example.com`, a
 * suffix match over one or more labels — unlike ingress-nginx's one label).
 */

/** The Host as matched: lower case, the port removed (shared_types.go, HTTPRouteSpec.hostnames: "MUST ignore any port"). */
export function hostWithoutPort(authority: string): string {
  const host = authority.toLowerCase()
  if (host.startsWith('[')) {
    const close = host.indexOf(']')
    return close === -1 ? host : host.slice(0, close + 1)
  }
  const colon = host.indexOf(':')
  return colon === -1 ? host : host.slice(0, colon)
}

/** The port written in an authority (`host:8080`, `[::1]:8080`), or null when none or not a number. */
export function portOf(authority: string): number | null | 'bad' {
  const colon = authority.startsWith('[') ? authority.indexOf(':', authority.indexOf(']')) : authority.indexOf(':')
  if (colon === -1) return null
  const digits = authority.slice(colon + 1)
  if (digits === '') return null
  if (!/^[0-9]{1,5}$/.test(digits)) return 'bad'
  const port = Number(digits)
  return port >= 1 && port <= 65535 ? port : 'bad'
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/

/** Whether the Host is an IP address (IPv4 dotted quad or a bracketed IPv6 literal): a request to the Gateway's address. */
export function isIpAddress(host: string): boolean {
  return host.startsWith('[') || IPV4.test(host)
}

/** The address as the Gateway lists it (IPv6 without brackets). */
export function addressOf(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
}

/**
 * Whether a listener or route hostname matches `host`: a precise hostname by equality; `*.suffix` when the host
 * ends with `.suffix` and has at least one label before it (gateway_types.go, Listener.hostname; shared_types.go,
 * HTTPRouteSpec.hostnames: `*.example.com` matches `test.example.com` and `foo.test.example.com`, not `example.com`).
 */
export function hostnameMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1) // `.example.com`
    return host.length > suffix.length && host.endsWith(suffix)
  }
  return pattern === host
}

/**
 * How specific a listener hostname is, higher first (gateway_types.go, Listeners: exact before wildcard before
 * none; among wildcards, more labels to the right of the `*` first). Only compared between hostnames that all
 * match one Host, so a longer wildcard always has more labels.
 */
export function listenerHostnameRank(hostname: string | null): number {
  if (hostname === null) return 0
  if (hostname.startsWith('*.')) return 1 + hostname.length
  return 1_000_000
}

/**
 * The suffixes a wildcard must have to match `host`, most specific first: for `a.b.example.com` the keys
 * `b.example.com`, `example.com`, `com` (a wildcard `*.X` is stored under `X`).
 */
export function wildcardKeysOf(host: string): string[] {
  const keys: string[] = []
  let dot = host.indexOf('.', 1)
  while (dot !== -1 && dot + 1 < host.length) {
    keys.push(host.slice(dot + 1))
    dot = host.indexOf('.', dot + 1)
  }
  return keys
}
