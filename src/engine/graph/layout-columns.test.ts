import { describe, expect, it } from 'vitest'
import { graphManifest } from '../testing/large-manifests'
import { graphOf } from '../testing/route-graph'
import { readLayout } from './layout-input'
import { layoutColumns } from './layout-columns'

describe('layoutColumns', () => {
  const graph = graphOf(graphManifest(40)).graph
  const layout = readLayout(graph, layoutColumns(graph))
  const at = (id: string) => layout.positions[id] as { x: number; y: number }
  const top = graph.nodes.filter((node) => node.parent === null)

  it('places every node, kinds in columns from the controller rightwards', () => {
    for (const node of graph.nodes) expect(layout.positions[node.id], node.id).toBeDefined()
    const xOf = (kind: string) => new Set(top.filter((node) => node.kind === kind).map((node) => at(node.id).x))
    for (const kind of ['host', 'path', 'service', 'workload']) expect(xOf(kind).size, kind).toBe(1)
    const [controller, host, path, service, workload] = ['controller', 'host', 'path', 'service', 'workload'].map((kind) => [...xOf(kind)][0] as number)
    expect(controller).toBeLessThan(host!)
    expect(host).toBeLessThan(path!)
    expect(path).toBeLessThan(service!)
    expect(service).toBeLessThan(workload!)
  })

  it('keeps hosts in graph (nginx) order, each block below the one before, and no two nodes overlapping', () => {
    const hosts = top.filter((node) => node.kind === 'host').map((node) => at(node.id).y)
    expect(hosts).toEqual([...hosts].sort((a, b) => a - b))
    const boxes = top.map((node) => ({ ...at(node.id), w: node.width, h: node.height, id: node.id }))
    for (const a of boxes) {
      for (const b of boxes) {
        if (a.id >= b.id) continue
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
        expect(apart, `${a.id} / ${b.id}`).toBe(true)
      }
    }
  })

  it('puts a path beside its host, and a Service no higher than the path that leads to it', () => {
    const host = 'host:app-7.example.com'
    const path = graph.edges.find((edge) => edge.kind === 'route' && edge.source === host)!.target
    const service = graph.edges.find((edge) => edge.source === path && edge.kind === 'backend')!.target
    expect(at(path).y).toBe(at(host).y)
    expect(at(service).y).toBeGreaterThanOrEqual(at(path).y)
  })

  it('lays 800 nodes out in well under a second', () => {
    const large = graphOf(graphManifest(100)).graph
    const started = performance.now()
    const result = layoutColumns(large)
    expect(performance.now() - started).toBeLessThan(300)
    expect(result.children).toHaveLength(large.nodes.filter((node) => node.parent === null).length)
  })
})
