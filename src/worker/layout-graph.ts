/**
 * Lays the route graph out with ELK (layered, left to right) inside the engine worker, off the main thread; a
 * graph above `COLUMN_LAYOUT_NODES` nodes in the engine's linear column layout instead.
 * ELK (about 1.6 MB) is imported on the first layout only, so it never delays the first analysis. Layouts are
 * cached by the graph's structural key: an edit that changes only words reuses the previous positions.
 */
import { COLUMN_LAYOUT_NODES, computeLayoutKey, layoutColumns, readLayout, toElkGraph, type ElkGraphJson, type GraphLayout, type RouteGraph } from '../engine'

interface ElkLike {
  layout(graph: ElkGraphJson): Promise<ElkGraphJson>
}

/** Layouts kept: the current graph, a few before it (undo), and the graph with and without expanded pods. */
const CACHE_SIZE = 8

let elk: Promise<ElkLike> | null = null
const cache = new Map<string, GraphLayout>()

async function loadElk(): Promise<ElkLike> {
  const scope = globalThis as { onmessage?: unknown }
  const before = scope.onmessage
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js')
  const instance = new ELK() as unknown as ElkLike
  // elkjs's bundled fake worker claims `self.onmessage` when it finds itself in a worker; give it back.
  if ('onmessage' in scope && scope.onmessage !== before) scope.onmessage = before
  return instance
}

export interface LayoutOutcome {
  readonly layout: GraphLayout
  /** True when the positions came from the cache (no ELK run). */
  readonly reused: boolean
  readonly millis: number
}

/** Positions for every node of `graph`, from the cache when its structure was laid out before. */
export async function layoutGraph(graph: RouteGraph): Promise<LayoutOutcome> {
  const started = performance.now()
  const key = computeLayoutKey(graph)
  const cached = cache.get(key)
  if (cached) {
    cache.delete(key)
    cache.set(key, cached)
    return { layout: cached, reused: true, millis: performance.now() - started }
  }
  // A large graph is laid out in columns (engine/graph/layout-columns.ts): ELK would take longer than the page waits.
  let result: ElkGraphJson
  if (graph.nodes.length > COLUMN_LAYOUT_NODES) result = layoutColumns(graph)
  else {
    elk ??= loadElk()
    result = await (await elk).layout(toElkGraph(graph))
  }
  const layout = readLayout(graph, result)
  cache.set(key, layout)
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  return { layout, reused: false, millis: performance.now() - started }
}
