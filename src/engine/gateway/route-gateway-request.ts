/**
 * What a conformant Gateway API implementation answers for one request through one Gateway
 * (docs/gateway-api.md#routing-a-request): the listener by port, protocol and Host (listener isolation), the
 * rule by the spec's precedence over every route attached to that listener, the rule's filters, the weighted
 * backend and its endpoints. The trace (one message per decision) is built only when `options.trace !== false`.
 * Never throws: an unusable URL is a 400.
 */
import { msg, type Message } from '../messages/message'
import { createRandom } from '../route/random'
import { splitUrl } from '../route/route-request'
import { applyFilters, newFilterState, type FilterContext, type FilterState } from './apply-filters'
import { chooseBackend, describeBackend } from './choose-backend'
import { findRule, gatewayIndexOf, listenerIndexOf, listenerSetOf, type Found, type GatewayIndex, type ListenerIndex } from './gateway-index'
import { addressOf, hostWithoutPort, isIpAddress, portOf } from './hostname-match'
import { parseQuery, type MatchSubject } from './match-request'
import { explainPrecedence, pathTypeName, type MatchCandidate } from './match-precedence'
import { selectListener, type ListenerChoice } from './select-listener'
import type { CompiledBackend, CompiledGateways, CompiledListener, CompiledRule, GatewayRequest, GatewayRouteOptions, GatewayRouteResult } from './types'

const NO_HEADERS: ReadonlyMap<string, string> = new Map()
const NO_MIRRORS: GatewayRouteResult['mirrors'] = Object.freeze([])
const NO_TRACE: readonly Message[] = Object.freeze([])

/** The fields every answer has; `answer` fills the rest with null. */
interface Partial {
  status: number
  host: string
  gateway: string | null
  listener?: string | null
  route?: MatchCandidate | null
  matchIndex?: number | null
  backend?: CompiledBackend | null
  /** Whether service, port and namespace name the backend (a proxied request or a 503). */
  serviceKnown?: boolean
  state?: FilterState | null
  location?: string | null
  reportHeaders?: boolean
}

function headerRecord(map: ReadonlyMap<string, string> | null): Readonly<Record<string, string>> | null {
  if (map === null || map.size === 0) return null
  const out: Record<string, string> = {}
  for (const [name, value] of map) out[name] = value
  return out
}

function answer(fields: Partial, trace: Message[] | null, closing?: () => Message): GatewayRouteResult {
  if (trace && closing) trace.push(closing())
  const candidate = fields.route ?? null
  const backend = fields.backend ?? null
  const state = fields.state ?? null
  const known = fields.serviceKnown === true && backend !== null
  let requestHeaders: GatewayRouteResult['requestHeaders'] = null
  if (state !== null && fields.reportHeaders !== false) {
    if (state.host !== null && !state.headersCopied) {
      state.headers = new Map(state.headers)
      state.headersCopied = true
    }
    if (state.host !== null) state.headers.set('host', state.host)
    requestHeaders = headerRecord(state.headers)
  }
  return {
    status: fields.status,
    service: known ? backend.name : null,
    port: known ? backend.port : null,
    namespace: known ? backend.namespace : null,
    route: candidate ? { kind: 'HTTPRoute', name: candidate.route.ref.name, namespace: candidate.route.ref.namespace, rule: candidate.rule.index } : null,
    rewrittenPath: state !== null && state.pathRewritten ? state.path : null,
    rewrittenHost: state?.host ?? null,
    location: fields.location ?? null,
    requestHeaders,
    responseHeaders: state ? headerRecord(state.response) : null,
    trace: trace ?? NO_TRACE,
    gateway: fields.gateway,
    listener: fields.listener ?? null,
    matchIndex: candidate ? candidate.matchIndex : null,
    backendIndex: backend ? backend.index : null,
    mirrors: state && state.mirrors.length > 0 ? state.mirrors : NO_MIRRORS,
    host: fields.host,
  }
}

function collectHeaders(request: GatewayRequest): ReadonlyMap<string, string> {
  const given = request.headers
  if (!given) return NO_HEADERS
  const headers = new Map<string, string>()
  for (const name in given) headers.set(name.toLowerCase(), given[name] as string)
  return headers
}

