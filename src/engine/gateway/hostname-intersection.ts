/**
 * Gateway API hostnames (docs/gateway-api.md#hostname-intersection): a wildcard `*.example.com` is a suffix
 * match over one or more labels (`a.example.com`, `a.b.example.com`, never `example.com`), unlike an Ingress
 * wildcard; a route attaches to a listener only where their hostnames intersect (httproute_types.go `Hostnames`,
 * gateway_types.go `Listener.Hostname`).
 */
import { hostnameMatches } from './hostname-match'

/** Whether every host the wildcard `inner` matches is also matched by the wildcard `outer`. */
function isWithin(inner: string, outer: string): boolean {
  const innerSuffix = inner.slice(1)
  const outerSuffix = outer.slice(1)
  return innerSuffix === outerSuffix || innerSuffix.endsWith(outerSuffix)
}

/**
 * The hostnames a route serves through a listener: the intersection of the listener's hostname (null: any) and
 * the route's hostnames (empty: any). null means any hostname; an empty list means none (the route does not
 * attach: `NoMatchingListenerHostname`). Each kept name is the more specific of the two that overlap:
 *
 * - listener none → the route's names; route none → the listener's name;
 * - route `foo.example.com`, listener `*.example.com` → `foo.example.com` (a precise name the wildcard covers);
 * - route `*.example.com`, listener `foo.example.com` → `foo.example.com`;
 * - route `*.a.example.com`, listener `*.example.com` → `*.a.example.com` (the narrower wildcard), and the reverse.
 */
export function intersectHostnames(listener: string | null, route: readonly string[]): readonly string[] | null {
  if (listener === null) return route.length === 0 ? null : dedupe(route)
  if (route.length === 0) return [listener]
  const kept: string[] = []
  for (const name of route) {
    const both = overlap(listener, name)
    if (both !== null) kept.push(both)
  }
  return dedupe(kept)
}

/**
 * The route's own hostnames that share a host with the listener's hostname (null: any), as written: what match
 * precedence counts (httproute_types.go `Hostnames`: "characters in a matching non-wildcard hostname", then "in a
 * matching hostname" — the route's hostname, not the listener-narrowed intersection; docs/gateway-api.md#precedence).
 * null when the route has no hostnames (it accepts any Host of the listener).
 */
export function ownHostnamesOn(listener: string | null, route: readonly string[]): readonly string[] | null {
  if (route.length === 0) return null
  if (listener === null) return dedupe(route)
  return dedupe(route.filter((name) => overlap(listener, name) !== null))
}

/** The hostnames both `a` and `b` match, as one name (the more specific), or null when they share none. */
function overlap(a: string, b: string): string | null {
  const aWild = a.startsWith('*.')
  const bWild = b.startsWith('*.')
  if (!aWild && !bWild) return a === b ? a : null
  if (aWild && !bWild) return hostnameMatches(a, b) ? b : null
  if (!aWild && bWild) return hostnameMatches(b, a) ? a : null
  if (isWithin(a, b)) return a
  if (isWithin(b, a)) return b
  return null
}

function dedupe(names: readonly string[]): readonly string[] {
  return [...new Set(names)]
}
