/**
 * The per-Gateway and per-listener indexes a request is routed through, built once per `CompiledGateways`
 * object (a WeakMap, so a new compile gets new indexes) and per listener on first use
 * (docs/gateway-api.md#routing-a-request).
 *
 * A Gateway's listeners are grouped by port and protocol, then by hostname (exact, wildcard suffix, none). A
 * listener's route rules are grouped by the matching hostname (exact Host, wildcard suffix, any Host: the
 * hostname criterion of the precedence), and inside a group by path: Exact paths by value, PathPrefix by their
 * value without the trailing `/`, RegularExpression in a list; every bucket is sorted by `compareCandidates`,
 * so a request looks only at the rules whose path can match, best first.
 */
import { compileMatch, PATH_EXACT, PATH_PREFIX, pathMatches, restMatches, type CompiledMatch, type MatchSubject } from './match-request'
import { compareCandidates, rankHostname, type HostnameRank, type MatchCandidate } from './match-precedence'
import { listenerHostnameRank, wildcardKeysOf } from './hostname-match'
import { ownHostnamesOn } from './hostname-intersection'
import type { ListenerChoice } from './select-listener'
import type { CompiledBackend, CompiledGateway, CompiledGateways, CompiledListener, CompiledRule, GatewayRouteRef } from './types'

/** The rules reachable through one matching hostname. */
export interface HostGroup {
  readonly rank: HostnameRank
  readonly exact: Map<string, MatchCandidate[]>
  readonly prefix: Map<string, MatchCandidate[]>
  readonly regex: MatchCandidate[]
  /** The length of the longest PathPrefix key, -1 when none: longer element prefixes of a path are not looked up. */
  maxPrefix: number
}

export interface ListenerIndex {
  readonly listener: CompiledListener
  readonly exactHosts: ReadonlyMap<string, HostGroup>
  /** By the wildcard's suffix without `*.`. */
  readonly wildcardHosts: ReadonlyMap<string, HostGroup>
  readonly anyHost: HostGroup | null
  /** Distinct routes attached to the listener. */
  readonly routeCount: number
}

/** The listeners of one port and protocol. */
export interface ListenerSet {
  readonly exact: ReadonlyMap<string, ListenerChoice>
  /** Wildcard listeners, most specific first. */
  readonly wildcards: readonly ListenerChoice[]
  readonly any: ListenerChoice | null
  /** Listeners on this port and protocol that take no requests (not accepted), for the trace. */
  readonly refused: readonly CompiledListener[]
}

export interface GatewayIndex {
  readonly gateway: CompiledGateway
  /** By port, then protocol. */
  readonly sets: ReadonlyMap<number, ReadonlyMap<string, ListenerSet>>
  readonly listeners: Map<CompiledListener, ListenerIndex>
  readonly compiled: CompiledGateways
}

const cache = new WeakMap<CompiledGateways, Map<string, GatewayIndex | null>>()

/** Whether the listener takes requests: it can carry HTTPRoutes and no condition says it is not accepted. */
export function listenerLive(listener: CompiledListener): boolean {
  return listener.servesHttpRoutes && !listener.conditions.some((c) => c.type === 'Accepted' && c.status === 'False')
}

function setKey(port: number, protocol: string): string {
  return `${port}/${protocol}`
}

function buildGatewayIndex(compiled: CompiledGateways, gateway: CompiledGateway): GatewayIndex {
  const building = new Map<string, { exact: Map<string, ListenerChoice>; wildcards: ListenerChoice[]; any: ListenerChoice | null; refused: CompiledListener[] }>()
  for (const listener of gateway.listeners) {
    const key = setKey(listener.port, listener.protocol)
    let set = building.get(key)
    if (!set) building.set(key, (set = { exact: new Map(), wildcards: [], any: null, refused: [] }))
    if (!listenerLive(listener)) set.refused.push(listener)
    else if (listener.hostname === null) set.any ??= { listener, how: 'any' }
    else if (listener.hostname.startsWith('*.')) set.wildcards.push({ listener, how: 'wildcard' })
    else if (!set.exact.has(listener.hostname)) set.exact.set(listener.hostname, { listener, how: 'exact' })
  }
  const sets = new Map<number, Map<string, ListenerSet>>()
  for (const [key, set] of building) {
    set.wildcards.sort((a, b) => listenerHostnameRank(b.listener.hostname) - listenerHostnameRank(a.listener.hostname))
    const slash = key.indexOf('/')
    const port = Number(key.slice(0, slash))
    let byProtocol = sets.get(port)
    if (!byProtocol) sets.set(port, (byProtocol = new Map()))
    byProtocol.set(key.slice(slash + 1), set)
  }
  return { gateway, sets, listeners: new Map(), compiled }
}

