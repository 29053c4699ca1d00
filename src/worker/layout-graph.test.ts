import { describe, expect, it } from 'vitest'
import { analyzeDetailed, buildRouteView } from '../engine'
import { SEED_MANIFEST } from '../presets/seed'
import { layoutGraph } from './layout-graph'

const viewOf = (text: string) => buildRouteView(analyzeDetailed([{ name: 'manifest.yaml', text }])).view

describe('layoutGraph', () => {
  it('places the seed left to right: controller, hosts, paths, Services, Deployments', async () => {
    const { graph } = viewOf(SEED_MANIFEST)
    const { layout, reused, by } = await layoutGraph(graph)
    expect(reused).toBe(false)
    expect(by).toBe('elk') // Node runs ELK's bundled build (the page and the worker start ELK's own worker)
    for (const node of graph.nodes) expect(layout.positions[node.id], node.id).toBeDefined()
    const x = (id: string) => layout.positions[id]!.x
    expect(x('controller')).toBeLessThan(x('host:foo.bar.com'))
    expect(x('host:foo.bar.com')).toBeLessThan(x('path:foo.bar.com|default/test|spec.rules.0.http.paths.0'))
    expect(x('path:foo.bar.com|default/test|spec.rules.0.http.paths.0')).toBeLessThan(x('svc:default/s1'))
    expect(x('svc:default/s1')).toBeLessThan(x('deploy:default/s1'))
    expect(layout.width).toBeGreaterThan(x('deploy:default/s1'))
  })

  it('reuses the positions when an edit changes only words, and lays out again when the shape changes', async () => {
    await layoutGraph(viewOf(SEED_MANIFEST).graph)
    const renamed = await layoutGraph(viewOf(SEED_MANIFEST.replace('/foos1', '/renamed')).graph)
    expect(renamed.reused).toBe(true)
    const grown = await layoutGraph(viewOf(SEED_MANIFEST.replace('replicas: 2', 'replicas: 3')).graph)
    expect(grown.reused).toBe(false)
    expect(renamed.by).toBe('elk')
  })

  it('lays a graph above the column threshold out in columns, and says so', async () => {
    const { COLUMN_LAYOUT_NODES } = await import('../engine')
    const { ingressFleetManifest } = await import('../engine/testing/large-manifests')
    const { graph } = viewOf(ingressFleetManifest(Math.ceil(COLUMN_LAYOUT_NODES / 4)))
    expect(graph.nodes.length).toBeGreaterThan(COLUMN_LAYOUT_NODES)
    const outcome = await layoutGraph(graph)
    expect(outcome.by).toBe('columns')
    for (const node of graph.nodes) expect(outcome.layout.positions[node.id], node.id).toBeDefined()
  })
})
