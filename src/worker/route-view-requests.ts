/**
 * The routing views' requests: `route-view` (graph, layout, route table, nginx.conf, examples) and `route`
 * (test one request and light its route up in the graph). Both work on the latest analysis of the same text
 * (analysis-cache.ts, shared with the analyze request), so an edit is analysed once.
 */
import {
  buildRouteView,
  gatewayRequestOf,
  pickGateway,
  routeGatewayRequest,
  routeRequest,
  traceGatewayRouteInGraph,
  traceRouteInGraph,
  type AnalyzeOptions,
  type CompiledGateways,
  type CompiledRoutes,
  type RouteView,
  type RouteViewOptions,
  type SourceFile,
} from '../engine'
import { analyzeCached, inputKey, sameInput, type InputKey } from './analysis-cache'
import { layoutGraph } from './layout-graph'
import { PROTOCOL_VERSION, type RoutedResponse, type RouteRequestMessage, type RouteViewedDeltaResponse, type RouteViewedResponse, type RouteViewRequest, type TesterRouter } from './protocol'
import { encodeRouteViewDelta, type HeldRouteView } from './route-view-delta'

interface Built {
  readonly key: InputKey
  readonly compiled: CompiledRoutes
  readonly compiledGateways: CompiledGateways
  readonly view: RouteView
  /** The URL tester's default router for this input. */
  readonly router: TesterRouter
  readonly millis: number
}

let last: Built | null = null

/** The route view of these files, built once per text and options. */
function build(files: readonly SourceFile[], options: AnalyzeOptions | undefined, viewOptions: RouteViewOptions | undefined): Built {
  const key = inputKey(files, options, viewOptions ?? null)
  if (last && sameInput(last.key, key)) return last
  const started = performance.now()
  const detailed = analyzeCached(files, options)
  const { compiled, compiledGateways, view } = buildRouteView(detailed, viewOptions)
  // The engine's choice (docs/gateway-api.md#studio-views): the one Gateway of an input without Ingresses.
  const picked = compiledGateways.gateways.length === 0 ? null : pickGateway(compiledGateways, detailed.analysis.model.ingresses.length)
  const router: TesterRouter = picked && 'gateway' in picked ? { router: 'gateway', gateway: picked.gateway } : { router: 'ingress-nginx' }
  last = { key, compiled, compiledGateways, view, router, millis: performance.now() - started }
  return last
}

/** The router a request goes through: the one asked for when the input holds it, else the input's default. */
function routerFor(built: Built, asked: TesterRouter | undefined): TesterRouter {
  if (asked?.router === 'ingress-nginx') return asked
  if (asked?.router === 'gateway' && built.compiledGateways.gateways.some((gateway) => gateway.ref.key === asked.gateway)) return asked
  return built.router
}

/** Builds (or reuses) the route view and lays its graph out. */
export async function answerRouteView(request: RouteViewRequest): Promise<RouteViewedResponse | RouteViewedDeltaResponse> {
  const built = build(request.files, request.options, request.view)
  const outcome = await layoutGraph(built.view.graph)
  const response: RouteViewedResponse = {
    v: PROTOCOL_VERSION,
    type: 'route-viewed',
    id: request.id,
    view: built.view,
    layout: outcome.layout,
    layoutReused: outcome.reused,
    layoutBy: outcome.by,
    millis: { build: built.millis, layout: outcome.millis },
    router: built.router,
  }
  // Against the view the page says it holds, when it is the one answered last (route-view-delta.ts).
  const base = lastAnswered !== null && request.base === lastAnswered.id ? lastAnswered : null
  lastAnswered = { id: request.id, response }
  if (base === null) return response
  return { v: PROTOCOL_VERSION, type: 'route-viewed-delta', id: request.id, delta: encodeRouteViewDelta(base, response) }
}

/** The route view answered last, which a page asking with that id as its `base` holds. */
let lastAnswered: HeldRouteView | null = null

/**
 * Routes one request through the compiled routes of the files — ingress-nginx's, or a Gateway's — and finds its
 * path through the graph.
 */
export function answerRoute(request: RouteRequestMessage): RoutedResponse {
  const built = build(request.files, request.options, request.view)
  const router = routerFor(built, request.router)
  const head = { v: PROTOCOL_VERSION, type: 'routed', id: request.id } as const
  if (router.router === 'gateway') {
    const result = routeGatewayRequest(built.compiledGateways, router.gateway, gatewayRequestOf(request.method === undefined ? request.request : { ...request.request, method: request.method }))
    return { ...head, router: 'gateway', gateway: router.gateway, result, highlight: traceGatewayRouteInGraph(built.view.graph, result) }
  }
  const result = routeRequest(built.compiled, request.request)
  return { ...head, router: 'ingress-nginx', result, highlight: traceRouteInGraph(built.view.graph, result) }
}
