/**
 * routeGatewayRequest end to end: YAML through the model stage and compileGateways, then requests. Each table
 * cites the specification field or the conformance test (conformance/tests/<name>.go at v1.6.1) it transcribes.
 */
import { describe, expect, it } from 'vitest'
import { formatMessage } from '../messages/render'
import { createRandom } from '../route/random'
import { deploymentYaml, joinDocuments, serviceYaml } from '../testing/manifests'
import { modelOf } from '../testing/models'
import { compileGateways } from './compile-gateways'
import { routeGatewayRequest } from './route-gateway-request'
import type { CompiledGateways, GatewayRequest, GatewayRouteResult } from './types'

const NS = 'gateway-conformance-infra'

function gatewayYaml(name: string, listeners: string, namespace = NS): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  gatewayClassName: studio
  listeners:
${listeners}`
}

function routeYaml(name: string, spec: string, meta = ''): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${NS}${meta}}
spec:
${spec}`
}

/** A Service (port 8080) and a Deployment of `replicas` pods in the conformance namespace. */
function backendYaml(name: string, replicas: number): string {
  return joinDocuments(serviceYaml(name, { namespace: NS, ports: [{ port: 8080, targetPort: 8080 }] }), deploymentYaml(name, { namespace: NS, replicas }))
}

function compiled(...documents: string[]): CompiledGateways {
  return compileGateways(modelOf(joinDocuments(...documents)))
}

function route(c: CompiledGateways, gateway: string, request: GatewayRequest | string, options = {}): GatewayRouteResult {
  return routeGatewayRequest(c, `${NS}/${gateway}`, typeof request === 'string' ? { url: request } : request, options)
}

function words(result: GatewayRouteResult): string {
  return result.trace.map((m) => formatMessage(m)).join('\n')
}

/** `service` for a proxied answer, else the status. */
function outcome(result: GatewayRouteResult): string | number {
  return result.status === 200 ? (result.service as string) : result.status
}

const SAME_NAMESPACE = gatewayYaml('same-namespace', '  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}\n')

describe('listener isolation (conformance GatewayHTTPListenerIsolation; gateway_types.go GatewaySpec.listeners)', () => {
  const listeners = ['empty-hostname', 'wildcard-example-com', 'wildcard-foo-example-com', 'abc-foo-example-com']
  const hostnames = [null, '*.example.com', '*.foo.example.com', 'abc.foo.example.com']
  const c = compiled(
    gatewayYaml('http-listener-isolation', listeners.map((name, i) =>
      `  - {name: ${name}, port: 80, protocol: HTTP${hostnames[i] ? `, hostname: "${hostnames[i]}"` : ''}, allowedRoutes: {namespaces: {from: All}}}\n`).join('')),
    ...listeners.map((name) => routeYaml(`attaches-to-${name}`, `  parentRefs: [{name: http-listener-isolation, sectionName: ${name}}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /${name}}}]
    backendRefs: [{name: ${name}, port: 8080}]
`)),
  )
  // [host, the path whose route answers; every other path answers 404]
  const rows: [string, string][] = [
    ['bar.com', 'empty-hostname'],
    ['bar.example.com', 'wildcard-example-com'],
    ['bar.foo.example.com', 'wildcard-foo-example-com'],
    ['abc.foo.example.com', 'abc-foo-example-com'],
  ]
  for (const [host, served] of rows) {
    it.each(listeners)(`${host} /%s`, (path) => {
      const result = route(c, 'http-listener-isolation', `http://${host}/${path}`)
      expect(outcome(result)).toBe(path === served ? served : 404)
      expect(result.listener).toBe(served)
    })
  }
})

