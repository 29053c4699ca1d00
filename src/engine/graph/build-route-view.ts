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
import { gatewayLookupKey } from './graph-gateways'
import { indexNginxConf, type NginxConfIndex } from './nginx-conf-lines'
import { suggestRequests, type ExampleRequest } from './suggest-requests'
import { suggestGatewayRequests } from '../gateway/suggest-gateway-requests'
import { compileGateways } from '../gateway/compile-gateways'
import { buildGatewayRouteTable, type GatewayTableRow } from '../gateway/gateway-route-table'
import type { CompiledGateways } from '../gateway/types'
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
  /** The route table's Gateway API rows (one per HTTPRoute rule match), after the Ingress rows. */
  readonly gatewayTable: readonly GatewayTableRow[]
  /** The graph node (the rule's) of each Gateway API row (same order), null when the row has none. */
  readonly gatewayTableNodes: readonly (string | null)[]
  /** The Gateways of the input and their listeners, in input order: what the URL tester can route through. */
  readonly gateways: readonly GatewayChoice[]
  /** Example requests through each Gateway (by `namespace/name`), what the URL tester offers when testing through it. */
  readonly gatewayExamples: Readonly<Record<string, readonly ExampleRequest[]>>
}

/** A Gateway the URL tester can send a request through. */
export interface GatewayChoice {
  /** `namespace/name`. */
  readonly key: string
  readonly listeners: readonly { readonly name: string; readonly port: number; readonly protocol: string; readonly hostname: string | null }[]
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

/** The Gateways for the URL tester's chooser. */
function gatewayChoices(gateways: CompiledGateways): GatewayChoice[] {
  return gateways.gateways.map((gateway) => ({
    key: gateway.ref.key,
    listeners: gateway.listeners.map(({ name, port, protocol, hostname }) => ({ name, port, protocol, hostname })),
  }))
}

/**
 * The compiled routes (ingress-nginx's and the Gateway API's, each compiled once here so the worker routes
 * tested requests through the same data) and the route view of one detailed analysis. Never throws.
 */
export function buildRouteView(detailed: DetailedAnalysis, options: RouteViewOptions = {}): { compiled: CompiledRoutes; compiledGateways: CompiledGateways; view: RouteView } {
  const { analysis, locate } = detailed
  const compiled = compileRoutes(analysis.model, options.environment)
  const compiledGateways = compileGateways(analysis.model)
  const graph = buildRouteGraph({ model: analysis.model, compiled, locate, diagnostics: analysis.diagnostics, gateways: compiledGateways }, options)
  const nginxConf = renderNginxConf(compiled)
  const table = buildRouteTable(compiled)
  const gatewayTable = buildGatewayRouteTable(compiledGateways)
  return {
    compiled,
    compiledGateways,
    view: {
      graph,
      table,
      tableNodes: table.map((row) => nodeOfRow(graph, row)),
      nginxConf,
      confIndex: indexNginxConf(nginxConf, compiled),
      examples: suggestRequests(compiled),
      gatewayTable,
      gatewayTableNodes: gatewayTable.map((row) => graph.lookup.gateway.rules[gatewayLookupKey.rule(row.route, row.rule)] ?? null),
      gateways: gatewayChoices(compiledGateways),
      gatewayExamples: Object.fromEntries(compiledGateways.gateways.map((gateway) => [gateway.ref.key, suggestGatewayRequests(compiledGateways, gateway.ref.key)])),
    },
  }
}
