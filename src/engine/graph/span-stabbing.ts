/**
 * For many offsets at once, the best span containing each: one sweep per file over spans sorted by start and
 * offsets in ascending order, with a heap of the spans open so far. O((spans + offsets) log spans), where asking
 * each offset of every span was spans × offsets (a thousand diagnostics × every node of a large graph).
 */
import type { SourceSpan } from './types'

export interface RankedSpan<T> {
  readonly span: SourceSpan
  readonly value: T
  /** Smaller wins among the spans containing an offset. */
  readonly rank: readonly number[]
}

export interface FileOffset {
  readonly file: string
  readonly offset: number
}

/** `[start, end)`; an empty span contains only its own offset. */
export function spanContains(span: SourceSpan, file: string, offset: number): boolean {
  return span.file === file && span.start <= offset && (offset < span.end || (span.start === span.end && offset === span.start))
}

/** For each query, the value of the containing span of smallest rank (lexicographic), or null. */
export function bestContaining<T>(spans: readonly RankedSpan<T>[], queries: readonly FileOffset[]): (T | null)[] {
  const answers: (T | null)[] = queries.map(() => null)
  const spansByFile = groupByFile(spans, (s) => s.span.file)
  const queriesByFile = groupByFile(queries.map((q, i) => ({ ...q, i })), (q) => q.file)
  for (const [file, asked] of queriesByFile) {
    const candidates = [...(spansByFile.get(file) ?? [])].sort((a, b) => a.span.start - b.span.start)
    asked.sort((a, b) => a.offset - b.offset)
    const open = new Heap<RankedSpan<T>>((a, b) => compareRanks(a.rank, b.rank) < 0)
    let next = 0
    for (const q of asked) {
      while (next < candidates.length && (candidates[next] as RankedSpan<T>).span.start <= q.offset) open.push(candidates[next++] as RankedSpan<T>)
      // Spans that ended before this offset end before every later one too: drop them when they surface.
      while (open.peek() && !spanContains((open.peek() as RankedSpan<T>).span, file, q.offset)) open.pop()
      answers[q.i] = open.peek()?.value ?? null
    }
  }
  return answers
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number)
  return a.length - b.length
}

function groupByFile<T>(items: readonly T[], fileOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const list = groups.get(fileOf(item))
    if (list) list.push(item)
    else groups.set(fileOf(item), [item])
  }
  return groups
}

/** A binary min-heap under `before`. */
class Heap<T> {
  private readonly items: T[] = []
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  peek(): T | undefined {
    return this.items[0]
  }

  push(item: T): void {
    const items = this.items
    items.push(item)
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(items[i] as T, items[parent] as T)) break
      ;[items[i], items[parent]] = [items[parent] as T, items[i] as T]
      i = parent
    }
  }

  pop(): void {
    const items = this.items
    const last = items.pop()
    if (items.length === 0 || last === undefined) return
    items[0] = last
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let smallest = i
      if (left < items.length && this.before(items[left] as T, items[smallest] as T)) smallest = left
      if (right < items.length && this.before(items[right] as T, items[smallest] as T)) smallest = right
      if (smallest === i) return
      ;[items[i], items[smallest]] = [items[smallest] as T, items[i] as T]
      i = smallest
    }
  }
}
