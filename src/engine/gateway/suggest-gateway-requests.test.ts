/**
 * suggestGatewayRequests: the example requests through a Gateway, each one routed back through
 * `routeGatewayRequest` to check that it lands on the rule it was made for (the 404 example on nothing). Match
 * semantics come from httproute_types.go (HTTPRouteMatch, HTTPPathMatch) as docs/gateway-api.md transcribes them.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXAMPLES_MAX, type ExampleRequest } from '../graph/suggest-requests'
import { joinDocuments, secretYaml } from '../testing/manifests'
import { modelOf } from '../testing/models'
import { compileGateways } from './compile-gateways'
import { routeGatewayRequest } from './route-gateway-request'
import { suggestGatewayRequests } from './suggest-gateway-requests'
import type { CompiledGateways } from './types'

const NS = 'infra'
const fixture = (name: string): string => readFileSync(new URL(`../tls/fixtures/${name}`, import.meta.url), 'utf8')
const CERTIFICATE = secretYaml('certificate', { namespace: NS, type: 'kubernetes.io/tls', stringData: { 'tls.crt': fixture('valid.crt'), 'tls.key': fixture('valid.key') } })

function gatewayYaml(listeners: string, extra = ''): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ${NS}}
spec:
  gatewayClassName: studio
${extra}  listeners:
${listeners}`
}

function routeYaml(name: string, hostnames: string, rules: string, sectionName = ''): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${NS}}
spec:
  parentRefs: [{name: gw${sectionName ? `, sectionName: ${sectionName}` : ''}}]
  hostnames: [${hostnames}]
  rules:
${rules}`
}

const HTTP = '  - {name: http, port: 80, protocol: HTTP}\n'

function compiled(...documents: string[]): CompiledGateways {
  return compileGateways(modelOf(joinDocuments(...documents)))
}

/** `METHOD url [header: value…]` per example, for readable expectations. */
function line(example: ExampleRequest): string {
  const headers = Object.entries(example.request.headers ?? {}).map(([name, value]) => ` ${name}: ${value}`).join('')
  return `${example.kind} ${example.request.method ?? 'GET'} ${example.request.url}${headers}`
}

/** Each rule example routed back: `route#rule`, and the 404 example's status. */
function landings(c: CompiledGateways, examples: readonly ExampleRequest[]): string[] {
  return examples.map((example) => {
    const result = routeGatewayRequest(c, `${NS}/gw`, example.request, { trace: false })
    return result.route ? `${result.route.name}#${result.route.rule}` : `${result.status}`
  })
}

