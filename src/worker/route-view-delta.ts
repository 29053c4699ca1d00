/**
 * A route view sent as what changed since the one the page holds. The graph of a 3,000-object manifest has
 * 9,000 nodes and as many edges (5 MB as data); an edit changes a handful, yet every route view was cloned whole:
 * ~60 ms to write in the worker and as long again to read on the page's main thread, where the graph then
 * compared every node as JSON to find the changed ones. The worker now sends, for each node, edge and route
 * table row equal to the base's (same id for nodes and edges, same position for rows), its index there; the page
 * rebuilds the view with its own objects for those, so they stay the same objects and its views skip them.
 */
import type { GraphEdge, GraphNode, RouteTableRow } from '../engine'
import type { RouteViewedResponse } from './protocol'

/** One array: per item, the index of the base's equal item (-1: the next of `fresh`). */
export interface ArrayDelta<T> {
  readonly kept: Int32Array
  readonly fresh: readonly T[]
}

/** A `route-viewed` response told against the one answered for request `base`. */
export interface RouteViewDelta {
  readonly base: number
  readonly nodes: ArrayDelta<GraphNode>
  readonly edges: ArrayDelta<GraphEdge>
  readonly table: ArrayDelta<RouteTableRow>
  /** The response with the three arrays left empty. */
  readonly rest: RouteViewedResponse
}

/** A route view answer and the id of the request it answered. */
export interface HeldRouteView {
  readonly id: number
  readonly response: RouteViewedResponse
}

/** `next` told against `base`: equal items found by deep equality of plain data. */
export function encodeRouteViewDelta(base: HeldRouteView, next: RouteViewedResponse): RouteViewDelta {
  const { view } = base.response
  return {
    base: base.id,
    nodes: encodeById(view.graph.nodes, next.view.graph.nodes),
    edges: encodeById(view.graph.edges, next.view.graph.edges),
    table: encodeByPosition(view.table, next.view.table),
    rest: { ...next, view: { ...next.view, graph: { ...next.view.graph, nodes: [], edges: [] }, table: [] } },
  }
}

function encodeById<T extends { readonly id: string }>(base: readonly T[], next: readonly T[]): ArrayDelta<T> {
  const byId = new Map<string, number>()
  base.forEach((item, index) => byId.set(item.id, index))
  return encode(base, next, (item) => byId.get(item.id) ?? -1)
}

function encodeByPosition<T>(base: readonly T[], next: readonly T[]): ArrayDelta<T> {
  return encode(base, next, (_, index) => (index < base.length ? index : -1))
}

function encode<T>(base: readonly T[], next: readonly T[], candidate: (item: T, index: number) => number): ArrayDelta<T> {
  const kept = new Int32Array(next.length)
  const fresh: T[] = []
  next.forEach((item, i) => {
    const index = candidate(item, i)
    if (index !== -1 && samePlainData(base[index], item)) kept[i] = index
    else {
      kept[i] = -1
      fresh.push(item)
    }
  })
  return { kept, fresh }
}

/**
 * Deep equality of structured-clone data as the engine makes it (objects, arrays, primitives): the same keys
 * (an absent field and an undefined one differ, as they do after a clone) and equal values.
 */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b)
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!samePlainData(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = Object.keys(x)
  if (keys.length !== Object.keys(y).length) return false
  for (const key of keys) if (!(key in y) || !samePlainData(x[key], y[key])) return false
  return true
}

/** The response `delta` describes, rebuilt on `base`; null when `base` is not the one it was told against. */
export function decodeRouteViewDelta(base: HeldRouteView | null, delta: RouteViewDelta): RouteViewedResponse | null {
  if (base === null || base.id !== delta.base) return null
  const { view } = base.response
  const { rest } = delta
  return {
    ...rest,
    view: {
      ...rest.view,
      graph: { ...rest.view.graph, nodes: decode(view.graph.nodes, delta.nodes), edges: decode(view.graph.edges, delta.edges) },
      table: decode(view.table, delta.table),
    },
  }
}

function decode<T>(base: readonly T[], { kept, fresh }: ArrayDelta<T>): T[] {
  const out: T[] = new Array(kept.length)
  let next = 0
  for (let i = 0; i < kept.length; i++) {
    const index = kept[i] as number
    out[i] = index === -1 ? (fresh[next++] as T) : (base[index] as T)
  }
  return out
}
