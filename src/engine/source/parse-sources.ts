/**
 * The source stage: manifest text → YAML documents with exact ranges for every node. Never throws: malformed
 * YAML, tabs, duplicate keys, binary junk, deep nesting and oversized input all come back as diagnostics.
 */
import { Composer, Parser, type CST, type Document } from 'yaml'
import type { Diagnostic, Span } from '../diagnostics'
import { exceedsUtf8Bytes, MAX_DIAGNOSTICS_PER_FILE, MAX_DOCUMENT_BYTES, MAX_INPUT_BYTES, MAX_NESTING_DEPTH, PARSED_DOCUMENT_CACHE_BYTES, RUNAWAY_NESTING_DEPTH, utf8ByteLength } from '../limits'
import { capDepth } from './cap-depth'
import { composeBlockDocument } from './compose-block-yaml'
import { cutRunawayNesting } from './cut-runaway-nesting'
import { findDuplicateKeys } from './find-duplicate-keys'
import { normalizeLoneCr } from './line-breaks'
import { indexLines, type LineIndex } from './line-index'
import { createSink, type DiagnosticSink } from './make-diagnostic'
import { msg, type Message } from '../messages/message'
import { scrubNonPrintable } from './scrub-non-printable'
import { splitDocuments, splitYamlDocuments, type DocumentUnit } from './split-documents'
import { reportYamlProblems } from './yaml-errors'

/** One input file: a name for diagnostics (a path, or `manifest.yaml` in the studio) and its text. */
export interface SourceFile {
  readonly name: string
  readonly text: string
}

/** Limits of the source stage; every field defaults to the constant of the same meaning in `limits.ts`. */
export interface SourceOptions {
  /** Largest file parsed, in bytes of UTF-8. Default: `MAX_INPUT_BYTES` (5 MiB). */
  readonly maxInputBytes?: number
  /** Deepest collection nesting composed. Default: `MAX_NESTING_DEPTH` (128). */
  readonly maxNestingDepth?: number
  /** Most diagnostics kept per file. Default: `MAX_DIAGNOSTICS_PER_FILE` (1000). */
  readonly maxDiagnosticsPerFile?: number
  /**
   * Cluster-size input (the CLI): no cap on a file; it is cut into documents and kubectl List items
   * (split-documents.ts), each capped at `maxDocumentBytes`, parsed when first read and kept only while they fit
   * `PARSED_DOCUMENT_CACHE_BYTES` (a later read parses again), so memory follows the model, not the parse trees.
   * Default: false (the studio: whole files, up to `maxInputBytes`).
   */
  readonly streamDocuments?: boolean
  /** Largest document parsed when `streamDocuments`, in bytes of UTF-8. Default: `MAX_DOCUMENT_BYTES` (3 MiB). */
  readonly maxDocumentBytes?: number
  /** Source bytes whose parse trees are kept when `streamDocuments`. Default: `PARSED_DOCUMENT_CACHE_BYTES` (4 MiB). */
  readonly parsedDocumentCacheBytes?: number
}

/** One YAML document of a file, as the `yaml` library composed it (ranges are offsets into the file). */
export interface ParsedDocument {
  /** 0-based position among the file's documents. */
  readonly index: number
  readonly yaml: Document.Parsed
  /** The document's content range (the whole document when it has no content). */
  readonly span: Span
  /**
   * How far the file's offsets are ahead of the ranges in `yaml` (a document kept from an earlier analysis,
   * parsed where it stood then: analysis-memory.ts). `span` is already the file's. Default: 0.
   */
  readonly shift?: number
}

/** A parsed file: its documents plus what later stages need to report into it. */
export interface ParsedFile {
  readonly name: string
  readonly text: string
  readonly documents: readonly ParsedDocument[]
  /** The file's line index, built on first use. */
  readonly lines: () => LineIndex
  /** Where every stage reports this file's diagnostics (capped per file). */
  readonly sink: DiagnosticSink
}

export interface ParsedSources {
  readonly files: readonly ParsedFile[]
  /** Every diagnostic reported into the files' sinks so far, in report order (later stages append). */
  readonly diagnostics: Diagnostic[]
}

