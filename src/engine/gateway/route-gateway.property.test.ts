/**
 * Properties of Gateway API routing (issue 15), over generated Gateways and HTTPRoutes written as YAML and read
 * through the model stage and compileGateways:
 * - adding a route that matches nothing never changes another request's answer;
 * - reordering the documents never changes any answer (routes have distinct names, some a creationTimestamp and some
 *   none, so age is decided by the spec's tie-breaks — route-age.ts — never by document order);
 * - the indexed search answers what a brute force over every rule of every route (from the routes as written, not
 *   compile's output; listeners with and without hostnames; raw timestamps, some unreadable) answers, by the
 *   spec's precedence written out here independently (httproute_types.go HTTPRouteSpec.hostnames, HTTPRouteRule.matches).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinDocuments } from '../testing/manifests'
import { modelOf } from '../testing/models'
import { compileGateways } from './compile-gateways'
import { hostnameMatches } from './hostname-match'
import { routeGatewayRequest } from './route-gateway-request'
import type { CompiledGateways, GatewayRequest, GatewayRouteResult } from './types'

function gatewayYaml(listenerHostname: string | null): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: studio
  listeners:
  - {name: http, port: 80, protocol: HTTP${listenerHostname === null ? '' : `, hostname: "${listenerHostname}"`}, allowedRoutes: {namespaces: {from: All}}}
`
}
const GATEWAY = gatewayYaml(null)
/** Listener hostnames for the brute-force property: a route's own hostname, not the listener-narrowed one, ranks it. */
const LISTENER_HOSTNAMES = [null, null, 'a.example.com', '*.example.com', 'x.a.example.com']
const HOSTNAMES = ['a.example.com', '*.example.com', 'b.example.com', 'x.a.example.com']
const PATHS = ['/', '/a', '/a/', '/a/b', '/b', '/ab']
/**
 * '' writes no creationTimestamp (the route is created when applied: younger than any with one); one without an
 * offset is not RFC 3339, so unreadable: it counts as absent whatever the machine's time zone.
 */
const TIMES = ['2024-01-01T00:00:00Z', '2024-01-02T09:00:00+09:00', '2024-01-02T00:00:01Z', '2024-01-03T00:00:00Z', '2024-01-01T05:00:00', '']
/** Each time's age by hand: the order by instant (the second is 2024-01-02T00:00:00Z), the unreadable one as absent. */
const TIME_AGE: Readonly<Record<string, number>> = {
  '2024-01-01T00:00:00Z': 0, '2024-01-02T09:00:00+09:00': 1, '2024-01-02T00:00:01Z': 2, '2024-01-03T00:00:00Z': 3, '2024-01-01T05:00:00': 4, '': 4,
}

interface MatchSpec {
  readonly type: 'Exact' | 'PathPrefix'
  readonly path: string
  readonly header: string | null
  readonly method: 'GET' | 'POST' | null
  readonly query: string | null
}
interface RouteSpec {
  readonly namespace: string
  readonly time: string
  readonly hostnames: readonly string[]
  readonly rules: readonly (readonly MatchSpec[])[]
}

/** `null` three times in four: a match with every condition would rarely meet a request. */
function rarely<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: arb, weight: 1 })
}

