/**
 * Fix operations → text edits on one parsed YAML document. The `yaml` Document model finds the nodes and their
 * ranges; only the text of the nodes an operation touches changes, so comments, blank lines, quoting and key
 * order everywhere else stay exactly as written. Several `set`s that create the same missing map are merged
 * into one inserted block.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml'
import type { FieldPath } from '../model/types'
import { columnAt, detectStyle, renderEntry, renderInPlace, renderInline, renderValueAfterKey, type BlockStyle } from './render-yaml'
import type { FixOp, TextEdit, YamlValue } from './types'

/** The edits for `ops`, plus a sentence per operation that could not be applied (e.g. a missing list item). */
export interface DocumentEdits {
  readonly edits: readonly TextEdit[]
  readonly problems: readonly string[]
}

type Action =
  | { readonly kind: 'insert'; readonly group: string; readonly map: YAMLMap; readonly key: string; value: YamlValue }
  | { readonly kind: 'fill'; readonly group: string; readonly pair: Pair; value: YamlValue }
  | { readonly kind: 'replace'; readonly group: string; readonly node: Node; value: YamlValue }
  | { readonly kind: 'edit'; readonly group: string; readonly edit: TextEdit }

/** Nests `value` under the keys of `path` (`['a', 'b'], 1` → `{a: {b: 1}}`). */
function nest(path: FieldPath, value: YamlValue): YamlValue {
  return path.reduceRight<YamlValue>((inner, key) => ({ [String(key)]: inner }), value)
}

function isPlainObject(value: YamlValue): value is { readonly [key: string]: YamlValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Deep merge of two values for the same new node; `b` wins where both set a non-map. */
function merge(a: YamlValue, b: YamlValue): YamlValue {
  if (!isPlainObject(a) || !isPlainObject(b)) return b
  const out: Record<string, YamlValue> = { ...a }
  for (const [key, value] of Object.entries(b)) out[key] = key in out ? merge(out[key] as YamlValue, value) : value
  return out
}

function rangeOf(node: Node): [number, number] {
  const range = node.range as [number, number, number]
  return [range[0], range[1]]
}

function findPair(map: YAMLMap, key: string | number): Pair | undefined {
  return (map.items as Pair[]).find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key))
}

/** Offset of the start of the line after `offset` (or `offset` itself when it already starts a line). */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && endsLine(text, offset - 1)) return offset
  // LF, CRLF or a lone CR (as the source stage reads line ends).
  const next = text.slice(offset).search(/\r\n?|\n/)
  if (next === -1) return text.length
  const at = offset + next
  return at + (text.startsWith('\r\n', at) ? 2 : 1)
}

/** True when the character at `index` ends a line (an LF, or a CR not followed by LF). */
function endsLine(text: string, index: number): boolean {
  return text[index] === '\n' || (text[index] === '\r' && text[index + 1] !== '\n')
}

function lineStartOf(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1
}

/** End of a pair's own text: its value's end, or its key's when the value is empty. */
function pairEnd(pair: Pair): number {
  const value = pair.value as Node | null
  if (value && value.range && !(isScalar(value) && value.value === null && value.source === '')) return rangeOf(value)[1]
  return rangeOf(pair.key as Node)[1]
}

/** Computes the edits of `ops` on `doc` (parsed from `text`); `base` is the object's path in its document. */
export function editDocument(text: string, doc: Document.Parsed, base: FieldPath, ops: readonly FixOp[]): DocumentEdits {
  const style = detectStyle(text, doc.contents)
  const problems: string[] = []
  const actions = new Map<string, Action>()
  const add = (action: Action): void => {
    const existing = actions.get(action.group)
    if (existing && existing.kind !== 'edit' && existing.kind === action.kind) {
      existing.value = merge(existing.value, (action as { value: YamlValue }).value)
    } else actions.set(action.group, action)
  }
  for (const op of ops) {
    const problem = resolve(text, doc, [...base, ...op.path], op, add)
    if (problem) problems.push(problem)
  }
  const edits = [...actions.values()].map((action) => toEdit(text, action, style))
  return { edits: dropOverlaps(edits, problems), problems }
}

function resolve(text: string, doc: Document.Parsed, path: FieldPath, op: FixOp, add: (action: Action) => void): string | null {
  let node: Node | null = doc.contents as Node | null
  let holder: Pair | null = null
  const where = path.join('.')
  for (let i = 0; i < path.length; i++) {
    const step = path[i] as string | number
    const last = i === path.length - 1
    if (node && isMap(node)) {
      const pair = findPair(node, step)
      if (!pair) {
        if (op.op !== 'set') return null
        if (node.flow) {
          add({ kind: 'replace', group: `r${rangeOf(node)[0]}`, node, value: merge(node.toJSON() as YamlValue, nest(path.slice(i), op.value)) })
        } else {
          add({ kind: 'insert', group: `i${rangeOf(node)[0]}:${String(step)}`, map: node, key: String(step), value: nest(path.slice(i + 1), op.value) })
        }
        return null
      }
      if (last) return resolveLast(text, node, pair, op, add)
      holder = pair
      node = pair.value as Node | null
    } else if (node && isSeq(node) && typeof step === 'number' && step >= 0 && step < node.items.length) {
      if (last) return resolveLastItem(text, node, step, op, add)
      holder = null
      node = node.items[step] as Node
    } else if (holder && (!node || (isScalar(node) && node.value === null)) && op.op === 'set') {
      // `key:` with no value (or `~`): the new maps go in its place.
      add({ kind: 'fill', group: `f${rangeOf(holder.key as Node)[0]}`, pair: holder, value: nest(path.slice(i), op.value) })
      return null
    } else {
      return op.op === 'set' ? `Cannot write ${where}: the document has a different shape there.` : null
    }
  }
  return null
}