function describeListener(listener: CompiledListener): string {
  return `${listener.name} (${listener.port}/${listener.protocol}${listener.hostname === null ? '' : ` ${listener.hostname}`})`
}

function routeName(candidate: MatchCandidate): string {
  return candidate.route.ref.key
}

/** The match as the trace says it: path type and value, then method, header and query param counts. */
function describeMatch(candidate: MatchCandidate): Message {
  const c = candidate.compiled
  let text: Message = msg('gateway-trace-match-path', { type: pathTypeName(c.pathKind), value: c.pathValue })
  if (c.method !== null) text = msg('gateway-trace-match-method', { base: text, method: c.method })
  if (c.headers.length > 0) text = msg('gateway-trace-match-headers', { base: text, count: c.headers.length })
  if (c.queryParams.length > 0) text = msg('gateway-trace-match-query', { base: text, count: c.queryParams.length })
  return text
}

const ODD_PATH = /%|\/\/|\/\.\.?(?:\/|$)/

/** The trace of the listener decision. */
function traceListener(trace: Message[], choice: ListenerChoice, host: string, index: ListenerIndex): void {
  const listener = choice.listener
  trace.push(msg(`gateway-trace-listener-${choice.how}`, {
    listener: describeListener(listener), hostname: listener.hostname ?? '', host, count: index.routeCount,
  }))
}

function traceHostIp(trace: Message[], gateway: GatewayIndex, host: string): void {
  const addresses = gateway.gateway.addresses
  const address = addressOf(host)
  if (addresses.includes(address)) trace.push(msg('gateway-trace-host-ip-address', { host }))
  else if (addresses.length === 0) trace.push(msg('gateway-trace-host-ip-no-addresses', { host }))
  else trace.push(msg('gateway-trace-host-ip-other', { host, addresses: addresses.join(', ') }))
}

/** The trace of the winning rule: why it matched, the fall-through, the runner-up. */
function traceWinner(trace: Message[], index: ListenerIndex, host: string, subject: MatchSubject, found: Found): void {
  const candidate = found.candidate
  const group = found.group
  const rank = group.rank
  trace.push(rank.hostname === null
    ? msg('gateway-trace-route-any-host', { route: routeName(candidate) })
    : msg(rank.precise > 0 ? 'gateway-trace-route-hostname-exact' : 'gateway-trace-route-hostname-wildcard', { route: routeName(candidate), hostname: rank.hostname, host }))
  // A more specific hostname whose routes have no matching rule: the spec orders matching rules, so the search
  // goes on to less specific hostnames (docs/gateway-api.md#precedence).
  const specific = index.exactHosts.get(host)
  if (specific && specific !== group) trace.push(msg('gateway-trace-hostname-fallthrough', { hostname: host, winner: rank.hostname ?? msg('gateway-trace-any-hostname') }))
  else if (rank.hostname !== null && rank.precise === 0 && index.wildcardHosts.size > 0 && specific === undefined) {
    // a longer wildcard without a matching rule
    const longer = [...index.wildcardHosts.values()].find((g) => g !== group && (g.rank.length > rank.length) && host.endsWith((g.rank.hostname as string).slice(1)))
    if (longer) trace.push(msg('gateway-trace-hostname-fallthrough', { hostname: longer.rank.hostname as string, winner: rank.hostname }))
  }
  trace.push(msg('gateway-trace-rule', { rule: candidate.rule.index, route: routeName(candidate), match: candidate.matchIndex, description: describeMatch(candidate) }))
  if (candidate.compiled.usesRegex) trace.push(msg('gateway-trace-regex-dialect'))
  const next = findRule(index, host, subject, candidate.rule)
  if (next === null) {
    trace.push(msg('gateway-trace-only-candidate'))
    return
  }
  trace.push(msg('gateway-trace-beats', {
    rule: next.candidate.rule.index, route: routeName(next.candidate), description: describeMatch(next.candidate),
    reason: explainPrecedence(candidate, found.group.rank, next.candidate, next.group.rank),
  }))
}

