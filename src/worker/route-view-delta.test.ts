/**
 * What the page rebuilds from a `route-viewed-delta` is the worker's route view: over random edit sequences,
 * each view told against the one before, cloned as postMessage would, and rebuilt on the page's copy, equals the
 * view itself; unchanged nodes, edges and rows are the page's own objects; an edit of one Deployment sends a few.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeDetailed, buildRouteView, createAnalysisMemory, type AnalyzeOptions } from '../engine'
import { realisticManifest } from '../engine/testing/large-manifests'
import { applyEdit, edit } from '../engine/testing/random-edits'
import { PRESETS } from '../presets/gallery'
import { SEED_MANIFEST } from '../presets/seed'
import { PROTOCOL_VERSION, type RouteViewedResponse } from './protocol'
import { decodeRouteViewDelta, encodeRouteViewDelta, samePlainData, type HeldRouteView, type RouteViewDelta } from './route-view-delta'

const OPTIONS: AnalyzeOptions = { now: Date.parse('2027-01-01T00:00:00Z') }
const bases = [SEED_MANIFEST, realisticManifest(6), ...PRESETS.map((preset) => preset.manifest)]

/** The route view of each text as the worker answers it (the layout aside: it is sent as it is). */
function responses(texts: readonly string[]): RouteViewedResponse[] {
  const memory = createAnalysisMemory()
  return texts.map((text, i) => ({
    v: PROTOCOL_VERSION, type: 'route-viewed', id: i + 1,
    view: buildRouteView(analyzeDetailed([{ name: 'm.yaml', text }], OPTIONS, memory)).view,
    layout: { positions: {}, width: 0, height: 0 }, layoutReused: false, layoutBy: 'columns', millis: { build: 1, layout: 1 },
    router: { router: 'ingress-nginx' },
  }))
}

/** The worker's and the page's side of a sequence of route views. */
function replay(views: readonly RouteViewedResponse[], check: (page: RouteViewedResponse, worker: RouteViewedResponse, delta: RouteViewDelta, before: RouteViewedResponse) => void): void {
  let worker: HeldRouteView = { id: 1, response: views[0] as RouteViewedResponse }
  let page: HeldRouteView = { id: 1, response: structuredClone(worker.response) }
  for (const next of views.slice(1)) {
    const delta = structuredClone(encodeRouteViewDelta(worker, next))
    const rebuilt = decodeRouteViewDelta(page, delta)
    expect(rebuilt).not.toBeNull()
    check(rebuilt as RouteViewedResponse, next, delta, page.response)
    worker = { id: next.id, response: next }
    page = { id: next.id, response: rebuilt as RouteViewedResponse }
  }
}

describe('route view deltas', () => {
  it('rebuild the worker view after every edit of random edit sequences', { timeout: 120_000 }, () => {
    fc.assert(fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (base, edits) => {
      const texts = [bases[base] as string]
      for (const e of edits) texts.push(applyEdit(texts[texts.length - 1] as string, e))
      replay(responses(texts), (page, worker) => expect(page).toStrictEqual(worker))
    }), { numRuns: 60 })
  })

  it('send the few nodes and edges an edit changed, and keep the rest the page\'s own objects', () => {
    const text = realisticManifest(40)
    const at = text.indexOf('replicas:', text.length >> 1)
    const edited = `${text.slice(0, at)}replicas: 7${text.slice(text.indexOf('\n', at))}`
    replay(responses([text, edited]), (page, worker, delta, before) => {
      expect(page).toStrictEqual(worker)
      const { nodes } = page.view.graph
      expect(delta.nodes.fresh.length).toBeGreaterThan(0)
      expect(delta.nodes.fresh.length).toBeLessThan(20)
      expect(delta.edges.fresh.length).toBeLessThan(20)
      expect(delta.table.fresh.length).toBe(0)
      const kept = nodes.filter((node) => before.view.graph.nodes.includes(node))
      expect(kept.length).toBe(nodes.length - delta.nodes.fresh.length)
      expect(page.view.table[0]).toBe(before.view.table[0])
    })
  })

  it('are refused on any view but the one they were told against', () => {
    const [view] = responses([SEED_MANIFEST]) as [RouteViewedResponse]
    const delta = encodeRouteViewDelta({ id: 3, response: view }, view)
    expect(decodeRouteViewDelta({ id: 4, response: view }, delta)).toBeNull()
    expect(decodeRouteViewDelta(null, delta)).toBeNull()
    expect(decodeRouteViewDelta({ id: 3, response: view }, delta)).toStrictEqual(view)
  })
})

describe('samePlainData', () => {
  it('compares structured-clone data deeply, an absent field unlike an undefined one', () => {
    expect(samePlainData({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true)
    expect(samePlainData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false)
    expect(samePlainData({ a: undefined }, {})).toBe(false)
    expect(samePlainData({ a: undefined }, { b: undefined })).toBe(false)
    expect(samePlainData([1, 2], { 0: 1, 1: 2 })).toBe(false)
    expect(samePlainData({ 0: 1, 1: 2 }, [1, 2])).toBe(false)
    expect(samePlainData([1, 2], [1, 2, 3])).toBe(false)
    expect(samePlainData([1, 2], [0, 2])).toBe(false)
    expect(samePlainData(Number.NaN, Number.NaN)).toBe(true)
    expect(samePlainData(0, '0')).toBe(false)
    expect(samePlainData(null, {})).toBe(false)
  })
})