describe('hostname intersection (conformance HTTPRouteHostnameIntersection)', () => {
  const c = compiled(
    gatewayYaml('httproute-hostname-intersection', `  - {name: listener-1, port: 80, protocol: HTTP, hostname: very.specific.com}
  - {name: listener-2, port: 80, protocol: HTTP, hostname: "*.wildcard.io"}
  - {name: listener-3, port: 80, protocol: HTTP, hostname: "*.anotherwildcard.io"}
`),
    routeYaml('specific-host-matches-listener-specific-host', `  parentRefs: [{name: httproute-hostname-intersection}]
  hostnames: [non.matching.com, "*.nonmatchingwildcard.io", very.specific.com]
  rules: [{matches: [{path: {type: PathPrefix, value: /s1}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}]
`),
    routeYaml('specific-host-matches-listener-wildcard-host', `  parentRefs: [{name: httproute-hostname-intersection}]
  hostnames: [non.matching.com, wildcard.io, foo.wildcard.io, bar.wildcard.io, foo.bar.wildcard.io]
  rules: [{matches: [{path: {type: PathPrefix, value: /s2}}], backendRefs: [{name: infra-backend-v2, port: 8080}]}]
`),
    routeYaml('wildcard-host-matches-listener-specific-host', `  parentRefs: [{name: httproute-hostname-intersection}]
  hostnames: [non.matching.com, "*.specific.com"]
  rules: [{matches: [{path: {type: PathPrefix, value: /s3}}], backendRefs: [{name: infra-backend-v3, port: 8080}]}]
`),
    routeYaml('wildcard-host-matches-listener-wildcard-host', `  parentRefs: [{name: httproute-hostname-intersection}]
  hostnames: ["*.anotherwildcard.io"]
  rules: [{matches: [{path: {type: PathPrefix, value: /s4}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}]
`),
  )
  const rows: [string, string, string | number][] = [
    ['very.specific.com', '/s1', 'infra-backend-v1'],
    ['very.specific.com:1234', '/s1', 'infra-backend-v1'],
    ['non.matching.com', '/s1', 404],
    ['foo.nonmatchingwildcard.io', '/s1', 404],
    ['foo.wildcard.io', '/s1', 404],
    ['very.specific.com', '/non-matching-prefix', 404],
    ['foo.wildcard.io', '/s2', 'infra-backend-v2'],
    ['bar.wildcard.io', '/s2', 'infra-backend-v2'],
    ['foo.bar.wildcard.io', '/s2', 'infra-backend-v2'],
    ['wildcard.io', '/s2', 404],
    ['very.specific.com', '/s2', 404],
    ['very.specific.com', '/s3', 'infra-backend-v3'],
    ['foo.specific.com', '/s3', 404],
    ['foo.anotherwildcard.io', '/s4', 'infra-backend-v1'],
    ['foo.bar.anotherwildcard.io', '/s4', 'infra-backend-v1'],
    ['anotherwildcard.io', '/s4', 404],
  ]
  it.each(rows)('Host %s %s → %s', (host, path, expected) => {
    expect(outcome(route(c, 'httproute-hostname-intersection', { url: `http://gateway${path}`, headers: { Host: host } }))).toBe(expected)
  })
})

