/**
 * Incremental reading for the studio: the source and model stages' work is kept per YAML document between
 * analyses, so an edit in a 3,000-object manifest parses and models again only the documents whose text it
 * changed. A kept document moves with the text around it: its offsets are shifted on the way out (spans, the
 * locator's `ParsedDocument.shift`, the diagnostics it reported, replayed into the file's sink so line, column
 * and the per-file cap come out as in a fresh run), its objects renumbered (`source.doc`, `order`). What spans
 * documents — duplicates, references, routes, every lint — is computed again from the placed models.
 *
 * The answer is the whole-file reading's, exactly (`analysis-memory.property.test.ts` over random edits): a file
 * is cut where `splitYamlDocuments` cuts it (the same cut the CLI's streaming reading is proven on), and a file it
 * does not cut in two or more (one document, directives) is read whole, as before.
 */
import type { Document } from 'yaml'
import { shiftSpan, type Diagnostic, type DiagnosticCode, type Severity, type Span } from './diagnostics'
import { assembleModel, buildDocumentModel, type DocumentModel, type DocumentSummary, type ModelOptions, type PlacedDocument } from './model/build-model'
import type { ClusterModel } from './model/types'
import type { DiagnosticSink, DiagnosticText } from './source/make-diagnostic'
import { cutDocuments, guardText, isJsonName, openFile, parseCutDocument, parseDocuments, type ParsedDocument, type ParsedFile, type ParsedSources, type SourceFile, type SourceOptions } from './source/parse-sources'
import { MAX_ALIAS_COUNT, MAX_NESTING_DEPTH } from './limits'

/**
 * What the last reading kept, per document text. The caller (the worker) holds it and passes it to every
 * analysis of the same files; it keeps the documents of the latest reading only, so it is bounded by the text.
 */
export interface AnalysisMemory {
  /** The options the kept work was done with (`readingKey`); other options start afresh. */
  optionsKey: string
  documents: Map<string, KeptDocument>
}

export function createAnalysisMemory(): AnalysisMemory {
  return { optionsKey: '', documents: new Map() }
}

interface Report {
  readonly code: DiagnosticCode
  readonly severity: Severity
  readonly text: DiagnosticText
  readonly span: Span
}

/** One document's parse and model, at the offset it was parsed at. Never changed once made (documents share it). */
interface KeptDocument {
  readonly parsedAt: number
  readonly yaml: Document.Parsed
  readonly span: Span
  readonly parseReports: readonly Report[]
  readonly modelReports: readonly Report[]
  readonly built: DocumentModel
}

/** A document of this reading: kept work placed `shift` further on, or a document of a file read whole. */
type Reading =
  | { readonly file: ParsedFile; readonly doc: ParsedDocument; readonly kept: KeptDocument; readonly shift: number }
  | { readonly file: ParsedFile; readonly doc: ParsedDocument; readonly kept: null; readonly shift: 0 }

/** The options the per-document work depends on; the sink's cap and the file's size cap apply per reading. */
function readingKey(options: SourceOptions & ModelOptions): string {
  return JSON.stringify([
    options.maxNestingDepth ?? MAX_NESTING_DEPTH, options.maxAliasCount ?? MAX_ALIAS_COUNT,
    options.kubernetesVersion ?? null, options.rules ?? null,
  ])
}

/**
 * `parseSources` and `buildModel` of `files`, answering as they do, with every document whose text (in the same
 * file) `memory` holds taken from it; `memory` then holds this reading's documents.
 */
export function readWithMemory(files: readonly SourceFile[], options: SourceOptions & ModelOptions, memory: AnalysisMemory):
  { parsed: ParsedSources; model: ClusterModel; documents: DocumentSummary[] } {
  const key = readingKey(options)
  const previous = memory.optionsKey === key ? memory.documents : new Map<string, KeptDocument>()
  const current = new Map<string, KeptDocument>()
  const diagnostics: Diagnostic[] = []
  const readings: Reading[] = []
  const parsedFiles: ParsedFile[] = []
  const maxDepth = options.maxNestingDepth ?? MAX_NESTING_DEPTH
  // The source stage of every file first, then the model stage: the order a fresh reading reports in.
  for (const file of files) {
    const opened = openFile(file, options, diagnostics)
    const { sink } = opened
    const guarded = guardText(file, options, sink)
    const json = isJsonName(file.name)
    const units = guarded === null ? null : cutDocuments(guarded)
    if (guarded === null || units === null) {
      const parsedFile = opened.withDocuments(guarded === null ? [] : parseDocuments(guarded, { sink, json, maxDepth }, null))
      parsedFiles.push(parsedFile)
      for (const doc of parsedFile.documents) readings.push({ file: parsedFile, doc, kept: null, shift: 0 })
      continue
    }
    const documents: ParsedDocument[] = []
    const placed: { kept: KeptDocument; shift: number; doc: ParsedDocument }[] = []
    for (const unit of units) {
      const id = `${file.name}\u0000${guarded.slice(unit.start, unit.end)}`
      const kept = current.get(id) ?? previous.get(id) ?? keepDocument(guarded, unit, file.name, json, maxDepth, options)
      current.set(id, kept)
      const shift = unit.start - kept.parsedAt
      const doc: ParsedDocument = { index: documents.length, yaml: kept.yaml, span: shiftSpan(kept.span, shift), shift }
      documents.push(doc)
      placed.push({ kept, shift, doc })
      replay(sink, kept.parseReports, shift)
    }
    const parsedFile = opened.withDocuments(documents)
    parsedFiles.push(parsedFile)
    for (const { kept, shift, doc } of placed) readings.push({ file: parsedFile, doc, kept, shift })
  }
  const placed: PlacedDocument[] = readings.map(({ file, doc, kept, shift }) => {
    if (kept === null) return { file, doc, built: buildDocumentModel(file.sink, doc, options), shift: 0 }
    replay(file.sink, kept.modelReports, shift)
    return { file, doc, built: kept.built, shift }
  })
  memory.optionsKey = key
  memory.documents = current
  return { parsed: { files: parsedFiles, diagnostics }, ...assembleModel(placed) }
}

/** Parses and models one document where it stands, recording what each stage reports. */
function keepDocument(text: string, unit: { start: number; end: number }, file: string, json: boolean, maxDepth: number, options: ModelOptions): KeptDocument {
  const parseReports: Report[] = []
  const { yaml, span } = parseCutDocument(text, unit, { sink: recorder(file, parseReports), json, maxDepth })
  const modelReports: Report[] = []
  const built = buildDocumentModel(recorder(file, modelReports), { index: 0, yaml, span }, options)
  return { parsedAt: unit.start, yaml, span, parseReports, modelReports, built }
}

function recorder(file: string, into: Report[]): DiagnosticSink {
  return { file, report: (code, severity, text, span) => { into.push({ code, severity, text, span }) } }
}

function replay(sink: DiagnosticSink, reports: readonly Report[], shift: number): void {
  for (const { code, severity, text, span } of reports) sink.report(code, severity, text, shiftSpan(span, shift))
}
