/**
 * The per-document context of the model stage: where to report, and alias resolution with a cap. The model is
 * built from the `yaml` AST directly (no `toJS`), so aliases are resolved here, lazily, and each dereference
 * counts against `MAX_ALIAS_COUNT`: a "billion laughs" input costs one diagnostic, not an exponential walk.
 */
import { isAlias, isCollection, isPair, type Alias, type Node } from 'yaml'
import type { DiagnosticCode, Severity, Span } from '../diagnostics'
import type { ParsedDocument } from '../source/parse-sources'
import type { DiagnosticSink } from '../source/make-diagnostic'

export interface ReadContext {
  readonly file: string
  readonly doc: number
  report(code: DiagnosticCode, severity: Severity, message: string, span: Span): void
  /** The node an alias stands for, or undefined (with a diagnostic) when it is unknown or over the cap. */
  deref(alias: Alias): Node | undefined
}

/** A context for one document; `maxAliasCount` dereferences are allowed in it. */
export function createReadContext(sink: DiagnosticSink, parsedDoc: ParsedDocument, maxAliasCount: number): ReadContext {
  let anchors: Map<string, Node[]> | undefined
  let derefs = 0
  let capReported = false
  const report = sink.report.bind(sink)
  const deref = (alias: Alias): Node | undefined => {
    const range = alias.range as [number, number, number]
    const span = { start: range[0], end: range[1] }
    if (++derefs > maxAliasCount) {
      if (!capReported) {
        capReported = true
        report('yaml-alias-limit', 'error',
          `More than ${maxAliasCount} alias dereferences in one document (MAX_ALIAS_COUNT); the rest were read as null.`, span)
      }
      return undefined
    }
    anchors ??= collectAnchors(parsedDoc.yaml.contents)
    const candidates = anchors.get(alias.source) ?? []
    let found: Node | undefined
    for (const node of candidates) {
      if ((node.range as [number, number, number])[0] < range[0]) found = node
    }
    if (!found) report('yaml-bad-alias', 'error', `Alias *${alias.source} refers to no anchor &${alias.source} before it.`, span)
    else if (isAlias(found)) return undefined
    return found
  }
  return { file: sink.file, doc: parsedDoc.index, report, deref }
}

/** Every anchored node of a document by anchor name, in document order; iterative, so depth cannot hurt it. */
function collectAnchors(root: unknown): Map<string, Node[]> {
  const anchors = new Map<string, Node[]>()
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (isPair(node)) {
      stack.push(node.value, node.key)
      continue
    }
    if (!node || typeof node !== 'object' || isAlias(node)) continue
    const anchor = (node as Node).anchor
    if (anchor) {
      const list = anchors.get(anchor)
      if (list) list.push(node as Node)
      else anchors.set(anchor, [node as Node])
    }
    if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i])
  }
  for (const list of anchors.values()) list.sort((a, b) => (a.range as number[])[0]! - (b.range as number[])[0]!)
  return anchors
}
