/**
 * Structure-aware Gateway API objects (`gateway.networking.k8s.io` v1 and v1beta1): GatewayClass, Gateway,
 * HTTPRoute and ReferenceGrant, mostly shaped as users write them and naming each other (a few Gateway names
 * and namespaces, the Services the Ingress generator names), with hostile strings and numbers in the fields the
 * engine interprets: listener ports, protocols and hostnames, parentRefs, matches (regular expressions
 * included), every filter, backendRefs and weights, timeouts, grants. At hostility 0 the values are ones the
 * CRDs accept.
 */
import { hostileNumber, hostileString, hostName, pathValue, regexPath, wrongTypeValue } from './hostile-values'
import type { Rng } from './rng'

type Obj = Record<string, unknown>

const VERSIONS = ['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1']
/** The Gateways routes name, so parentRefs usually resolve; `route --gateway` draws from the same list. */
export const GATEWAY_NAMES = ['web', 'gw']
export const GATEWAY_NAMESPACES = ['default', 'prod']
export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE']

/** A valid value mostly; at hostility, one of `bad` or a hostile string. */
function mostly<T>(rng: Rng, good: readonly T[], bad: readonly unknown[] = []): unknown {
  if (!rng.rare(0.15)) return rng.pick(good)
  return bad.length > 0 && rng.chance(0.6) ? rng.pick(bad) : rng.chance(0.5) ? hostileString(rng) : wrongTypeValue(rng)
}

function meta(rng: Rng, names: readonly string[]): Obj {
  const m: Obj = { name: mostly(rng, names, ['', 'UPPER', 'a'.repeat(254)]) }
  if (rng.chance(0.2)) m.namespace = mostly(rng, GATEWAY_NAMESPACES, ['Bad_NS'])
  if (rng.chance(0.2)) m.creationTimestamp = mostly(rng, ['2026-01-01T00:00:00Z', '2025-06-01T12:00:00Z'], ['yesterday', ''])
  return m
}

export function gatewayClassObject(rng: Rng): Obj {
  return { apiVersion: rng.pick(VERSIONS), kind: 'GatewayClass', metadata: { name: mostly(rng, ['example', 'nginx']) }, spec: { controllerName: mostly(rng, ['example.com/gateway-controller'], ['no-slash', '']) } }
}

/** Listener `index`: distinct names and (port, protocol) pairs unless hostile, as the CRD's CEL rules require. */
function listener(rng: Rng, index: number): Obj {
  const [name, port, plain] = ([['http', 80, 'HTTP'], ['https', 443, 'HTTPS'], ['alt', 8080, 'HTTP']] as const)[index % 3]!
  const protocol = mostly(rng, [plain], ['TLS', 'TCP', 'UDP', 'example.com/quic', 'http'])
  const l: Obj = { name: mostly(rng, [name], ['', 'Bad Name', 'http']), protocol, port: rng.rare(0.2) ? hostileNumber(rng) : port }
  if (rng.chance(0.25)) l.hostname = rng.rare(0.2) ? hostileString(rng) : hostName(rng)
  if (protocol === 'HTTPS' || protocol === 'TLS' || rng.rare(0.1)) {
    const ref: Obj = { name: mostly(rng, ['tls', 'kube-book-secret', 'missing']) }
    if (rng.chance(0.2)) ref.namespace = mostly(rng, GATEWAY_NAMESPACES)
    if (rng.rare(0.2)) ref.kind = rng.pick(['ConfigMap', 'Secret', ''])
    l.tls = rng.rare(0.1) ? { mode: rng.pick(['Passthrough', 'Nope']) } : { ...(rng.chance(0.2) ? { mode: 'Terminate' } : {}), certificateRefs: [ref] }
  }
  if (rng.chance(0.4)) {
    const from = mostly(rng, ['All', 'Same', 'Selector'], ['all', 'Other'])
    const namespaces: Obj = { from }
    if (from === 'Selector' || rng.rare(0.1)) namespaces.selector = { matchLabels: { 'kubernetes.io/metadata.name': mostly(rng, GATEWAY_NAMESPACES) } }
    l.allowedRoutes = { namespaces, ...(rng.chance(0.2) ? { kinds: [{ kind: mostly(rng, ['HTTPRoute'], ['GRPCRoute', 'TCPRoute', 'Ingress']) }] } : {}) }
  }
  return l
}

