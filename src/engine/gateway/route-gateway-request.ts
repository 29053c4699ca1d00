/**
 * What a conformant Gateway API implementation answers for one request through one Gateway
 * (docs/gateway-api.md#routing-a-request): the listener by port, protocol and Host (listener isolation), the
 * rule by the spec's precedence over every route attached to that listener, the rule's filters, the weighted
 * backend and its endpoints. The trace (one message per decision) is built only when `options.trace !== false`.
 * Never throws: an unusable URL is a 400.
 */
import { msg, type Message } from '../messages/message'
import { createRandom, type RandomSource } from '../route/random'
import { splitUrl } from '../route/route-request'
import { applyFilters, newFilterState, responseHeadersOf, type FilterContext, type FilterState } from './apply-filters'
import { chooseBackend, describeBackend } from './choose-backend'
import { findRule, gatewayIndexOf, groupsFor, listenerIndexOf, listenerSetOf, type GatewayIndex, type ListenerIndex, type ListenerSet } from './gateway-index'
import { addressOf, hostWithoutPort, isIpAddress, portOf } from './hostname-match'
import { RequestSubject, type MatchSubject } from './match-request'
import { DEFAULT_METHOD, WELL_KNOWN_PORTS, type GatewayOutcome } from './gateway-outcome'
import { explainPrecedence, pathTypeName, type MatchCandidate } from './match-precedence'
import { selectListener, type ListenerChoice } from './select-listener'
import type { CompiledBackend, CompiledGateways, CompiledListener, CompiledRule, GatewayRequest, GatewayRouteOptions, GatewayRouteResult } from './types'

const NO_HEADERS: ReadonlyMap<string, string> = new Map()
const NO_MIRRORS: GatewayRouteResult['mirrors'] = Object.freeze([])
const NO_TRACE: readonly Message[] = Object.freeze([])

/** What an answer says; `finish` fills the rest with null. */
interface Fields {
  readonly status: number
  readonly outcome: GatewayOutcome
  readonly host: string
  readonly gateway: string | null
  readonly listener: string | null
  readonly candidate: MatchCandidate | null
  readonly backend: CompiledBackend | null
  /** Whether service, port and namespace name the backend (a proxied request or a 503). */
  readonly serviceKnown: boolean
  readonly state: FilterState | null
  readonly location: string | null
  /** The request's headers, reported when no filter ran (`state` null) and the request is forwarded. */
  readonly headers: ReadonlyMap<string, string> | null
  /** What the backend answers with (`GatewayRouteOptions.backendResponseHeaders`), for a proxied answer. */
  readonly backendHeaders: Readonly<Record<string, string>> | null
}

function headerRecord(map: ReadonlyMap<string, string> | null): Readonly<Record<string, string>> | null {
  if (map === null || map.size === 0) return null
  const out: Record<string, string> = {}
  for (const [name, value] of map) out[name] = value
  return out
}

/** The request headers the backend receives (null after a redirect: nothing is forwarded). */
function forwardedHeaders(state: FilterState | null, location: string | null, headers: ReadonlyMap<string, string> | null): GatewayRouteResult['requestHeaders'] {
  if (location !== null) return null
  if (state === null) return headerRecord(headers)
  if (state.host !== null) {
    if (!state.headersCopied) {
      state.headers = new Map(state.headers)
      state.headersCopied = true
    }
    state.headers.set('host', state.host)
  }
  return headerRecord(state.headers)
}

function finish(fields: Fields, trace: Message[] | null, closing: Message | null): GatewayRouteResult {
  if (trace && closing) trace.push(closing)
  const { candidate, backend, state, location } = fields
  const known = fields.serviceKnown && backend !== null
  return {
    status: fields.status,
    service: known ? backend.name : null,
    port: known ? backend.port : null,
    namespace: known ? backend.namespace : null,
    route: candidate ? candidate.routeRef : null,
    rewrittenPath: state !== null && state.pathRewritten ? state.path : null,
    rewrittenHost: state?.host ?? null,
    location,
    requestHeaders: forwardedHeaders(state, location, fields.headers),
    responseHeaders: headerRecord(responseHeadersOf(fields.status === 200 ? fields.backendHeaders : null, state?.response ?? null)),
    trace: trace ?? NO_TRACE,
    gateway: fields.gateway,
    listener: fields.listener,
    matchIndex: candidate ? candidate.matchIndex : null,
    backendIndex: backend ? backend.index : null,
    mirrors: state?.mirrors ?? NO_MIRRORS,
    host: fields.host,
    outcome: fields.outcome,
  }
}

