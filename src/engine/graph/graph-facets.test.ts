import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../../presets/seed'
import { deploymentYaml, ingressYaml, joinDocuments, serviceYaml } from '../testing/manifests'
import { graphOf } from '../testing/route-graph'

const seed = graphOf(SEED_MANIFEST).graph
const valuesOf = (facet: keyof typeof seed.facets, graph = seed) => graph.facets[facet].map((entry) => entry.value)
const nodesOf = (facet: keyof typeof seed.facets, value: string, graph = seed) => graph.facets[facet].find((entry) => entry.value === value)?.nodes ?? []

describe('graph facets', () => {
  it('lists every host, namespace, Ingress and Service of the seed, sorted', () => {
    expect(valuesOf('host')).toEqual(['127.0.0.1.xip.io', 'bar.foo.com', 'foo.bar.com', 'kube-book.com'])
    expect(valuesOf('namespace')).toEqual(['default'])
    expect(valuesOf('ingress')).toEqual(['default/ingress-ssl', 'default/test', 'default/websample-ing'])
    expect(valuesOf('service')).toEqual(['default/s1', 'default/s2', 'default/websample'])
  })

  it('gives a host the nodes of its routes: paths, Services, Deployments with their ReplicaSets and pods', () => {
    const nodes = nodesOf('host', 'foo.bar.com')
    expect(nodes).toContain('host:foo.bar.com')
    expect(nodes).toContain('svc:default/s1')
    expect(nodes).toContain('svc:default/s2')
    expect(nodes).toContain('deploy:default/s1')
    expect(nodes).toContain('rs:default/s1')
    expect(nodes).toContain('pod:default/s1:0')
    expect(nodes).not.toContain('host:bar.foo.com')
    expect(nodes).not.toContain('svc:default/websample')
    expect(nodes).not.toContain('controller')
  })

  it('gives a Service the hosts and paths that route to it', () => {
    const nodes = nodesOf('service', 'default/s2')
    expect(nodes).toEqual(expect.arrayContaining(['host:foo.bar.com', 'host:bar.foo.com', 'svc:default/s2', 'deploy:default/s2']))
    expect(nodes).not.toContain('host:kube-book.com')
  })

  it('keeps what no route reaches under its own Service and namespace', () => {
    const graph = graphOf(joinDocuments(
      ingressYaml('web', { namespace: 'shop', rules: [{ host: 'shop.example.com', paths: [{ path: '/', backend: 'web:80' }] }] }),
      serviceYaml('web', { namespace: 'shop', selector: { app: 'web' } }),
      deploymentYaml('web', { namespace: 'shop', replicas: 1 }),
      serviceYaml('lonely', { namespace: 'ops', selector: { app: 'lonely' } }),
    )).graph
    expect(valuesOf('namespace', graph)).toEqual(['ops', 'shop'])
    expect(valuesOf('service', graph)).toEqual(['ops/lonely', 'shop/web'])
    expect(nodesOf('namespace', 'ops', graph)).toEqual(['svc:ops/lonely'])
    expect(nodesOf('ingress', 'shop/web', graph)).toContain('host:shop.example.com')
  })
})
