/**
 * The engine's public surface: the only module code outside `src/engine` imports. A list of re-exports; each
 * stage's owner appends its own lines.
 */
export * from './diagnostics'
export * from './limits'
export type * from './model/types'
export { analyze, analyzeDetailed } from './analyze'
export type { Analysis, AnalyzeOptions, DetailedAnalysis, DocumentSummary, SourceFile } from './analyze'
export { parseSources } from './source/parse-sources'
export type { ParsedDocument, ParsedFile, ParsedSources, SourceOptions } from './source/parse-sources'
export { buildModel } from './model/build-model'
export type { ModelOptions } from './model/build-model'
export { createLocator } from './source/locate'
export type { Locator, LocatePart } from './source/locate'
export { makeDiagnostic } from './source/make-diagnostic'
export { indexLines, lineColAt, offsetAt } from './source/line-index'
export type { LineIndex } from './source/line-index'
export { formatPath } from './model/field-errors'
