/**
 * Diagnostics on the nodes they concern: each diagnostic goes to the innermost node whose text contains its
 * start; one about an Ingress as a whole (its apiVersion, an annotation) goes to every path node of that Ingress.
 */
import type { Diagnostic, Severity } from '../diagnostics'
import { bestContaining, spanContains, type RankedSpan } from './span-stabbing'
import type { GraphNode, NodeDiagnostics, SourceSpan } from './types'

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }
const MESSAGES_PER_NODE = 3

/** An object's whole text and the nodes that speak for it when no node holds a diagnostic. */
export interface DiagnosticScope {
  readonly span: SourceSpan
  readonly nodeIds: readonly string[]
}

/** The innermost node whose spans contain `offset` of `file`, or null. */
export function findNodeAtOffset(nodes: readonly GraphNode[], file: string, offset: number): GraphNode | null {
  let best: GraphNode | null = null
  let bestLength = Infinity
  for (const node of nodes) {
    for (const span of node.spans) {
      const length = span.end - span.start
      if (length < bestLength && spanContains(span, file, offset)) {
        best = node
        bestLength = length
      }
    }
  }
  return best
}

function summarize(list: readonly Diagnostic[]): NodeDiagnostics {
  const sorted = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity])
  return {
    severity: (sorted[0] as Diagnostic).severity,
    count: sorted.length,
    messages: [...new Map(sorted.map((d) => [JSON.stringify(d.text), d.text])).values()].slice(0, MESSAGES_PER_NODE),
  }
}

/** `nodes` with `diagnostics` filled in (nodes without any keep null). */
export function attachDiagnostics(nodes: readonly GraphNode[], diagnostics: readonly Diagnostic[], scopes: readonly DiagnosticScope[]): GraphNode[] {
  const byNode = new Map<string, Diagnostic[]>()
  const add = (id: string, d: Diagnostic): void => {
    const list = byNode.get(id)
    if (list) list.push(d)
    else byNode.set(id, [d])
  }
  const queries = diagnostics.map((d) => ({ file: d.file, offset: d.span.start }))
  // The innermost node (shortest span; the first node and span on a tie, as findNodeAtOffset answers), else the first scope.
  const nodeSpans: RankedSpan<GraphNode>[] = nodes.flatMap((node, n) => node.spans.map((span, i) => ({ span, value: node, rank: [span.end - span.start, n, i] })))
  const scopeSpans: RankedSpan<DiagnosticScope>[] = scopes.map((scope, i) => ({ span: scope.span, value: scope, rank: [i] }))
  const nodeAt = bestContaining(nodeSpans, queries)
  const scopeAt = bestContaining(scopeSpans, queries)
  diagnostics.forEach((d, i) => {
    const node = nodeAt[i]
    if (node) add(node.id, d)
    else for (const id of scopeAt[i]?.nodeIds ?? []) add(id, d)
  })
  return nodes.map((node) => {
    const list = byNode.get(node.id)
    return list ? { ...node, diagnostics: summarize(list) } : node
  })
}
