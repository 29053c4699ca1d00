/**
 * An analysis sent as what changed since the one the page holds. After an edit in a big file nearly every object
 * of the model is one the worker's memory kept (engine/analysis-memory.ts): the same object, only placed anew —
 * its `order`, document index and span moved with the text around it. Structured-cloning the whole model of
 * 3,000 objects took ~75 ms of every edit (`npm run bench -- incremental`), so the worker sends the objects it
 * made anew, and for each kept one its index in the page's analysis and its new place; the page rebuilds the
 * same Analysis (`analysis-delta.test.ts` holds the rebuilt one equal to the worker's over random edits).
 *
 * A kept object is recognised by identity: `meta` is made once per object read (model/read-meta.ts), and placing
 * an object copies it shallowly (model/build-model.ts `placeObject`: only `order` and the source's `doc` and
 * `span` change), so an object whose `meta` the base holds is that object placed anew.
 * Document summaries are made anew each time: one counts as kept when its file, kind, apiVersion, name and
 * namespace are those of the summary at the same position from the start or from the end.
 */
import type { Analysis, ClusterModel, DocumentSummary } from '../engine'

type ModelObject = ClusterModel[keyof ClusterModel][number]

/** One model list: per object, the index of the base's object it re-places (-1: the next of `fresh`). */
export interface ListDelta {
  readonly kept: Int32Array
  /** Per kept object: order, document index, span start, span end. */
  readonly places: Int32Array
  readonly fresh: readonly ModelObject[]
}

/** The documents: per summary, the index of the base's summary it re-places (-1: the next of `fresh`). */
export interface DocumentsDelta {
  readonly kept: Int32Array
  /** Per kept summary: document index, span start, span end, first line, last line. */
  readonly places: Int32Array
  readonly fresh: readonly DocumentSummary[]
}

export interface AnalysisDelta {
  /** The id of the analysis this one is told against (the request that answered it). */
  readonly base: number
  readonly model: Readonly<Record<keyof ClusterModel, ListDelta>>
  readonly documents: DocumentsDelta
  readonly diagnostics: Analysis['diagnostics']
  readonly certificates: Analysis['certificates']
}

/** An analysis and the id of the request it answered. */
export interface HeldAnalysis {
  readonly id: number
  readonly analysis: Analysis
}

const OBJECT_PLACE = 4
const DOCUMENT_PLACE = 5

/** `next` told against `base` (both the worker's own objects: kept objects are found by identity). */
export function encodeAnalysisDelta(base: HeldAnalysis, next: Analysis): AnalysisDelta {
  const model = {} as Record<keyof ClusterModel, ListDelta>
  for (const key of Object.keys(next.model) as (keyof ClusterModel)[]) {
    model[key] = encodeList(base.analysis.model[key] ?? [], next.model[key])
  }
  return {
    base: base.id,
    model,
    documents: encodeDocuments(base.analysis.documents, next.documents),
    diagnostics: next.diagnostics,
    certificates: next.certificates,
  }
}

function encodeList(base: readonly ModelObject[], next: readonly ModelObject[]): ListDelta {
  const byMeta = new Map<unknown, number>()
  base.forEach((object, index) => byMeta.set(object.meta, index))
  const kept = new Int32Array(next.length)
  const places: number[] = []
  const fresh: ModelObject[] = []
  next.forEach((object, i) => {
    const index = byMeta.get(object.meta)
    if (index === undefined) {
      kept[i] = -1
      fresh.push(object)
      return
    }
    kept[i] = index
    places.push(object.order, object.source.doc, object.source.span.start, object.source.span.end)
  })
  return { kept, places: Int32Array.from(places), fresh }
}

function encodeDocuments(base: readonly DocumentSummary[], next: readonly DocumentSummary[]): DocumentsDelta {
  const kept = new Int32Array(next.length)
  const places: number[] = []
  const fresh: DocumentSummary[] = []
  const fromEnd = base.length - next.length
  next.forEach((summary, i) => {
    const index = sameDocument(base[i], summary) ? i : sameDocument(base[i + fromEnd], summary) ? i + fromEnd : -1
    kept[i] = index
    if (index === -1) fresh.push(summary)
    else places.push(summary.index, summary.span.start, summary.span.end, summary.startLine, summary.endLine)
  })
  return { kept, places: Int32Array.from(places), fresh }
}

function sameDocument(base: DocumentSummary | undefined, next: DocumentSummary): boolean {
  return base !== undefined && base.file === next.file && base.kind === next.kind && base.apiVersion === next.apiVersion &&
    base.name === next.name && base.namespace === next.namespace && Object.keys(base).length === Object.keys(next).length
}

/** The analysis `delta` describes, rebuilt on `base`; null when `base` is not the analysis it was told against. */
export function decodeAnalysisDelta(base: HeldAnalysis | null, delta: AnalysisDelta): Analysis | null {
  if (base === null || base.id !== delta.base) return null
  const model = {} as Record<keyof ClusterModel, ModelObject[]>
  for (const key of Object.keys(delta.model) as (keyof ClusterModel)[]) {
    model[key] = decodeList(base.analysis.model[key] ?? [], delta.model[key])
  }
  return {
    model: model as unknown as ClusterModel,
    diagnostics: delta.diagnostics,
    documents: decodeDocuments(base.analysis.documents, delta.documents),
    certificates: delta.certificates,
  }
}

/** A list rebuilt: `fresh` items in turn, and each kept one placed anew by `place` from its numbers at `at`. */
function decodePlaced<T>(base: readonly T[], kept: Int32Array, fresh: readonly T[], width: number, place: (item: T, at: number) => T): T[] {
  const out: T[] = new Array(kept.length)
  let next = 0
  let at = 0
  for (let i = 0; i < kept.length; i++) {
    const index = kept[i] as number
    if (index === -1) {
      out[i] = fresh[next++] as T
    } else {
      out[i] = place(base[index] as T, at)
      at += width
    }
  }
  return out
}

function decodeList(base: readonly ModelObject[], { kept, places, fresh }: ListDelta): ModelObject[] {
  return decodePlaced(base, kept, fresh, OBJECT_PLACE, (object, at) => {
    const order = places[at] as number
    const doc = places[at + 1] as number
    const start = places[at + 2] as number
    const end = places[at + 3] as number
    const { source } = object
    // Unmoved objects stay the same object, so the page's memoised views of them hold.
    return object.order === order && source.doc === doc && source.span.start === start && source.span.end === end
      ? object
      : { ...object, order, source: { ...source, doc, span: { start, end } } } as ModelObject
  })
}

function decodeDocuments(base: readonly DocumentSummary[], { kept, places, fresh }: DocumentsDelta): DocumentSummary[] {
  return decodePlaced(base, kept, fresh, DOCUMENT_PLACE, (summary, at) => {
    const index = places[at] as number
    const start = places[at + 1] as number
    const end = places[at + 2] as number
    const startLine = places[at + 3] as number
    const endLine = places[at + 4] as number
    const unmoved = summary.index === index && summary.span.start === start && summary.span.end === end &&
      summary.startLine === startLine && summary.endLine === endLine
    return unmoved ? summary : { ...summary, index, span: { start, end }, startLine, endLine }
  })
}
