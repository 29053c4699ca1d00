/**
 * Secret redaction before sharing: every value under `data` and `stringData` of a `kind: Secret` (also inside a
 * `kind: List`), and the `last-applied-configuration` annotation that repeats them, is replaced by `REDACTED`.
 * The edit works on the YAML document model's ranges, so every other byte of the text (comments, keys,
 * quoting, other documents) stays exactly as written.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node, type YAMLMap } from 'yaml'
import { parseSources } from '../source/parse-sources'

/** What replaces a secret value. Valid base64 (it decodes to junk bytes, which the model skips as binary). */
export const REDACTED = 'REDACTED'

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

export interface RedactionResult {
  readonly text: string
  /** Values replaced. */
  readonly redacted: number
  /**
   * Documents that mention a Secret but could not be read cleanly (YAML errors, or a file not parsed at all);
   * values in them may be left in the text. The UI tells the user to check them before sharing.
   */
  readonly unreadable: number
}

interface Edit {
  readonly start: number
  readonly end: number
  readonly text: string
}

function lookup(map: YAMLMap, key: string): Node | null {
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return (pair.value as Node | null) ?? null
  }
  return null
}

/** Follows an alias to its anchored node (in the same document), or returns the node itself. */
function deref(doc: Document, node: Node | null, seen: Set<Node>): Node | null {
  if (node && isAlias(node)) {
    if (seen.has(node)) return null
    seen.add(node)
    return deref(doc, (node.resolve(doc) as Node | undefined) ?? null, seen)
  }
  return node
}

function placeholderFor(node: Scalar): string {
  if (node.type === Scalar.QUOTE_DOUBLE) return `"${REDACTED}"`
  if (node.type === Scalar.QUOTE_SINGLE) return `'${REDACTED}'`
  return REDACTED
}

/** Adds edits that blank every scalar under `node` (a value of `data`/`stringData`); keys stay. */
function redactValue(text: string, doc: Document, node: Node | null, edits: Map<number, Edit>, seen: Set<Node>): void {
  const target = deref(doc, node, seen)
  if (!target || seen.has(target)) return
  seen.add(target)
  if (isScalar(target)) {
    if (target.value === null || target.value === '' || !target.range) return
    const [start, valueEnd] = target.range
    // Block scalars (`|`, `>`) own their trailing line breaks; keep those so the next key stays on its line.
    let end = valueEnd
    while (end > start && /\s/.test(text[end - 1] as string)) end--
    edits.set(start, { start, end, text: placeholderFor(target) })
  } else if (isMap(target)) {
    for (const pair of target.items) redactValue(text, doc, pair.value as Node | null, edits, seen)
  } else if (isSeq(target)) {
    for (const item of target.items) redactValue(text, doc, isPair(item) ? (item.value as Node | null) : (item as Node | null), edits, seen)
  }
}

/** Redacts one object (a document's root or a List item) if it is a Secret. */
function redactObject(text: string, doc: Document, node: Node | null, edits: Map<number, Edit>): void {
  const object = deref(doc, node, new Set())
  if (!object || !isMap(object)) return
  const kind = deref(doc, lookup(object, 'kind'), new Set())
  const kindName = kind && isScalar(kind) ? String(kind.value) : ''
  if (kindName.endsWith('List')) {
    const items = deref(doc, lookup(object, 'items'), new Set())
    if (items && isSeq(items)) for (const item of items.items) redactObject(text, doc, item as Node | null, edits)
    return
  }
  if (kindName !== 'Secret') return
  const seen = new Set<Node>()
  for (const field of ['data', 'stringData']) {
    const map = deref(doc, lookup(object, field), seen)
    if (map && isCollection(map)) redactValue(text, doc, map, edits, seen)
  }
  const metadata = deref(doc, lookup(object, 'metadata'), new Set())
  const annotations = metadata && isMap(metadata) ? deref(doc, lookup(metadata, 'annotations'), new Set()) : null
  if (annotations && isMap(annotations)) redactValue(text, doc, lookup(annotations, LAST_APPLIED), edits, seen)
}

const MENTIONS_SECRET = /\bkind\s*["']?\s*:\s*["']?Secret\b/

/** Returns `text` with every Secret value replaced by `REDACTED`, and how many were replaced. */
export function redactSecrets(text: string): RedactionResult {
  const [file] = parseSources([{ name: 'share.yaml', text }]).files
  const edits = new Map<number, Edit>()
  let unreadable = 0
  const documents = file?.documents ?? []
  if (documents.length === 0 && MENTIONS_SECRET.test(text)) unreadable++
  for (const { yaml: doc } of documents) {
    if (doc.errors.length > 0 && MENTIONS_SECRET.test(text.slice(doc.range[0], doc.range[2]))) unreadable++
    redactObject(text, doc, doc.contents as Node | null, edits)
  }
  const ordered = [...edits.values()].sort((a, b) => a.start - b.start)
  const parts: string[] = []
  let at = 0
  for (const edit of ordered) {
    parts.push(text.slice(at, edit.start), edit.text)
    at = edit.end
  }
  parts.push(text.slice(at))
  return { text: parts.join(''), redacted: ordered.length, unreadable }
}
