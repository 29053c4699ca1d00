/**
 * The mutable accumulator the graph builders write into: nodes and edges by id (first writer wins, later
 * writers add spans, badges and problems), then frozen into the plain `RouteGraph` with sizes.
 */
import { cardHeight, NODE_WIDTH, problemLines, REPLICA_SET_METRICS, replicaSetHeight } from './node-size'
import type { GraphBadge, GraphDeploymentRef, GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind, GraphProblem, SourceSpan } from './types'

export interface DraftNode {
  id: string
  kind: GraphNodeKind
  label: string
  sub: string | null
  badges: GraphBadge[]
  problems: GraphProblem[]
  spans: SourceSpan[]
  reveal: SourceSpan | null
  dim: boolean
  parent: string | null
  count: number | null
  deployment: GraphDeploymentRef | null
  podIndex: number | null
  /** Child pod nodes, for ReplicaSet boxes (their height follows). */
  children: number
  /** Height of child boxes below the card's own lines (a Deployment's ReplicaSet). */
  inner: number
}

export interface DraftEdge {
  id: string
  source: string
  target: string
  kind: GraphEdgeKind
  label: string | null
  problem: GraphProblem | null
  dim: boolean
}

export type NodeInit = Partial<Omit<DraftNode, 'id' | 'kind' | 'label'>> & { id: string; kind: GraphNodeKind; label: string }

/** Left-to-right order of the kinds; the layout keeps nodes of a layer in input order. */
const KIND_ORDER: Readonly<Record<GraphNodeKind, number>> = {
  controller: 0, gatewayClass: 0.1, gateway: 0.2, host: 1, listener: 1.1, defaultBackend: 2, httpRoute: 2.1, path: 3, routeRule: 3.1,
  service: 4, resource: 5, workload: 6, replicaSet: 7, pod: 8, morePods: 9,
}

const sameSpan = (a: SourceSpan, b: SourceSpan): boolean => a.file === b.file && a.start === b.start && a.end === b.end
const sameBadge = (a: GraphBadge, b: GraphBadge): boolean => a.kind === b.kind && a.text === b.text
const sameProblem = (a: GraphProblem, b: GraphProblem): boolean => a.code === b.code && a.subject === b.subject && a.detail === b.detail

export class GraphDraft {
  readonly nodes = new Map<string, DraftNode>()
  readonly edges = new Map<string, DraftEdge>()

  /** Adds the node, or returns the existing one with the same id (its fields stay; call the add* helpers). */
  node(init: NodeInit): DraftNode {
    const existing = this.nodes.get(init.id)
    if (existing) return existing
    const node: DraftNode = {
      sub: null, badges: [], problems: [], spans: [], reveal: null, dim: false, parent: null, count: null, deployment: null, podIndex: null, children: 0, inner: 0, ...init,
    }
    this.nodes.set(node.id, node)
    return node
  }

  /** Adds the edge unless one with the same id exists; a later, non-dim edge makes the existing one non-dim. */
  edge(source: string, target: string, kind: GraphEdgeKind, label: string | null = null, problem: GraphProblem | null = null, dim = false): DraftEdge {
    const id = `${kind}:${source}->${target}`
    const existing = this.edges.get(id)
    if (existing) {
      existing.dim = existing.dim && dim
      return existing
    }
    const edge: DraftEdge = { id, source, target, kind, label, problem, dim }
    this.edges.set(id, edge)
    return edge
  }

  /** The plain nodes (by kind, left to right, then in the order added; parents before children) and edges. */
  freeze(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const nodes = [...this.nodes.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]).map(sizeNode)
    const edges = [...this.edges.values()].map((e): GraphEdge => ({ ...e }))
    return { nodes, edges }
  }
}

export function addSpan(node: DraftNode, span: SourceSpan | null): void {
  if (span && !node.spans.some((s) => sameSpan(s, span))) node.spans.push(span)
  if (span && !node.reveal) node.reveal = span
}

export function addBadge(node: DraftNode, badge: GraphBadge): void {
  if (!node.badges.some((b) => sameBadge(b, badge))) node.badges.push(badge)
}

export function addProblem(node: DraftNode, problem: GraphProblem): void {
  if (!node.problems.some((p) => sameProblem(p, problem))) node.problems.push(problem)
}

function sizeNode(draft: DraftNode): GraphNode {
  const width = NODE_WIDTH[draft.kind]
  const height = draft.kind === 'replicaSet'
    ? replicaSetHeight(draft.children)
    : draft.kind === 'pod' || draft.kind === 'morePods'
      ? REPLICA_SET_METRICS.podHeight
      : cardHeight(draft.kind, draft.sub !== null, draft.badges, problemLines(draft.problems)) + draft.inner
  return {
    id: draft.id,
    kind: draft.kind,
    label: draft.label,
    sub: draft.sub,
    badges: draft.badges,
    problems: draft.problems,
    spans: draft.spans,
    reveal: draft.reveal,
    count: draft.count,
    deployment: draft.deployment,
    podIndex: draft.podIndex,
    diagnostics: null,
    dim: draft.dim,
    parent: draft.parent,
    width,
    height,
  }
}