describe('match precedence', () => {
  it('orders paths (conformance HTTPRoutePathMatchOrder)', () => {
    const c = compiled(SAME_NAMESPACE, routeYaml('path-matching-order', `  parentRefs: [{name: same-namespace}]
  rules:
  - {matches: [{path: {type: Exact, value: /match}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}
  - {matches: [{path: {type: Exact, value: /match/exact}}], backendRefs: [{name: infra-backend-v2, port: 8080}]}
  - {matches: [{path: {type: Exact, value: /match/exact/one}}], backendRefs: [{name: infra-backend-v3, port: 8080}]}
  - {matches: [{path: {type: PathPrefix, value: /match/}}], backendRefs: [{name: infra-backend-v3, port: 8080}]}
  - {matches: [{path: {type: PathPrefix, value: /match/prefix/}}], backendRefs: [{name: infra-backend-v1, port: 8080}]}
  - {matches: [{path: {type: PathPrefix, value: /match/prefix/one}}], backendRefs: [{name: infra-backend-v2, port: 8080}]}
`))
    const rows: [string, string][] = [
      ['/match/exact/one', 'infra-backend-v3'],
      ['/match/exact', 'infra-backend-v2'],
      ['/match', 'infra-backend-v1'],
      ['/match/prefix/one/any', 'infra-backend-v2'],
      ['/match/prefix/any', 'infra-backend-v1'],
      ['/match/any', 'infra-backend-v3'],
    ]
    for (const [path, backend] of rows) expect(outcome(route(c, 'same-namespace', `http://example.com${path}`)), path).toBe(backend)
  })

  it('orders matches across routes: headers beat a path tie (conformance HTTPRouteMatchingAcrossRoutes)', () => {
    const c = compiled(SAME_NAMESPACE,
      routeYaml('matching-part1', `  parentRefs: [{name: same-namespace}]
  hostnames: [example.com, example.net]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}, {headers: [{name: version, value: one}]}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
`),
      routeYaml('matching-part2', `  parentRefs: [{name: same-namespace}]
  hostnames: [example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /v2}}, {headers: [{name: version, value: two}]}]
    backendRefs: [{name: infra-backend-v2, port: 8080}]
`))
    const rows: [string, string, Record<string, string>, string][] = [
      ['example.com', '/', {}, 'infra-backend-v1'],
      ['example.com', '/example', {}, 'infra-backend-v1'],
      ['example.net', '/example', {}, 'infra-backend-v1'],
      ['example.com', '/example', { Version: 'one' }, 'infra-backend-v1'],
      ['example.com', '/v2', {}, 'infra-backend-v2'],
      ['example.net', '/v2', {}, 'infra-backend-v1'],
      ['example.com', '/v2/example', {}, 'infra-backend-v2'],
      ['example.com', '/', { Version: 'two' }, 'infra-backend-v2'],
    ]
    for (const [host, path, headers, backend] of rows) {
      expect(outcome(route(c, 'same-namespace', { url: `http://${host}${path}`, headers })), `${host}${path}`).toBe(backend)
    }
    const traced = route(c, 'same-namespace', { url: 'http://example.com/', headers: { version: 'two' } })
    expect(words(traced)).toContain('it has more header matches (1 against 0)')
  })

  it('puts a more specific route hostname first, and falls through to a less specific one when its rules do not match (httproute_types.go HTTPRouteSpec.hostnames)', () => {
    const c = compiled(SAME_NAMESPACE,
      routeYaml('wild', `  parentRefs: [{name: same-namespace}]
  hostnames: ["*.example.com"]
  rules: [{matches: [{path: {type: PathPrefix, value: /}}], backendRefs: [{name: wild, port: 8080}]}]
`),
      routeYaml('exact', `  parentRefs: [{name: same-namespace}]
  hostnames: [foo.example.com]
  rules: [{matches: [{path: {type: PathPrefix, value: /api}}], backendRefs: [{name: exact, port: 8080}]}]
`))
    expect(outcome(route(c, 'same-namespace', 'http://foo.example.com/api/x'))).toBe('exact')
    const fell = route(c, 'same-namespace', 'http://foo.example.com/other')
    expect(outcome(fell)).toBe('wild')
    expect(words(fell)).toContain('Envoy-based ones pick a virtual host by hostname first')
    expect(outcome(route(c, 'same-namespace', 'http://bar.example.com/api'))).toBe('wild')
  })

  it('ranks a route by its own matching hostname, not the one the listener narrows it to (httproute_types.go HTTPRouteSpec.hostnames)', () => {
    const listener = gatewayYaml('foo-only', '  - {name: http, port: 80, protocol: HTTP, hostname: foo.example.com, allowedRoutes: {namespaces: {from: Same}}}\n')
    const rules = (svc: string, path: string): string => `  rules: [{matches: [{path: {type: PathPrefix, value: ${path}}}], backendRefs: [{name: ${svc}, port: 8080}]}]\n`
    const c = compiled(listener,
      routeYaml('a-wild', `  parentRefs: [{name: foo-only}]\n  hostnames: ["*.example.com"]\n${rules('wild', '/api')}`),
      routeYaml('b-none', `  parentRefs: [{name: foo-only}]\n${rules('none', '/api/x')}`),
      routeYaml('c-exact', `  parentRefs: [{name: foo-only}]\n  hostnames: [foo.example.com]\n${rules('exact', '/')}`))
    const exact = route(c, 'foo-only', 'http://foo.example.com/api/x')
    expect(outcome(exact)).toBe('exact')
    expect(words(exact)).toContain('more specific than *.example.com')
    const c2 = compiled(listener,
      routeYaml('a-wild', `  parentRefs: [{name: foo-only}]\n  hostnames: ["*.example.com"]\n${rules('wild', '/')}`),
      routeYaml('b-none', `  parentRefs: [{name: foo-only}]\n${rules('none', '/api')}`))
    const wild = route(c2, 'foo-only', 'http://foo.example.com/api/x')
    expect(outcome(wild)).toBe('wild')
    expect(words(wild)).toContain('through its own wildcard hostname *.example.com')
  })

  it('breaks ties by the oldest route, then namespace/name (httproute_types.go HTTPRouteRule.matches)', () => {
    const rule = `  parentRefs: [{name: same-namespace}]\n  rules: [{matches: [{path: {type: PathPrefix, value: /}}], backendRefs: [{name: SVC, port: 8080}]}]\n`
    const older = compiled(SAME_NAMESPACE,
      routeYaml('b-newer', rule.replace('SVC', 'newer'), ', creationTimestamp: "2024-01-02T00:00:00Z"'),
      routeYaml('a-older', rule.replace('SVC', 'older'), ', creationTimestamp: "2024-01-01T00:00:00Z"'))
    const result = route(older, 'same-namespace', 'http://x/')
    expect(outcome(result)).toBe('older')
    expect(words(result)).toContain('is older (creationTimestamp 2024-01-01T00:00:00Z')
    const tie = compiled(SAME_NAMESPACE,
      routeYaml('zeta', rule.replace('SVC', 'zeta'), ', creationTimestamp: "2024-01-01T00:00:00Z"'),
      routeYaml('alpha', rule.replace('SVC', 'alpha'), ', creationTimestamp: "2024-01-01T00:00:00Z"'))
    expect(outcome(route(tie, 'same-namespace', 'http://x/'))).toBe('alpha')
    // Without (readable) timestamps namespace/name decides, and the trace says so (route-age.ts ageReason).
    const untimed = route(compiled(SAME_NAMESPACE,
      routeYaml('zeta', rule.replace('SVC', 'zeta')),
      routeYaml('alpha', rule.replace('SVC', 'alpha'), ', creationTimestamp: "2024-01-01T05:00:00"')), 'same-namespace', 'http://x/')
    expect(outcome(untimed)).toBe('alpha')
    expect(words(untimed)).toContain(`and ${NS}/alpha comes before ${NS}/zeta alphabetically by namespace/name`)
    expect(words(untimed)).not.toContain('document order')
    const local = route(compiled(SAME_NAMESPACE,
      routeYaml('a-local', rule.replace('SVC', 'local'), ', creationTimestamp: "2024-01-01T05:00:00"'),
      routeYaml('b-utc', rule.replace('SVC', 'utc'), ', creationTimestamp: "2024-01-01T00:00:00Z"')), 'same-namespace', 'http://x/')
    expect(outcome(local)).toBe('utc')
    expect(words(local)).toContain('has none or an unreadable one')
  })
})

