/**
 * The order in which a Gateway tries the rules of the routes on one listener (docs/gateway-api.md#precedence),
 * from httproute_types.go (HTTPRouteSpec.hostnames, HTTPRouteRule.matches) and gateway_types.go
 * (Listener.allowedRoutes):
 *
 * 1. the most specific matching hostname: characters in a matching precise hostname, then characters in a
 *    matching hostname (wildcards count their `*.`);
 * 2. an Exact path, then the PathPrefix with the most characters, then RegularExpression paths (their precedence
 *    is implementation-specific: the studio puts them after PathPrefix, longest pattern first);
 * 3. a method match; 4. the most header matches; 5. the most query param matches;
 * 6. the oldest route (`CompiledHTTPRoute.age`: creationTimestamp, then namespace/name); 7. rule order; 8. match order.
 *
 * Hostname specificity is the index's grouping (`gateway-index.ts`); this module orders candidates within and
 * across groups and says why one beats another.
 */
import { msg, type Message } from '../messages/message'
import { ageReason } from './route-age'
import { PATH_EXACT, PATH_PREFIX, PATH_REGEX, type CompiledMatch } from './match-request'
import type { CompiledBackend, CompiledHTTPRoute, CompiledRule, GatewayRouteRef } from './types'

/** One match of one rule of one route, as attached to one listener. */
export interface MatchCandidate {
  readonly route: CompiledHTTPRoute
  readonly rule: CompiledRule
  readonly matchIndex: number
  readonly compiled: CompiledMatch
  /** The matching hostname it is reached through (one candidate per hostname group of the listener index). */
  readonly hostname: HostnameRank
  /** The match has no method, header or query param condition: its path decides alone (read without `compiled`). */
  readonly pathOnly: boolean
  /** The answer's `route`, made once. */
  readonly routeRef: GatewayRouteRef
  /**
   * The rule's one backendRef when the rule answers with it and nothing else happens (no filter on the rule or the
   * backendRef, one backendRef with a weight, valid): the hot path skips the filter and weight steps. Else null.
   */
  readonly plain: CompiledBackend | null
}

/** Negative when `a` comes before `b` (criteria 2 to 8). */
export function compareCandidates(a: MatchCandidate, b: MatchCandidate): number {
  const x = a.compiled
  const y = b.compiled
  if (x.pathKind !== y.pathKind) return x.pathKind - y.pathKind
  if (x.pathValue.length !== y.pathValue.length) return y.pathValue.length - x.pathValue.length
  const methodX = x.method === null ? 1 : 0
  const methodY = y.method === null ? 1 : 0
  if (methodX !== methodY) return methodX - methodY
  if (x.headers.length !== y.headers.length) return y.headers.length - x.headers.length
  if (x.queryParams.length !== y.queryParams.length) return y.queryParams.length - x.queryParams.length
  if (a.route.age !== b.route.age) return a.route.age - b.route.age
  if (a.rule.index !== b.rule.index) return a.rule.index - b.rule.index
  return a.matchIndex - b.matchIndex
}

/** A matching hostname as the index groups it: `null` for a route that accepts any Host of the listener. */
export interface HostnameRank {
  readonly hostname: string | null
  /** Characters in a matching precise hostname (0 for a wildcard or none). */
  readonly precise: number
  /** Characters in the matching hostname. */
  readonly length: number
}

export function rankHostname(hostname: string | null): HostnameRank {
  if (hostname === null) return { hostname, precise: 0, length: 0 }
  return { hostname, precise: hostname.startsWith('*.') ? 0 : hostname.length, length: hostname.length }
}

function routeName(route: CompiledHTTPRoute): string {
  return route.ref.key
}

/**
 * Why the winner comes before the runner-up, as a phrase for the trace (both matched the request). `hostnames`
 * are the matching hostnames each was found under.
 */
export function explainPrecedence(winner: MatchCandidate, winnerHost: HostnameRank, other: MatchCandidate, otherHost: HostnameRank): Message {
  if (winnerHost.precise !== otherHost.precise || winnerHost.length !== otherHost.length) {
    return msg(winnerHost.precise !== otherHost.precise ? 'gateway-trace-why-hostname-precise' : 'gateway-trace-why-hostname-longer', {
      hostname: winnerHost.hostname ?? '',
      other: otherHost.hostname === null ? msg('gateway-trace-any-hostname') : otherHost.hostname,
    })
  }
  const x = winner.compiled
  const y = other.compiled
  if (x.pathKind !== y.pathKind) {
    if (x.pathKind === PATH_EXACT) return msg('gateway-trace-why-exact', { path: x.pathValue })
    return msg('gateway-trace-why-prefix-before-regex', { path: x.pathValue })
  }
  if (x.pathValue.length !== y.pathValue.length) {
    return msg(x.pathKind === PATH_REGEX ? 'gateway-trace-why-longer-regex' : 'gateway-trace-why-longer-prefix', { path: x.pathValue, other: y.pathValue })
  }
  if ((x.method === null) !== (y.method === null)) return msg('gateway-trace-why-method', { method: x.method ?? '' })
  if (x.headers.length !== y.headers.length) return msg('gateway-trace-why-headers', { count: x.headers.length, other: y.headers.length })
  if (x.queryParams.length !== y.queryParams.length) return msg('gateway-trace-why-query', { count: x.queryParams.length, other: y.queryParams.length })
  const a = winner.route
  const b = other.route
  if (a !== b) {
    const reason = ageReason({ creationTimestamp: a.creationTimestamp, key: a.ref.key }, { creationTimestamp: b.creationTimestamp, key: b.ref.key })
    if (reason === 'older') return msg('gateway-trace-why-older', { route: routeName(a), time: a.creationTimestamp ?? '', other: b.creationTimestamp ?? '' })
    if (reason === 'other-untimed') return msg('gateway-trace-why-untimed', { route: routeName(a), other: routeName(b) })
    return msg('gateway-trace-why-name', { route: routeName(a), other: routeName(b) })
  }
  if (winner.rule !== other.rule) return msg('gateway-trace-why-rule-order', { rule: winner.rule.index, other: other.rule.index })
  return msg('gateway-trace-why-match-order', { match: winner.matchIndex, other: other.matchIndex })
}

/** The path kind as the spec spells it. */
export function pathTypeName(kind: number): string {
  return kind === PATH_EXACT ? 'Exact' : kind === PATH_PREFIX ? 'PathPrefix' : 'RegularExpression'
}
