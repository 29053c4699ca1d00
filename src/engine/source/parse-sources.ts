/**
 * The source stage: manifest text → YAML documents with exact ranges for every node. Never throws: malformed
 * YAML, tabs, duplicate keys, binary junk, deep nesting and oversized input all come back as diagnostics.
 */
import { Composer, Parser, type CST, type Document } from 'yaml'
import type { Diagnostic, Span } from '../diagnostics'
import { exceedsUtf8Bytes, MAX_DIAGNOSTICS_PER_FILE, MAX_INPUT_BYTES, MAX_NESTING_DEPTH, RUNAWAY_NESTING_DEPTH, utf8ByteLength } from '../limits'
import { capDepth } from './cap-depth'
import { cutRunawayNesting } from './cut-runaway-nesting'
import { findDuplicateKeys } from './find-duplicate-keys'
import { normalizeLoneCr } from './line-breaks'
import { indexLines, type LineIndex } from './line-index'
import { createSink, type DiagnosticSink } from './make-diagnostic'
import { msg, type Message } from '../messages/message'
import { scrubNonPrintable } from './scrub-non-printable'
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
}

/** One YAML document of a file, as the `yaml` library composed it (ranges are offsets into the file). */
export interface ParsedDocument {
  /** 0-based position among the file's documents. */
  readonly index: number
  readonly yaml: Document.Parsed
  /** The document's content range (the whole document when it has no content). */
  readonly span: Span
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
const composeOptions = { merge: false, uniqueKeys: false, prettyErrors: false, version: '1.2' } as const

/** Parses every file into YAML documents. Oversized and binary files get a diagnostic and no documents. */
export function parseSources(files: readonly SourceFile[], options: SourceOptions = {}): ParsedSources {
  const diagnostics: Diagnostic[] = []
  const parsed = files.map((file) => parseFile(file, options, diagnostics))
  return { files: parsed, diagnostics }
}

function parseFile(file: SourceFile, options: SourceOptions, out: Diagnostic[]): ParsedFile {
  const { name, text } = file
  let index: LineIndex | undefined
  const lines = (): LineIndex => (index ??= indexLines(text))
  const sink = createSink(name, lines, out, options.maxDiagnosticsPerFile ?? MAX_DIAGNOSTICS_PER_FILE)
  const result = (documents: ParsedDocument[]): ParsedFile => ({ name, text, documents, lines, sink })

  const maxBytes = options.maxInputBytes ?? MAX_INPUT_BYTES
  if (exceedsUtf8Bytes(text, maxBytes)) {
    sink.report('input-too-large', 'error',
      msg('input-too-large', { size: formatBytes(utf8ByteLength(text)), cap: formatBytes(maxBytes) }), { start: 0, end: 0 })
    return result([])
  }
  const scrubbed = scrubNonPrintable(text)
  if (scrubbed.kind === 'binary') {
    sink.report('input-binary', 'error', msg('input-binary-nul'), { start: scrubbed.at, end: scrubbed.at + 1 })
    return result([])
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
  const json = /\.json$/i.test(name)
  const documents: ParsedDocument[] = []
  const maxDepth = options.maxNestingDepth ?? MAX_NESTING_DEPTH
  const composer = new Composer(composeOptions)
  const take = (doc: Document.Parsed): void => {
    reportYamlProblems(sink, doc.errors, doc.warnings, json)
    for (const key of findDuplicateKeys(doc.contents)) {
      const range = key.range as [number, number, number]
      sink.report('yaml-duplicate-key', 'error', msg('yaml-duplicate-key'), { start: range[0], end: range[1] })
    }
    const range = doc.contents?.range ?? doc.range
    documents.push({ index: documents.length, yaml: doc, span: { start: range[0], end: range[1] } })
  }
  for (const token of new Parser().parse(runaway.text)) {
    if (token.type === 'document') reportCuts(sink, capDepth(token as CST.Document, maxDepth), maxDepth)
    for (const doc of composer.next(token)) take(doc)
  }
  for (const doc of composer.end(false, text.length)) take(doc)
  if (documents.length === 0) {
    const info = composer.streamInfo()
    reportYamlProblems(sink, info.errors, info.warnings, json)
  }
  return result(documents)
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
