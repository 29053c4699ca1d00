/**
 * The route view as xyflow nodes and edges. Node objects are reused across updates when nothing they show has
 * changed (same data, position and selection), so React Flow's memoised nodes skip re-rendering and an edit
 * updates the graph in place.
 */
import type { Edge, Node } from '@xyflow/react'
import type { TFunction } from 'i18next'
import type { GraphEdge, GraphLayout, GraphNode, RouteGraph, RouteHighlight } from '../../engine'
import { handlesOf } from './node-handles'

/** What a custom node receives: the engine's node (small: labels, badges, problems, counts). */
export type StudioNodeData = { readonly g: GraphNode }
export type StudioNode = Node<StudioNodeData>

/** The xyflow node type of each graph node kind. */
export function flowTypeOf(node: GraphNode): string {
  if (node.kind === 'replicaSet') return 'replicaSet'
  if (node.kind === 'pod' || node.kind === 'morePods') return 'pod'
  return 'card'
}

const SLOTS = { name: '\u0001', host: '\u0002', workload: '\u0003', count: '\u0004' }

/**
 * Names nodes for assistive technology, e.g. "Path /foos1 on foo.bar.com". The translation of each kind is
 * looked up once (a large graph names thousands of nodes; i18next costs ~0.1 ms a call).
 */
export function createNodeDescriber(t: TFunction): (node: GraphNode, hostOf?: string) => string {
  const templates = new Map<string, string>()
  return (node, hostOf) => {
    let template = templates.get(node.kind)
    if (template === undefined) {
      template = t(`aria.${node.kind}`, SLOTS)
      templates.set(node.kind, template)
    }
    const name = node.kind === 'pod' ? String(node.count ?? '') : node.label
    return template.replace(SLOTS.name, name).replace(SLOTS.host, hostOf ?? '').replace(SLOTS.workload, node.label).replace(SLOTS.count, String(node.count ?? 0))
  }
}

interface Cached {
  /** The engine's node it was made from: the worker sends an unchanged node as the page's same object. */
  readonly g: GraphNode
  readonly x: number
  readonly y: number
  readonly selected: boolean
  readonly key: string
  readonly node: StudioNode
}

/** Keeps the previous node objects between calls (one per graph view). */
export class FlowNodeCache {
  private cache = new Map<string, Cached>()

  build(graph: RouteGraph, layout: GraphLayout, selected: string | null, label: (node: GraphNode) => string): StudioNode[] {
    const next = new Map<string, Cached>()
    const nodes = graph.nodes.map((g) => {
      const at = layout.positions[g.id] ?? { x: 0, y: 0 }
      const isSelected = g.id === selected
      const previous = this.cache.get(g.id)
      if (previous && previous.g === g && previous.x === at.x && previous.y === at.y && previous.selected === isSelected) {
        next.set(g.id, previous)
        return previous.node
      }
      const key = `${JSON.stringify(g)}\u0000${at.x},${at.y}\u0000${isSelected}`
      if (previous && previous.key === key) {
        next.set(g.id, { ...previous, g })
        return previous.node
      }
      const node: StudioNode = {
        id: g.id,
        type: flowTypeOf(g),
        position: { x: at.x, y: at.y },
        data: { g },
        width: g.width,
        height: g.height,
        style: { width: g.width, height: g.height },
        selected: isSelected,
        draggable: false,
        connectable: false,
        handles: handlesOf(g),
        ariaRole: 'button',
        ariaLabel: label(g),
        domAttributes: { 'data-kind': g.kind } as Node['domAttributes'],
        ...(g.parent ? { parentId: g.parent, extent: 'parent' as const } : {}),
      }
      next.set(g.id, { g, x: at.x, y: at.y, selected: isSelected, key, node })
      return node
    })
    this.cache = next
    return nodes
  }
}

function edgeClasses(edge: GraphEdge, lit: ReadonlySet<string> | null): string[] {
  const classes = [`edge-${edge.kind}`]
  if (edge.problem) classes.push('edge-problem')
  if (edge.dim) classes.push('edge-dim')
  if (lit) classes.push(lit.has(edge.id) ? 'edge-lit' : 'edge-faded')
  return classes
}

/**
 * xyflow edges: labels (ports, canary weights), dangling ones marked, the tested route animated. `omitEntries`
 * leaves out the controller's edges to every host except lit ones: in a large graph they are hundreds of long
 * curves that say nothing more than "every host is entered from the controller" and cost the most to paint.
 */
export function buildFlowEdges(graph: RouteGraph, highlight: RouteHighlight | null, describe: (edge: GraphEdge) => string, omitEntries = false): Edge[] {
  const lit = highlight ? new Set(highlight.edges) : null
  const drawn = omitEntries ? graph.edges.filter((edge) => edge.kind !== 'entry' || lit?.has(edge.id)) : graph.edges
  const workloads = new Map(graph.nodes.filter((node) => node.kind === 'workload').map((node) => [node.id, node.deployment?.key ?? null]))
  return drawn.map((edge) => {
    const classes = edgeClasses(edge, lit).join(' ')
    return {
      id: edge.id,
      type: 'route',
      source: edge.source,
      target: edge.target,
      label: edge.problem ? `${edge.label ?? ''} ✕`.trim() : (edge.label ?? undefined),
      className: classes,
      // The label sits outside the edge's SVG group: it gets the same classes through its data.
      // `deployment`: the rollout key of a Deployment this edge enters (the edge shows its traffic share).
      data: { tone: classes, deployment: workloads.get(edge.target) ?? null },
      animated: lit?.has(edge.id) ?? false,
      selectable: false,
      focusable: false,
      ariaLabel: describe(edge),
      zIndex: lit?.has(edge.id) ? 1 : 0,
    }
  })
}
