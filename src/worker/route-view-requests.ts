/**
 * The routing views' requests: `route-view` (graph, layout, route table, nginx.conf, examples) and `route`
 * (test one request and light its route up in the graph). Both work on the latest analysis of the same text
 * (analysis-cache.ts, shared with the analyze request), so an edit is analysed once.
 */
import {
  buildRouteView,
  routeRequest,
  traceRouteInGraph,
  type AnalyzeOptions,
  type CompiledRoutes,
  type RouteView,
  type RouteViewOptions,
  type SourceFile,
} from '../engine'
import { analysisKey, analyzeCached } from './analysis-cache'
import { layoutGraph } from './layout-graph'
import { PROTOCOL_VERSION, type RoutedResponse, type RouteRequestMessage, type RouteViewedResponse, type RouteViewRequest } from './protocol'

interface Built {
  readonly key: string
  readonly compiled: CompiledRoutes
  readonly view: RouteView
  readonly millis: number
}

let last: Built | null = null

function keyOf(files: readonly SourceFile[], options: AnalyzeOptions | undefined, view: RouteViewOptions | undefined): string {
  return `${analysisKey(files, options)}\u0000${JSON.stringify(view ?? null)}`
}

/** The route view of these files, built once per text and options. */
function build(files: readonly SourceFile[], options: AnalyzeOptions | undefined, viewOptions: RouteViewOptions | undefined): Built {
  const key = keyOf(files, options, viewOptions)
  if (last?.key === key) return last
  const started = performance.now()
  const { compiled, view } = buildRouteView(analyzeCached(files, options), viewOptions)
  last = { key, compiled, view, millis: performance.now() - started }
  return last
}

/** Builds (or reuses) the route view and lays its graph out. */
export async function answerRouteView(request: RouteViewRequest): Promise<RouteViewedResponse> {
  const built = build(request.files, request.options, request.view)
  const outcome = await layoutGraph(built.view.graph)
  return {
    v: PROTOCOL_VERSION,
    type: 'route-viewed',
    id: request.id,
    view: built.view,
    layout: outcome.layout,
    layoutReused: outcome.reused,
    millis: { build: built.millis, layout: outcome.millis },
  }
}

/** Routes one request through the compiled routes of the files and finds its path through the graph. */
export function answerRoute(request: RouteRequestMessage): RoutedResponse {
  const built = build(request.files, request.options, request.view)
  const result = routeRequest(built.compiled, request.request)
  return { v: PROTOCOL_VERSION, type: 'routed', id: request.id, result, highlight: traceRouteInGraph(built.view.graph, result) }
}
