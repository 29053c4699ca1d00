/**
 * `buildRouteGraph`: the cluster model and its compiled routes as the graph the studio draws — the controller
 * entry, hosts, paths, Services, Deployments, ReplicaSets and pods, the default backend — with the manifest
 * spans of every node, dangling references as problems, and diagnostics on the nodes they concern.
 *
 * Node ids name what a node stands for, not what it says (a path node is keyed by host, Ingress and the
 * field path of the rule path), so editing a label keeps every id and the layout can be reused.
 */
import { buildClusterIndex } from '../checks/cluster-index'
import type { Diagnostic } from '../diagnostics'
import type { ClusterModel } from '../model/types'
import type { CompiledRoutes } from '../route/types'
import type { Locator } from '../source/locate'
import { attachDiagnostics, type DiagnosticScope } from './attach-diagnostics'
import { addWorkloads, POD_NODES_MAX } from './graph-backends'
import { toSourceSpan, type GraphContext } from './graph-context'
import { GraphDraft } from './graph-draft'
import { computeFacets } from './graph-facets'
import { addHostSpans, addServers, addUnplacedRules, CONTROLLER_ID, DEFAULT_BACKEND_ID } from './graph-hosts'
import type { RouteGraph, RouteGraphOptions } from './types'
import type { CompiledGateways } from '../gateway/types'
import { addGateways, emptyGatewayLookup, type GatewayRuleFacts } from './graph-gateways'

export interface RouteGraphInput {
  readonly model: ClusterModel
  readonly compiled: CompiledRoutes
  /** The Locator of the same analysis (only `spanOf` is used). */
  readonly locate: Pick<Locator, 'spanOf'>
  /** The analysis's diagnostics, shown on the nodes they concern. Default: none. */
  readonly diagnostics?: readonly Diagnostic[]
  /** The compiled Gateways of the same model (`compileGateways`), drawn beside the Ingresses. Default: none. */
  readonly gateways?: CompiledGateways
}

/**
 * Builds the route graph. Deterministic: the same input gives the same nodes and edges in the same order
 * (parents before their children, as xyflow needs). Never throws.
 */
export function buildRouteGraph(input: RouteGraphInput, options: RouteGraphOptions = {}): RouteGraph {
  const { model, compiled, locate } = input
  const draft = new GraphDraft()
  const ctx: GraphContext = {
    model,
    compiled,
    index: buildClusterIndex(model),
    draft,
    span: (source, path, part) => toSourceSpan(source, locate.spanOf(source, path, part)),
    lookup: { locations: {}, servers: {}, upstreams: {}, workloads: {}, gateway: emptyGatewayLookup() },
    ingressPaths: new Map(),
    objects: new Map(),
  }
  // Manifests of Gateway API alone draw no ingress-nginx: nothing of it would route their requests.
  const gatewaysOnly = model.ingresses.length === 0 && (model.gateways.length > 0 || model.httpRoutes.length > 0)
  if (!gatewaysOnly) {
    draft.node({ id: CONTROLLER_ID, kind: 'controller', label: 'ingress-nginx', sub: `class ${compiled.environment.ingressClass}` })
    addServers(ctx)
    addUnplacedRules(ctx)
    addHostSpans(ctx)
    draft.node({ id: DEFAULT_BACKEND_ID, kind: 'defaultBackend', label: 'default backend', sub: '404' })
    draft.edge(CONTROLLER_ID, DEFAULT_BACKEND_ID, 'entry')
  }
  const gatewayRules: GatewayRuleFacts = input.gateways ? addGateways(ctx, input.gateways, ctx.lookup.gateway) : new Map()
  const hiddenPods = addWorkloads(ctx, options.podLimit ?? POD_NODES_MAX, new Set(options.expanded ?? []))

  const frozen = draft.freeze()
  const scopes: DiagnosticScope[] = [...ctx.ingressPaths].map(([index, nodeIds]) => {
    const source = (model.ingresses[index] as ClusterModel['ingresses'][number]).source
    return { span: toSourceSpan(source, source.span), nodeIds }
  })
  const nodes = input.diagnostics && input.diagnostics.length > 0 ? attachDiagnostics(frozen.nodes, input.diagnostics, scopes) : frozen.nodes
  const ingressOfPath = new Map<string, { namespace: string; name: string }>()
  for (const [index, nodeIds] of ctx.ingressPaths) {
    const { namespace, name } = (model.ingresses[index] as ClusterModel['ingresses'][number]).meta
    for (const id of nodeIds) ingressOfPath.set(id, { namespace, name })
  }
  const facets = computeFacets(nodes, frozen.edges, { ingressOfPath, objects: ctx.objects, gatewayRules })
  return { nodes, edges: frozen.edges, lookup: ctx.lookup, hiddenPods, facets }
}
