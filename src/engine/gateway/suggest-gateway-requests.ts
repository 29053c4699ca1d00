/**
 * One-click example requests through one Gateway: for every rule attached to one of its listeners, a request the
 * rule's first match takes (the listener's scheme and port, a host the attachment accepts, the match's path,
 * method, headers and query parameters), then one request nothing matches (404). Each suggestion is routed
 * through `routeGatewayRequest` (no trace) and kept only if it lands on the rule it was made for, so a shadowed
 * rule or a listener that takes no traffic suggests nothing. Deterministic and capped like the ingress examples.
 */
import type { HTTPHeaderMatch, HTTPRouteMatch } from '../model/gateway-types'
import { EXAMPLES_MAX, type ExampleKind, type ExampleRequest } from '../graph/suggest-requests'
import type { RouteRequest } from '../route/types'
import { routeGatewayRequest } from './route-gateway-request'
import type { CompiledGateway, CompiledGateways, CompiledListener, GatewayRouteResult, ListenerAttachment } from './types'

/** The host used when neither the route, the listener nor the Gateway names one (any host is accepted). */
export const GATEWAY_EXAMPLE_HOST = 'gateway.example'
/** A host no listener or route of the examples names. */
const UNKNOWN_HOST = 'unknown.example'
/** A path no example rule is likely to match (checked by routing it). */
const UNMATCHED_PATH = '/no-rule-matches-this'

/** A regular expression with no special characters is its own (only) sample; anything else has none. */
function literalOf(pattern: string): string | null {
  return /^[^\\^$.|?*+()[\]{}]*$/.test(pattern) ? pattern : null
}

/** A host the hostname accepts: `*.example.com` → `www.example.com`. */
function concreteHost(hostname: string): string {
  return hostname.startsWith('*.') ? `www${hostname.slice(1)}` : hostname
}

function hostFor(gateway: CompiledGateway, listener: CompiledListener, attachment: ListenerAttachment): string {
  const named = attachment.hostnames?.[0] ?? listener.hostname ?? gateway.addresses[0] ?? GATEWAY_EXAMPLE_HOST
  return concreteHost(named)
}

/** `http://host` or `https://host:8443`: the port only when it is not the scheme's default. */
function originOf(listener: CompiledListener, host: string): string {
  const scheme = listener.protocol === 'HTTPS' ? 'https' : 'http'
  const defaultPort = scheme === 'https' ? 443 : 80
  const authority = host.includes(':') ? `[${host}]` : host
  return `${scheme}://${authority}${listener.port === defaultPort ? '' : `:${listener.port}`}`
}

function valueOf(match: HTTPHeaderMatch): string | null {
  return match.type === 'Exact' ? match.value : literalOf(match.value)
}

/** The request parts a match requires, or null when one of them has no sample (a real regular expression). */
function requestOf(origin: string, match: HTTPRouteMatch): RouteRequest | null {
  const path = match.path.type === 'RegularExpression' ? literalOf(match.path.value) : match.path.value
  if (path === null || !path.startsWith('/')) return null
  const query: string[] = []
  for (const param of match.queryParams) {
    const value = valueOf(param)
    if (value === null) return null
    query.push(`${encodeURIComponent(param.name)}=${encodeURIComponent(value)}`)
  }
  const headers: Record<string, string> = {}
  for (const header of match.headers) {
    const value = valueOf(header)
    if (value === null) return null
    headers[header.name] = value
  }
  return {
    url: `${origin}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`,
    ...(match.method ? { method: match.method } : {}),
    ...(match.headers.length > 0 ? { headers } : {}),
  }
}

function routeOf(compiled: CompiledGateways, gatewayKey: string, request: RouteRequest): GatewayRouteResult {
  return routeGatewayRequest(compiled, gatewayKey, request, { trace: false })
}

function kindOf(listener: CompiledListener, request: RouteRequest): ExampleKind {
  if (request.method || request.headers || request.url.includes('?')) return 'match'
  return listener.protocol === 'HTTPS' ? 'https' : 'path'
}

/** One request per attached rule (its first match), in listener then attachment order, each verified. */
function ruleExamples(compiled: CompiledGateways, gateway: CompiledGateway): ExampleRequest[] {
  const out: ExampleRequest[] = []
  const done = new Set<string>()
  for (const listener of gateway.listeners) {
    if (!listener.servesHttpRoutes) continue
    for (const attachment of listener.attachments) {
      const route = compiled.routes[attachment.routeIndex]
      if (!route) continue
      const origin = originOf(listener, hostFor(gateway, listener, attachment))
      for (const rule of route.rules) {
        const key = `${route.ref.key}#${rule.index}`
        const match = rule.matches[0]
        if (done.has(key) || !match) continue
        const request = requestOf(origin, match)
        if (!request) continue
        const landed = routeOf(compiled, gateway.ref.key, request).route
        if (!landed || `${landed.namespace}/${landed.name}` !== route.ref.key || landed.rule !== rule.index) continue
        done.add(key)
        out.push({ kind: kindOf(listener, request), request, rule: { route: route.ref.key, index: rule.index } })
      }
    }
  }
  return out
}

/**
 * A request nothing answers (404): a plain rule example's path on a host no listener or route takes (the host is
 * why), else a path no rule matches on the first example's host; null when neither answers 404.
 */
function unmatchedExample(compiled: CompiledGateways, gateway: CompiledGateway, examples: readonly ExampleRequest[]): ExampleRequest | null {
  const plain = examples.find((example) => example.kind === 'path' || example.kind === 'https')
  const first = examples[0]
  const candidates: ExampleRequest[] = []
  if (plain) {
    const url = new URL(plain.request.url)
    url.hostname = UNKNOWN_HOST
    candidates.push({ kind: 'unknown-host', request: { url: url.href } })
  }
  if (first) candidates.push({ kind: 'no-match', request: { url: `${new URL(first.request.url).origin}${UNMATCHED_PATH}` } })
  return candidates.find((candidate) => routeOf(compiled, gateway.ref.key, candidate.request).status === 404) ?? null
}

/**
 * Up to `limit` example requests through the Gateway `gatewayKey` (`namespace/name`); empty when the input has no
 * such Gateway. The 404 example, when there is one, is kept last even when the list is long.
 */
export function suggestGatewayRequests(compiled: CompiledGateways, gatewayKey: string, limit = EXAMPLES_MAX): ExampleRequest[] {
  const gateway = compiled.gateways.find((candidate) => candidate.ref.key === gatewayKey)
  if (!gateway) return []
  const rules = ruleExamples(compiled, gateway)
  const unmatched = unmatchedExample(compiled, gateway, rules)
  return unmatched ? [...rules.slice(0, limit - 1), unmatched] : rules.slice(0, limit)
}
