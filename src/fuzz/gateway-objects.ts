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
  if (rng.chance(0.4)) m.namespace = mostly(rng, GATEWAY_NAMESPACES, ['Bad_NS'])
  if (rng.chance(0.2)) m.creationTimestamp = mostly(rng, ['2026-01-01T00:00:00Z', '2025-06-01T12:00:00Z'], ['yesterday', ''])
  return m
}

export function gatewayClassObject(rng: Rng): Obj {
  return { apiVersion: rng.pick(VERSIONS), kind: 'GatewayClass', metadata: { name: mostly(rng, ['example', 'nginx']) }, spec: { controllerName: mostly(rng, ['example.com/gateway-controller'], ['no-slash', '']) } }
}

function listener(rng: Rng, index: number): Obj {
  const protocol = mostly(rng, ['HTTP', 'HTTP', 'HTTPS'], ['TLS', 'TCP', 'UDP', 'example.com/quic', 'http'])
  const l: Obj = { name: mostly(rng, [`l${index}`, index === 0 ? 'http' : 'https'], ['', 'Bad Name']), protocol, port: rng.rare(0.2) ? hostileNumber(rng) : rng.pick([80, 443, 8080]) }
  if (rng.chance(0.4)) l.hostname = rng.rare(0.2) ? hostileString(rng) : hostName(rng)
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

function valueMatch(rng: Rng, names: readonly string[]): Obj {
  const type = mostly(rng, ['Exact', 'Exact', 'RegularExpression'], ['Prefix', ''])
  return { name: mostly(rng, names, ['', 'bad name', ':authority']), value: type === 'RegularExpression' ? regexPath(rng) : mostly(rng, ['1', 'canary', 'yes']), ...(rng.chance(0.6) ? { type } : {}) }
}

function match(rng: Rng): Obj {
  const m: Obj = {}
  if (rng.chance(0.8)) {
    const type = mostly(rng, ['PathPrefix', 'Exact', 'RegularExpression'], ['Prefix', 'ImplementationSpecific'])
    m.path = { type, value: type === 'RegularExpression' ? regexPath(rng) : rng.rare(0.3) ? pathValue(rng) : rng.pick(['/', '/foo', '/foos1', '/api/v1', '/a/b/']) }
  }
  if (rng.chance(0.25)) m.headers = Array.from({ length: rng.int(1, 3) }, () => valueMatch(rng, ['X-Env', 'X-Canary', 'Cookie', 'host']))
  if (rng.chance(0.2)) m.queryParams = Array.from({ length: rng.int(1, 2) }, () => valueMatch(rng, ['q', 'debug', 'v']))
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

function pathModifier(rng: Rng): Obj {
  const type = mostly(rng, ['ReplaceFullPath', 'ReplacePrefixMatch'], ['Replace'])
  const value = rng.rare(0.3) ? pathValue(rng) : rng.pick(['/', '/new', '/v2/'])
  return type === 'ReplaceFullPath' ? { type, replaceFullPath: value } : { type, replacePrefixMatch: value, ...(rng.rare(0.1) ? { replaceFullPath: value } : {}) }
}

function backendRef(rng: Rng, filters: boolean): Obj {
  const ref: Obj = { name: mostly(rng, ['s1', 'svc', 'web', 'missing']), port: rng.rare(0.2) ? hostileNumber(rng) : rng.pick([80, 8080, 443]) }
  if (rng.chance(0.3)) ref.weight = rng.rare(0.2) ? hostileNumber(rng) : rng.pick([0, 1, 10, 90])
  if (rng.chance(0.2)) ref.namespace = mostly(rng, GATEWAY_NAMESPACES)
  if (rng.rare(0.1)) ref.kind = rng.pick(['Bucket', 'ServiceImport'])
  if (filters && rng.chance(0.1)) ref.filters = [filter(rng, false)]
  return ref
}

function filter(rng: Rng, backendRefs: boolean): Obj {
  const type = mostly(rng, ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite', 'RequestMirror'], ['ExtensionRef', 'CORS', 'Nope'])
  switch (type) {
    case 'RequestHeaderModifier': return { type, requestHeaderModifier: headerModifier(rng) }
    case 'ResponseHeaderModifier': return { type, responseHeaderModifier: headerModifier(rng) }
    case 'RequestRedirect': {
      const redirect: Obj = {}
      if (rng.chance(0.5)) redirect.scheme = mostly(rng, ['https', 'http'], ['ftp'])
      if (rng.chance(0.3)) redirect.hostname = rng.rare(0.3) ? hostileString(rng) : rng.pick(['example.com', 'www.example.com'])
      if (rng.chance(0.3)) redirect.port = rng.rare(0.3) ? hostileNumber(rng) : rng.pick([80, 443, 8443])
      if (rng.chance(0.3)) redirect.path = pathModifier(rng)
      if (rng.chance(0.5)) redirect.statusCode = mostly(rng, [301, 302, 303, 307, 308], [200, 404])
      return { type, requestRedirect: redirect }
    }
    case 'URLRewrite': return { type, urlRewrite: { ...(rng.chance(0.5) ? { hostname: rng.rare(0.3) ? hostileString(rng) : 'rewritten.example' } : {}), ...(rng.chance(0.7) ? { path: pathModifier(rng) } : {}) } }
    case 'RequestMirror': return { type, requestMirror: { backendRef: backendRef(rng, false), ...(rng.chance(0.3) ? { percent: mostly(rng, [0, 50, 100], [101, -1]) } : {}) } }
    case 'ExtensionRef': return { type, extensionRef: { group: 'example.com', kind: 'Thing', name: 'x' } }
    default: return { type, ...(backendRefs && rng.chance(0.5) ? { requestHeaderModifier: headerModifier(rng) } : {}) }
  }
}

export function httpRouteObject(rng: Rng): Obj {
  const parentRefs = Array.from({ length: rng.int(rng.rare(0.5) ? 0 : 1, 2) }, () => {
    const ref: Obj = { name: mostly(rng, GATEWAY_NAMES, ['missing']) }
    if (rng.chance(0.25)) ref.namespace = mostly(rng, GATEWAY_NAMESPACES)
    if (rng.chance(0.25)) ref.sectionName = mostly(rng, ['http', 'https', 'l0', 'l1'], ['missing'])
    if (rng.chance(0.15)) ref.port = rng.rare(0.3) ? hostileNumber(rng) : rng.pick([80, 443, 8080])
    if (rng.rare(0.1)) ref.kind = rng.pick(['Service', 'Ingress'])
    return ref
  })
  const rules = Array.from({ length: rng.int(rng.rare(0.3) ? 0 : 1, 4) }, () => {
    const rule: Obj = {}
    if (rng.chance(0.8)) rule.matches = Array.from({ length: rng.int(1, 3) }, () => match(rng))
    if (rng.chance(0.35)) rule.filters = Array.from({ length: rng.int(1, 2) }, () => filter(rng, true))
    if (rng.chance(0.9)) rule.backendRefs = Array.from({ length: rng.int(1, 3) }, () => backendRef(rng, true))
    if (rng.chance(0.1)) rule.timeouts = { request: mostly(rng, ['10s', '1m', '500ms'], ['10', '-1s', '1h1h']) }
    if (rng.chance(0.1)) rule.name = mostly(rng, ['api', 'fallback'])
    return rule
  })
  const spec: Obj = { parentRefs, rules }
  if (rng.chance(0.7)) spec.hostnames = Array.from({ length: rng.int(1, 2) }, () => (rng.rare(0.2) ? hostileString(rng) : hostName(rng)))
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
  const objects: Obj[] = [gatewayObject(rng)]
  if (rng.chance(0.3)) objects.push(gatewayClassObject(rng))
  for (let i = rng.int(1, 3); i > 0; i--) objects.push(httpRouteObject(rng))
  if (rng.chance(0.15)) objects.push(gatewayObject(rng))
  if (rng.chance(0.15)) objects.push(referenceGrantObject(rng))
  return objects
}