/** Before a listener is chosen. */
function early(status: number, outcome: GatewayOutcome, host: string, gateway: string | null, listener: string | null, trace: Message[] | null, closing: Message | null): GatewayRouteResult {
  return finish({ status, outcome, host, gateway, listener, candidate: null, backend: null, serviceKnown: false, state: null, location: null, headers: null, backendHeaders: null }, trace, closing)
}

/** Uniform draws for weights and mirror percentages: the caller's source, or a fresh `createRandom(1)` on first use. */
class Draws {
  private source: RandomSource | undefined

  constructor(given: RandomSource | undefined) {
    this.source = given
  }

  next(): number {
    return (this.source ??= createRandom(1)).next()
  }
}

/** For a rule with one backendRef and no filter at all: nothing is ever drawn from it. */
const NO_DRAWS = new Draws(undefined)

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

/** The trace of the winning rule: the hostname it is reached through, a fall-through, the runner-up and why it loses. */
function traceWinner(trace: Message[], index: ListenerIndex, host: string, subject: MatchSubject, candidate: MatchCandidate): void {
  const rank = candidate.hostname
  trace.push(rank.hostname === null
    ? msg('gateway-trace-route-any-host', { route: routeName(candidate) })
    : msg(rank.precise > 0 ? 'gateway-trace-route-hostname-exact' : 'gateway-trace-route-hostname-wildcard', { route: routeName(candidate), hostname: rank.hostname, host }))
  // A more specific hostname whose routes have no matching rule: the spec orders matching rules, so the search
  // goes on to less specific hostnames (docs/gateway-api.md#precedence).
  const skipped = groupsFor(index, host).find((group) => group.rank.length > rank.length || group.rank.precise > rank.precise)
  if (skipped) trace.push(msg('gateway-trace-hostname-fallthrough', { hostname: skipped.rank.hostname as string, winner: rank.hostname ?? msg('gateway-trace-any-hostname') }))
  trace.push(msg('gateway-trace-rule', { rule: candidate.rule.index, route: routeName(candidate), match: candidate.matchIndex, description: describeMatch(candidate) }))
  if (candidate.compiled.usesRegex) trace.push(msg('gateway-trace-regex-dialect'))
  const next = findRule(index, host, subject, candidate.rule)
  if (next === null) {
    trace.push(msg('gateway-trace-only-candidate'))
    return
  }
  trace.push(msg('gateway-trace-beats', {
    rule: next.rule.index, route: routeName(next), description: describeMatch(next),
    reason: explainPrecedence(candidate, rank, next, next.hostname),
  }))
}

