/**
 * The structured facts a difference is classified from (docs/migration.md#parity): which nginx server and
 * location answered on the ingress-nginx side, which route, rule and match on the Gateway side, and how each
 * side reaches the request's host (an exact name, a wildcard, or nothing but its catch-all).
 */
import type { CompiledGateways, CompiledHTTPRoute, CompiledRule, GatewayRouteResult } from '../gateway/types'
import type { HTTPRouteMatch } from '../model/types'
import type { CanaryPolicy, CompiledLocation, CompiledRoutes, CompiledServer, CompiledUpstream, RouteResult } from '../route/types'

/** Lookups by name, built once per compiled object (a check asks them for every differing request). */
interface RoutesIndex {
  readonly servers: ReadonlyMap<string, CompiledServer>
  readonly locations: ReadonlyMap<string, CompiledLocation>
  readonly upstreams: ReadonlyMap<string, CompiledUpstream>
}

const routesIndexes = new WeakMap<CompiledRoutes, RoutesIndex>()

function routesIndex(routes: CompiledRoutes): RoutesIndex {
  let index = routesIndexes.get(routes)
  if (!index) {
    index = {
      servers: new Map(routes.servers.map((s) => [s.hostname, s])),
      locations: new Map(routes.servers.flatMap((s) => s.locations.map((l) => [l.id, l] as const))),
      upstreams: new Map(routes.upstreams.map((u) => [u.name, u])),
    }
    routesIndexes.set(routes, index)
  }
  return index
}

export function upstreamOf(routes: CompiledRoutes, name: string): CompiledUpstream | null {
  return routesIndex(routes).upstreams.get(name) ?? null
}

export function locationOf(routes: CompiledRoutes, result: RouteResult): { server: CompiledServer; location: CompiledLocation } | null {
  if (result.serverHostname === null || result.locationId === null) return null
  const index = routesIndex(routes)
  const server = index.servers.get(result.serverHostname)
  const location = index.locations.get(result.locationId)
  return server && location ? { server, location } : null
}

export function serverOf(routes: CompiledRoutes, result: RouteResult): CompiledServer | null {
  return result.serverHostname === null ? null : (routesIndex(routes).servers.get(result.serverHostname) ?? null)
}

/** The canary policy of the canary merged onto a location's upstream, null when none. */
export function canaryOf(routes: CompiledRoutes, location: CompiledLocation | null): CanaryPolicy | null {
  if (!location) return null
  const name = upstreamOf(routes, location.upstream)?.alternatives[0]
  return name === undefined ? null : (upstreamOf(routes, name)?.canary ?? null)
}

const routeIndexes = new WeakMap<CompiledGateways, ReadonlyMap<string, CompiledHTTPRoute>>()

function routeByKey(gateways: CompiledGateways, namespace: string, name: string): CompiledHTTPRoute | null {
  let index = routeIndexes.get(gateways)
  if (!index) routeIndexes.set(gateways, (index = new Map(gateways.routes.map((r) => [r.ref.key, r]))))
  return index.get(`${namespace}/${name}`) ?? null
}

export interface GatewayMatchFacts {
  readonly route: CompiledHTTPRoute
  readonly rule: CompiledRule
  readonly match: HTTPRouteMatch | null
}

export function matchOf(gateways: CompiledGateways, result: GatewayRouteResult): GatewayMatchFacts | null {
  const ref = result.route
  if (!ref) return null
  const route = routeByKey(gateways, ref.namespace, ref.name)
  const rule = route?.rules[ref.rule]
  if (!route || !rule) return null
  return { route, rule, match: result.matchIndex === null ? null : (rule.matches[result.matchIndex] ?? null) }
}

/** How a side reaches a host: by its exact name, by a wildcard, or only through what serves any host. */
export type HostReach = 'exact' | 'wildcard' | 'any' | 'none'

function wildcardCovers(wildcard: string, host: string): boolean {
  return host.endsWith(wildcard.slice(1)) && host.length > wildcard.length - 1
}

/** ingress-nginx: the server that answered (`_` is the catch-all). */
export function ingressReach(server: CompiledServer | null): HostReach {
  if (server === null) return 'none'
  return server.kind === 'catch-all' ? 'any' : server.kind
}

const reachCaches = new WeakMap<CompiledGateways, Map<string, HostReach>>()

