/**
 * What the page rebuilds from an `analyzed-delta` is the worker's analysis: over random edit sequences, each
 * analysis (with the worker's memory) told against the one before, cloned as postMessage would, and rebuilt on
 * the page's copy of the one before, equals the analysis itself. And it is small: an edit of one document sends
 * that document's objects, not the model.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeDetailed, createAnalysisMemory, type Analysis, type AnalyzeOptions } from '../engine'
import { realisticManifest } from '../engine/testing/large-manifests'
import { applyEdit, edit } from '../engine/testing/random-edits'
import { PRESETS } from '../presets/gallery'
import { SEED_MANIFEST } from '../presets/seed'
import { decodeAnalysisDelta, encodeAnalysisDelta, type AnalysisDelta, type HeldAnalysis } from './analysis-delta'

const OPTIONS: AnalyzeOptions = { now: Date.parse('2027-01-01T00:00:00Z') }
const bases = [SEED_MANIFEST, realisticManifest(6), ...PRESETS.map((preset) => preset.manifest)]

/** The worker's and the page's side of a sequence of analyses of `texts`. */
function replay(texts: readonly string[], check: (page: Analysis, worker: Analysis, delta: AnalysisDelta) => void): void {
  const memory = createAnalysisMemory()
  let worker: HeldAnalysis = { id: 1, analysis: analyzeDetailed([{ name: 'm.yaml', text: texts[0] as string }], OPTIONS, memory).analysis }
  let page: HeldAnalysis = { id: 1, analysis: structuredClone(worker.analysis) }
  texts.slice(1).forEach((text, i) => {
    const next = { id: i + 2, analysis: analyzeDetailed([{ name: 'm.yaml', text }], OPTIONS, memory).analysis }
    const delta = structuredClone(encodeAnalysisDelta(worker, next.analysis))
    const rebuilt = decodeAnalysisDelta(page, delta)
    expect(rebuilt).not.toBeNull()
    check(rebuilt as Analysis, next.analysis, delta)
    worker = next
    page = { id: next.id, analysis: rebuilt as Analysis }
  })
}

const freshObjects = (delta: AnalysisDelta): number => Object.values(delta.model).reduce((n, list) => n + list.fresh.length, 0)

describe('analysis deltas', () => {
  it('rebuild the worker analysis after every edit of random edit sequences', { timeout: 120_000 }, () => {
    fc.assert(fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (base, edits) => {
      const texts = [bases[base] as string]
      for (const e of edits) texts.push(applyEdit(texts[texts.length - 1] as string, e))
      replay(texts, (page, worker) => expect(page).toStrictEqual(worker))
    }), { numRuns: 120 })
  })

  const text = realisticManifest(50)
  const at = text.indexOf('replicas:', text.length >> 1)
  const middle = text.indexOf('\n---\n', text.length >> 1) + 1
  it.each([
    // One character more in the middle: every later object moves one place on.
    ['a replica count one digit longer', [text, `${text.slice(0, at)}replicas: 12${text.slice(text.indexOf('\n', at))}`]],
    // The documents after it are found from the end.
    ['a document inserted, then removed', [text, `${text.slice(0, middle)}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: added\n${text.slice(middle)}`, text]],
  ])('send only the objects of the document an edit changed, however the rest moved: %s', (_, texts) => {
    replay(texts, (page, worker, delta) => {
      expect(page).toStrictEqual(worker)
      expect(freshObjects(delta)).toBeLessThanOrEqual(1)
      expect(delta.documents.fresh.length).toBeLessThanOrEqual(1)
    })
  })

  it('keep an unmoved object the same object on the page', () => {
    const text = realisticManifest(5)
    const at = text.lastIndexOf('replicas:')
    const edited = `${text.slice(0, at)}replicas: 7${text.slice(text.indexOf('\n', at))}`
    const memory = createAnalysisMemory()
    const first: HeldAnalysis = { id: 1, analysis: analyzeDetailed([{ name: 'm.yaml', text }], OPTIONS, memory).analysis }
    const second = analyzeDetailed([{ name: 'm.yaml', text: edited }], OPTIONS, memory).analysis
    const rebuilt = decodeAnalysisDelta(first, structuredClone(encodeAnalysisDelta(first, second))) as Analysis
    expect(rebuilt.model.ingresses[0]).toBe(first.analysis.model.ingresses[0])
    expect(rebuilt.documents[0]).toBe(first.analysis.documents[0])
    expect(rebuilt.model.deployments.at(-1)).not.toBe(first.analysis.model.deployments.at(-1))
    expect(rebuilt.model.deployments.at(-1)?.replicas).toBe(7)
  })

  it('are refused on any analysis but the one they were told against', () => {
    const analysis = analyzeDetailed([{ name: 'm.yaml', text: SEED_MANIFEST }], OPTIONS).analysis
    const delta = encodeAnalysisDelta({ id: 3, analysis }, analysis)
    expect(decodeAnalysisDelta({ id: 4, analysis }, delta)).toBeNull()
    expect(decodeAnalysisDelta(null, delta)).toBeNull()
    expect(decodeAnalysisDelta({ id: 3, analysis }, delta)).toStrictEqual(analysis)
  })
})