export function gatewayObject(rng: Rng): Obj {
  const listeners = Array.from({ length: rng.int(rng.rare(0.5) ? 0 : 1, 3) }, (_, i) => listener(rng, i))
  const spec: Obj = { gatewayClassName: mostly(rng, ['example', 'nginx', 'absent']), listeners }
  if (rng.chance(0.15)) spec.addresses = [{ value: mostly(rng, ['10.0.0.1', '192.0.2.7'], ['::1', 'not-an-ip', '']) }]
  return { apiVersion: rng.pick(VERSIONS), kind: 'Gateway', metadata: meta(rng, GATEWAY_NAMES), spec }
}

function valueMatch(rng: Rng, name: string): Obj {
  const type = mostly(rng, ['Exact', 'Exact', 'RegularExpression'], ['Prefix', ''])
  return { name: mostly(rng, [name], ['', 'bad name', ':authority']), value: type === 'RegularExpression' ? regexPath(rng) : mostly(rng, ['1', 'canary', 'yes']), ...(rng.chance(0.6) ? { type } : {}) }
}

/** One to `names.length` matches on distinct names (a repeated name is refused, so only at hostility). */
function valueMatches(rng: Rng, names: readonly string[]): Obj[] {
  const count = rng.int(1, names.length)
  return Array.from({ length: count }, (_, i) => valueMatch(rng, rng.rare(0.1) ? rng.pick(names) : (names[i] as string)))
}

function match(rng: Rng): Obj {
  const m: Obj = {}
  if (rng.chance(0.8)) {
    const type = mostly(rng, ['PathPrefix', 'Exact', 'RegularExpression'], ['Prefix', 'ImplementationSpecific'])
    m.path = { type, value: type === 'RegularExpression' ? regexPath(rng) : rng.rare(0.3) ? pathValue(rng) : rng.pick(['/', '/foo', '/foos1', '/api/v1', '/a/b/']) }
  }
  if (rng.chance(0.25)) m.headers = valueMatches(rng, rng.pick([['X-Env', 'X-Canary'], ['Cookie'], ['host', 'X-Env', 'Accept']]))
  if (rng.chance(0.2)) m.queryParams = valueMatches(rng, ['q', 'debug'])
  if (rng.chance(0.25)) m.method = mostly(rng, METHODS, ['get', 'FETCH'])
  return m
}

function headerModifier(rng: Rng): Obj {
  const header = (): Obj => ({ name: mostly(rng, ['X-Env', 'X-Added', 'Host'], ['', 'bad name']), value: rng.rare(0.3) ? hostileString(rng) : rng.pick(['1', 'yes', 'canary']) })
  const h: Obj = {}
  if (rng.chance(0.5)) h.set = [header()]
  if (rng.chance(0.5)) h.add = [header()]
  if (rng.chance(0.3)) h.remove = [mostly(rng, ['X-Env', 'Cookie'])]
  return h
}

/** `prefixAllowed`: the rule has exactly one match, a PathPrefix, which ReplacePrefixMatch needs (CEL). */
function pathModifier(rng: Rng, prefixAllowed: boolean): Obj {
  const type = mostly(rng, prefixAllowed ? ['ReplaceFullPath', 'ReplacePrefixMatch'] : ['ReplaceFullPath'], ['Replace', 'ReplacePrefixMatch'])
  const value = rng.rare(0.3) ? pathValue(rng) : rng.pick(['/', '/new', '/v2/'])
  return type === 'ReplaceFullPath' ? { type, replaceFullPath: value } : { type, replacePrefixMatch: value, ...(rng.rare(0.1) ? { replaceFullPath: value } : {}) }
}

