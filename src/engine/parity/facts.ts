/**
 * The structured facts a difference is classified from (docs/migration.md#parity): which nginx server and
 * location answered on the ingress-nginx side, which route, rule and match on the Gateway side, and how each
 * side reaches the request's host (an exact name, a wildcard, or nothing but its catch-all).
 */
import type { CompiledGateways, CompiledHTTPRoute, CompiledRule, GatewayRouteResult } from '../gateway/types'
import type { HTTPRouteMatch } from '../model/types'
import type { CompiledLocation, CompiledRoutes, CompiledServer, RouteResult } from '../route/types'

export function locationOf(routes: CompiledRoutes, result: RouteResult): { server: CompiledServer; location: CompiledLocation } | null {
  if (result.serverHostname === null || result.locationId === null) return null
  const server = routes.servers.find((s) => s.hostname === result.serverHostname)
  const location = server?.locations.find((l) => l.id === result.locationId)
  return server && location ? { server, location } : null
}

export function serverOf(routes: CompiledRoutes, result: RouteResult): CompiledServer | null {
  return result.serverHostname === null ? null : (routes.servers.find((s) => s.hostname === result.serverHostname) ?? null)
}

export interface GatewayMatchFacts {
  readonly route: CompiledHTTPRoute
  readonly rule: CompiledRule
  readonly match: HTTPRouteMatch | null
}

export function matchOf(gateways: CompiledGateways, result: GatewayRouteResult): GatewayMatchFacts | null {
  const ref = result.route
  if (!ref) return null
  const route = gateways.routes.find((r) => r.ref.name === ref.name && r.ref.namespace === ref.namespace)
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

/** The Gateway: the most specific hostname of a route attached to the listeners of `gateway` that covers `host`. */
export function gatewayReach(gateways: CompiledGateways, gateway: string, host: string): HostReach {
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
