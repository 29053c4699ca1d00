/**
 * What the graph builders share while they run: the inputs, the draft they write into and the lookup tables
 * they fill. Internal to `src/engine/graph`.
 */
import type { ClusterIndex } from '../checks/cluster-index'
import type { ClusterModel, FieldPath, Ingress, IngressPath, SourceRef } from '../model/types'
import type { LocatePart } from '../source/locate'
import type { Span } from '../diagnostics'
import type { CompiledRoutes, IngressRef } from '../route/types'
import type { GraphDraft } from './graph-draft'
import type { SourceSpan } from './types'
import type { MutableGatewayLookup } from './graph-gateways'

export interface GraphContext {
  readonly model: ClusterModel
  readonly compiled: CompiledRoutes
  readonly index: ClusterIndex
  readonly draft: GraphDraft
  /** The span of a field of an object, as the analysis's Locator finds it. */
  readonly span: (source: SourceRef, path: FieldPath, part?: LocatePart) => SourceSpan
  readonly lookup: {
    readonly locations: Record<string, string>
    readonly servers: Record<string, string>
    readonly upstreams: Record<string, string>
    readonly workloads: Record<string, string[]>
    readonly gateway: MutableGatewayLookup
  }
  /** Path node ids per Ingress index: where diagnostics about the Ingress as a whole are shown. */
  readonly ingressPaths: Map<number, string[]>
  /** The object a Service or resource-backend node stands for (its namespace and name), for the graph's facets. */
  readonly objects: Map<string, { readonly namespace: string; readonly name: string }>
}

/** The `SourceSpan` of a Locator span in the object's file. */
export function toSourceSpan(source: SourceRef, span: Span): SourceSpan {
  return { file: source.file, start: span.start, end: span.end }
}

/** `web`, or `team-a/web` outside the default namespace. */
export function qualifiedName(namespace: string, name: string): string {
  return namespace === 'default' ? name : `${namespace}/${name}`
}

export function ingressLabel(ref: IngressRef): string {
  return qualifiedName(ref.namespace, ref.name)
}

const samePath = (a: FieldPath, b: FieldPath): boolean => a.length === b.length && a.every((step, i) => step === b[i])

/** The Ingress path written at `at` (`['spec', 'rules', r, 'http', 'paths', p]`), if any. */
export function findIngressPath(ingress: Ingress | undefined, at: FieldPath): IngressPath | undefined {
  for (const rule of ingress?.rules ?? []) {
    for (const path of rule.paths) if (samePath(path.at, at)) return path
  }
  return undefined
}

/** Remembers that `nodeId` belongs to the Ingress with `index` (for Ingress-wide diagnostics). */
export function noteIngressPath(ctx: GraphContext, index: number, nodeId: string): void {
  const list = ctx.ingressPaths.get(index)
  if (!list) ctx.ingressPaths.set(index, [nodeId])
  else if (!list.includes(nodeId)) list.push(nodeId)
}
