import { formatMessage } from '../messages/render'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../../presets/seed'
import { computeLayoutKey } from './layout-input'
import { backendYaml, deploymentYaml, hostRule, ingressYaml, joinDocuments, nginx, secretYaml, serviceYaml } from '../testing/manifests'
import { graphOf } from '../testing/route-graph'

const SEED_PATH = (host: string, ingress: string, rule: number, path: number) =>
  `path:${host}|default/${ingress}|spec.rules.${rule}.http.paths.${path}`

describe('buildRouteGraph on the seed scenario', () => {
  const seed = graphOf(SEED_MANIFEST)

  it('draws foo.bar.com → /foos1 → s1 and /bars2 → s2, bar.foo.com → s2 and kube-book.com → s1', () => {
    const foos1 = seed.node(SEED_PATH('foo.bar.com', 'test', 0, 0))
    const bars2 = seed.node(SEED_PATH('foo.bar.com', 'test', 0, 1))
    expect([foos1.label, bars2.label]).toEqual(['/foos1', '/bars2'])
    expect(seed.edge('host:foo.bar.com', foos1.id)?.kind).toBe('route')
    expect(seed.edge(foos1.id, 'svc:default/s1')).toMatchObject({ kind: 'backend', label: ':80', problem: null })
    expect(seed.edge(bars2.id, 'svc:default/s2')).toMatchObject({ label: ':80' })
    expect(seed.edge(SEED_PATH('bar.foo.com', 'test', 1, 0), 'svc:default/s2')).toBeDefined()
    expect(seed.edge(SEED_PATH('kube-book.com', 'ingress-ssl', 0, 0), 'svc:default/s1')).toBeDefined()
    expect(seed.edge('controller', 'host:kube-book.com')?.kind).toBe('entry')
  })

  it('puts the TLS lock with its Secret and the https redirect on kube-book.com only', () => {
    expect(seed.node('host:kube-book.com').badges).toEqual(expect.arrayContaining([
      { kind: 'tls', text: 'kube-book-secret' },
      { kind: 'https-redirect', text: '308' },
    ]))
    expect(seed.node('host:foo.bar.com').badges.some((b) => b.kind === 'tls')).toBe(false)
    expect(seed.node('host:kube-book.com').problems).toEqual([])
  })

  it('badges the rewrite and the regex the rewrite forces on foo.bar.com', () => {
    const foos1 = seed.node(SEED_PATH('foo.bar.com', 'test', 0, 0))
    expect(foos1.badges).toEqual([{ kind: 'impl-specific', text: '' }, { kind: 'regex', text: 'host' }, { kind: 'rewrite', text: '/' }])
  })

  it('points every node at its text: the path item, the host field first, the whole Service', () => {
    expect(seed.spanTexts(seed.node(SEED_PATH('foo.bar.com', 'test', 0, 0)))[0]).toMatch(/^path: \/foos1\n\s+backend:/)
    expect(seed.spanTexts(seed.node('host:foo.bar.com'))[0]).toBe('host: foo.bar.com')
    expect(seed.spanTexts(seed.node('host:kube-book.com'))).toContainEqual(expect.stringMatching(/^hosts:\n\s+- kube-book.com\n\s+secretName: kube-book-secret/))
    expect(seed.spanTexts(seed.node('svc:default/s1'))[0]).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n {2}name: s1/)
    expect(seed.node('controller').spans).toEqual([])
  })

  it('puts each Deployment\'s ReplicaSet inside it and the pods inside the ReplicaSet, which reveals spec.replicas', () => {
    const pods = seed.graph.nodes.filter((n) => n.parent === 'rs:default/s1')
    expect(pods.map((n) => [n.id, n.kind, n.count])).toEqual([['pod:default/s1:0', 'pod', 1], ['pod:default/s1:1', 'pod', 2]])
    const rs = seed.node('rs:default/s1')
    expect(seed.text.slice(rs.reveal!.start, rs.reveal!.end)).toBe('2')
    expect(seed.edge('svc:default/s1', 'deploy:default/s1')).toMatchObject({ kind: 'selects', label: ':8080' })
    expect(rs.parent).toBe('deploy:default/s1')
    expect(seed.node('deploy:default/s1').height).toBeGreaterThan(rs.height)
  })

  it('lists parents before their children, and every edge joins two nodes', () => {
    const seen = new Set<string>()
    for (const node of seed.graph.nodes) {
      if (node.parent) expect(seen.has(node.parent)).toBe(true)
      seen.add(node.id)
    }
    for (const edge of seed.graph.edges) expect(seen.has(edge.source) && seen.has(edge.target)).toBe(true)
  })

  it('shows the rewrite warning on the paths it concerns and survives structured cloning', () => {
    const foos1 = seed.node(SEED_PATH('foo.bar.com', 'test', 0, 0))
    expect(foos1.diagnostics?.severity).toBe('warning')
    expect(foos1.diagnostics?.messages.some((m) => formatMessage(m).includes('rewrite-target'))).toBe(true)
    expect(seed.node('deploy:default/s1').diagnostics?.count).toBeGreaterThan(0)
    expect(structuredClone(seed.view)).toEqual(seed.view)
  })
})

