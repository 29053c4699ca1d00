import { describe, expect, it } from 'vitest'
import { GRANT_YAML, STORE_ROUTE_YAML, STORE_SCENARIO } from '../testing/gateway-graph-yaml'
import { graphOf } from '../testing/route-graph'
import { buildGatewayRouteTable, filterText, matchConditions } from './gateway-route-table'

describe('the route table\'s Gateway API rows', () => {
  const g = graphOf(STORE_SCENARIO)
  const rows = g.view.gatewayTable

  it('has one row per rule match with the attachment hostnames, the match, the backends with their shares and the route', () => {
    expect(rows.map((row) => [row.host, row.path, row.pathType, row.conditions, row.backend, row.route, row.rule, row.match])).toEqual([
      ['store.example.com', '/api', 'PathPrefix', ['GET'], 'api:8080 90%, api-v2:8080 10%', 'shop/store', 0, 0],
      ['store.example.com', '/legacy', 'Exact', [], 'other/legacy:80', 'shop/store', 1, 0],
    ])
    expect(rows[0]?.notes).toEqual([{ kind: 'attached', gateway: 'infra/web', listeners: ['http', 'https'] }])
  })

  it('notes a refused backendRef with its reason and the compile stage\'s message, and marks the backend', () => {
    const legacy = rows[1]
    expect(legacy?.backends).toEqual([{ text: 'other/legacy:80', weight: 1, percent: null, valid: false, refusal: 'RefNotPermitted' }])
    expect(legacy?.notes.find((note) => note.kind === 'backend-refused')).toMatchObject({ backend: 'other/legacy:80', reason: 'RefNotPermitted', message: { id: expect.any(String) } })
    const granted = graphOf(`${STORE_SCENARIO}\n---\n${GRANT_YAML}`).view.gatewayTable
    expect(granted[1]?.backends[0]?.valid).toBe(true)
    expect(granted[1]?.notes.some((note) => note.kind === 'backend-refused')).toBe(false)
  })

  it('links each row to its rule node, which a click selects', () => {
    expect(g.view.gatewayTableNodes).toEqual(['rule:shop/store|spec.rules.0', 'rule:shop/store|spec.rules.1'])
  })

  it('marks a detached route\'s rows with the reason its parentRef was refused', () => {
    const lost = STORE_ROUTE_YAML.replace('name: store', 'name: lost').replace('    namespace: infra\n', '    namespace: infra\n    sectionName: nope\n')
    const table = graphOf(`${STORE_SCENARIO}\n---\n${lost}`).view.gatewayTable.filter((row) => row.route === 'shop/lost')
    expect(table).toHaveLength(2)
    expect(table.every((row) => row.detached && row.hosts?.length === 0)).toBe(true)
    expect(table[0]?.notes[0]).toMatchObject({ kind: 'parent-refused', gateway: 'infra/web', reason: 'NoMatchingParent' })
  })

  it('lists the Gateways and their listeners for the tester', () => {
    expect(g.view.gateways).toEqual([{
      key: 'infra/web',
      listeners: [{ name: 'http', port: 80, protocol: 'HTTP', hostname: null }, { name: 'https', port: 443, protocol: 'HTTPS', hostname: '*.example.com' }],
    }])
  })

  it('is empty without Gateway API objects', () => {
    expect(buildGatewayRouteTable({ gatewayClasses: [], gateways: [], routes: [], issues: [] })).toEqual([])
  })
})

describe('the short forms of a match and a filter', () => {
  const at = ['spec', 'rules', 0]
  it('writes method, headers and query parameters in their own syntax', () => {
    expect(matchConditions({
      path: { type: 'PathPrefix', value: '/' },
      method: 'POST',
      headers: [{ type: 'Exact', name: 'x-env', value: 'canary', at }, { type: 'RegularExpression', name: 'x-id', value: '^a', at }],
      queryParams: [{ type: 'Exact', name: 'v', value: '2', at }],
      at,
    })).toEqual(['POST', 'x-env: canary', 'x-id ~ ^a', '?v=2'])
  })

  it('writes a redirect, a rewrite, header modifiers and a mirror by what they do', () => {
    expect(filterText({ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 }, at })).toBe('301 https://')
    expect(filterText({ type: 'RequestRedirect', requestRedirect: { hostname: 'b.example', port: 8443, path: { type: 'ReplaceFullPath', replaceFullPath: '/x' }, statusCode: 302 }, at })).toBe('302 b.example:8443/x')
    expect(filterText({ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } }, at })).toBe('/v2*')
    expect(filterText({ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'a', value: '1' }], add: [{ name: 'b', value: '2' }], remove: ['c'] }, at })).toBe('a= +b -c')
    expect(filterText({ type: 'RequestMirror', requestMirror: { backendRef: { group: '', kind: 'Service', name: 'shadow', port: 80 }, percent: 10 }, at })).toBe('shadow:80 10%')
  })
})
