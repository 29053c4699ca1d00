import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findNodeAtOffset } from './attach-diagnostics'
import { computeLayoutKey } from './layout-input'
import { layoutColumns } from './layout-columns'
import { CONTROLLER_ID } from './graph-hosts'
import { GATEWAY_CLASS_YAML, GATEWAY_YAML, GRANT_YAML, STORE_BACKENDS_YAML, STORE_ROUTE_YAML, STORE_SCENARIO } from '../testing/gateway-graph-yaml'
import { backendYaml, hostRule, ingressYaml, joinDocuments } from '../testing/manifests'
import { graphOf } from '../testing/route-graph'

const RULE = (route: string, rule: number) => `rule:${route}|spec.rules.${rule}`
const STORE = 'httproute:shop/store'
const HTTP = 'listener:infra/web|http'
const HTTPS = 'listener:infra/web|https'

describe('the Gateway API part of the route graph', () => {
  const g = graphOf(STORE_SCENARIO)

  it('draws GatewayClass → Gateway → listeners → HTTPRoute → rules → Services → the Deployment', () => {
    expect(g.node('gwclass:studio')).toMatchObject({ kind: 'gatewayClass', label: 'studio', sub: 'example.com/gateway-controller' })
    expect(g.node('gw:infra/web')).toMatchObject({ kind: 'gateway', label: 'infra/web' })
    expect(g.edge('gwclass:studio', 'gw:infra/web')?.kind).toBe('gateway')
    expect(g.edge('gw:infra/web', HTTP)?.kind).toBe('listener')
    expect(g.edge(HTTP, STORE)?.kind).toBe('attach')
    expect(g.edge(HTTPS, STORE)?.kind).toBe('attach')
    expect(g.edge(STORE, RULE('shop/store', 0))?.kind).toBe('rule')
    expect(g.edge(RULE('shop/store', 0), 'svc:shop/api')).toMatchObject({ kind: 'backend', label: '90%', problem: null })
    expect(g.edge(RULE('shop/store', 0), 'svc:shop/api-v2')).toMatchObject({ label: '10%' })
    expect(g.edge('svc:shop/api', 'deploy:shop/api')?.kind).toBe('selects')
    // Gateway API alone: nothing of ingress-nginx is drawn.
    expect(g.graph.nodes.some((node) => node.id === CONTROLLER_ID)).toBe(false)
  })

  it('shows each listener\'s port, protocol, hostname and TLS lock', () => {
    expect(g.node(HTTP)).toMatchObject({ label: 'http', sub: 'HTTP :80', badges: [{ kind: 'catch-all', text: '' }] })
    expect(g.node(HTTPS)).toMatchObject({ label: 'https', sub: 'HTTPS :443' })
    expect(g.node(HTTPS).badges).toEqual([{ kind: 'hostname', text: '*.example.com' }, { kind: 'tls', text: 'example-cert' }])
  })

  it('shows a rule\'s first match and its method, and the route\'s hostnames', () => {
    expect(g.node(RULE('shop/store', 0))).toMatchObject({ label: '/api', sub: 'rules[0]', badges: [{ kind: 'match', text: 'PathPrefix' }, { kind: 'conditions', text: 'GET' }] })
    expect(g.node(RULE('shop/store', 1)).badges).toEqual([{ kind: 'match', text: 'Exact' }])
    expect(g.node(STORE).badges).toEqual([{ kind: 'hostname', text: 'store.example.com' }])
  })

  it('points every node at its text: the listener item, the rule item, the whole route', () => {
    expect(g.spanTexts(g.node(HTTP))[0]).toMatch(/^name: http\n\s+port: 80/)
    expect(g.spanTexts(g.node(RULE('shop/store', 1)))[0]).toMatch(/^matches:\n\s+- path:\n\s+type: Exact/)
    expect(g.spanTexts(g.node(STORE))[0]).toMatch(/^apiVersion: gateway.networking.k8s.io\/v1\nkind: HTTPRoute/)
    expect(g.spanTexts(g.node('gwclass:studio'))[0]).toMatch(/kind: GatewayClass/)
    // The cursor in a match selects the rule; in a listener, the listener; in parentRefs, the route.
    expect(findNodeAtOffset(g.graph.nodes, 'test.yaml', g.text.indexOf('value: /legacy'))?.id).toBe(RULE('shop/store', 1))
    expect(findNodeAtOffset(g.graph.nodes, 'test.yaml', g.text.indexOf('hostname: "*.example.com"'))?.id).toBe(HTTPS)
    expect(findNodeAtOffset(g.graph.nodes, 'test.yaml', g.text.indexOf('parentRefs'))?.id).toBe(STORE)
  })

  it('draws a cross-namespace backendRef without a ReferenceGrant in red with RefNotPermitted and the condition\'s message', () => {
    const rule = g.node(RULE('shop/store', 1))
    expect(rule.problems).toHaveLength(1)
    expect(rule.problems[0]).toMatchObject({ code: 'backend-refused', subject: 'RefNotPermitted', detail: 'other/legacy:80' })
    expect(rule.problems[0]?.reason?.id).toMatch(/^gw-/)
    expect(g.edge(rule.id, 'svc:other/legacy')?.problem).toMatchObject({ code: 'backend-refused', subject: 'RefNotPermitted' })
    // The ReferenceGrant in `other` permits it: no problem, a plain backend edge.
    const granted = graphOf(`${STORE_SCENARIO}\n---\n${GRANT_YAML}`)
    expect(granted.node(RULE('shop/store', 1)).problems).toEqual([])
    expect(granted.edge(RULE('shop/store', 1), 'svc:other/legacy')?.problem).toBeNull()
  })

  it('fades a route no listener accepted and says why, hung from the Gateway it names', () => {
    const lost = STORE_ROUTE_YAML.replace('name: store', 'name: lost').replace('  - name: web\n    namespace: infra', '  - name: web\n    namespace: infra\n    sectionName: nope')
    const h = graphOf(`${STORE_SCENARIO}\n---\n${lost}`)
    const route = h.node('httproute:shop/lost')
    expect(route.dim).toBe(true)
    expect(route.problems[0]).toMatchObject({ code: 'parent-refused', subject: 'NoMatchingParent', detail: 'infra/web' })
    expect(route.problems[0]?.reason).toBeDefined()
    expect(h.edge('gw:infra/web', route.id)).toMatchObject({ kind: 'attach', dim: true, label: 'nope' })
    expect(h.node(RULE('shop/lost', 0)).dim).toBe(true)
    expect(h.edge(RULE('shop/lost', 0), 'svc:shop/api')?.dim).toBe(true)
    // The attached route stays as it was.
    expect(h.node(STORE).dim).toBe(false)
  })

  it('says NotAllowedByListeners for a route from a namespace the listeners do not admit', () => {
    const same = GATEWAY_YAML.replaceAll('from: All', 'from: Same')
    const h = graphOf([GATEWAY_CLASS_YAML, same, STORE_ROUTE_YAML, STORE_BACKENDS_YAML].join('\n---\n'))
    expect(h.node(STORE).problems.map((p) => p.subject)).toEqual(['NotAllowedByListeners'])
    expect(h.node(STORE).dim).toBe(true)
  })

  it('shares one Service node between an Ingress path and an HTTPRoute rule', () => {
    const ingress = ingressYaml('shop', { namespace: 'shop', rules: [hostRule('shop.example.com', '/', 'api:8080')] })
    const h = graphOf(`${STORE_SCENARIO}\n---\n${ingress}`)
    expect(h.graph.nodes.filter((node) => node.id === 'svc:shop/api')).toHaveLength(1)
    const into = h.graph.edges.filter((edge) => edge.target === 'svc:shop/api').map((edge) => h.node(edge.source).kind)
    expect(into.sort()).toEqual(['path', 'routeRule'])
    expect(h.graph.nodes.some((node) => node.id === CONTROLLER_ID)).toBe(true)
  })

  it('keeps every id when a path, a port or a weight is edited', () => {
    const edited = graphOf(STORE_SCENARIO.replace('value: /api', 'value: /apis').replace('weight: 90', 'weight: 80').replace('port: 80\n', 'port: 8080\n'))
    expect(edited.graph.nodes.map((node) => node.id)).toEqual(g.graph.nodes.map((node) => node.id))
    expect(computeLayoutKey(edited.graph)).toBe(computeLayoutKey(g.graph))
  })

  it('gives facets for the HTTPRoute, its hostnames, its namespaces and its Services', () => {
    const route = g.graph.facets.route.find((entry) => entry.value === 'shop/store')
    expect(route?.nodes).toEqual(expect.arrayContaining(['gwclass:studio', 'gw:infra/web', HTTP, HTTPS, STORE, RULE('shop/store', 0), 'svc:shop/api', 'deploy:shop/api']))
    expect(g.graph.facets.host.map((entry) => entry.value)).toContain('store.example.com')
    expect(g.graph.facets.service.find((entry) => entry.value === 'other/legacy')?.nodes).toContain(RULE('shop/store', 1))
    expect(g.graph.facets.namespace.map((entry) => entry.value)).toEqual(expect.arrayContaining(['shop', 'other']))
  })

  it('lays a large graph out in columns: class, Gateway, listener, route, rule, Service, Deployment from left to right', () => {
    const layout = layoutColumns(g.graph)
    const x = (id: string) => layout.children?.find((child) => child.id === id)?.x ?? -1
    const order = ['gwclass:studio', 'gw:infra/web', HTTP, STORE, RULE('shop/store', 0), 'svc:shop/api', 'deploy:shop/api'].map(x)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(new Set(order).size).toBe(order.length)
    // No two nodes of a column overlap.
    const boxes = layout.children ?? []
    for (const a of boxes) {
      for (const b of boxes) {
        if (a === b || a.x !== b.x) continue
        expect((a.y ?? 0) + a.height <= (b.y ?? 0) || (b.y ?? 0) + b.height <= (a.y ?? 0)).toBe(true)
      }
    }
  })

  it('shows the diagnostics inside a rule on its node (the ResolvedRefs finding of the refused backendRef)', () => {
    expect(g.node(RULE('shop/store', 1)).diagnostics?.count).toBeGreaterThanOrEqual(1)
    expect(g.node(RULE('shop/store', 0)).diagnostics).toBeNull()
  })

  it('says a listener condition in red: a certificate Secret the input lacks, while Secrets are written', () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: other-cert\n  namespace: infra\ntype: Opaque'
    const h = graphOf(`${STORE_SCENARIO}\n---\n${secret}`)
    const problems = h.node(HTTPS).problems
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every((p) => p.code === 'listener-condition' && p.reason !== undefined)).toBe(true)
    expect(problems.map((p) => p.subject)).toContain('InvalidCertificateRef')
    expect(h.node(HTTP).problems).toEqual([])
  })

  it('draws the class a Gateway names even when the input lacks it, marked as assumed', () => {
    const h = graphOf([GATEWAY_YAML, STORE_ROUTE_YAML, STORE_BACKENDS_YAML].join('\n---\n'))
    expect(h.node('gwclass:studio')).toMatchObject({ sub: null, spans: [], badges: [{ kind: 'class-assumed', text: '' }] })
  })

  it('draws the same nodes and edges whatever the order of the documents', () => {
    const documents = [...STORE_SCENARIO.split('\n---\n'), GRANT_YAML]
    const shape = (text: string) => {
      const graph = graphOf(text).graph
      return { nodes: graph.nodes.map((n) => `${n.id} ${n.label} ${JSON.stringify(n.problems)} ${n.dim}`).sort(), edges: graph.edges.map((e) => `${e.id} ${e.label}`).sort() }
    }
    const expected = shape(documents.join('\n---\n'))
    fc.assert(fc.property(fc.shuffledSubarray(documents, { minLength: documents.length }), (order) => {
      expect(shape(order.join('\n---\n'))).toEqual(expected)
    }), { numRuns: 12, seed: 15 })
  })

  it('draws an Ingress-only input exactly as before (no Gateway API node)', () => {
    const ingress = graphOf(joinDocuments(ingressYaml('a', { rules: [hostRule('a.example.com', '/', 'web:80')] }), backendYaml('web')))
    expect(ingress.graph.nodes.some((node) => ['gatewayClass', 'gateway', 'listener', 'httpRoute', 'routeRule'].includes(node.kind))).toBe(false)
    expect(ingress.graph.facets.route).toEqual([])
  })
})
