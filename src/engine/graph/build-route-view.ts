/**
 * Everything the studio's routing views show for one analysis, computed together in the worker: the route
 * graph, the route table, the nginx.conf with its location index, and example requests.
 */
import type { DetailedAnalysis } from '../analyze'
import { compileRoutes } from '../route/compile-routes'
import type { EnvironmentOverrides } from '../route/environment'
import { renderNginxConf } from '../route/render-nginx-conf'
import { buildRouteTable, type RouteTableRow } from '../route/route-table'
import type { CompiledRoutes } from '../route/types'
import { CATCH_ALL } from '../route/compile-servers'
import { buildRouteGraph } from './build-route-graph'
import { pathId } from './graph-hosts'
import { indexNginxConf, type NginxConfIndex } from './nginx-conf-lines'
import { suggestRequests, type ExampleRequest } from './suggest-requests'
import type { RouteGraph, RouteGraphOptions } from './types'

/** Plain, structured-clone-safe data for the graph, route table, nginx.conf and URL tester views. */
export interface RouteView {
  readonly graph: RouteGraph
  readonly table: readonly RouteTableRow[]
  /** The graph node of each table row (same order), null when the row has none. */
  readonly tableNodes: readonly (string | null)[]
  readonly nginxConf: string
  readonly confIndex: NginxConfIndex
  readonly examples: readonly ExampleRequest[]
}

export interface RouteViewOptions extends RouteGraphOptions {
  /** Routing settings forced by the user (they win over the manifests' controller ConfigMap). Default: none. */
  readonly environment?: EnvironmentOverrides
}

/** The path node a route table row stands for: through its locations, else the faded node of an unplaced rule. */
function nodeOfRow(graph: RouteGraph, row: RouteTableRow): string | null {
  for (const id of row.locationIds) {
    const node = graph.lookup.locations[id]
    if (node) return node
  }
  if (row.pathType === 'defaultBackend') return null
  const id = pathId(row.host === '' ? CATCH_ALL : row.host, row.ingressRef, row.at)
  return graph.nodes.some((node) => node.id === id) ? id : null
}

/** The compiled routes and the route view of one detailed analysis. Never throws. */
export function buildRouteView(detailed: DetailedAnalysis, options: RouteViewOptions = {}): { compiled: CompiledRoutes; view: RouteView } {
  const { analysis, locate } = detailed
  const compiled = compileRoutes(analysis.model, options.environment)
  const graph = buildRouteGraph({ model: analysis.model, compiled, locate, diagnostics: analysis.diagnostics }, options)
  const nginxConf = renderNginxConf(compiled)
  const table = buildRouteTable(compiled)
  return {
    compiled,
    view: {
      graph,
      table,
      tableNodes: table.map((row) => nodeOfRow(graph, row)),
      nginxConf,
      confIndex: indexNginxConf(nginxConf, compiled),
      examples: suggestRequests(compiled),
    },
  }
}
