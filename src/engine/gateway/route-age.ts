/**
 * The age order of HTTPRoutes, the last tie-breaks of match precedence (gateway_types.go `Listener.AllowedRoutes`:
 * "the oldest Route based on creation timestamp", then "the Route appearing first in alphabetical order
 * (namespace/name)"; docs/gateway-api.md#route-age). Defined here once; the request stage reads
 * `CompiledHTTPRoute.age` only.
 *
 * `creationTimestamp` is read as the API server writes it (metav1.Time: RFC 3339,
 * `YYYY-MM-DDTHH:MM:SS[.frac](Z|±hh:mm)`), never by the host's clock or time zone; anything else is unreadable and
 * counts as absent. A route without a readable `creationTimestamp` would be created when applied, so it is younger than every route
 * with one. Routes applied together from one file get the same second (creationTimestamp has second resolution),
 * so among routes without one the spec's next tie-break, `namespace/name`, decides — never document order, so
 * reordering the documents never changes an answer (route-gateway.property.test.ts).
 */
import type { HTTPRoute } from '../model/types'

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Milliseconds since the epoch of an RFC 3339 timestamp (fractions kept), or null when absent or unreadable. */
export function parseCreationTimestamp(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null
  const m = RFC3339.exec(raw)
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  const hour = Number(m[4])
  const minute = Number(m[5])
  const second = Number(m[6])
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return null
  let offset = 0
  if (m[8] !== 'Z') {
    const oh = Number(m[9])
    const om = Number(m[10])
    if (oh > 23 || om > 59) return null
    offset = (m[8]?.startsWith('-') ? -1 : 1) * (oh * 60 + om)
  }
  const fraction = m[7] === undefined ? 0 : Number(`0${m[7]}`) * 1000
  return Date.UTC(year, month - 1, day, hour, minute, second) + fraction - offset * 60_000
}

/** What the age order reads of a route: its `creationTimestamp` as written and its `namespace/name`. */
export interface RouteAgeKey {
  readonly creationTimestamp: string | null
  readonly key: string
}

/**
 * Why `a` comes before `b` by age, or null when it does not (or they tie): `older` (both timestamps readable, `a`'s
 * earlier), `other-untimed` (only `a` has a readable one), `name` (timestamps tie or both are absent, `a`'s
 * namespace/name is first). The one definition the order and the trace read.
 */
export type AgeReason = 'older' | 'other-untimed' | 'name'

export function ageReason(a: RouteAgeKey, b: RouteAgeKey): AgeReason | null {
  const ta = parseCreationTimestamp(a.creationTimestamp)
  const tb = parseCreationTimestamp(b.creationTimestamp)
  if (ta !== tb) {
    if (ta === null) return null
    if (tb === null) return 'other-untimed'
    return ta < tb ? 'older' : null
  }
  return a.key < b.key ? 'name' : null
}

function ageKeyOf(route: HTTPRoute): RouteAgeKey {
  return { creationTimestamp: route.meta.creationTimestamp ?? null, key: `${route.meta.namespace}/${route.meta.name}` }
}

/** Negative when `a` is older (takes precedence), positive when `b` is. */
export function compareRouteAge(a: HTTPRoute, b: HTTPRoute): number {
  const ka = ageKeyOf(a)
  const kb = ageKeyOf(b)
  if (ageReason(ka, kb) !== null) return -1
  if (ageReason(kb, ka) !== null) return 1
  return a.order - b.order
}

/** Each route's rank by age (0: the oldest), by position in `routes`. */
export function rankRoutesByAge(routes: readonly HTTPRoute[]): number[] {
  const order = routes.map((_, i) => i).sort((i, j) => compareRouteAge(routes[i] as HTTPRoute, routes[j] as HTTPRoute))
  const ranks = new Array<number>(routes.length)
  order.forEach((routeIndex, rank) => { ranks[routeIndex] = rank })
  return ranks
}
