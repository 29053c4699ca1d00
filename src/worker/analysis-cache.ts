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

/** Kept analyses, the latest last. */
const cache: { key: InputKey; detailed: DetailedAnalysis }[] = []
const memory = createAnalysisMemory()

/**
 * What a worker answer depends on: the files, compared by their strings (written out as JSON, a 2 MB text cost
 * ~10 ms for each of the two or three requests after an edit), and the options (`now` rounded to the hour) with
 * whatever else the answer depends on, as JSON.
 */
export interface InputKey {
  readonly files: readonly SourceFile[]
  readonly rest: string
}

export function inputKey(files: readonly SourceFile[], options: AnalyzeOptions | undefined, extra: unknown = null): InputKey {
  const hour = options?.now === undefined ? null : Math.floor(options.now / HOUR_MS)
  return { files, rest: JSON.stringify([{ ...options, now: hour }, extra]) }
}

export function sameInput(a: InputKey, b: InputKey): boolean {
  if (a.rest !== b.rest || a.files.length !== b.files.length) return false
  return a.files.every((file, i) => file.name === b.files[i]?.name && file.text === b.files[i]?.text)
}

/** `analyzeDetailed(files, options)`, from the cache when the same files and options were analysed lately. */
export function analyzeCached(files: readonly SourceFile[], options?: AnalyzeOptions): DetailedAnalysis {
  const key = inputKey(files, options)
  const hit = cache.find((entry) => sameInput(entry.key, key))
  if (hit) return hit.detailed
  const detailed = analyzeDetailed(files, options, memory)
  cache.push({ key, detailed })
  while (cache.length > CACHE_SIZE) cache.shift()
  return detailed
}