describe('suggestGatewayRequests', () => {
  it('one request per rule from its first match: path, header, method, query; a real regular expression suggests nothing; then a 404', () => {
    const c = compiled(gatewayYaml(HTTP), routeYaml('shop', 'shop.example', `  - matches: [{path: {type: PathPrefix, value: /cart}, headers: [{name: x-canary, value: "true"}]}]
  - matches: [{path: {type: PathPrefix, value: /cart}}]
  - matches: [{path: {type: Exact, value: /about}}, {path: {type: Exact, value: /about-us}}]
  - matches: [{path: {type: PathPrefix, value: /orders}, method: POST}]
  - matches: [{path: {type: PathPrefix, value: /search}, queryParams: [{name: q, value: a b}]}]
  - matches: [{path: {type: RegularExpression, value: "/v[0-9]+"}}]
  - matches: [{path: {type: RegularExpression, value: /static}}]
`))
    const examples = suggestGatewayRequests(c, `${NS}/gw`)
    expect(examples.map(line)).toEqual([
      'match GET http://shop.example/cart x-canary: true',
      'path GET http://shop.example/cart',
      'path GET http://shop.example/about',
      'match POST http://shop.example/orders',
      'match GET http://shop.example/search?q=a%20b',
      'path GET http://shop.example/static',
      // The listener takes any host, the route only shop.example: another host reaches no route.
      'unknown-host GET http://unknown.example/cart',
    ])
    expect(landings(c, examples)).toEqual(['shop#0', 'shop#1', 'shop#2', 'shop#3', 'shop#4', 'shop#6', '404'])
  })

  it.each([
    // [listener, route hostnames, gateway spec extra, expected URL of the rule, source]
    ['  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: certificate}]}}\n', 'shop.example', '', 'https://shop.example/a', 'HTTPS listener: https, port 443 omitted'],
    ['  - {name: https, port: 8443, protocol: HTTPS, hostname: "*.secure.example", tls: {certificateRefs: [{name: certificate}]}}\n', '', '', 'https://www.secure.example:8443/a', 'a wildcard listener hostname made concrete, its port kept'],
    ['  - {name: http, port: 8080, protocol: HTTP}\n', '"*.shop.example"', '', 'http://www.shop.example:8080/a', 'a wildcard route hostname'],
    ['  - {name: http, port: 80, protocol: HTTP, hostname: api.example}\n', '', '', 'http://api.example/a', 'the listener hostname'],
    [HTTP, '', '  addresses: [{type: IPAddress, value: 192.0.2.10}]\n', 'http://192.0.2.10/a', 'no hostname: the Gateway address'],
    [HTTP, '', '', 'http://gateway.example/a', 'no hostname, no address'],
  ])('%#: %s → %s', (listener, hostnames, extra, url) => {
    const c = compiled(CERTIFICATE, gatewayYaml(listener, extra), routeYaml('r', hostnames, '  - matches: [{path: {type: Exact, value: /a}}]\n'))
    const examples = suggestGatewayRequests(c, `${NS}/gw`)
    expect(examples[0]?.request.url).toBe(url)
    expect(landings(c, examples)[0]).toBe('r#0')
    // Whatever 404 example follows answers 404.
    expect(landings(c, examples).slice(1).every((landing) => landing === '404')).toBe(true)
  })

  it('a shadowed rule suggests nothing (the older route wins the identical match), a PathPrefix / leaves no 404 to show', () => {
    const c = compiled(gatewayYaml(HTTP),
      routeYaml('a', '', '  - matches: [{path: {type: PathPrefix, value: /}}]\n'),
      routeYaml('b', '', '  - matches: [{path: {type: PathPrefix, value: /}}]\n'))
    expect(landings(c, suggestGatewayRequests(c, `${NS}/gw`))).toEqual(['a#0'])
  })

  it('a path no rule matches when every host reaches a route; nothing for an unknown Gateway; capped at EXAMPLES_MAX with the 404 last', () => {
    // A route has at most 16 rules (httproute_types.go HTTPRouteSpec.Rules): two routes of ten.
    const rules = (from: number) => Array.from({ length: 10 }, (_, i) => `  - matches: [{path: {type: Exact, value: /p${from + i}}}]\n`).join('')
    const c = compiled(gatewayYaml(HTTP), routeYaml('r', '', rules(0)), routeYaml('s', '', rules(10)))
    const examples = suggestGatewayRequests(c, `${NS}/gw`)
    expect(examples).toHaveLength(EXAMPLES_MAX)
    expect(examples.at(-1)).toEqual({ kind: 'no-match', request: { url: 'http://gateway.example/no-rule-matches-this' } })
    expect(landings(c, examples).at(-1)).toBe('404')
    expect(suggestGatewayRequests(c, `${NS}/other`)).toEqual([])
  })

  it('property: every suggestion lands on the rule it was made for, each rule at most once, the 404 on nothing', () => {
    const value = fc.constantFrom('/a', '/a/b', '/b', '/', '/a/')
    const match = fc.record({
      type: fc.constantFrom('Exact', 'PathPrefix', 'RegularExpression'),
      value,
      header: fc.option(fc.constantFrom('x-a', 'x-b'), { nil: undefined }),
      method: fc.option(fc.constantFrom('GET', 'POST'), { nil: undefined }),
    })
    const route = fc.record({ hostname: fc.constantFrom('', 'a.example', '"*.example"'), rules: fc.array(match, { minLength: 1, maxLength: 4 }) })
    fc.assert(fc.property(fc.array(route, { minLength: 1, maxLength: 3 }), (routes) => {
      const c = compiled(gatewayYaml(HTTP), ...routes.map((r, i) => routeYaml(`r${i}`, r.hostname, r.rules.map((m) =>
        `  - matches: [{path: {type: ${m.type}, value: "${m.value}"}${m.header ? `, headers: [{name: ${m.header}, value: "1"}]` : ''}${m.method ? `, method: ${m.method}` : ''}}]\n`).join(''))))
      const examples = suggestGatewayRequests(c, `${NS}/gw`)
      const landed = landings(c, examples)
      const ruleLandings = landed.filter((_, i) => examples[i]?.kind !== 'unknown-host' && examples[i]?.kind !== 'no-match')
      expect(new Set(ruleLandings).size).toBe(ruleLandings.length)
      examples.forEach((example, i) => {
        if (example.kind === 'unknown-host' || example.kind === 'no-match') expect(landed[i]).toBe('404')
        else expect(landed[i]).toBe(`${example.rule?.route.replace(`${NS}/`, '')}#${example.rule?.index}`)
      })
      // A lone rule is never shadowed: it always has its example.
      if (routes.length === 1 && routes[0]?.rules.length === 1) expect(ruleLandings).toEqual(['r0#0'])
    }), { numRuns: 60 })
  })
})
