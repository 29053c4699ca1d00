/**
 * The engine's front door: manifest text in, a typed cluster model and every problem out. Pure and
 * synchronous; runs the same in the worker, the CLI, tests and benchmarks. Never throws on any input.
 */
import { readWithMemory, type AnalysisMemory } from './analysis-memory'
import { runChecks, type CheckedDiagnostic, type CheckOptions } from './checks/run-checks'
import { compareDiagnostics, type Diagnostic } from './diagnostics'
import { buildModel, type DocumentSummary, type ModelOptions } from './model/build-model'
import type { ClusterModel } from './model/types'
import { createLocator, type Locator } from './source/locate'
import { parseSources, type SourceFile, type SourceOptions } from './source/parse-sources'
import type { CertificateReport } from './tls/certificate-reports'

export type { SourceFile } from './source/parse-sources'
export type { DocumentSummary } from './model/build-model'

/**
 * Limits of one analysis. Every field is optional.
 * - `maxInputBytes` — largest file parsed, in bytes of UTF-8. Default: `MAX_INPUT_BYTES` (5 MiB).
 * - `maxNestingDepth` — deepest collection nesting composed. Default: `MAX_NESTING_DEPTH` (128).
 * - `maxAliasCount` — alias dereferences allowed per document. Default: `MAX_ALIAS_COUNT` (100).
 * - `maxDiagnosticsPerFile` — diagnostics kept per file. Default: `MAX_DIAGNOSTICS_PER_FILE` (1000).
 * - `rules` — per-rule on/off and severity of the lints (checks/rule-settings.ts). Default: all on.
 * - `now` — the caller's clock in ms since the epoch, for certificate expiry. Default: none (not checked).
 * - `checks` — false skips the lints and routing findings (model-stage tests, migration). Default: true.
 */
export interface AnalyzeOptions extends SourceOptions, ModelOptions, CheckOptions {}

/** Structured-clone-safe: plain data only (it crosses the worker boundary). */
export interface Analysis {
  readonly model: ClusterModel
  /** Every problem of every stage, sorted with `compareDiagnostics`. */
  readonly diagnostics: readonly Diagnostic[]
  /** One entry per YAML document of every file, in input order. */
  readonly documents: readonly DocumentSummary[]
  /** Every TLS Secret with its certificate and the Ingress hosts it serves (the certificate card). */
  readonly certificates: readonly CertificateReport[]
}

/** An analysis plus the locator over its parsed documents (engine-side only; not clonable). */
export interface DetailedAnalysis {
  readonly analysis: Analysis
  readonly locate: Locator
  /** The lint and routing diagnostics with their fixes (for quick fixes; not clonable data). */
  readonly checked: readonly CheckedDiagnostic[]
}

/**
 * Like `analyze`, and also returns the `Locator` later stages use to point diagnostics at fields. With `memory`
 * (the studio's worker), documents read by an earlier call with the same memory are not parsed or modelled
 * again (analysis-memory.ts); the answer is the same.
 */
export function analyzeDetailed(files: readonly SourceFile[], options: AnalyzeOptions = {}, memory?: AnalysisMemory): DetailedAnalysis {
  const { parsed, model, documents } = memory ? readWithMemory(files, options, memory) : readWhole(files, options)
  const locate = createLocator(parsed.files)
  const { checked, certificates } = runChecks(model, locate, options)
  // Through each file's sink, so lints count against the per-file diagnostics cap like everything else.
  const sinks = new Map(parsed.files.map((file) => [file.name, file.sink]))
  for (const { diagnostic: d } of checked) sinks.get(d.file)?.report(d.code, d.severity, d.text, d.span)
  const diagnostics = [...parsed.diagnostics].sort(compareDiagnostics)
  return { analysis: { model, diagnostics, documents, certificates }, locate, checked }
}

function readWhole(files: readonly SourceFile[], options: AnalyzeOptions): ReturnType<typeof readWithMemory> {
  const parsed = parseSources(files, options)
  return { parsed, ...buildModel(parsed, options) }
}

/**
 * Parses the files, builds the defaulted, validated cluster model and collects every diagnostic.
 * The result is plain data (no class instances, no functions) and never shares structure with the input.
 */
export function analyze(files: readonly SourceFile[], options: AnalyzeOptions = {}): Analysis {
  return analyzeDetailed(files, options).analysis
}
