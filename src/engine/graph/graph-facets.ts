/**
 * The graph's facets: for each host, namespace, Ingress, HTTPRoute and Service, the nodes on the routes through it, so a
 * view can narrow a large graph to one of them without knowing how routes are built. A route is one path node
 * with its host, the Services it proxies to, the Deployments they select and their ReplicaSets and pods; every
 * node of a route belongs to every facet value the route touches. The controller and the default backend belong
 * to none (a view keeps them). Pure data, computed with the graph.
 */
import type { GraphFacets, GraphFacetValue, GraphNode, GraphEdge } from './types'

/** What the builders know about the objects behind nodes (ids are opaque, so this is passed in). */
export interface FacetSources {
  /** Path node id → the Ingress it was written in. */
  readonly ingressOfPath: ReadonlyMap<string, { readonly namespace: string; readonly name: string }>
  /** Service or resource-backend node id → the object it stands for. */
  readonly objects: ReadonlyMap<string, { readonly namespace: string; readonly name: string }>
  /**
   * Gateway API rule node id → its HTTPRoute and the hostnames requests reach it with (the attachments'; null for
   * any host). A rule is a route as a path is: with its HTTPRoute, listeners, Gateway and GatewayClass.
   */
  readonly gatewayRules?: ReadonlyMap<string, { readonly route: { readonly namespace: string; readonly name: string }; readonly hosts: readonly string[] | null }>
}

type FacetKind = keyof GraphFacets

class FacetTable {
  private readonly values: Record<FacetKind, Map<string, Set<string>>> = { host: new Map(), namespace: new Map(), ingress: new Map(), service: new Map(), route: new Map() }

  add(kind: FacetKind, value: string, nodes: Iterable<string>): void {
    let set = this.values[kind].get(value)
    if (!set) this.values[kind].set(value, (set = new Set()))
    for (const node of nodes) set.add(node)
  }

  freeze(order: ReadonlyMap<string, number>): GraphFacets {
    const list = (kind: FacetKind): GraphFacetValue[] =>
      [...this.values[kind]]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([value, nodes]) => ({ value, nodes: [...nodes].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) }))
    return { host: list('host'), namespace: list('namespace'), ingress: list('ingress'), service: list('service'), route: list('route') }
  }
}

const key = (ref: { readonly namespace: string; readonly name: string }): string => `${ref.namespace}/${ref.name}`

/** The list under `id`, made on first use (appending in place: a node with thousands of edges stays linear). */
function listOf(lists: Map<string, string[]>, id: string): string[] {
  let list = lists.get(id)
  if (!list) lists.set(id, (list = []))
  return list
}

/** Facets of the graph `nodes` and `edges` (graph order kept inside each value; values sorted). */
export function computeFacets(nodes: readonly GraphNode[], edges: readonly GraphEdge[], sources: FacetSources): GraphFacets {
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const order = new Map(nodes.map((node, index) => [node.id, index]))
  const children = new Map<string, string[]>()
  for (const node of nodes) if (node.parent !== null) listOf(children, node.parent).push(node.id)
  const into = new Map<string, string[]>()
  const out = new Map<string, string[]>()
  for (const edge of edges) {
    if (edge.kind === 'entry') continue
    listOf(out, edge.source).push(edge.target)
    listOf(into, edge.target).push(edge.source)
  }
  const withDescendants = (id: string, into: Set<string>): void => {
    into.add(id)
    for (const child of children.get(id) ?? []) withDescendants(child, into)
  }
  const table = new FacetTable()
  const onRoute = new Set<string>()

  for (const path of nodes) {
    if (path.kind !== 'path') continue
    const route = new Set<string>([path.id])
    const hosts = (into.get(path.id) ?? []).filter((id) => byId.get(id)?.kind === 'host')
    const backends = out.get(path.id) ?? []
    const workloads = backends.flatMap((id) => out.get(id) ?? [])
    for (const id of [...hosts, ...backends]) route.add(id)
    for (const id of workloads) withDescendants(id, route)
    for (const id of route) onRoute.add(id)

    const ingress = sources.ingressOfPath.get(path.id)
    const namespaces = new Set<string>()
    for (const id of hosts) table.add('host', (byId.get(id) as GraphNode).label, route)
    if (ingress) {
      table.add('ingress', key(ingress), route)
      namespaces.add(ingress.namespace)
    }
    for (const id of backends) {
      const object = sources.objects.get(id)
      if (!object) continue
      if (byId.get(id)?.kind === 'service') table.add('service', key(object), route)
      namespaces.add(object.namespace)
    }
    for (const id of workloads) {
      const deployment = byId.get(id)?.deployment
      if (deployment) namespaces.add(deployment.namespace)
    }
    for (const namespace of namespaces) table.add('namespace', namespace, route)
  }

  for (const [ruleId, rule] of sources.gatewayRules ?? []) {
    // The rule, its HTTPRoute, the listeners it attached to, their Gateways and classes; its backends and theirs.
    const route = new Set<string>([ruleId])
    const upstream = (id: string): void => {
      for (const from of into.get(id) ?? []) {
        if (route.has(from) || byId.get(from)?.kind === 'routeRule') continue
        route.add(from)
        upstream(from)
      }
    }
    upstream(ruleId)
    const backends = out.get(ruleId) ?? []
    const workloads = backends.flatMap((id) => out.get(id) ?? [])
    for (const id of backends) route.add(id)
    for (const id of workloads) withDescendants(id, route)
    for (const id of route) onRoute.add(id)
    const namespaces = new Set<string>([rule.route.namespace])
    table.add('route', key(rule.route), route)
    for (const host of rule.hosts ?? ['*']) table.add('host', host, route)
    for (const id of backends) {
      const object = sources.objects.get(id)
      if (!object) continue
      if (byId.get(id)?.kind === 'service') table.add('service', key(object), route)
      namespaces.add(object.namespace)
    }
    for (const id of workloads) {
      const deployment = byId.get(id)?.deployment
      if (deployment) namespaces.add(deployment.namespace)
    }
    for (const namespace of namespaces) table.add('namespace', namespace, route)
  }

  // What no route reaches still belongs to its own host, Service or namespace.
  for (const node of nodes) {
    if (onRoute.has(node.id) || node.parent !== null) continue
    const own = new Set<string>()
    withDescendants(node.id, own)
    if (node.kind === 'host') table.add('host', node.label, own)
    const object = sources.objects.get(node.id)
    if (object) {
      if (node.kind === 'service') {
        for (const id of out.get(node.id) ?? []) withDescendants(id, own)
        table.add('service', key(object), own)
      }
      table.add('namespace', object.namespace, own)
    }
    if (node.deployment && node.kind === 'workload') table.add('namespace', node.deployment.namespace, own)
  }
  return table.freeze(order)
}
