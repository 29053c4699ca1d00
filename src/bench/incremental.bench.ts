/**
 * An edit in a 3,000-object, 2 MB manifest, as the worker answers it: the analysis with the worker's memory
 * (only the edited document parsed and modelled again; analysis-memory.ts) and what crosses to the page for the
 * markers — the change since the last analysis, encoded, structured-cloned and rebuilt on the page's copy
 * (worker/analysis-delta.ts), the whole analysis cloned shown beside it — against a fresh analysis of the same
 * text; and the route view the graph is drawn from, built after the same edit and sent the same way
 * (worker/route-view-delta.ts). Budget: the markers' analysis ≤ 150 ms at p95 (issue 18's target for markers
 * and graph; the route view is reported against it too).
 */
import { analyzeDetailed, buildRouteView, createAnalysisMemory, type Analysis, type RouteView } from '../engine'
import { decodeAnalysisDelta, encodeAnalysisDelta, type HeldAnalysis } from '../worker/analysis-delta'
import { PROTOCOL_VERSION, type RouteViewedResponse } from '../worker/protocol'
import { decodeRouteViewDelta, encodeRouteViewDelta, type HeldRouteView } from '../worker/route-view-delta'
import { realisticManifest } from '../engine/testing/large-manifests'
import { median, type BenchFigure } from './figure'

const COUNT = 1000 // 3 × COUNT objects
const EDITS = 21

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

/** `text` with the replicas of the Deployment found after `fraction` of the text set to `replicas`. */
function editReplicas(text: string, fraction: number, replicas: number): string {
  const at = text.indexOf('replicas:', Math.floor(text.length * fraction))
  if (at === -1) throw new Error('the benchmark manifest has no replicas field to edit')
  return `${text.slice(0, at)}replicas: ${replicas}${text.slice(text.indexOf('\n', at))}`
}

/** The worker's answer of a route view (its layout aside: laid out by the graph bench). */
function routeViewed(id: number, view: RouteView): RouteViewedResponse {
  return {
    v: PROTOCOL_VERSION, type: 'route-viewed', id, view, layout: { positions: {}, width: 0, height: 0 },
    layoutReused: true, layoutBy: 'columns', millis: { build: 0, layout: 0 }, router: { router: 'ingress-nginx' },
  }
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now()
  const value = fn()
  return { value, ms: performance.now() - started }
}

export async function run(): Promise<BenchFigure[]> {
  let text = realisticManifest(COUNT)
  const files = (source: string) => [{ name: 'bench.yaml', text: source }]
  const fresh: number[] = []
  for (let i = 0; i < 3; i++) fresh.push(time(() => analyzeDetailed(files(text))).ms)

  const memory = createAnalysisMemory()
  let worker: HeldAnalysis = { id: 0, analysis: analyzeDetailed(files(text), {}, memory).analysis }
  let page: HeldAnalysis = { id: 0, analysis: structuredClone(worker.analysis) }
  const analysis: number[] = []
  const clone: number[] = []
  const delta: number[] = []
  const routeView: number[] = []
  const firstView = routeViewed(0, buildRouteView(analyzeDetailed(files(text), {}, createAnalysisMemory())).view)
  let workerView: HeldRouteView = { id: 0, response: firstView }
  let pageView: HeldRouteView = { id: 0, response: structuredClone(firstView) }
  for (let i = 0; i < EDITS; i++) {
    // Every other edit changes the text's length, so the documents after it move.
    text = editReplicas(text, (i % 7) / 7, i % 2 === 0 ? 4 + (i % 3) : 10 + i)
    const edited = time(() => analyzeDetailed(files(text), {}, memory))
    analysis.push(edited.ms)
    clone.push(time(() => structuredClone(edited.value.analysis)).ms)
    const sent = time(() => decodeAnalysisDelta(page, structuredClone(encodeAnalysisDelta(worker, edited.value.analysis))) as Analysis)
    delta.push(sent.ms)
    worker = { id: i + 1, analysis: edited.value.analysis }
    page = { id: i + 1, analysis: sent.value }
    const viewed = time(() => {
      const response = routeViewed(i + 1, buildRouteView(edited.value).view)
      const rebuilt = decodeRouteViewDelta(pageView, structuredClone(encodeRouteViewDelta(workerView, response))) as RouteViewedResponse
      return { response, rebuilt }
    })
    routeView.push(viewed.ms)
    workerView = { id: i + 1, response: viewed.value.response }
    pageView = { id: i + 1, response: viewed.value.rebuilt }
  }
  const markersP95 = percentile(analysis.map((ms, i) => ms + (delta[i] as number)), 95)
  const routeP95 = percentile(routeView, 95)
  return [
    { name: `fresh analysis, ${3 * COUNT} objects, ${(text.length / 1024 / 1024).toFixed(1)} MB (median of 3)`, value: median(fresh), unit: 'ms' },
    { name: `edit one object → analysis with memory (median of ${EDITS})`, value: median([...analysis]), unit: 'ms' },
    { name: 'edit one object → the whole analysis structured-cloned (median)', value: median(clone), unit: 'ms' },
    { name: 'edit one object → the change encoded, cloned, rebuilt (median)', value: median(delta), unit: 'ms' },
    { name: 'edit one object → analysis + the change to the page, p95 (markers)', value: markersP95, unit: 'ms', budget: '≤ 150', ok: markersP95 <= 150 },
    { name: 'edit one object → route view + the change to the page, p95 (graph)', value: routeP95, unit: 'ms', budget: '≤ 150', ok: routeP95 <= 150 },
  ]
}