const matchArb: fc.Arbitrary<MatchSpec> = fc.record({
  type: fc.constantFrom('Exact' as const, 'PathPrefix' as const, 'PathPrefix' as const),
  path: fc.constantFrom(...PATHS),
  header: rarely(fc.constantFrom('1', '2')),
  method: rarely(fc.constantFrom('GET' as const, 'POST' as const)),
  query: rarely(fc.constantFrom('1', '2')),
})
const routeArb: fc.Arbitrary<RouteSpec> = fc.record({
  namespace: fc.constantFrom('default', 'team-a', 'team-b'),
  time: fc.constantFrom(...TIMES),
  hostnames: fc.subarray(HOSTNAMES, { maxLength: 2 }),
  rules: fc.array(fc.array(matchArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
})
const requestArb: fc.Arbitrary<GatewayRequest> = fc.record({
  host: fc.constantFrom('a.example.com', 'b.example.com', 'c.example.com', 'x.a.example.com', 'a.example.com', 'example.com', '10.0.0.1'),
  path: fc.constantFrom('/', '/a', '/a/', '/a/b', '/a/b', '/a/bc', '/ab', '/b/x', '/c'),
  header: fc.option(fc.constantFrom('1', '2'), { nil: null, freq: 4 }),
  method: fc.constantFrom('GET', 'GET', 'POST'),
  query: fc.option(fc.constantFrom('1', '2'), { nil: null, freq: 4 }),
}).map(({ host, path, header, method, query }) => ({
  url: `http://${host}${path}${query === null ? '' : `?q=${query}`}`,
  method,
  ...(header === null ? {} : { headers: { 'X-V': header } }),
}))

function matchYaml(m: MatchSpec): string {
  const parts = [`path: {type: ${m.type}, value: "${m.path}"}`]
  if (m.header !== null) parts.push(`headers: [{name: x-v, value: "${m.header}"}]`)
  if (m.query !== null) parts.push(`queryParams: [{name: q, value: "${m.query}"}]`)
  if (m.method !== null) parts.push(`method: ${m.method}`)
  return `{${parts.join(', ')}}`
}

function routeYaml(route: RouteSpec, index: number): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: route-${index}, namespace: ${route.namespace}${route.time === '' ? '' : `, creationTimestamp: "${route.time}"`}}
spec:
  parentRefs: [{name: gw, namespace: default}]
${route.hostnames.length > 0 ? `  hostnames: [${route.hostnames.map((h) => `"${h}"`).join(', ')}]\n` : ''}  rules:
${route.rules.map((matches, r) => `  - matches: [${matches.map(matchYaml).join(', ')}]\n    backendRefs: [{name: svc-${index}-${r}, port: 80}]\n`).join('')}`
}

/** A route no generated request can match: its only path is never requested. */
function silentRouteYaml(index: number, time: string, hostnames: readonly string[]): string {
  return routeYaml({ namespace: 'default', time, hostnames, rules: [[{ type: 'PathPrefix', path: '/never-requested', header: null, method: null, query: null }]] }, index)
}

function compile(documents: readonly string[], gateway = GATEWAY): CompiledGateways {
  return compileGateways(modelOf(joinDocuments(gateway, ...documents)))
}

/** The answer without its trace (the trace counts the routes on the listener, which the silent route changes). */
function answer(compiled: CompiledGateways, request: GatewayRequest): Omit<GatewayRouteResult, 'trace'> {
  const { trace: _trace, ...rest } = routeGatewayRequest(compiled, 'default/gw', request, { trace: false })
  return rest
}

describe('Gateway API routing properties', () => {
  it('adding a route that matches nothing never changes another request\'s answer', () => {
    fc.assert(fc.property(
      fc.array(routeArb, { minLength: 1, maxLength: 6 }), fc.constantFrom(...TIMES), fc.subarray(HOSTNAMES, { maxLength: 2 }),
      fc.nat(6), fc.array(requestArb, { minLength: 1, maxLength: 8 }),
      (routes, time, hostnames, at, requests) => {
        const documents = routes.map(routeYaml)
        const before = compile(documents)
        const withSilent = [...documents]
        withSilent.splice(Math.min(at, documents.length), 0, silentRouteYaml(routes.length, time, hostnames))
        const after = compile(withSilent)
        for (const request of requests) expect(answer(after, request), request.url).toEqual(answer(before, request))
      },
    ), { seed: 15, numRuns: 60 })
  }, 120_000)

  it('reordering the documents never changes any answer', () => {
    fc.assert(fc.property(
      fc.array(routeArb, { minLength: 2, maxLength: 6 }).chain((routes) => fc.tuple(fc.constant(routes), fc.shuffledSubarray(routes.map((_, i) => i), { minLength: routes.length }))),
      fc.array(requestArb, { minLength: 1, maxLength: 8 }),
      ([routes, order], requests) => {
        const documents = routes.map(routeYaml)
        const straight = compile(documents)
        const shuffled = compile(order.map((i) => documents[i] as string))
        for (const request of requests) expect(answer(shuffled, request), request.url).toEqual(answer(straight, request))
      },
    ), { seed: 15, numRuns: 60 })
  }, 120_000)

  it('never throws on any URL, method or header, and answers a status the spec knows', () => {
    const compiled = compile([routeYaml({ namespace: 'default', time: TIMES[0] as string, hostnames: [], rules: [[{ type: 'PathPrefix', path: '/', header: '1', method: null, query: null }]] }, 0)])
    const statuses = new Set([0, 200, 400, 404, 421, 500, 503])
    const text = fc.string({ unit: 'binary', maxLength: 40 })
    fc.assert(fc.property(
      fc.oneof(text, text.map((t) => `http://${t}`), text.map((t) => `https://a.example.com:${t}`), text.map((t) => `http://h/${t}`)),
      fc.option(text, { nil: undefined }), fc.dictionary(text, text, { maxKeys: 3 }), fc.boolean(),
      (url, method, headers, trace) => {
        const result = routeGatewayRequest(compiled, 'default/gw', { url, ...(method === undefined ? {} : { method }), headers }, { trace })
        expect(statuses.has(result.status), `${result.status} for ${url}`).toBe(true)
      },
    ), { seed: 15, numRuns: 500 })
  }, 120_000)

  it('the indexed search picks what a brute force over every rule picks by the spec\'s precedence', () => {
    fc.assert(fc.property(fc.array(routeArb, { minLength: 1, maxLength: 8 }), fc.array(requestArb, { minLength: 1, maxLength: 16 }), fc.constantFrom(...LISTENER_HOSTNAMES), (routes, requests, listenerHostname) => {
      const compiled = compile(routes.map(routeYaml), gatewayYaml(listenerHostname))
      for (const request of requests) {
        const expected = bruteForce(routes, listenerHostname, request)
        const result = routeGatewayRequest(compiled, 'default/gw', request, { trace: false })
        const got = result.route === null ? null : `${result.route.namespace}/${result.route.name}#${result.route.rule}.${result.matchIndex}`
        expect(got, request.url).toBe(expected)
      }
    }), { seed: 15, numRuns: 200 })
  }, 120_000)
})