describe('node ids and the layout key', () => {
  it('keep ids and the key when only a path text changes, and change the key when a path is added', () => {
    const before = graphOf(SEED_MANIFEST)
    const renamed = graphOf(SEED_MANIFEST.replace('path: /foos1', 'path: /foo-renamed'))
    expect(renamed.graph.nodes.map((n) => n.id)).toEqual(before.graph.nodes.map((n) => n.id))
    expect(renamed.labelled('path', '/foo-renamed')).toHaveLength(1)
    expect(computeLayoutKey(renamed.graph)).toBe(computeLayoutKey(before.graph))
    const added = graphOf(SEED_MANIFEST.replace('      - path: /bars2', '      - path: /new\n        backend:\n          serviceName: s1\n          servicePort: 80\n      - path: /bars2'))
    expect(computeLayoutKey(added.graph)).not.toBe(computeLayoutKey(before.graph))
  })
})

describe('dangling references', () => {
  it('flags a missing Service and a port the Service lacks', () => {
    const g = graphOf(joinDocuments(backendYaml('web'), ingressYaml('site', { rules: [hostRule('a.example', '/', 'nope:80'), hostRule('b.example', '/', 'web:8081')] })))
    expect(g.node('svc:default/nope').problems).toEqual([{ code: 'service-missing', subject: 'nope', detail: 'default' }])
    const edge = g.edge('path:b.example|default/site|spec.rules.1.http.paths.0', 'svc:default/web')
    // 8081 is neither the Service's port nor its targetPort (8080 would match: controller.go serviceEndpoints).
    expect(edge?.problem).toEqual({ code: 'port-missing', subject: '8081', detail: 'web' })
  })

  it('does not flag Services of an Ingress pasted alone', () => {
    const g = graphOf(ingressYaml('site', { rules: [hostRule('a.example', '/', 'nope:80')] }))
    expect(g.node('svc:default/nope').problems).toEqual([])
  })

  it('flags a selector that matches no pod template and a missing TLS Secret', () => {
    const text = joinDocuments(
      serviceYaml('web', { selector: { app: 'other' } }),
      deploymentYaml('web', { replicas: 2 }),
      secretYaml('unrelated', { type: 'Opaque' }),
      ingressYaml('site', { tls: [{ hosts: ['a.example'], secretName: 'missing-cert' }], rules: [hostRule('a.example', '/', 'web:80')] }),
    )
    const g = graphOf(text)
    expect(g.node('svc:default/web').problems).toEqual([{ code: 'selects-nothing', subject: 'app=other' }])
    expect(g.node('host:a.example').problems).toEqual([{ code: 'secret-missing', subject: 'missing-cert' }])
    expect(g.node('host:a.example').badges).toContainEqual({ kind: 'tls', text: 'missing-cert' })
  })
})

