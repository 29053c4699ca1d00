/**
 * Lays the route graph out with ELK (layered, left to right) off the main thread; a graph above
 * `COLUMN_LAYOUT_NODES` nodes in the engine's linear column layout instead.
 * ELK (about 1.6 MB) runs in a worker of its own, started from one emitted file (`elk-worker.min.js`) on the first
 * layout: the engine worker and the page's in-thread fallback share that file, so the build and the offline
 * precache hold ELK once, and it never delays the first analysis. Where ELK cannot start (no workers at all, the
 * file unreadable) the column layout stands in. Node (tests, benches) has no Worker and runs ELK's bundled build.
 * Layouts are cached by the graph's structural key: an edit that changes only words reuses the previous positions.
 */
import { COLUMN_LAYOUT_NODES, computeLayoutKey, layoutColumns, readLayout, toElkGraph, type ElkGraphJson, type GraphLayout, type RouteGraph } from '../engine'

interface ElkLike {
  layout(graph: ElkGraphJson): Promise<ElkGraphJson>
}

/** Layouts kept: the current graph, a few before it (undo), and the graph with and without expanded pods. */
const CACHE_SIZE = 8

let elk: Promise<ElkLike> | null = null
export type LayoutEngine = 'elk' | 'columns'

const cache = new Map<string, { readonly layout: GraphLayout; readonly by: LayoutEngine }>()

/** ELK in a worker of its own; a layout fails (rather than waits forever) when that worker cannot run. */
async function loadWorkerElk(): Promise<ElkLike> {
  const [{ default: ElkApi }, { default: workerUrl }] = await Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')])
  let fail: (error: Error) => void = () => undefined
  const broken = new Promise<never>((_, reject) => (fail = reject))
  broken.catch(() => undefined) // raced by every layout; unheard when it breaks between layouts
  const api = new ElkApi({
    workerUrl,
    workerFactory: (url) => {
      const worker = new Worker(url as string)
      worker.addEventListener('error', () => fail(new Error('the ELK worker could not run')))
      return worker
    },
  })
  return { layout: (graph) => Promise.race([api.layout(graph as never) as unknown as Promise<ElkGraphJson>, broken]) }
}

/** ELK's bundled build, for Node (tests and benches); hidden from the bundler so the build never carries it. */
async function loadBundledElk(): Promise<ElkLike> {
  const specifier = 'elkjs/lib/elk.bundled.js'
  const { default: ELK } = (await import(/* @vite-ignore */ specifier)) as { default: new () => ElkLike }
  return new ELK()
}

function loadElk(): Promise<ElkLike> {
  return typeof Worker === 'function' ? loadWorkerElk() : loadBundledElk()
}

export interface LayoutOutcome {
  readonly layout: GraphLayout
  /** True when the positions came from the cache (no ELK run). */
  readonly reused: boolean
  /** Who placed the nodes: ELK, or the engine's column layout (a large graph, or ELK could not run here). */
  readonly by: LayoutEngine
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
    return { ...cached, reused: true, millis: performance.now() - started }
  }
  const placed = await place(graph)
  const entry = { layout: readLayout(graph, placed.result), by: placed.by }
  cache.set(key, entry)
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  return { ...entry, reused: false, millis: performance.now() - started }
}

async function place(graph: RouteGraph): Promise<{ result: ElkGraphJson; by: LayoutEngine }> {
  // A large graph is laid out in columns (engine/graph/layout-columns.ts): ELK would take longer than the page waits.
  if (graph.nodes.length > COLUMN_LAYOUT_NODES) return { result: layoutColumns(graph), by: 'columns' }
  elk ??= loadElk()
  try {
    return { result: await (await elk).layout(toElkGraph(graph)), by: 'elk' }
  } catch {
    // ELK cannot run here: the columns, now and for every later layout (`elk` stays the failed promise).
    return { result: layoutColumns(graph), by: 'columns' }
  }
}
