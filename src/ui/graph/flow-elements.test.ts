import { describe, expect, it } from 'vitest'
import type { GraphLayout } from '../../engine'
import { graphOf } from '../../engine/testing/route-graph'
import { SEED_MANIFEST } from '../../presets/seed'
import { FlowNodeCache } from './flow-elements'

const { graph } = graphOf(SEED_MANIFEST)
const layoutOf = (dx = 0): GraphLayout => ({
  positions: Object.fromEntries(graph.nodes.map((node, i) => [node.id, { x: i * 10 + dx, y: 0 }])),
  width: 100,
  height: 100,
})
const label = (): string => 'node'

describe('FlowNodeCache', () => {
  it('gives back the same xyflow node for the same engine node, or an equal one, where it stood', () => {
    const cache = new FlowNodeCache()
    const first = cache.build(graph, layoutOf(), null, label)
    // The worker sends an unchanged node as the page's own object (route-view-delta.ts), or a copy after a whole view.
    expect(cache.build(graph, layoutOf(), null, label)).toEqual(first)
    cache.build(graph, layoutOf(), null, label).forEach((node, i) => expect(node).toBe(first[i]))
    const copied = { ...graph, nodes: graph.nodes.map((node) => structuredClone(node)) }
    cache.build(copied, layoutOf(), null, label).forEach((node, i) => expect(node).toBe(first[i]))
  })

  it('makes a new node for one that changed, moved or was selected', () => {
    const cache = new FlowNodeCache()
    const first = cache.build(graph, layoutOf(), null, label)
    const [changed, ...rest] = graph.nodes
    const edited = { ...graph, nodes: [{ ...changed!, label: `${changed!.label}-edited` }, ...rest] }
    const second = cache.build(edited, layoutOf(), null, label)
    expect(second[0]).not.toBe(first[0])
    expect(second[0]!.data.g.label).toBe(`${changed!.label}-edited`)
    expect(second[1]).toBe(first[1])
    const moved = cache.build(edited, layoutOf(5), null, label)
    expect(moved[1]).not.toBe(second[1])
    expect(moved[1]!.position.x).toBe(15)
    const selected = cache.build(edited, layoutOf(5), graph.nodes[1]!.id, label)
    expect(selected[1]).not.toBe(moved[1])
    expect(selected[1]!.selected).toBe(true)
    expect(selected[2]).toBe(moved[2])
  })
})