// uniqueKeys is off because its check is quadratic; `findDuplicateKeys` does it in linear time.
export const COMPOSE_OPTIONS = { merge: false, uniqueKeys: false, prettyErrors: false, version: '1.2' } as const

/** Parses every file into YAML documents. Oversized and binary files get a diagnostic and no documents. */
export function parseSources(files: readonly SourceFile[], options: SourceOptions = {}): ParsedSources {
  const diagnostics: Diagnostic[] = []
  const parsed = files.map((file) => parseFile(file, options, diagnostics))
  return { files: parsed, diagnostics }
}

function parseFile(file: SourceFile, options: SourceOptions, out: Diagnostic[]): ParsedFile {
  const opened = openFile(file, options, out)
  const { sink } = opened
  const guarded = guardText(file, options, sink)
  if (guarded === null) return opened.withDocuments([])
  const json = isJsonName(file.name)
  const maxDepth = options.maxNestingDepth ?? MAX_NESTING_DEPTH
  const units = options.streamDocuments ? splitDocuments(guarded, json) : null
  if (units) return opened.withDocuments(documentsOnDemand(guarded, units, {
    sink, json, maxDepth,
    maxDocumentBytes: options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES,
    cacheBytes: options.parsedDocumentCacheBytes ?? PARSED_DOCUMENT_CACHE_BYTES,
  }))
  return opened.withDocuments(parseDocuments(guarded, { sink, json, maxDepth }))
}

/**
 * The units a file's documents are parsed as: where its `---` and `...` lines cut it (kubectl's YAML reader cuts
 * a stream at its `---` lines before parsing too), or null when the file is one document or has directives, and is
 * parsed whole. The cut matters beyond speed: an unclosed quote does not run past a marker into the next document.
 */
export function cutDocuments(text: string): { start: number; end: number }[] | null {
  const units = splitYamlDocuments(text)
  return units !== null && units.length >= 2 ? units : null
}

/**
 * Every document of a guarded file's text, each cut (`cutDocuments`, or `units` when the caller cut it already)
 * parsed on its own, problems reported into `sink`.
 */
export function parseDocuments(text: string, context: Omit<UnitContext, 'maxDocumentBytes'>, units = cutDocuments(text)): ParsedDocument[] {
  if (units === null) return parseWhole(text, context)
  return units.map((unit, index) => ({ index, ...parseCutDocument(text, unit, context) }))
}

/** One document `cutDocuments` found, parsed with the file's offsets (no cap of its own: the file's applies). */
export function parseCutDocument(text: string, unit: { start: number; end: number }, context: Omit<UnitContext, 'maxDocumentBytes'>): { yaml: Document.Parsed; span: Span } {
  const yaml = parseUnit(text, { ...unit, listItem: false }, { ...context, maxDocumentBytes: Number.POSITIVE_INFINITY })
  return { yaml, span: contentSpan(yaml) }
}

/** A document's content range (the whole document when it has no content). */
export function contentSpan(doc: Document.Parsed): Span {
  const range = doc.contents?.range ?? doc.range
  return { start: range[0], end: range[1] }
}

/** Every document of a guarded file's text, parsed in one pass, problems reported into `sink`. */
function parseWhole(text: string, { sink, json, maxDepth }: Omit<UnitContext, 'maxDocumentBytes'>): ParsedDocument[] {
  // One document in the common shape (a pasted `kubectl get -o yaml` List, say): composed from its lines.
  const block = composeBlockDocument(text, 0, COMPOSE_OPTIONS, maxDepth)
  if (block !== null) {
    reportDocumentProblems(sink, block, json)
    return [{ index: 0, yaml: block, span: contentSpan(block) }]
  }
  const documents: ParsedDocument[] = []
  const composer = new Composer(COMPOSE_OPTIONS)
  const take = (doc: Document.Parsed): void => {
    reportDocumentProblems(sink, doc, json)
    documents.push({ index: documents.length, yaml: doc, span: contentSpan(doc) })
  }
  for (const token of new Parser().parse(text)) {
    if (token.type === 'document') reportCuts(sink, capDepth(token as CST.Document, maxDepth), maxDepth)
    for (const doc of composer.next(token)) take(doc)
  }
  for (const doc of composer.end(false, text.length)) take(doc)
  if (documents.length === 0) {
    const info = composer.streamInfo()
    reportYamlProblems(sink, info.errors, info.warnings, json)
  }
  return documents
}