function backendRef(rng: Rng, filters: boolean): Obj {
  const ref: Obj = { name: mostly(rng, ['s1', 'svc', 'web', 'missing']), port: rng.rare(0.2) ? hostileNumber(rng) : rng.pick([80, 8080, 443]) }
  if (rng.chance(0.3)) ref.weight = rng.rare(0.2) ? hostileNumber(rng) : rng.pick([0, 1, 10, 90])
  if (rng.chance(0.2)) ref.namespace = mostly(rng, GATEWAY_NAMESPACES)
  if (rng.rare(0.1)) ref.kind = rng.pick(['Bucket', 'ServiceImport'])
  if (filters && rng.chance(0.1)) ref.filters = [filter(rng, false, mostly(rng, ['RequestHeaderModifier', 'ResponseHeaderModifier'], ['RequestRedirect', 'URLRewrite', 'RequestMirror', 'CORS']))]
  return ref
}

const FILTER_TYPES = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite', 'RequestMirror'] as const

function filter(rng: Rng, backendRefs: boolean, type: unknown = mostly(rng, FILTER_TYPES, ['ExtensionRef', 'CORS', 'Nope']), prefixAllowed = false): Obj {
  switch (type) {
    case 'RequestHeaderModifier': return { type, requestHeaderModifier: headerModifier(rng) }
    case 'ResponseHeaderModifier': return { type, responseHeaderModifier: headerModifier(rng) }
    case 'RequestRedirect': {
      const redirect: Obj = {}
      if (rng.chance(0.5)) redirect.scheme = mostly(rng, ['https', 'http'], ['ftp'])
      if (rng.chance(0.3)) redirect.hostname = rng.rare(0.3) ? hostileString(rng) : rng.pick(['example.com', 'www.example.com'])
      if (rng.chance(0.3)) redirect.port = rng.rare(0.3) ? hostileNumber(rng) : rng.pick([80, 443, 8443])
      if (rng.chance(0.3)) redirect.path = pathModifier(rng, prefixAllowed)
      if (rng.chance(0.5)) redirect.statusCode = mostly(rng, [301, 302, 303, 307, 308], [200, 404])
      return { type, requestRedirect: redirect }
    }
    case 'URLRewrite': return { type, urlRewrite: { ...(rng.chance(0.5) ? { hostname: rng.rare(0.3) ? hostileString(rng) : 'rewritten.example' } : {}), ...(rng.chance(0.7) ? { path: pathModifier(rng, prefixAllowed) } : {}) } }
    case 'RequestMirror': return { type, requestMirror: { backendRef: backendRef(rng, false), ...(rng.chance(0.3) ? { percent: mostly(rng, [0, 50, 100], [101, -1]) } : {}) } }
    case 'ExtensionRef': return { type, extensionRef: { group: 'example.com', kind: 'Thing', name: 'x' } }
    default: return { type, ...(backendRefs && rng.chance(0.5) ? { requestHeaderModifier: headerModifier(rng) } : {}) }
  }
}

