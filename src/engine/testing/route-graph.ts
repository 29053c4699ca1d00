/**
 * The route graph of a text for graph tests: analyse it, build the route view, and look nodes up by id or label.
 * Any text is accepted (dangling references are what some tests are about), so nothing here insists on a clean model.
 */
import { analyzeDetailed } from '../analyze'
import { buildRouteView, type RouteView, type RouteViewOptions } from '../graph/build-route-view'
import type { GraphEdge, GraphNode, RouteGraph } from '../graph/types'
import type { CompiledRoutes } from '../route/types'
import type { CompiledGateways } from '../gateway/types'

export interface GraphFixture {
  readonly text: string
  readonly view: RouteView
  readonly graph: RouteGraph
  readonly compiled: CompiledRoutes
  readonly compiledGateways: CompiledGateways
  /** The node with this id; throws when there is none, so a test fails with the id in the message. */
  node(id: string): GraphNode
  /** Nodes of a kind, by label. */
  labelled(kind: GraphNode['kind'], label: string): GraphNode[]
  /** The edge from `source` to `target`, if any. */
  edge(source: string, target: string): GraphEdge | undefined
  /** The text each span of the node covers. */
  spanTexts(node: GraphNode): string[]
}

export function graphOf(text: string, options: RouteViewOptions = {}): GraphFixture {
  const { compiled, compiledGateways, view } = buildRouteView(analyzeDetailed([{ name: 'test.yaml', text }]), options)
  const graph = view.graph
  return {
    text,
    view,
    graph,
    compiled,
    compiledGateways,
    node(id) {
      const found = graph.nodes.find((n) => n.id === id)
      if (!found) throw new Error(`no node ${id}; nodes: ${graph.nodes.map((n) => n.id).join(', ')}`)
      return found
    },
    labelled: (kind, label) => graph.nodes.filter((n) => n.kind === kind && n.label === label),
    edge: (source, target) => graph.edges.find((e) => e.source === source && e.target === target),
    spanTexts: (node) => node.spans.map((span) => text.slice(span.start, span.end)),
  }
}