/** A file being parsed: where it reports (its sink, capped per file) and how it is finished with its documents. */
export interface OpenedFile {
  readonly sink: DiagnosticSink
  readonly withDocuments: (documents: readonly ParsedDocument[]) => ParsedFile
}

/** Opens `file` for parsing, its diagnostics appended to `out`. */
export function openFile(file: SourceFile, options: SourceOptions, out: Diagnostic[]): OpenedFile {
  const { name, text } = file
  let index: LineIndex | undefined
  const lines = (): LineIndex => (index ??= indexLines(text))
  const sink = createSink(name, lines, out, options.maxDiagnosticsPerFile ?? MAX_DIAGNOSTICS_PER_FILE)
  return { sink, withDocuments: (documents) => ({ name, text, documents, lines, sink }) }
}

/** A file named .json: its YAML errors are worded for JSON (a .json file is still read as the YAML it also is). */
export function isJsonName(name: string): boolean {
  return /\.json$/i.test(name)
}

/**
 * The whole-file guards, reported into `sink`: the size cap (none when `streamDocuments`), binary content,
 * non-printable characters and runaway nesting. Returns the text to parse (offsets unchanged: blanks of equal
 * length, a lone CR as LF), or null when the file is not parsed at all.
 */
export function guardText(file: SourceFile, options: SourceOptions, sink: DiagnosticSink): string | null {
  const { text } = file
  const maxBytes = options.streamDocuments ? Number.POSITIVE_INFINITY : options.maxInputBytes ?? MAX_INPUT_BYTES
  if (exceedsUtf8Bytes(text, maxBytes)) {
    sink.report('input-too-large', 'error',
      msg('input-too-large', { size: formatBytes(utf8ByteLength(text)), cap: formatBytes(maxBytes) }), { start: 0, end: 0 })
    return null
  }
  const scrubbed = scrubNonPrintable(text)
  if (scrubbed.kind === 'binary') {
    sink.report('input-binary', 'error', msg('input-binary-nul'), { start: scrubbed.at, end: scrubbed.at + 1 })
    return null
  }
  if (scrubbed.kind === 'scrubbed') {
    const code = scrubbed.code.toString(16).toUpperCase().padStart(4, '0')
    sink.report('input-binary', 'error',
      scrubbed.count > 1 ? msg('input-non-printable-more', { code, more: scrubbed.count - 1 }) : msg('input-non-printable', { code }),
      { start: scrubbed.at, end: scrubbed.at + 1 })
  }
  const runaway = cutRunawayNesting(normalizeLoneCr(scrubbed.text), RUNAWAY_NESTING_DEPTH)
  for (const cut of runaway.cuts) {
    sink.report('yaml-too-deep', 'error', msg('yaml-runaway-nesting', { depth: RUNAWAY_NESTING_DEPTH }), { start: cut.at, end: cut.at + 1 })
  }
  return runaway.text
}

/** How a unit is parsed: where it reports, whether the file is JSON, the nesting cap and the document cap. */
export interface UnitContext {
  readonly sink: DiagnosticSink
  readonly json: boolean
  readonly maxDepth: number
  readonly maxDocumentBytes: number
}

/**
 * One `ParsedDocument` per unit whose `yaml` is parsed on first read (reporting its problems then, once) and
 * kept in a cache of at most `cacheBytes` of source, least recently read dropped first. The
 * model stage reads the documents in order, the checks read back the few they point into.
 */
