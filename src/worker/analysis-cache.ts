/**
 * The worker's latest detailed analyses, so the analyze, route-view and route requests for one text analyse it
 * once between them (they arrive together after each edit), and the documents of the latest text
 * (`AnalysisMemory`), so an edit parses and models again only the documents it changed.
 */
import { analyzeDetailed, createAnalysisMemory, type AnalyzeOptions, type DetailedAnalysis, type SourceFile } from '../engine'

/** Analyses kept: the text on screen and the one before it. */
const CACHE_SIZE = 2
/** Certificate expiry is read to the hour: a fresh `now` on every request must not defeat the cache. */
const HOUR_MS = 3_600_000

const cache = new Map<string, DetailedAnalysis>()
const memory = createAnalysisMemory()

/** A key for the files and options (`now` rounded to the hour). */
export function analysisKey(files: readonly SourceFile[], options: AnalyzeOptions | undefined): string {
  const hour = options?.now === undefined ? null : Math.floor(options.now / HOUR_MS)
  return JSON.stringify([files, { ...options, now: hour }])
}

/** `analyzeDetailed(files, options)`, from the cache when the same files and options were analysed lately. */
export function analyzeCached(files: readonly SourceFile[], options?: AnalyzeOptions): DetailedAnalysis {
  const key = analysisKey(files, options)
  const hit = cache.get(key)
  if (hit) return hit
  const detailed = analyzeDetailed(files, options, memory)
  cache.set(key, detailed)
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  return detailed
}