describe('rules ingress-nginx does not place', () => {
  it('fades the paths of an Ingress of another class, with the reason', () => {
    const text = joinDocuments(backendYaml('web'), ingressYaml('other', { className: 'traefik', rules: [hostRule('c.example', '/', 'web:80')] }))
    const g = graphOf(text)
    const path = g.node('path:c.example|default/other|spec.rules.0.http.paths.0')
    expect(path.dim).toBe(true)
    expect(path.problems[0]?.code).toBe('not-served')
    expect(g.node('host:c.example').dim).toBe(true)
    expect(g.edge(path.id, 'svc:default/web')?.dim).toBe(true)
  })

  it('fades a later duplicate of a host and path (D7) and names the Ingress that keeps it', () => {
    const g = graphOf(joinDocuments(backendYaml('web'), ingressYaml('first', { rules: [hostRule('d.example', '/x', 'web:80')] }), ingressYaml('second', { rules: [hostRule('d.example', '/x', 'web:80')] })))
    const dropped = g.node('path:d.example|default/second|spec.rules.0.http.paths.0')
    expect(dropped).toMatchObject({ dim: true, problems: [{ code: 'dropped', subject: 'first' }] })
    expect(g.node('path:d.example|default/first|spec.rules.0.http.paths.0').dim).toBe(false)
  })
})

describe('hosts, canaries and pods', () => {
  it('marks wildcard and catch-all hosts', () => {
    const g = graphOf(joinDocuments(backendYaml('web'), ingressYaml('site', { rules: [hostRule('*.example.com', '/', 'web:80'), hostRule('', '/any', 'web:80')] })))
    expect(g.node('host:*.example.com').badges).toContainEqual({ kind: 'wildcard', text: '' })
    expect(g.node('host:_')).toMatchObject({ label: '*', badges: [{ kind: 'catch-all', text: '' }] })
  })

  it('draws a canary as a weighted edge to the canary Service', () => {
    const canary = ingressYaml('site-canary', { annotations: nginx({ canary: 'true', 'canary-weight': '20' }), rules: [hostRule('e.example', '/', 'web-v2:80')] })
    const g = graphOf(joinDocuments(backendYaml('web'), backendYaml('web-v2'), ingressYaml('site', { rules: [hostRule('e.example', '/', 'web:80')] }), canary))
    const path = g.node('path:e.example|default/site|spec.rules.0.http.paths.0')
    expect(path.badges).toContainEqual({ kind: 'canary', text: '20%' })
    expect(g.edge(path.id, 'svc:default/web-v2')).toMatchObject({ kind: 'canary', label: '20%' })
    expect(g.graph.lookup.upstreams['default-web-v2-80']).toBe('svc:default/web-v2')
    expect(g.graph.nodes.filter((n) => n.kind === 'path')).toHaveLength(1)
  })

  it('collapses pods above the limit into "+N pods" and shows them all when expanded', () => {
    const text = joinDocuments(backendYaml('big', 10), ingressYaml('site', { rules: [hostRule('f.example', '/', 'big:80')] }))
    const collapsed = graphOf(text)
    expect(collapsed.graph.nodes.filter((n) => n.kind === 'pod')).toHaveLength(5)
    expect(collapsed.node('pods:default/big:more').count).toBe(5)
    expect(collapsed.graph.hiddenPods).toBe(5)
    const expanded = graphOf(text, { expanded: ['deploy:default/big'] })
    expect(expanded.graph.nodes.filter((n) => n.kind === 'pod')).toHaveLength(10)
    expect(expanded.graph.hiddenPods).toBe(0)
    expect(graphOf(text, { podLimit: 2 }).node('pods:default/big:more').count).toBe(9)
  })
})

describe('buildRouteGraph on generated manifests', () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/)
  const rule = fc.tuple(fc.constantFrom('', 'a.example', 'b.example', '*.w.example'), fc.stringMatching(/^\/[a-z]{0,4}$/), name, fc.constantFrom(80, 8080, 'http'))
  it('never throws, keeps parents first and joins every edge to nodes', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 3 }), fc.array(rule, { minLength: 1, maxLength: 6 }), (services, rules) => {
        const g = graphOf(joinDocuments(...services.map((s) => backendYaml(s)), ingressYaml('gen', { rules: rules.map(([host, path, service, port]) => hostRule(host, path, `${service}:${port}`)) })))
        const ids = new Set<string>()
        for (const node of g.graph.nodes) {
          if (node.parent) expect(ids.has(node.parent)).toBe(true)
          ids.add(node.id)
        }
        expect(ids.size).toBe(g.graph.nodes.length)
        for (const edge of g.graph.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true)
      }),
      { numRuns: 60 },
    )
  })
})