/** The Gateway: the most specific hostname of a route attached to the listeners of `gateway` that covers `host`. */
export function gatewayReach(gateways: CompiledGateways, gateway: string, host: string): HostReach {
  let cache = reachCaches.get(gateways)
  if (!cache) reachCaches.set(gateways, (cache = new Map()))
  const key = `${gateway} ${host}`
  let reach = cache.get(key)
  if (reach === undefined) cache.set(key, (reach = computeReach(gateways, gateway, host)))
  return reach
}

function computeReach(gateways: CompiledGateways, gateway: string, host: string): HostReach {
  const compiled = gateways.gateways.find((g) => g.ref.key === gateway)
  let best: HostReach = 'none'
  const rank: Record<HostReach, number> = { none: 0, any: 1, wildcard: 2, exact: 3 }
  for (const listener of compiled?.listeners ?? []) {
    for (const attachment of listener.attachments) {
      const names = attachment.hostnames
      const reach: HostReach = names === null ? 'any' : names.includes(host) ? 'exact' : names.some((n) => n.startsWith('*.') && wildcardCovers(n, host)) ? 'wildcard' : 'none'
      if (rank[reach] > rank[best]) best = reach
    }
  }
  return best
}

/** Whether `path` is `prefix` or lies under it by whole segments (Gateway API PathPrefix, a trailing `/` ignored). */
export function segmentPrefix(prefix: string, path: string): boolean {
  const bare = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix
  return path === bare || path.startsWith(bare + '/') || bare === ''
}

/** How a request path relates to a written path. */
export type PathRelation = 'exact' | 'slash' | 'segment' | 'character' | 'case' | 'none'

export function pathRelation(written: string, path: string): PathRelation {
  if (path === written) return 'exact'
  if (path + '/' === written || written + '/' === path) return 'slash'
  if (segmentPrefix(written, path)) return 'segment'
  if (path.startsWith(written)) return 'character'
  const lower = path.toLowerCase()
  const writtenLower = written.toLowerCase()
  if (lower === writtenLower || segmentPrefix(writtenLower, lower) || lower.startsWith(writtenLower)) return 'case'
  return 'none'
}

/** A capture reference (`$1`) in a rewrite-target. */
export function hasCaptures(target: string): boolean {
  return /\$[0-9]|\$\{[0-9]+\}/.test(target)
}

/** Two written paths name the same path, a trailing `/` aside. */
export function sameBarePath(a: string, b: string): boolean {
  const bare = (p: string): string => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p)
  return bare(a) === bare(b)
}

/** The Ingress path of `server` written as `path` (a trailing `/` aside), when the location that answered is another. */
export function ingressCounterpart(server: CompiledServer | null, path: string): CompiledLocation | null {
  return server?.locations.find((l) => (l.origin === 'rule' || l.origin === 'exact-copy') && l.ingressPath !== null && !l.useRegex && sameBarePath(l.ingressPath, path)) ?? null
}

/** The match of a route attached to `gateway` and covering `host` whose path is `path` (a trailing `/` aside). */
export function gatewayCounterpart(gateways: CompiledGateways, gateway: string, host: string, path: string): GatewayMatchFacts | null {
  const compiled = gateways.gateways.find((g) => g.ref.key === gateway)
  for (const listener of compiled?.listeners ?? []) {
    for (const attachment of listener.attachments) {
      const names = attachment.hostnames
      if (names !== null && !names.includes(host) && !names.some((n) => n.startsWith('*.') && wildcardCovers(n, host))) continue
      const route = gateways.routes[attachment.routeIndex]
      for (const rule of route?.rules ?? []) {
        const match = rule.matches.find((m) => m.path.type !== 'RegularExpression' && sameBarePath(m.path.value, path))
        if (route && match) return { route, rule, match }
      }
    }
  }
  return null
}

/** The route attached to `gateway` that serves `host` most specifically (an exact hostname, a wildcard, any host), null when none. */
export function routeServing(gateways: CompiledGateways, gateway: string, host: string): string | null {
  const compiled = gateways.gateways.find((g) => g.ref.key === gateway)
  let best: { key: string; rank: number } | null = null
  for (const listener of compiled?.listeners ?? []) {
    for (const attachment of listener.attachments) {
      const names = attachment.hostnames
      const rank = names === null ? 1 : names.includes(host) ? 3 : names.some((n) => n.startsWith('*.') && wildcardCovers(n, host)) ? 2 : 0
      const key = gateways.routes[attachment.routeIndex]?.ref.key
      if (rank > 0 && key !== undefined && (best === null || rank > best.rank)) best = { key, rank }
    }
  }
  return best?.key ?? null
}
