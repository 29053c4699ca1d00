/**
 * Which nodes the route graph shows under the user's filter: the engine's facets (the nodes on the routes
 * through each host, namespace, Ingress, HTTPRoute and Service) whose value contains the search text, and/or the route the
 * URL tester lit. The controller always stays (every route starts there); a node's parents stay with it, since a
 * pod is drawn inside its ReplicaSet inside its Deployment.
 */
import type { GraphFacets, RouteGraph, RouteHighlight } from '../../engine'
import type { GraphFilter } from '../../state/slices/graph-slice'

const FACETS: readonly (keyof GraphFacets)[] = ['host', 'namespace', 'ingress', 'route', 'service']

/** True when the filter narrows anything (an "only tested" without a tested route does not). */
export function isFilterActive(filter: GraphFilter, tested: RouteHighlight | null): boolean {
  return filter.text.trim() !== '' || (filter.onlyTested && tested !== null)
}

/** The facet values the text matches (case-insensitive substring), for the suggestions and the count. */
export function matchingValues(facets: GraphFacets, filter: GraphFilter): { facet: keyof GraphFacets; value: string; nodes: readonly string[] }[] {
  const text = filter.text.trim().toLowerCase()
  if (text === '') return []
  const kinds = filter.facet === 'any' ? FACETS : [filter.facet]
  return kinds.flatMap((facet) => facets[facet].filter((entry) => entry.value.toLowerCase().includes(text)).map((entry) => ({ facet, ...entry })))
}

/** The ids of the nodes to draw, or null for all of them. */
export function visibleNodeIds(graph: RouteGraph, filter: GraphFilter, tested: RouteHighlight | null): ReadonlySet<string> | null {
  if (!isFilterActive(filter, tested)) return null
  const children = new Map<string, string[]>()
  const parentOf = new Map<string, string>()
  for (const node of graph.nodes) {
    if (node.parent === null) continue
    parentOf.set(node.id, node.parent)
    children.set(node.parent, [...(children.get(node.parent) ?? []), node.id])
  }
  let shown: Set<string> | null = null
  if (filter.text.trim() !== '') {
    shown = new Set(matchingValues(graph.facets, filter).flatMap((entry) => entry.nodes))
  }
  if (filter.onlyTested && tested) {
    const route = new Set<string>()
    const withChildren = (id: string): void => {
      route.add(id)
      for (const child of children.get(id) ?? []) withChildren(child)
    }
    for (const id of tested.nodes) withChildren(id)
    shown = shown === null ? route : new Set([...shown].filter((id) => route.has(id)))
  }
  const result = new Set<string>(shown ?? [])
  for (const node of graph.nodes) if (node.kind === 'controller') result.add(node.id)
  for (const id of [...result]) {
    for (let parent = parentOf.get(id); parent !== undefined && !result.has(parent); parent = parentOf.get(parent)) result.add(parent)
  }
  return result
}