function resolveLast(text: string, map: YAMLMap, pair: Pair, op: FixOp, add: (action: Action) => void): string | null {
  const key = pair.key as Node
  if (op.op === 'rename') {
    add({ kind: 'edit', group: `k${rangeOf(key)[0]}`, edit: { start: rangeOf(key)[0], end: rangeOf(key)[1], text: op.to } })
    return null
  }
  if (op.op === 'delete') {
    add({ kind: 'edit', group: `d${rangeOf(key)[0]}`, edit: deletePair(text, map, pair) })
    return null
  }
  const value = pair.value as Node | null
  // A scalar or flow value is rewritten after `key:`, so a block value starts on its own line.
  if (!value || isScalar(value) || ((isMap(value) || isSeq(value)) && value.flow)) {
    add({ kind: 'fill', group: `f${rangeOf(key)[0]}`, pair, value: op.value })
  } else {
    add({ kind: 'replace', group: `r${rangeOf(value)[0]}`, node: value, value: op.value })
  }
  return null
}

function resolveLastItem(text: string, seq: YAMLSeq, index: number, op: FixOp, add: (action: Action) => void): string | null {
  const item = seq.items[index] as Node
  if (op.op === 'set') add({ kind: 'replace', group: `r${rangeOf(item)[0]}`, node: item, value: op.value })
  else if (op.op === 'delete') add({ kind: 'edit', group: `d${rangeOf(item)[0]}`, edit: deleteItem(text, seq, index) })
  else return `Cannot rename list item ${index}.`
  return null
}

/** Removes one map entry: whole lines when it has its own lines, else up to the next key (`- a: 1` items). */
function deletePair(text: string, map: YAMLMap, pair: Pair): TextEdit {
  const items = map.items as Pair[]
  const index = items.indexOf(pair)
  const keyStart = rangeOf(pair.key as Node)[0]
  if (map.flow || items.length === 1) {
    const [start, end] = rangeOf(map)
    const rest = Object.fromEntries(Object.entries(map.toJSON() as Record<string, unknown>).filter(([key]) => key !== String((pair.key as { value: unknown }).value)))
    return { start, end: map.flow ? end : contentEnd(text, start, end), text: renderInline(rest as YamlValue, { indentSeq: false, newline: '\n' }) }
  }
  const ownLine = text.slice(lineStartOf(text, keyStart), keyStart).trim() === ''
  const next = items[index + 1]
  if (!ownLine && next) return { start: keyStart, end: rangeOf(next.key as Node)[0], text: '' }
  return { start: lineStartOf(text, keyStart), end: lineEndAfter(text, pairEnd(pair)), text: '' }
}

/** Removes one list item (its whole lines in a block list). */
function deleteItem(text: string, seq: YAMLSeq, index: number): TextEdit {
  const item = seq.items[index] as Node
  if (seq.flow || seq.items.length === 1) {
    const [start, end] = rangeOf(seq)
    const rest = (seq.toJSON() as unknown[]).filter((_, i) => i !== index)
    return { start, end: seq.flow ? end : contentEnd(text, start, end), text: renderInline(rest as YamlValue, { indentSeq: false, newline: '\n' }) }
  }
  const [start, end] = rangeOf(item)
  return { start: lineStartOf(text, start), end: lineEndAfter(text, end), text: '' }
}

/** `end` moved back over trailing whitespace, so a replaced block keeps the line break after it. */
function contentEnd(text: string, start: number, end: number): number {
  let at = end
  while (at > start && /\s/.test(text[at - 1] as string)) at--
  return at
}

function toEdit(text: string, action: Action, style: BlockStyle): TextEdit {
  switch (action.kind) {
    case 'edit':
      return action.edit
    case 'insert': {
      const items = action.map.items as Pair[]
      const first = items[0] as Pair
      const indent = columnAt(text, rangeOf(first.key as Node)[0])
      const at = lineEndAfter(text, pairEnd(items[items.length - 1] as Pair))
      const lead = at === text.length && !(text.length > 0 && endsLine(text, text.length - 1)) ? style.newline : ''
      return { start: at, end: at, text: lead + renderEntry(action.key, action.value, indent, style) }
    }
    case 'fill': {
      const key = action.pair.key as Node
      const keyEnd = rangeOf(key)[1]
      const value = action.pair.value as Node | null
      // After `key:` (and over an explicit `~` or `null`, if any).
      const colon = text.indexOf(':', keyEnd)
      const end = value && value.range ? Math.max(colon + 1, rangeOf(value)[1]) : colon + 1
      // A flow value (`{a: 1}`) is replaced in flow style, so one-line entries stay on one line.
      const flow = value !== null && (isMap(value) || isSeq(value)) && value.flow
      const rendered = flow ? ` ${renderInline(action.value, style)}` : renderValueAfterKey(action.value, columnAt(text, rangeOf(key)[0]), style)
      return { start: colon + 1, end, text: rendered }
    }
    case 'replace': {
      const [start, end] = rangeOf(action.node)
      const flow = (isMap(action.node) || isSeq(action.node)) && action.node.flow
      const rendered = flow ? renderInline(action.value, style) : renderInPlace(action.value, columnAt(text, start), style)
      return { start, end: contentEnd(text, start, end), text: rendered }
    }
  }
}

/** Edits sorted by position; an edit overlapping an earlier one is dropped with a problem. */
function dropOverlaps(edits: readonly TextEdit[], problems: string[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: TextEdit[] = []
  for (const edit of sorted) {
    const previous = out[out.length - 1]
    if (previous && edit.start < previous.end) {
      problems.push('Two changes touch the same text; the second was left out.')
      continue
    }
    out.push(edit)
  }
  return out
}
