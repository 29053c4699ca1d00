/**
 * Field paths → spans. Later stages (lints, routes) know an object's `SourceRef` and a `FieldPath` inside it;
 * `createLocator` turns those into the exact range of the node in its file, and into ready `Diagnostic`s.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml'
import type { Diagnostic, DiagnosticCode, LineCol, Severity, Span } from '../diagnostics'
import type { FieldPath, SourceRef } from '../model/types'
import { lineColAt } from './line-index'
import { makeDiagnostic, type DiagnosticText } from './make-diagnostic'
import type { ParsedFile } from './parse-sources'

/** Which part of a map entry a span covers. */
export type LocatePart = 'value' | 'key' | 'entry'

/**
 * Finds nodes of the parsed input. Kept beside the clonable `Analysis` (in the worker, in the CLI); it holds
 * the YAML documents, so it never crosses the worker boundary itself.
 */
export interface Locator {
  /**
   * The span of `path` inside the object `source` names. When the path does not exist (a missing field), the
   * span of its deepest existing ancestor: the place to add it. `part` picks the key, the value (default) or
   * both of the last map entry.
   */
  spanOf(source: SourceRef, path: FieldPath, part?: LocatePart): Span
  /** The line and column of an offset in `file` (1-based, UTF-16 columns). */
  lineColOf(file: string, offset: number): LineCol
  /** A diagnostic at `path` of `source`, with line and column filled in. */
  diagnose(source: SourceRef, path: FieldPath, code: DiagnosticCode, severity: Severity, text: DiagnosticText, part?: LocatePart): Diagnostic
}

/** A node's range in the file: `shift` ahead of the range it was parsed with (ParsedDocument.shift). */
function spanOfNode(node: Node, shift: number): Span {
  const range = node.range as [number, number, number]
  return { start: range[0] + shift, end: range[1] + shift }
}

/** The first entry whose scalar key reads as `step` (`String(key) === String(step)`, without the strings when the types agree). */
function entryNamed(items: readonly Pair<unknown, unknown>[], step: string | number): Pair<unknown, unknown> | undefined {
  for (const item of items) {
    if (!isScalar(item.key)) continue
    const key = item.key.value
    if (typeof key === typeof step ? key === step || (key !== key && step !== step) : String(key) === String(step)) return item
  }
  return undefined
}

/** A locator over the files of one analysis. Unknown files and documents locate to offset 0. */
export function createLocator(files: readonly ParsedFile[]): Locator {
  const byName = new Map(files.map((file) => [file.name, file]))
  const spanOf = (source: SourceRef, path: FieldPath, part: LocatePart = 'value'): Span => {
    const doc = byName.get(source.file)?.documents[source.doc]
    if (!doc) return { start: 0, end: 0 }
    const shift = doc.shift ?? 0
    let node: unknown = doc.yaml.contents
    let span: Span = doc.span
    // The object's own path, then `path` (not joined: this runs for every graph node and finding).
    const head = source.path.length
    const length = head + path.length
    for (let i = 0; i < length; i++) {
      if (isAlias(node)) break
      const step = (i < head ? source.path[i] : path[i - head]) as string | number
      if (isMap(node)) {
        const pair = entryNamed(node.items, step)
        if (!pair || !isScalar(pair.key)) break
        const last = i === length - 1
        const keySpan = spanOfNode(pair.key, shift)
        const value = pair.value as Node | null
        const valueSpan = value && value.range ? spanOfNode(value, shift) : keySpan
        if (last && part === 'key') return keySpan
        if (last && part === 'entry') return { start: keySpan.start, end: Math.max(keySpan.end, valueSpan.end) }
        span = valueSpan.end > valueSpan.start ? valueSpan : keySpan
        node = value
      } else if (isSeq(node) && typeof step === 'number' && step >= 0 && step < node.items.length) {
        node = node.items[step]
        if (node && (node as Node).range) span = spanOfNode(node as Node, shift)
      } else break
    }
    return span
  }
  const lineColOf = (file: string, offset: number): LineCol => {
    const parsed = byName.get(file)
    return parsed ? lineColAt(parsed.lines(), offset) : { line: 1, column: 1 }
  }
  const diagnose: Locator['diagnose'] = (source, path, code, severity, text, part) => {
    const lines = byName.get(source.file)?.lines() ?? { starts: [0], length: 0 }
    return makeDiagnostic(source.file, lines, code, severity, text, spanOf(source, path, part))
  }
  return { spanOf, lineColOf, diagnose }
}
