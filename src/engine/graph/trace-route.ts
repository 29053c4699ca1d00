/**
 * Lights up the route of one request in the graph: the nodes and edges from the controller to the host, the
 * path, the Service, its workloads and pods — or to the default backend for a 404, or only as far as the
 * path for a redirect.
 */
import type { RouteResult } from '../route/types'
import { CONTROLLER_ID, DEFAULT_BACKEND_ID } from './graph-hosts'
import type { RouteGraph } from './types'

/** What the request touched, in order from the controller. */
export interface RouteHighlight {
  readonly nodes: readonly string[]
  readonly edges: readonly string[]
  /** The node where the answer was decided (the path of a redirect, the default backend of a 404, the Service). */
  readonly end: string | null
}

/** Steps `from` → `to` along the graph, noting the node and the edge between them; unknown ids are skipped. */
export type Visit = (from: string | null, to: string | undefined) => string | null

/** A walk through `graph` that collects what it visits, in order. */
export function walkGraph(graph: RouteGraph): { nodes: string[]; edges: string[]; visit: Visit } {
  const known = new Set(graph.nodes.map((node) => node.id))
  const edgeIds = new Map(graph.edges.map((edge) => [`${edge.source}\u0000${edge.target}`, edge.id]))
  const nodes: string[] = []
  const edges: string[] = []
  const visit: Visit = (from, to) => {
    if (!to || !known.has(to)) return from
    if (!nodes.includes(to)) nodes.push(to)
    const edge = from === null ? undefined : edgeIds.get(`${from}\u0000${to}`)
    if (edge && !edges.includes(edge)) edges.push(edge)
    return to
  }
  return { nodes, edges, visit }
}

/** The Deployments behind the Service node `service`, with their ReplicaSets and pods. */
export function visitWorkloads(graph: RouteGraph, visit: Visit, service: string): void {
  for (const workload of graph.lookup.workloads[service] ?? []) {
    visit(service, workload)
    for (const rs of graph.nodes) {
      if (rs.parent !== workload) continue
      visit(null, rs.id)
      for (const node of graph.nodes) if (node.parent === rs.id) visit(null, node.id)
    }
  }
}

/** The part of `graph` that `result` went through. Unknown ids (a graph from other text) light nothing. */
export function traceRouteInGraph(graph: RouteGraph, result: RouteResult): RouteHighlight {
  const { nodes, edges, visit } = walkGraph(graph)
  if (result.status === 400 || result.serverHostname === null) return { nodes, edges, end: null }
  let at = visit(null, CONTROLLER_ID)
  at = visit(at, graph.lookup.servers[result.serverHostname])
  const path = result.locationId === null ? undefined : graph.lookup.locations[result.locationId]
  at = visit(at, path)
  // A 503 of an upstream without endpoints ends at its Service (backend-availability.ts); a custom default
  // backend is the default-backend annotation's Service.
  const upstream = result.upstream ?? result.unavailable?.upstream ?? null
  const service = upstream === null ? undefined : graph.lookup.upstreams[upstream]
  if (service) {
    visit(at, service)
    visitWorkloads(graph, visit, service)
    return { nodes, edges, end: service }
  }
  if (result.status === 404 && result.location === null) {
    return { nodes, edges, end: visit(nodes.length === 1 ? CONTROLLER_ID : null, DEFAULT_BACKEND_ID) }
  }
  return { nodes, edges, end: at === CONTROLLER_ID ? null : at }
}
