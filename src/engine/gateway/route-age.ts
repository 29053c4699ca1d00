/**
 * The age order of HTTPRoutes, the last tie-breaks of match precedence (gateway_types.go `Listener.AllowedRoutes`:
 * "the oldest Route based on creation timestamp", then "the Route appearing first in alphabetical order
 * (namespace/name)"; docs/gateway-api.md#route-age). Defined here once; the request stage reads
 * `CompiledHTTPRoute.age` only.
 *
 * A route without a readable `creationTimestamp` would be created when applied, so it is younger than every route
 * with one. Routes applied together from one file get the same second (creationTimestamp has second resolution),
 * so among routes without one the spec's next tie-break, `namespace/name`, decides — never document order, so
 * reordering the documents never changes an answer (route-gateway.property.test.ts).
 */
import type { HTTPRoute } from '../model/types'

/** Milliseconds since the epoch, or null when absent or unreadable. */
function timestampOf(route: HTTPRoute): number | null {
  const raw = route.meta.creationTimestamp
  if (raw === undefined) return null
  const ms = Date.parse(raw)
  return Number.isNaN(ms) ? null : ms
}

/** Negative when `a` is older (takes precedence), positive when `b` is. */
export function compareRouteAge(a: HTTPRoute, b: HTTPRoute): number {
  const ta = timestampOf(a)
  const tb = timestampOf(b)
  if (ta !== tb) {
    if (ta === null) return 1
    if (tb === null) return -1
    return ta - tb
  }
  const ka = `${a.meta.namespace}/${a.meta.name}`
  const kb = `${b.meta.namespace}/${b.meta.name}`
  return ka === kb ? a.order - b.order : ka < kb ? -1 : 1
}

/** Each route's rank by age (0: the oldest), by position in `routes`. */
export function rankRoutesByAge(routes: readonly HTTPRoute[]): number[] {
  const order = routes.map((_, i) => i).sort((i, j) => compareRouteAge(routes[i] as HTTPRoute, routes[j] as HTTPRoute))
  const ranks = new Array<number>(routes.length)
  order.forEach((routeIndex, rank) => { ranks[routeIndex] = rank })
  return ranks
}
