/**
 * Two routes lit in one graph at once: the migration view (docs/migration.md#studio) shows a request's route
 * through ingress-nginx and its route through the converted Gateway API objects in the same graph, each in its own
 * style. Nodes read the pair from `TwoRoutesContext` when a graph provides it, else the URL tester's one route
 * from the store, so the workspace graph is untouched.
 */
import type { Edge } from '@xyflow/react'
import { createContext, useContext } from 'react'
import type { GraphEdge, RouteGraph, RouteHighlight } from '../../engine'
import { useStudioStore } from '../../state/store'
import { buildFlowEdges } from './flow-elements'
import { selectLitState, type LitState } from './graph-selectors'

export interface TwoRoutes {
  readonly ingress: RouteHighlight | null
  readonly gateway: RouteHighlight | null
}

/** Which of the two routes a node or edge is on. */
export type RouteSide = 'ingress' | 'gateway' | 'both'

export const TwoRoutesContext = createContext<TwoRoutes | null>(null)

function sideOf(onIngress: boolean, onGateway: boolean): RouteSide | null {
  return onIngress && onGateway ? 'both' : onIngress ? 'ingress' : onGateway ? 'gateway' : null
}

/** A node's state under two routes: lit (and on which), the end of either, or faded beside them. */
export function twoRouteState(routes: TwoRoutes, id: string): { readonly lit: LitState; readonly side: RouteSide | null } {
  const { ingress, gateway } = routes
  if (!ingress && !gateway) return { lit: 'none', side: null }
  const side = sideOf(ingress?.nodes.includes(id) === true || ingress?.end === id, gateway?.nodes.includes(id) === true || gateway?.end === id)
  if (side === null) return { lit: 'faded', side }
  return { lit: ingress?.end === id || gateway?.end === id ? 'end' : 'lit', side }
}

/** The classes a node's lit state adds: `lit-<state>`, and `on-<side>` under two routes. */
export function useNodeLit(id: string): string {
  const routes = useContext(TwoRoutesContext)
  const workspace = useStudioStore((state) => (routes ? 'none' : selectLitState(state, id)))
  if (!routes) return `lit-${workspace}`
  const { lit, side } = twoRouteState(routes, id)
  return side ? `lit-${lit} on-${side}` : `lit-${lit}`
}

/** The graph's edges with both routes lit: each lit edge also says which route it is on (`on-<side>`). */
export function buildTwoRouteEdges(graph: RouteGraph, routes: TwoRoutes, describe: (edge: GraphEdge) => string): Edge[] {
  const ingress = new Set(routes.ingress?.edges ?? [])
  const gateway = new Set(routes.gateway?.edges ?? [])
  const any = routes.ingress || routes.gateway ? { nodes: [], edges: [...ingress, ...gateway], end: null } : null
  return buildFlowEdges(graph, any, describe).map((edge) => {
    const side = sideOf(ingress.has(edge.id), gateway.has(edge.id))
    if (!side) return edge
    const className = `${edge.className ?? ''} on-${side}`
    return { ...edge, className, data: { ...edge.data, tone: className } }
  })
}