export function httpRouteObject(rng: Rng): Obj {
  // Two parentRefs name different Gateways or different sections: the CRD refuses the same parent twice.
  const sections = ['http', 'https']
  const count = rng.int(rng.rare(0.5) ? 0 : 1, 2)
  const parentRefs = Array.from({ length: count }, (_, i) => {
    const ref: Obj = { name: mostly(rng, GATEWAY_NAMES, ['missing']) }
    if (rng.chance(0.25)) ref.namespace = mostly(rng, GATEWAY_NAMESPACES)
    if (count > 1 || rng.chance(0.25)) ref.sectionName = mostly(rng, [sections[i] as string], ['missing', 'alt'])
    if (rng.chance(0.15)) ref.port = rng.rare(0.3) ? hostileNumber(rng) : rng.pick([80, 443, 8080])
    if (rng.rare(0.1)) ref.kind = rng.pick(['Service', 'Ingress'])
    return ref
  })
  const rules = Array.from({ length: rng.int(rng.rare(0.3) ? 0 : 1, 4) }, () => {
    const rule: Obj = {}
    const matches = rng.chance(0.8) ? Array.from({ length: rng.int(1, 3) }, () => match(rng)) : undefined
    if (matches) rule.matches = matches
    const onePrefix = matches !== undefined && matches.length === 1 && (matches[0]?.path as Obj | undefined)?.type === 'PathPrefix'
    // Each filter type at most once, and a redirect neither with a rewrite nor with backendRefs (the CRD's CEL rules), unless hostile.
    const types = [...FILTER_TYPES].sort(() => rng.next() - 0.5).slice(0, rng.chance(0.35) ? rng.int(1, 2) : 0)
    const redirect = types.includes('RequestRedirect')
    const kept = redirect && !rng.rare(0.3) ? types.filter((type) => type !== 'URLRewrite') : types
    if (kept.length > 0) rule.filters = kept.map((type) => filter(rng, true, rng.rare(0.1) ? mostly(rng, FILTER_TYPES, ['ExtensionRef', 'CORS', 'Nope']) : type, onePrefix))
    if (redirect ? rng.rare(0.3) : rng.chance(0.9)) rule.backendRefs = Array.from({ length: rng.int(1, 3) }, () => backendRef(rng, true))
    if (rng.chance(0.1)) rule.timeouts = { request: mostly(rng, ['10s', '1m', '500ms'], ['10', '-1s', '1h1h']) }
    if (rng.chance(0.1)) rule.name = mostly(rng, ['api', 'fallback'])
    return rule
  })
  const spec: Obj = { parentRefs, rules }
  if (rng.chance(0.5)) spec.hostnames = Array.from({ length: rng.int(1, 2) }, () => (rng.rare(0.2) ? hostileString(rng) : hostName(rng)))
  return { apiVersion: rng.pick(VERSIONS), kind: 'HTTPRoute', metadata: meta(rng, ['r1', 'r2', 'shop', 'api']), spec }
}

export function referenceGrantObject(rng: Rng): Obj {
  return {
    apiVersion: rng.pick(['gateway.networking.k8s.io/v1beta1', 'gateway.networking.k8s.io/v1']),
    kind: 'ReferenceGrant',
    metadata: meta(rng, ['allow']),
    spec: {
      from: [{ group: 'gateway.networking.k8s.io', kind: mostly(rng, ['HTTPRoute', 'Gateway']), namespace: mostly(rng, GATEWAY_NAMESPACES) }],
      to: [{ group: '', kind: mostly(rng, ['Service', 'Secret']), ...(rng.chance(0.5) ? { name: mostly(rng, ['s1', 'svc', 'tls']) } : {}) }],
    },
  }
}

/** A Gateway API scenario: a Gateway, one to three HTTPRoutes, now and then its class and a grant. */
export function gatewayScenario(rng: Rng): Obj[] {
  // Distinct names unless hostile: the same kind, namespace and name twice is a duplicate the studio refuses.
  const named = (object: Obj, name: string): Obj => (rng.rare(0.1) ? object : { ...object, metadata: { ...(object.metadata as Obj), name } })
  // Another file of the same case may hold a scenario too: its Gateway is often the other name.
  const [first, second] = rng.chance(0.5) ? GATEWAY_NAMES : [...GATEWAY_NAMES].reverse()
  const objects: Obj[] = [named(gatewayObject(rng), first as string)]
  if (rng.chance(0.3)) objects.push(gatewayClassObject(rng))
  for (let i = rng.int(1, 3); i > 0; i--) objects.push(named(httpRouteObject(rng), `route-${rng.int(1, 1000)}`))
  if (rng.chance(0.15)) objects.push(named(gatewayObject(rng), second as string))
  if (rng.chance(0.15)) objects.push(referenceGrantObject(rng))
  return objects
}