/** The index of Gateway `key` (`namespace/name`) in `compiled`, or null when the input holds no such Gateway. */
export function gatewayIndexOf(compiled: CompiledGateways, key: string): GatewayIndex | null {
  let byKey = cache.get(compiled)
  if (!byKey) cache.set(compiled, (byKey = new Map()))
  let index = byKey.get(key)
  if (index === undefined) {
    const gateway = compiled.gateways.find((g) => g.ref.key === key)
    index = gateway ? buildGatewayIndex(compiled, gateway) : null
    byKey.set(key, index)
  }
  return index
}

export function listenerSetOf(index: GatewayIndex, port: number, protocol: string): ListenerSet | undefined {
  return index.sets.get(port)?.get(protocol)
}

function newGroup(hostname: string | null): HostGroup {
  return { rank: rankHostname(hostname), exact: new Map(), prefix: new Map(), regex: [], maxPrefix: -1 }
}

function push(map: Map<string, MatchCandidate[]>, key: string, candidate: MatchCandidate): void {
  const list = map.get(key)
  if (list) list.push(candidate)
  else map.set(key, [candidate])
}

function sortGroup(group: HostGroup): void {
  for (const list of group.exact.values()) list.sort(compareCandidates)
  for (const list of group.prefix.values()) list.sort(compareCandidates)
  group.regex.sort(compareCandidates)
}

/** `MatchCandidate.plain`: the one backendRef a rule sends every request to with nothing else to do, or null. */
function plainBackendOf(rule: CompiledRule): CompiledBackend | null {
  if (rule.filters.length > 0 || rule.unsupportedFilters.length > 0 || rule.backends.length !== 1) return null
  const backend = rule.backends[0] as CompiledBackend
  return backend.valid && backend.weight > 0 && backend.filters.length === 0 ? backend : null
}

function buildListenerIndex(compiled: CompiledGateways, listener: CompiledListener): ListenerIndex {
  const exactHosts = new Map<string, HostGroup>()
  const wildcardHosts = new Map<string, HostGroup>()
  let anyHost: HostGroup | null = null
  /** Routes already in each group: a route attached twice (two parentRefs) counts once. */
  const members = new Map<HostGroup, Set<number>>()
  const matchesOf = new Map<CompiledRule, CompiledMatch[]>()
  const refsOf = new Map<CompiledRule, GatewayRouteRef>()
  const routes = new Set<number>()
  for (const attachment of listener.attachments) {
    const route = compiled.routes[attachment.routeIndex]
    if (!route) continue
    routes.add(attachment.routeIndex)
    const groups: HostGroup[] = []
    // Grouped by the route's own matching hostnames, not the listener-narrowed `attachment.hostnames`: precedence
    // counts the route's hostname, and listener selection already made the Host match the listener's.
    const own = attachment.hostnames === null ? null : ownHostnamesOn(listener.hostname, route.hostnames)
    if (own === null) groups.push((anyHost ??= newGroup(null)))
    else {
      for (const hostname of own) {
        const wildcard = hostname.startsWith('*.')
        const map = wildcard ? wildcardHosts : exactHosts
        const key = wildcard ? hostname.slice(2) : hostname
        let group = map.get(key)
        if (!group) map.set(key, (group = newGroup(hostname)))
        groups.push(group)
      }
    }
    for (const group of groups) {
      let seen = members.get(group)
      if (!seen) members.set(group, (seen = new Set()))
      if (seen.has(attachment.routeIndex)) continue
      seen.add(attachment.routeIndex)
      for (const rule of route.rules) {
        let compiledMatches = matchesOf.get(rule)
        if (!compiledMatches) matchesOf.set(rule, (compiledMatches = rule.matches.map(compileMatch)))
        let routeRef = refsOf.get(rule)
        if (!routeRef) refsOf.set(rule, (routeRef = { kind: 'HTTPRoute', name: route.ref.name, namespace: route.ref.namespace, rule: rule.index }))
        const plain = plainBackendOf(rule)
        compiledMatches.forEach((match, matchIndex) => {
          const pathOnly = match.method === null && match.headers.length === 0 && match.queryParams.length === 0
          const candidate: MatchCandidate = { route, rule, matchIndex, compiled: match, hostname: group.rank, pathOnly, routeRef: routeRef as GatewayRouteRef, plain }
          if (match.pathKind === PATH_EXACT) push(group.exact, match.pathKey, candidate)
          else if (match.pathKind === PATH_PREFIX) {
            push(group.prefix, match.pathKey, candidate)
            if (match.pathKey.length > group.maxPrefix) group.maxPrefix = match.pathKey.length
          }
          else group.regex.push(candidate)
        })
      }
    }
  }
  for (const group of exactHosts.values()) sortGroup(group)
  for (const group of wildcardHosts.values()) sortGroup(group)
  if (anyHost) sortGroup(anyHost)
  return { listener, exactHosts, wildcardHosts, anyHost, routeCount: routes.size }
}