function documentsOnDemand(text: string, units: readonly DocumentUnit[], context: UnitContext & { readonly cacheBytes: number }): ParsedDocument[] {
  const cache = new Map<number, Document.Parsed>()
  let cachedBytes = 0
  const spans: (Span | undefined)[] = []
  const read = (index: number): Document.Parsed => {
    const cached = cache.get(index)
    const unit = units[index] as DocumentUnit
    if (cached) {
      cache.delete(index) // re-inserted last: most recently read
      cache.set(index, cached)
      return cached
    }
    const first = spans[index] === undefined
    const doc = first ? parseUnit(text, unit, context) : parseUnit(text, unit, { ...context, sink: silentSink(context.sink) })
    spans[index] = contentSpan(doc)
    cache.set(index, doc)
    cachedBytes += unit.end - unit.start
    for (const [oldest] of cache) {
      if (cachedBytes <= context.cacheBytes || oldest === index) break
      cachedBytes -= (units[oldest] as DocumentUnit).end - (units[oldest] as DocumentUnit).start
      cache.delete(oldest)
    }
    return doc
  }
  return units.map((_, index) => ({
    index,
    get yaml(): Document.Parsed { return read(index) },
    get span(): Span {
      if (spans[index] === undefined) read(index)
      return spans[index] as Span
    },
  }))
}

/** A sink that drops everything: a document parsed again has reported its problems already. */
function silentSink(sink: DiagnosticSink): DiagnosticSink {
  return { file: sink.file, report: () => undefined }
}

/** Parses one unit with the file's offsets; a unit over its cap becomes an empty document and one error at its first line. */
export function parseUnit(text: string, unit: DocumentUnit, { sink, json, maxDepth, maxDocumentBytes }: UnitContext): Document.Parsed {
  const source = unit.listItem ? ` ${text.slice(unit.start + 1, unit.end)}` : text.slice(unit.start, unit.end)
  if (exceedsUtf8Bytes(source, maxDocumentBytes)) {
    sink.report('input-too-large', 'error',
      msg('document-too-large', { size: formatBytes(utf8ByteLength(source)), cap: formatBytes(maxDocumentBytes) }), { start: unit.start, end: unit.start })
    const empty = [...new Composer(COMPOSE_OPTIONS).end(true, unit.end)][0] as Document.Parsed
    empty.range = [unit.start, unit.end, unit.end] // the document list shows it where it is, lines and all
    return empty
  }
  // The common shape of a manifest is composed from its lines (compose-block-yaml.ts): the same Document, sooner.
  const block = composeBlockDocument(source, unit.start, COMPOSE_OPTIONS, maxDepth)
  if (block !== null) {
    reportDocumentProblems(sink, block, json)
    return block
  }
  const composer = new Composer(COMPOSE_OPTIONS)
  const parser = new Parser()
  parser.offset = unit.start // every range, error and cut carries the file's offsets
  const documents: Document.Parsed[] = []
  for (const token of parser.parse(source)) {
    if (token.type === 'document') reportCuts(sink, capDepth(token as CST.Document, maxDepth), maxDepth)
    documents.push(...composer.next(token))
  }
  // forceDoc: a unit of comments alone is still one (empty) document, so units and documents stay one to one.
  documents.push(...composer.end(true, unit.end))
  // splitDocuments starts a unit at every `---`, so the parser finds exactly one document in it.
  const doc = documents[0] as Document.Parsed
  reportDocumentProblems(sink, doc, json)
  return doc
}

/** A composed document's own problems: the parser's errors and warnings, and duplicate keys (found in linear time). */
function reportDocumentProblems(sink: DiagnosticSink, doc: Document.Parsed, json: boolean): void {
  reportYamlProblems(sink, doc.errors, doc.warnings, json)
  for (const key of findDuplicateKeys(doc.contents)) {
    const range = key.range as [number, number, number]
    sink.report('yaml-duplicate-key', 'error', msg('yaml-duplicate-key'), { start: range[0], end: range[1] })
  }
}

function reportCuts(sink: DiagnosticSink, offsets: readonly number[], maxDepth: number): void {
  for (const offset of offsets) {
    sink.report('yaml-too-deep', 'error', msg('yaml-nesting-cut', { depth: maxDepth }), { start: offset, end: offset + 1 })
  }
}

/** `6,291,456 bytes (6.0 MiB)`: exact, so a file just over the cap does not read as equal to it. */
function formatBytes(bytes: number): Message {
  const rounded = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`
  return msg('byte-size', { bytes: bytes.toLocaleString('en-US'), rounded })
}