/** Routes `request` through Gateway `gateway` (`namespace/name`) of `compiled`. */
export function routeGatewayRequest(compiled: CompiledGateways, gateway: string, request: GatewayRequest, options: GatewayRouteOptions = {}): GatewayRouteResult {
  const trace: Message[] | null = options.trace === false ? null : []
  const url = splitUrl(request.url)
  if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) {
    return early(400, 'bad-url', '', gateway, null, trace, trace && msg('gateway-trace-bad-url', { url: request.url }))
  }
  const index = gatewayIndexOf(compiled, gateway)
  if (index === null) {
    return early(0, 'no-gateway', '', null, null, trace, trace && msg('gateway-trace-no-gateway', { gateway, choices: compiled.gateways.map((g) => g.ref.key).join(', ') }))
  }
  const https = url.scheme === 'https'
  const written = portOf(url.authority)
  if (written === 'bad') return early(400, 'bad-url', '', gateway, null, trace, trace && msg('gateway-trace-bad-url', { url: request.url }))
  const port = written ?? (WELL_KNOWN_PORTS[url.scheme] as number)
  const headers = collectHeaders(request)
  const host = hostWithoutPort(headers.get('host') ?? url.authority)
  const method = request.method ?? DEFAULT_METHOD
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
  if (trace && isIpAddress(host)) traceHostIp(trace, index, host)
  const choice = set ? selectListener(set, host) : null
  if (!set || (choice === null && set.exact.size === 0 && set.wildcards.length === 0)) {
    return early(0, 'no-listener', host, gateway, null, trace, trace && noListener(index, set, port, protocol))
  }
  if (choice === null) {
    return early(404, 'no-listener-host', host, gateway, null, trace, trace && msg('gateway-trace-no-listener-host', {
      port, protocol, host, hostnames: [...set.exact.keys(), ...set.wildcards.map((choice) => choice.listener.hostname as string)].join(', '),
    }))
  }
  const listener = choice.listener
  if (https) {
    // The TLS SNI (the URL's host; none for an IP address) picks a listener too; when the Host belongs to another
    // listener the Gateway answers 421 (gateway_types.go, Listener.hostname; conformance
    // HTTPRouteHTTPSListenerDetectMisdirectedRequests).
    const sni = hostWithoutPort(url.authority)
    if (sni !== host && !isIpAddress(sni)) {
      const bySni = selectListener(set, sni)
      if (bySni !== null && bySni.listener !== listener) {
        return early(421, 'misdirected', host, gateway, bySni.listener.name, trace, trace && msg('gateway-trace-misdirected', {
          sni, host, sniListener: describeListener(bySni.listener), hostListener: describeListener(listener),
        }))
      }
    }
    if (!listener.certificates.some((c) => c.resolved)) {
      return early(0, 'tls-no-certificate', host, gateway, listener.name, trace, trace && msg('gateway-trace-tls-no-certificate', { listener: describeListener(listener) }))
    }
  }
  const listenerIndex = listenerIndexOf(index, listener)
  if (trace) traceListener(trace, choice, host, listenerIndex)

  // 2. The rule: the spec's precedence over every rule of every route on the listener.
  const subject = new RequestSubject(path, method, headers, query)
  if (trace && ODD_PATH.test(path)) trace.push(msg('gateway-trace-path-as-sent', { path }))
  const found = findRule(listenerIndex, host, subject)
  if (found === null) {
    return early(404, 'no-rule', host, gateway, listener.name, trace, trace && msg('gateway-trace-no-rule', { count: listenerIndex.routeCount, listener: listener.name, host, path }))
  }
  if (trace) traceWinner(trace, listenerIndex, host, subject, found)
  return answerRule(found, { host, gateway, listener, scheme: url.scheme, path, query, headers, trace, random: options.random, backendHeaders: options.backendResponseHeaders ?? null })
}

function noListener(index: GatewayIndex, set: ListenerSet | undefined, port: number, protocol: string): Message {
  const refused = set?.refused ?? []
  if (refused.length > 0) return msg('gateway-trace-listener-refused', { port, protocol, listeners: refused.map(describeListener).join(', ') })
  const listeners = index.gateway.listeners
  return listeners.length === 0
    ? msg('gateway-trace-no-listeners', { port, protocol })
    : msg('gateway-trace-no-listener', { port, protocol, listeners: listeners.map(describeListener).join(', ') })
}

interface Matched {
  readonly host: string
  readonly gateway: string
  readonly listener: CompiledListener
  readonly scheme: string
  readonly path: string
  readonly query: string | null
  readonly headers: ReadonlyMap<string, string>
  readonly trace: Message[] | null
  readonly random: RandomSource | undefined
  readonly backendHeaders: Readonly<Record<string, string>> | null
}

function answer(
  m: Matched, candidate: MatchCandidate, status: number, outcome: GatewayOutcome, backend: CompiledBackend | null, serviceKnown: boolean, state: FilterState | null, location: string | null, closing: Message | null,
): GatewayRouteResult {
  return finish({
    status, outcome, host: m.host, gateway: m.gateway, listener: m.listener.name, candidate, backend, serviceKnown, state, location, headers: m.headers, backendHeaders: m.backendHeaders,
  }, m.trace, closing)
}