export function listenerIndexOf(index: GatewayIndex, listener: CompiledListener): ListenerIndex {
  let found = index.listeners.get(listener)
  if (!found) index.listeners.set(listener, (found = buildListenerIndex(index.compiled, listener)))
  return found
}

function firstIn(list: readonly MatchCandidate[] | undefined, subject: MatchSubject, skip: CompiledRule | null): MatchCandidate | null {
  if (!list) return null
  for (const candidate of list) {
    if (candidate.rule !== skip && (candidate.pathOnly || restMatches(candidate.compiled, subject))) return candidate
  }
  return null
}

function searchGroup(group: HostGroup, subject: MatchSubject, skip: CompiledRule | null): MatchCandidate | null {
  const path = subject.path
  const exact = firstIn(group.exact.get(path), subject, skip)
  if (exact) return exact
  const maxPrefix = group.maxPrefix
  if (maxPrefix >= 0) {
    // The path's element prefixes, longest first: `/a/b` → `/a/b`, `/a`, `` (the root `/`); those longer than
    // every PathPrefix of the group are skipped without making the string. A path starts with `/`.
    let end = path.charCodeAt(path.length - 1) === 47 ? path.length - 1 : path.length
    while (end > maxPrefix) end = path.lastIndexOf('/', end - 1)
    for (;;) {
      const found = firstIn(group.prefix.get(end === path.length ? path : path.slice(0, end)), subject, skip)
      if (found) return found
      if (end <= 0) break
      end = path.lastIndexOf('/', end - 1)
    }
  }
  for (const candidate of group.regex) {
    if (candidate.rule !== skip && pathMatches(candidate.compiled, path) && restMatches(candidate.compiled, subject)) return candidate
  }
  return null
}

/** The hostname groups that accept `host`, most specific first (exact, wildcards by length, any Host). */
export function groupsFor(index: ListenerIndex, host: string): HostGroup[] {
  const groups: HostGroup[] = []
  const exact = index.exactHosts.get(host)
  if (exact) groups.push(exact)
  if (index.wildcardHosts.size > 0) {
    for (const key of wildcardKeysOf(host)) {
      const group = index.wildcardHosts.get(key)
      if (group) groups.push(group)
    }
  }
  if (index.anyHost) groups.push(index.anyHost)
  return groups
}

/**
 * The first rule (a match of it, with the hostname it is reached through) in precedence order that matches (skipping the rule `skip`, for the trace's runner-up), or
 * null. The hot path: no allocation beyond the wildcard keys.
 */
export function findRule(index: ListenerIndex, host: string, subject: MatchSubject, skip: CompiledRule | null = null): MatchCandidate | null {
  const exact = index.exactHosts.get(host)
  if (exact) {
    const found = searchGroup(exact, subject, skip)
    if (found) return found
  }
  if (index.wildcardHosts.size > 0) {
    // The wildcard keys of the Host, most specific first (`wildcardKeysOf`, without the array).
    let dot = host.indexOf('.', 1)
    while (dot !== -1 && dot + 1 < host.length) {
      const group = index.wildcardHosts.get(host.slice(dot + 1))
      if (group) {
        const found = searchGroup(group, subject, skip)
        if (found) return found
      }
      dot = host.indexOf('.', dot + 1)
    }
  }
  if (index.anyHost) {
    return searchGroup(index.anyHost, subject, skip)
  }
  return null
}
