/**
 * Lights up the route of one request through a Gateway, in the shape `traceRouteInGraph` gives for an Ingress:
 * GatewayClass → Gateway → the listener that took the connection → the HTTPRoute → the rule that matched → the
 * chosen backend's Service → its Deployments, ReplicaSets and pods. A 404 ends at the listener, a redirect (no
 * backend) at the rule, an answer that never reached a listener at the Gateway.
 */
import type { GatewayRouteResult } from '../gateway/types'
import { gatewayLookupKey } from './graph-gateways'
import { visitWorkloads, walkGraph, type RouteHighlight } from './trace-route'
import type { RouteGraph } from './types'

/** The part of `graph` that `result` went through. Unknown names (a graph from other text) light nothing. */
export function traceGatewayRouteInGraph(graph: RouteGraph, result: GatewayRouteResult): RouteHighlight {
  const { nodes, edges, visit } = walkGraph(graph)
  const lookup = graph.lookup.gateway
  const gateway = result.gateway === null ? undefined : lookup.gateways[result.gateway]
  if (result.gateway === null || gateway === undefined) return { nodes, edges, end: null }
  let at = visit(null, lookup.classes[gateway])
  at = visit(at, gateway)
  if (result.listener === null) return { nodes, edges, end: at === gateway ? gateway : null }
  at = visit(at, lookup.listeners[gatewayLookupKey.listener(result.gateway, result.listener)])
  const route = result.route
  if (route === null) return { nodes, edges, end: at }
  const routeKey = `${route.namespace}/${route.name}`
  at = visit(at, lookup.routes[routeKey])
  at = visit(at, lookup.rules[gatewayLookupKey.rule(routeKey, route.rule)])
  const backend = result.backendIndex === null ? undefined : lookup.backends[gatewayLookupKey.backend(routeKey, route.rule, result.backendIndex)]
  if (backend === undefined) return { nodes, edges, end: at }
  const end = visit(at, backend)
  // Behind a Service that answered (200, or 503 for no ready endpoints): its workloads; a refused one (500) ends there.
  if (end === backend && result.status !== 500) visitWorkloads(graph, visit, backend)
  return { nodes, edges, end }
}
