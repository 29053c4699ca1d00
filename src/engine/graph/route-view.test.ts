import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../../presets/seed'
import { routeRequest } from '../route/route-request'
import { readLayout, toElkGraph } from './layout-input'
import { podPosition } from './node-size'
import { backendYaml, hostRule, ingressYaml, joinDocuments, nginx } from '../testing/manifests'
import { graphOf } from '../testing/route-graph'
import { traceRouteInGraph } from './trace-route'

const seed = graphOf(SEED_MANIFEST)
const FOOS1 = 'path:foo.bar.com|default/test|spec.rules.0.http.paths.0'
const KUBE_BOOK = 'path:kube-book.com|default/ingress-ssl|spec.rules.0.http.paths.0'
const trace = (url: string, fixture = seed, headers?: Record<string, string>) =>
  traceRouteInGraph(fixture.graph, routeRequest(fixture.compiled, { url, headers }))

describe('traceRouteInGraph', () => {
  it('lights the whole way of a proxied request: controller, host, path, Service, Deployment, ReplicaSet, pods', () => {
    const lit = trace('http://foo.bar.com/foos1/abc')
    expect(lit.nodes).toEqual(['controller', 'host:foo.bar.com', FOOS1, 'svc:default/s1', 'deploy:default/s1', 'rs:default/s1', 'pod:default/s1:0', 'pod:default/s1:1'])
    expect(lit.edges).toEqual([
      'entry:controller->host:foo.bar.com',
      `route:host:foo.bar.com->${FOOS1}`,
      `backend:${FOOS1}->svc:default/s1`,
      'selects:svc:default/s1->deploy:default/s1',
    ])
    expect(lit.end).toBe('svc:default/s1')
  })

  it('a 503 (no endpoints) ends at the Service; a default-backend annotation lights the Service that answers (docs/routing.md#default-backend-annotation)', () => {
    const missing = graphOf(joinDocuments(backendYaml('web'), ingressYaml('site', { rules: [hostRule('a.example', '/', 'nope:80')] })))
    const lit = trace('http://a.example/', missing)
    expect(lit.end).toBe('svc:default/nope')
    const annotated = graphOf(joinDocuments(backendYaml('web'), ingressYaml('site', { annotations: nginx({ 'default-backend': 'web' }), rules: [hostRule('a.example', '/', 'nope:80')] })))
    const custom = trace('http://a.example/', annotated)
    expect(custom.end).toBe('svc:default/web')
    expect(custom.nodes).toContain('deploy:default/web')
  })

  it('stops a redirect at the path that answered it', () => {
    const lit = trace('http://kube-book.com/')
    expect(lit.nodes).toEqual(['controller', 'host:kube-book.com', KUBE_BOOK])
    expect(lit.end).toBe(KUBE_BOOK)
  })

  it('sends an unknown host to the default backend and lights nothing for a bad request', () => {
    expect(trace('http://nowhere.example/')).toEqual({
      nodes: ['controller', 'default-backend'], edges: ['entry:controller->default-backend'], end: 'default-backend',
    })
    expect(trace('ftp://foo.bar.com/')).toEqual({ nodes: [], edges: [], end: null })
  })

  it('follows the canary edge when the canary answers', () => {
    const canary = ingressYaml('c', { annotations: nginx({ canary: 'true', 'canary-by-header': 'x-canary' }), rules: [hostRule('e.example', '/', 'v2:80')] })
    const fixture = graphOf(joinDocuments(backendYaml('v1'), backendYaml('v2'), ingressYaml('p', { rules: [hostRule('e.example', '/', 'v1:80')] }), canary))
    const lit = trace('http://e.example/', fixture, { 'x-canary': 'always' })
    expect(lit.end).toBe('svc:default/v2')
    expect(lit.edges).toContain('canary:path:e.example|default/p|spec.rules.0.http.paths.0->svc:default/v2')
    expect(trace('http://e.example/', fixture).end).toBe('svc:default/v1')
  })
})