/**
 * The spec's precedence, written out from the routes as written (not from compile's output): every (route's own
 * hostname, route, rule, match) that matches, sorted by its key; age from the raw creationTimestamps by hand
 * (`TIME_AGE`), then namespace/name.
 */
function bruteForce(routes: readonly RouteSpec[], listenerHostname: string | null, request: GatewayRequest): string | null {
  const url = new URL(request.url)
  const host = url.hostname
  const path = url.pathname
  const q = url.searchParams.get('q')
  const header = request.headers?.['X-V'] ?? null
  // The one listener takes the Host only when its hostname (if any) matches it.
  if (listenerHostname !== null && !hostnameMatches(listenerHostname, host)) return null
  let best: { key: (number | string)[]; id: string } | null = null
  routes.forEach((route, routeIndex) => {
    const names = route.hostnames.length === 0 ? [null] : route.hostnames.filter((h) => hostnameMatches(h, host))
    const key0 = `${route.namespace}/route-${routeIndex}`
    const age = TIME_AGE[route.time] as number
    for (const name of names) {
      const precise = name === null || name.startsWith('*.') ? 0 : name.length
      const length = name === null ? 0 : name.length
      route.rules.forEach((rule, ruleIndex) => rule.forEach((m, matchIndex) => {
        const value = m.path
        const trimmed = value.endsWith('/') ? value.slice(0, -1) : value
        const pathOk = m.type === 'Exact' ? path === value : trimmed === '' || path === trimmed || path.startsWith(trimmed + '/')
        if (!pathOk) return
        if (m.method !== null && m.method !== (request.method ?? 'GET')) return
        if (m.header !== null && m.header !== header) return
        if (m.query !== null && m.query !== q) return
        const conditions = (n: string | null): number => (n === null ? 0 : 1)
        const key = [-precise, -length, m.type === 'Exact' ? 0 : 1, -value.length, m.method === null ? 1 : 0, -conditions(m.header), -conditions(m.query), age, key0, ruleIndex, matchIndex]
        if (best === null || compareKeys(key, best.key) < 0) best = { key, id: `${key0}#${ruleIndex}.${matchIndex}` }
      }))
    }
  })
  return (best as { id: string } | null)?.id ?? null
}

function compareKeys(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number | string
    const y = b[i] as number | string
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}