describe('listener selection by port, protocol and Host', () => {
  const c = compiled(
    gatewayYaml('gw', `  - {name: http, port: 80, protocol: HTTP}
  - {name: alt, port: 8080, protocol: HTTP, hostname: only.example.com}
  - name: https
    port: 443
    protocol: HTTPS
    tls: {certificateRefs: [{name: cert}]}
  - name: https-with-hostname
    port: 443
    protocol: HTTPS
    hostname: second-example.org
    tls: {certificateRefs: [{name: cert}]}
`, NS),
    routeYaml('on-http', `  parentRefs: [{name: gw, sectionName: http}]\n  rules: [{backendRefs: [{name: plain, port: 8080}]}]\n`),
    routeYaml('on-alt', `  parentRefs: [{name: gw, sectionName: alt}]\n  rules: [{backendRefs: [{name: alt, port: 8080}]}]\n`),
    routeYaml('test-1', `  parentRefs: [{name: gw, sectionName: https}]\n  hostnames: [example.org]\n  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]\n`),
    routeYaml('test-2', `  parentRefs: [{name: gw, sectionName: https-with-hostname}]\n  rules: [{backendRefs: [{name: infra-backend-v2, port: 8080}]}]\n`),
  )

  it('takes http on 80 and https on 443 unless the URL names a port', () => {
    expect(route(c, 'gw', 'http://a.test/').listener).toBe('http')
    expect(route(c, 'gw', 'http://only.example.com:8080/').listener).toBe('alt')
    expect(route(c, 'gw', 'https://example.org/').listener).toBe('https')
  })

  it('answers 0 (connection refused) when nothing listens on that port and protocol', () => {
    const none = route(c, 'gw', 'http://a.test:9000/')
    expect(none.status).toBe(0)
    expect(words(none)).toContain('the connection is refused')
    expect(route(c, 'gw', 'https://a.test:80/').status).toBe(0)
  })

  it('answers 404 when listeners on the port exist but none matches the Host (gateway_types.go GatewaySpec.listeners)', () => {
    expect(route(c, 'gw', 'http://other.example.com:8080/').status).toBe(404)
  })

  // conformance HTTPRouteHTTPSListenerDetectMisdirectedRequests: [SNI (the URL's host), Host, status or backend]
  const misdirected: [string, string, string | number][] = [
    ['example.org', 'example.org', 'infra-backend-v1'],
    ['example.org', 'second-example.org', 421],
    ['example.org', 'unknown-example.org', 404],
    ['second-example.org', 'second-example.org', 'infra-backend-v2'],
    ['second-example.org', 'example.org', 421],
    ['second-example.org', 'unknown-example.org', 421],
    ['unknown-example.org', 'example.org', 'infra-backend-v1'],
    ['unknown-example.org', 'unknown-example.org', 404],
  ]
  it.each(misdirected)('SNI %s, Host %s → %s (421 Misdirected Request)', (sni, host, expected) => {
    expect(outcome(route(c, 'gw', { url: `https://${sni}/detect-misdirected-requests`, headers: { host } }))).toBe(expected)
  })

  it('takes an IP address as the Host only through listeners and routes without hostnames', () => {
    const result = route(c, 'gw', 'http://10.1.2.3/')
    expect(outcome(result)).toBe('plain')
    expect(words(result)).toContain('matches only listeners without a hostname and routes without hostnames')
    expect(route(c, 'gw', 'https://10.1.2.3/').status).toBe(404)
  })

  it('answers 400 for a URL that is not http or https, and 0 for an unknown Gateway', () => {
    expect(route(c, 'gw', 'ftp://a/').status).toBe(400)
    expect(route(c, 'gw', 'http://a:99999/').status).toBe(400)
    expect(routeGatewayRequest(c, 'nowhere/gw', { url: 'http://a/' }).status).toBe(0)
  })
})