describe('example requests', () => {
  it('suggest a request below each seed path, https for the TLS host and an unknown host last', () => {
    const urls = seed.view.examples.map((e) => e.request.url)
    expect(urls).toEqual(expect.arrayContaining(['http://foo.bar.com/foos1/abc', 'http://foo.bar.com/bars2/abc', 'http://bar.foo.com/', 'http://kube-book.com/', 'https://kube-book.com/']))
    expect(seed.view.examples.at(-1)).toEqual({ kind: 'unknown-host', request: { url: 'http://unknown.example/' } })
    expect(new Set(urls).size).toBe(urls.length)
  })

  it('give a canary listening for a header that header, and a wildcard host a concrete name', () => {
    const canary = ingressYaml('c', { annotations: nginx({ canary: 'true', 'canary-by-header': 'x-canary' }), rules: [hostRule('*.w.example', '/api', 'v2:80')] })
    const fixture = graphOf(joinDocuments(backendYaml('v1'), backendYaml('v2'), ingressYaml('p', { rules: [hostRule('*.w.example', '/api', 'v1:80')] }), canary))
    expect(fixture.view.examples).toContainEqual({ kind: 'canary', request: { url: 'http://app.w.example/api/abc', headers: { 'x-canary': 'always' } } })
  })
})

describe('nginx.conf index', () => {
  it('finds the location block of every seed location and the server around it', () => {
    const lines = seed.view.nginxConf.split('\n')
    const range = seed.view.confIndex.locations['foo.bar.com#0']!
    expect(lines[range.start - 1]).toMatch(/^\s+location ~\* "\^\/foos1" \{/)
    expect(lines[range.end - 1]!.trim()).toBe('}')
    expect(lines.slice(range.start - 1, range.end).some((line) => line.includes('proxy_pass http://default-s1-80;'))).toBe(true)
    const server = seed.view.confIndex.servers['foo.bar.com']!
    expect(server.start).toBeLessThan(range.start)
    expect(server.end).toBeGreaterThan(range.end)
    const ids = seed.compiled.servers.flatMap((s) => s.locations.map((l) => l.id))
    expect(Object.keys(seed.view.confIndex.locations).sort()).toEqual(ids.sort())
  })
})

describe('layout input', () => {
  it('gives ELK the top-level nodes only, puts the ReplicaSet at the foot of its Deployment and stacks pods in it', () => {
    const elk = toElkGraph(seed.graph)
    expect(elk.children?.some((c) => c.id.startsWith('pod:') || c.id.startsWith('rs:'))).toBe(false)
    expect(elk.edges?.length).toBe(seed.graph.edges.length)
    const placed = { ...elk, children: elk.children?.map((c, i) => ({ ...c, x: i * 10, y: 5 })), width: 900, height: 400 }
    const layout = readLayout(seed.graph, placed)
    expect(layout.positions['pod:default/s1:1']).toEqual(podPosition(1))
    const deployment = seed.graph.nodes.find((n) => n.id === 'deploy:default/s1')!
    const rs = seed.graph.nodes.find((n) => n.id === 'rs:default/s1')!
    expect(layout.positions['rs:default/s1']!.y + rs.height).toBeLessThan(deployment.height)
    expect(layout.positions['rs:default/s1']!.x + rs.width).toBeLessThan(deployment.width)
    expect(layout.positions.controller).toEqual({ x: 0, y: 5 })
    expect(layout.width).toBe(900)
  })
})

describe('route table rows', () => {
  it('name the graph node of each row, faded ones included', () => {
    expect(seed.view.tableNodes[0]).toBe(FOOS1)
    expect(seed.view.tableNodes).toHaveLength(seed.view.table.length)
    const fixture = graphOf(joinDocuments(backendYaml('web'), ingressYaml('first', { rules: [hostRule('d.example', '/x', 'web:80')] }), ingressYaml('second', { rules: [hostRule('d.example', '/x', 'web:80')] })))
    expect(fixture.view.tableNodes).toEqual(['path:d.example|default/first|spec.rules.0.http.paths.0', 'path:d.example|default/second|spec.rules.0.http.paths.0'])
  })
})