/** 3. The matched rule: its filters, the backend, the backend's filters, its endpoints. */
function answerRule(candidate: MatchCandidate, m: Matched): GatewayRouteResult {
  const { trace, host } = m
  const plain = candidate.plain
  if (plain !== null && trace === null) {
    // The hot path: one valid backendRef, no filter, no weights to draw.
    return answer(m, candidate, plain.endpoints === 'none' ? 503 : 200, plain.endpoints === 'none' ? 'no-endpoints' : 'proxied', plain, true, null, null, null)
  }
  const rule = candidate.rule
  if (rule.unsupportedFilters.length > 0) {
    const first = rule.unsupportedFilters[0] as CompiledRule['unsupportedFilters'][number]
    return answer(m, candidate, 500, 'unsupported-filter', null, false, null, null, trace && msg('gateway-trace-unsupported-filter', { index: first.index, type: first.type, reason: first.message }))
  }
  // The filter state and the draws are made only when a filter or a weighted pick needs them (not on the hot path).
  const draws = rule.filters.length > 0 || rule.backends.length > 1 || (rule.backends[0]?.filters.length ?? 0) > 0 ? new Draws(m.random) : NO_DRAWS
  let state: FilterState | null = null
  let context: FilterContext | null = null
  if (rule.filters.length > 0) {
    state = newFilterState(m.headers as Map<string, string>, m.path)
    context = filterContext(candidate, m, draws)
    applyFilters(rule.filters, state, context, rule.refusedMirrors, rule.mirrors)
    if (state.redirect) return answer(m, candidate, state.redirect.status, 'redirect', null, false, state, state.redirect.location, null)
  }
  const pick = chooseBackend(rule, draws, trace)
  if (pick.kind === 'none') {
    return answer(m, candidate, 500, 'no-backends', null, false, state, null, trace && msg(pick.reason === 'no-backends' ? 'gateway-trace-no-backends' : 'gateway-trace-zero-weights', { rule: rule.index }))
  }
  const backend = pick.backend
  if (!backend.valid) {
    return answer(m, candidate, 500, 'invalid-backend', backend, false, state, null, trace && msg('gateway-trace-backend-invalid', {
      backend: describeBackend(backend), index: backend.index, reason: backend.refusal?.reason ?? '', message: backend.refusal?.message ?? '',
    }))
  }
  if (backend.filters.length > 0) {
    if (backend.unsupportedFilters.length > 0) {
      const first = backend.unsupportedFilters[0] as CompiledBackend['unsupportedFilters'][number]
      return answer(m, candidate, 500, 'unsupported-filter', backend, false, state, null, trace && msg('gateway-trace-backend-unsupported-filter', {
        index: backend.index, filter: first.index, type: first.type, reason: first.message,
      }))
    }
    if (trace) trace.push(msg('gateway-trace-backend-filters', { index: backend.index, count: backend.filters.length }))
    state ??= newFilterState(m.headers as Map<string, string>, m.path)
    applyFilters(backend.filters, state, context ?? filterContext(candidate, m, draws), backend.refusedMirrors, backend.mirrors)
    if (state.redirect) return answer(m, candidate, state.redirect.status, 'redirect', backend, false, state, state.redirect.location, null)
  }
  if (trace && backend.endpointsWhy) trace.push(msg('gateway-trace-endpoints-why', { backend: describeBackend(backend), why: backend.endpointsWhy }))
  if (backend.endpoints === 'none') return answer(m, candidate, 503, 'no-endpoints', backend, true, state, null, trace && msg('gateway-trace-no-endpoints', { backend: describeBackend(backend) }))
  // compile's `endpointsWhy` already says why endpoints are assumed; the fallback only when it has no clause.
  if (trace && backend.endpoints === 'assumed' && backend.endpointsWhy === null) trace.push(msg('gateway-trace-endpoints-assumed', { backend: describeBackend(backend) }))
  return answer(m, candidate, 200, 'proxied', backend, true, state, null, trace && msg('gateway-trace-proxied', {
    backend: describeBackend(backend), path: state?.path ?? m.path, host: state?.host ?? host,
  }))
}

function filterContext(candidate: MatchCandidate, m: Matched, draws: Draws): FilterContext {
  return {
    scheme: m.scheme, host: m.host, query: m.query, listenerPort: m.listener.port, match: candidate.compiled,
    namespace: candidate.route.ref.namespace, random: draws, trace: m.trace,
  }
}