/** Routes `request` through Gateway `gateway` (`namespace/name`) of `compiled`. */
export function routeGatewayRequest(compiled: CompiledGateways, gateway: string, request: GatewayRequest, options: GatewayRouteOptions = {}): GatewayRouteResult {
  const trace: Message[] | null = options.trace === false ? null : []
  const url = splitUrl(request.url)
  if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) {
    return answer({ status: 400, host: '', gateway }, trace, () => msg('gateway-trace-bad-url', { url: request.url }))
  }
  const index = gatewayIndexOf(compiled, gateway)
  if (index === null) {
    return answer({ status: 0, host: '', gateway: null }, trace, () => msg('gateway-trace-no-gateway', { gateway, choices: compiled.gateways.map((g) => g.ref.key).join(', ') }))
  }
  const https = url.scheme === 'https'
  const written = portOf(url.authority)
  if (written === 'bad') return answer({ status: 400, host: '', gateway }, trace, () => msg('gateway-trace-bad-url', { url: request.url }))
  const port = written ?? (https ? 443 : 80)
  const headers = collectHeaders(request)
  const host = hostWithoutPort(headers.get('host') ?? url.authority)
  const method = (request.method ?? 'GET').toUpperCase()
  const protocol = https ? 'HTTPS' : 'HTTP'
  const target = url.target
  const hash = target.indexOf('#')
  const withoutFragment = hash === -1 ? target : target.slice(0, hash)
  const q = withoutFragment.indexOf('?')
  const path = q === -1 ? withoutFragment : withoutFragment.slice(0, q)
  const query = q === -1 ? null : withoutFragment.slice(q + 1)
  if (trace) trace.push(msg('gateway-trace-request', { method, url: request.url, gateway, scheme: url.scheme, port, host, path }))

  // 1. The listener: port and protocol, then the most specific hostname (listener isolation).
  const set = listenerSetOf(index, port, protocol)
  const ip = isIpAddress(host)
  if (trace && ip) traceHostIp(trace, index, host)
  const choice = set ? selectListener(set, host) : null
  if (!set || (choice === null && set.exact.size === 0 && set.wildcards.length === 0)) {
    return answer({ status: 0, host, gateway }, trace, () => {
      const refused = set?.refused ?? []
      if (refused.length > 0) return msg('gateway-trace-listener-refused', { port, protocol, listeners: refused.map(describeListener).join(', ') })
      const listeners = index.gateway.listeners
      return listeners.length === 0
        ? msg('gateway-trace-no-listeners', { port, protocol })
        : msg('gateway-trace-no-listener', { port, protocol, listeners: listeners.map(describeListener).join(', ') })
    })
  }
  if (choice === null) {
    return answer({ status: 404, host, gateway }, trace, () => msg('gateway-trace-no-listener-host', {
      port, protocol, host, hostnames: [...set.exact.keys(), ...set.wildcards.map((l) => l.hostname as string)].join(', '),
    }))
  }
  const listener = choice.listener
  // HTTPS: the TLS SNI (the URL's host; none for an IP address) picks a listener too; when the Host belongs to
  // another listener the Gateway answers 421 (gateway_types.go, Listener.hostname; conformance
  // HTTPRouteHTTPSListenerDetectMisdirectedRequests).
  if (https) {
    const sni = hostWithoutPort(url.authority)
    if (sni !== host && !isIpAddress(sni)) {
      const bySni = selectListener(set, sni)
      if (bySni !== null && bySni.listener !== listener) {
        return answer({ status: 421, host, gateway, listener: bySni.listener.name }, trace, () => msg('gateway-trace-misdirected', {
          sni, host, sniListener: describeListener(bySni.listener), hostListener: describeListener(listener),
        }))
      }
    }
    if (listener.certificates.length > 0 && !listener.certificates.some((c) => c.resolved)) {
      return answer({ status: 0, host, gateway, listener: listener.name }, trace, () => msg('gateway-trace-tls-no-certificate', { listener: describeListener(listener) }))
    }
  }
  const listenerIndex = listenerIndexOf(index, listener)
  if (trace) traceListener(trace, choice, host, listenerIndex)

  // 2. The rule: the spec's precedence over every rule of every route on the listener.
  let parsedQuery: ReadonlyMap<string, string> | null = null
  const subject: MatchSubject = { path, method, headers, query: () => (parsedQuery ??= parseQuery(query)) }
  if (trace && ODD_PATH.test(path)) trace.push(msg('gateway-trace-path-as-sent', { path }))
  const found = findRule(listenerIndex, host, subject)
  if (found === null) {
    return answer({ status: 404, host, gateway, listener: listener.name }, trace, () => msg('gateway-trace-no-rule', {
      count: listenerIndex.routeCount, listener: listener.name, host, path,
    }))
  }
  if (trace) traceWinner(trace, listenerIndex, host, subject, found)
  const candidate = found.candidate
  const rule = candidate.rule
  const base = { host, gateway, listener: listener.name, route: candidate }
  if (rule.unsupportedFilters.length > 0) {
    return answer({ ...base, status: 500 }, trace, () => {
      const first = rule.unsupportedFilters[0] as CompiledRule['unsupportedFilters'][number]
      return msg('gateway-trace-unsupported-filter', { index: first.index, type: first.type, reason: first.message })
    })
  }

  // 3. Filters, the backend, its filters, its endpoints.
  let rng: (() => number) | null = null
  const random = (): number => {
    if (rng === null) {
      const source = options.random ?? createRandom(1)
      rng = () => source.next()
    }
    return rng()
  }
  const state = newFilterState(headers as Map<string, string>, path)
  let context: FilterContext | null = null
  const contextOf = (): FilterContext => (context ??= {
    scheme: url.scheme, host, query, listenerPort: listener.port, match: candidate.compiled, namespace: candidate.route.ref.namespace, random, trace,
  })
  if (rule.filters.length > 0) applyFilters(rule.filters, state, contextOf())
  if (state.redirect) {
    const { status, location } = state.redirect
    return answer({ ...base, status, state, location, reportHeaders: false }, trace)
  }
  const pick = chooseBackend(rule, random, trace)
  if (pick.kind === 'none') {
    return answer({ ...base, status: 500, state }, trace, () => msg(pick.reason === 'no-backends' ? 'gateway-trace-no-backends' : 'gateway-trace-zero-weights', { rule: rule.index }))
  }
  const backend = pick.backend
  if (!backend.valid) {
    return answer({ ...base, status: 500, state, backend }, trace, () => msg('gateway-trace-backend-invalid', {
      backend: describeBackend(backend), index: backend.index, reason: backend.refusal?.reason ?? '', message: backend.refusal?.message ?? '',
    }))
  }
  if (backend.filters.length > 0) {
    const unsupported = backend.filters.find((f) => f.type === 'ExtensionRef' || f.type === 'Unknown')
    if (unsupported) {
      return answer({ ...base, status: 500, state, backend }, trace, () => msg('gateway-trace-backend-unsupported-filter', {
        index: backend.index, type: unsupported.type === 'Unknown' ? unsupported.written : unsupported.type,
      }))
    }
    if (trace) trace.push(msg('gateway-trace-backend-filters', { index: backend.index, count: backend.filters.length }))
    applyFilters(backend.filters, state, contextOf())
    if (state.redirect) {
      const { status, location } = state.redirect
      return answer({ ...base, status, state, location, backend, reportHeaders: false }, trace)
    }
  }
  if (backend.endpoints === 'none') {
    return answer({ ...base, status: 503, state, backend, serviceKnown: true }, trace, () => msg('gateway-trace-no-endpoints', { backend: describeBackend(backend) }))
  }
  if (trace && backend.endpoints === 'assumed') trace.push(msg('gateway-trace-endpoints-assumed', { backend: describeBackend(backend) }))
  return answer({ ...base, status: 200, state, backend, serviceKnown: true }, trace, () => msg('gateway-trace-proxied', {
    backend: describeBackend(backend), path: state.path, host: state.host ?? host,
  }))
}