describe('answer codes and backends (httproute_types.go HTTPRouteRule.backendRefs)', () => {
  it('answers 500 for a rule without backendRefs (conformance HTTPRouteOmittedBackendRefs)', () => {
    const c = compiled(SAME_NAMESPACE, routeYaml('omitted-backendrefs', `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: Exact, value: /omitted-no-forward}}]
  - matches: [{path: {type: Exact, value: /empty-no-forward}}]
    backendRefs: []
  - matches: [{path: {type: PathPrefix, value: /}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
`))
    expect(outcome(route(c, 'same-namespace', 'http://x/forward'))).toBe('infra-backend-v1')
    expect(route(c, 'same-namespace', 'http://x/omitted-no-forward').status).toBe(500)
    expect(route(c, 'same-namespace', 'http://x/empty-no-forward').status).toBe(500)
  })

  it('answers 500 for an invalid backend, 503 without ready endpoints, and says when endpoints are assumed', () => {
    const c = compiled(SAME_NAMESPACE, backendYaml('ready', 2), backendYaml('empty', 0),
      routeYaml('r', `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {value: /ready}}]
    backendRefs: [{name: ready, port: 8080}]
  - matches: [{path: {value: /empty}}]
    backendRefs: [{name: empty, port: 8080}]
  - matches: [{path: {value: /missing}}]
    backendRefs: [{name: missing, port: 8080}]
`))
    expect(route(c, 'same-namespace', 'http://x/ready').status).toBe(200)
    const empty = route(c, 'same-namespace', 'http://x/empty')
    expect([empty.status, empty.service]).toEqual([503, 'empty'])
    const missing = route(c, 'same-namespace', 'http://x/missing')
    expect(missing.status).toBe(500)
    expect(words(missing)).toContain('BackendNotFound')
    const assumed = compiled(SAME_NAMESPACE, routeYaml('r', `  parentRefs: [{name: same-namespace}]\n  rules: [{backendRefs: [{name: nothing-here, port: 8080}]}]\n`))
    const result = route(assumed, 'same-namespace', 'http://x/')
    expect(result.status).toBe(200)
    // Said once: compile's endpointsWhy clause, not a second sentence of the request stage.
    expect(words(result).match(/assum/g)).toHaveLength(1)
    expect(words(result)).toContain('the studio assumes Service')
  })

  it('picks weighted backends with the seeded source, never weight 0, and answers 500 for the share of an invalid one', () => {
    const c = compiled(SAME_NAMESPACE, backendYaml('a', 1), backendYaml('b', 1), backendYaml('zero', 1),
      routeYaml('r', `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {value: /w}}]
    backendRefs: [{name: a, port: 8080, weight: 1}, {name: b, port: 8080, weight: 3}, {name: zero, port: 8080, weight: 0}]
  - matches: [{path: {value: /half}}]
    backendRefs: [{name: a, port: 8080}, {name: gone, port: 8080}]
  - matches: [{path: {value: /none}}]
    backendRefs: [{name: a, port: 8080, weight: 0}]
`))
    const random = createRandom(7)
    const counts: Record<string, number> = {}
    for (let i = 0; i < 4000; i++) {
      const r = route(c, 'same-namespace', 'http://x/w', { random, trace: false })
      counts[String(outcome(r))] = (counts[String(outcome(r))] ?? 0) + 1
    }
    expect(counts.zero).toBeUndefined()
    expect((counts.b as number) / 4000).toBeGreaterThan(0.7)
    expect((counts.b as number) / 4000).toBeLessThan(0.8)
    let errors = 0
    for (let i = 0; i < 2000; i++) if (route(c, 'same-namespace', 'http://x/half', { random, trace: false }).status === 500) errors++
    expect(errors / 2000).toBeGreaterThan(0.45)
    expect(errors / 2000).toBeLessThan(0.55)
    expect(route(c, 'same-namespace', 'http://x/none').status).toBe(500)
    // The same call twice answers the same (a fresh createRandom(1) per call by default).
    expect(route(c, 'same-namespace', 'http://x/w').service).toBe(route(c, 'same-namespace', 'http://x/w').service)
  })
})

describe('filters', () => {
  it('modifies request headers: set overwrites, add appends with a comma, remove drops (conformance HTTPRouteRequestHeaderModifier)', () => {
    const c = compiled(SAME_NAMESPACE, routeYaml('request-header-modifier', `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {value: /set}}]
    filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: X-Header-Set, value: set-overwrites-values}]}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {value: /add}}]
    filters: [{type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: X-Header-Add, value: add-appends-values}]}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {value: /remove}}]
    filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [X-Header-Remove]}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
`))
    const set = route(c, 'same-namespace', { url: 'http://x/set', headers: { 'Some-Other-Header': 'val', 'X-Header-Set': 'some-other-value' } })
    expect(set.requestHeaders).toEqual({ 'some-other-header': 'val', 'x-header-set': 'set-overwrites-values' })
    const add = route(c, 'same-namespace', { url: 'http://x/add', headers: { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value' } })
    expect(add.requestHeaders).toEqual({ 'some-other-header': 'val', 'x-header-add': 'some-other-value,add-appends-values' })
    const remove = route(c, 'same-namespace', { url: 'http://x/remove', headers: { 'X-Header-Remove': 'val', Keep: 'k' } })
    expect(remove.requestHeaders).toEqual({ keep: 'k' })
    expect(route(c, 'same-namespace', 'http://x/none').requestHeaders).toBeNull()
  })

  it('rewrites the path and the host (conformance HTTPRouteRewritePath, HTTPRouteRewriteHost)', () => {
    const c = compiled(SAME_NAMESPACE, routeYaml('rewrite', `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /prefix/one}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /one}}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /full/one}}]
    filters: [{type: URLRewrite, urlRewrite: {hostname: one.example.org, path: {type: ReplaceFullPath, replaceFullPath: /one}}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
`))
    const prefix = route(c, 'same-namespace', 'http://x/prefix/one/two?q=1')
    expect([prefix.rewrittenPath, prefix.rewrittenHost]).toEqual(['/one/two', null])
    const full = route(c, 'same-namespace', 'http://x/full/one/two')
    expect([full.rewrittenPath, full.rewrittenHost, full.requestHeaders?.host]).toEqual(['/one', 'one.example.org', 'one.example.org'])
  })

  it('redirects with the spec\'s port defaults (conformance HTTPRouteRedirectPortAndScheme, HTTPRouteRedirectPath)', () => {
    const redirect = (path: string, filter: string): string => `  - matches: [{path: {type: PathPrefix, value: ${path}}}]
    filters: [{type: RequestRedirect, requestRedirect: {${filter}}}]
`
    const c = compiled(SAME_NAMESPACE,
      gatewayYaml('same-namespace-with-http-listener-on-8080', '  - {name: http, port: 8080, protocol: HTTP}\n'),
      routeYaml('redirects', `  parentRefs: [{name: same-namespace}, {name: same-namespace-with-http-listener-on-8080}]
  rules:
${redirect('/scheme-nil-and-port-nil', 'hostname: example.org')}${redirect('/scheme-nil-and-port-80', 'port: 80, hostname: example.org')}${
  redirect('/scheme-nil-and-port-8080', 'port: 8080, hostname: example.org')}${redirect('/scheme-https-and-port-nil', 'scheme: https, hostname: example.org')}${
  redirect('/scheme-https-and-port-443', 'scheme: https, port: 443, hostname: example.org')}${redirect('/scheme-https-and-port-8443', 'scheme: https, port: 8443, hostname: example.org')}${
  redirect('/original-prefix', 'path: {type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix}')}${
  redirect('/full', 'path: {type: ReplaceFullPath, replaceFullPath: /full-path-replacement}, statusCode: 301')}`))
    const rows: [string, number, string][] = [
      ['/scheme-nil-and-port-nil', 80, 'http://example.org/scheme-nil-and-port-nil'],
      ['/scheme-nil-and-port-80', 80, 'http://example.org/scheme-nil-and-port-80'],
      ['/scheme-nil-and-port-8080', 80, 'http://example.org:8080/scheme-nil-and-port-8080'],
      ['/scheme-https-and-port-nil', 80, 'https://example.org/scheme-https-and-port-nil'],
      ['/scheme-https-and-port-443', 80, 'https://example.org/scheme-https-and-port-443'],
      ['/scheme-https-and-port-8443', 80, 'https://example.org:8443/scheme-https-and-port-8443'],
      ['/scheme-nil-and-port-nil', 8080, 'http://example.org:8080/scheme-nil-and-port-nil'],
      ['/scheme-nil-and-port-80', 8080, 'http://example.org/scheme-nil-and-port-80'],
      ['/scheme-https-and-port-nil', 8080, 'https://example.org/scheme-https-and-port-nil'],
      ['/original-prefix/lemon', 80, 'http://x/replacement-prefix/lemon'],
      ['/full/path/original?a=b', 80, 'http://x/full-path-replacement?a=b'],
    ]
    for (const [path, port, location] of rows) {
      const gateway = port === 80 ? 'same-namespace' : 'same-namespace-with-http-listener-on-8080'
      const result = route(c, gateway, `http://x:${port}${path}`)
      expect([result.status === 301 || result.status === 302, result.location], `${port}${path}`).toEqual([true, location])
    }
    expect(route(c, 'same-namespace', 'http://x/full/a').status).toBe(301)
  })

  it('mirrors, sets response headers, and answers 500 for a filter it cannot apply (httproute_types.go HTTPRouteFilter)', () => {
    const c = compiled(SAME_NAMESPACE, routeYaml('r', `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {value: /mirror}}]
    filters:
    - {type: RequestMirror, requestMirror: {backendRef: {name: infra-backend-v2, port: 8080}}}
    - {type: ResponseHeaderModifier, responseHeaderModifier: {set: [{name: X-Set, value: one}], add: [{name: X-Add, value: two}]}}
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {value: /ext}}]
    filters: [{type: ExtensionRef, extensionRef: {group: example.com, kind: Thing, name: t}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
`))
    const mirrored = route(c, 'same-namespace', 'http://x/mirror')
    expect(mirrored.mirrors).toEqual([{ service: 'infra-backend-v2', namespace: NS, port: 8080 }])
    expect(mirrored.responseHeaders).toEqual({ 'x-set': 'one', 'x-add': 'two' })
    expect(route(c, 'same-namespace', 'http://x/ext').status).toBe(500)
  })
})

describe('refused references in filters', () => {
  it('does not mirror to a refused backendRef and answers 500 for a backendRef filter it cannot apply (httproute_types.go HTTPRequestMirrorFilter.backendRef, HTTPBackendRef.filters)', () => {
    const c = compiled(SAME_NAMESPACE, backendYaml('infra-backend-v1', 1),
      routeYaml('r', `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {value: /mirror}}]
    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: not-there, port: 8080}}}]
    backendRefs: [{name: infra-backend-v1, port: 8080}]
  - matches: [{path: {value: /ext}}]
    backendRefs:
    - name: infra-backend-v1
      port: 8080
      filters: [{type: ExtensionRef, extensionRef: {group: example.com, kind: Thing, name: t}}]
`))
    const mirrored = route(c, 'same-namespace', 'http://x/mirror')
    expect([mirrored.status, mirrored.mirrors]).toEqual([200, []])
    expect(words(mirrored)).toContain('is not configured')
    const ext = route(c, 'same-namespace', 'http://x/ext')
    expect([ext.status, ext.backendIndex]).toEqual([500, 0])
  })

  it('mirrors to the namespace compile resolved the backendRef to (CompiledRule.mirrors), refused or not', () => {
    const c = compiled(SAME_NAMESPACE, backendYaml('infra-backend-v1', 1), backendYaml('infra-backend-v2', 1),
      routeYaml('r', `  parentRefs: [{name: same-namespace}]
  rules:
  - filters:
    - {type: RequestMirror, requestMirror: {backendRef: {name: infra-backend-v2, port: 8080}}}
    - {type: RequestMirror, requestMirror: {backendRef: {name: not-there, port: 8080}}}
    backendRefs: [{name: infra-backend-v1, port: 8080}]
`))
    const rule = c.routes[0]?.rules[0]
    expect(rule?.mirrors).toEqual([{ index: 0, namespace: NS }, { index: 1, namespace: NS }])
    const result = route(c, 'same-namespace', 'http://x/')
    expect(result.mirrors).toEqual([{ service: 'infra-backend-v2', namespace: NS, port: 8080 }])
    expect(words(result)).toContain(`${NS}/not-there`)
  })
})

describe('the method (RFC 9110 §9.1: methods are case-sensitive)', () => {
  it('compares the method as sent: get does not match method GET, and no method is GET', () => {
    const c = compiled(SAME_NAMESPACE, routeYaml('m', `  parentRefs: [{name: same-namespace}]
  rules: [{matches: [{path: {type: PathPrefix, value: /m}, method: GET}], backendRefs: [{name: m, port: 8080}]}]
`))
    expect(outcome(route(c, 'same-namespace', { url: 'http://x/m', method: 'GET' }))).toBe('m')
    expect(outcome(route(c, 'same-namespace', { url: 'http://x/m' }))).toBe('m')
    const lower = route(c, 'same-namespace', { url: 'http://x/m', method: 'get' })
    expect(lower.status).toBe(404)
    expect(lower.outcome).toBe('no-rule')
  })
})

describe('the outcome code (GatewayRouteResult.outcome, gateway-outcome.ts)', () => {
  it('names why each answer is what it is, where the status is decided', () => {
    const rule = (path: string, rest: string): string => `    - matches: [{path: {type: PathPrefix, value: ${path}}}]\n      ${rest}\n`
    const c = compiled(SAME_NAMESPACE, backendYaml('up', 1), backendYaml('down', 0), routeYaml('o', `  parentRefs: [{name: same-namespace}]
  rules:
${rule('/up', 'backendRefs: [{name: up, port: 8080}]')}${rule('/down', 'backendRefs: [{name: down, port: 8080}]')}${rule('/none', 'filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: a, value: b}]}}]')}${rule('/bad', 'backendRefs: [{name: up, port: 8080, kind: Unknown}]')}${rule('/redirect', 'filters: [{type: RequestRedirect, requestRedirect: {hostname: y}}]')}${rule('/ext', 'filters: [{type: ExtensionRef, extensionRef: {group: g, kind: K, name: n}}]\n      backendRefs: [{name: up, port: 8080}]')}`))
    const cases: [string, string, number][] = [
      ['http://x/up', 'proxied', 200], ['http://x/down', 'no-endpoints', 503], ['http://x/none', 'no-backends', 500],
      ['http://x/bad', 'invalid-backend', 500], ['http://x/redirect', 'redirect', 302], ['http://x/ext', 'unsupported-filter', 500],
      ['http://x/other', 'no-rule', 404], ['http://x:81/up', 'no-listener', 0], ['ftp://x/up', 'bad-url', 400],
    ]
    for (const trace of [true, false]) {
      for (const [url, code, status] of cases) {
        const result = route(c, 'same-namespace', url, { trace })
        expect([url, result.outcome, result.status]).toEqual([url, code, status])
      }
      expect(routeGatewayRequest(c, 'nowhere/gw', { url: 'http://x/' }, { trace }).outcome).toBe('no-gateway')
    }
  })
})

describe('the trace', () => {
  it('is empty with the trace off and the answer is the same', () => {
    const c = compiled(SAME_NAMESPACE, routeYaml('r', `  parentRefs: [{name: same-namespace}]\n  rules: [{backendRefs: [{name: a, port: 8080}]}]\n`))
    const on = route(c, 'same-namespace', 'http://x/')
    const off = route(c, 'same-namespace', 'http://x/', { trace: false })
    expect(off.trace).toEqual([])
    expect({ ...off, trace: [] }).toEqual({ ...on, trace: [] })
    expect(on.trace.length).toBeGreaterThan(3)
    expect(formatMessage(on.trace[1] as NonNullable<(typeof on.trace)[number]>, 'ko')).toContain('리스너')
  })
})
