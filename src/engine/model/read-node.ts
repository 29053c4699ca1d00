/**
 * Typed reads from the `yaml` AST. Each reader resolves aliases, treats YAML null as "not set" (as the API
 * server's JSON decoding does), and reports a `wrong-type` or `required` diagnostic with the node's exact range
 * instead of throwing. Views carry the field path (for messages and `at`) and the span errors point at.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml'
import type { Span } from '../diagnostics'
import { msg, type Message } from '../messages/message'
import { requiredValue, wrongType } from './field-errors'
import type { ReadContext } from './read-context'
import type { FieldPath, IntOrString } from './types'

export type ValueNode = Scalar | YAMLMap | YAMLSeq

/** A node at a path. `span` is the value's range; `keySpan` the key holding it, if any. */
export interface View<N extends ValueNode = ValueNode> {
  readonly node: N
  readonly path: FieldPath
  readonly span: Span
  /** Where "missing field" errors inside this node point: the key holding it, else the node itself. */
  readonly anchor: Span
}
export type MapView = View<YAMLMap>
export type SeqView = View<YAMLSeq>

/** A map entry or list item: its value (`null` when YAML null or unresolvable) and where it is. */
export interface Field {
  readonly node: ValueNode | null
  readonly path: FieldPath
  readonly span: Span
  readonly keySpan: Span
}

/** A read scalar value with its range. */
export interface Read<T> {
  readonly value: T
  readonly span: Span
  readonly path: FieldPath
}

export function spanOf(node: Node): Span {
  const range = node.range as [number, number, number]
  return { start: range[0], end: range[1] }
}

/** Resolves an alias (counting it) and maps YAML null to `null`. */
export function resolve(ctx: ReadContext, raw: unknown): ValueNode | null {
  let node = raw
  if (isAlias(node)) node = ctx.deref(node)
  if (isScalar(node)) return node.value === null || node.value === undefined ? null : node
  if (isMap(node) || isSeq(node)) return node
  return null
}

/** Describes a node's type (and a scalar's value) for wrong-type messages. */
export function describe(node: ValueNode): Message {
  if (isMap(node)) return msg('api-got-map')
  if (isSeq(node)) return msg('api-got-list')
  const value = node.value
  if (typeof value === 'string') return msg('api-got-string', { value: JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value) })
  if (typeof value === 'number') return msg('api-got-number', { value })
  if (typeof value === 'boolean') return msg('api-got-boolean', { value: String(value) })
  return msg('api-got-other', { type: typeof value })
}

/** The root view of an object; `anchor` is where errors about its missing top-level fields point. */
export function rootView(node: YAMLMap, path: FieldPath, anchor: Span): MapView {
  return { node, path, span: spanOf(node), anchor }
}

/** The entry `key` of a map, or undefined when the map has no such key. */
export function fieldOf(ctx: ReadContext, map: MapView, key: string): Field | undefined {
  const items = map.node.items as Pair[]
  // From the end: with a duplicate key the API server's decoder keeps the last value (docs/sharing.md#secret-redaction).
  for (let i = items.length - 1; i >= 0; i--) {
    const pair = items[i] as Pair
    const k = pair.key
    if (isScalar(k) && k.value === key) {
      const keySpan = spanOf(k)
      const node = resolve(ctx, pair.value)
      const span = node ? spanOf(node) : pair.value && (pair.value as Node).range ? spanOf(pair.value as Node) : keySpan
      return { node, path: [...map.path, key], span, keySpan }
    }
  }
  return undefined
}

/** Reports `path: Required value` at the key if it is present but null, else at the map's anchor. */
export function reportRequired(ctx: ReadContext, map: MapView, key: string, detail?: Message): void {
  const present = fieldOf(ctx, map, key)
  ctx.report('required', 'error', requiredValue([...map.path, key], detail), present ? present.keySpan : map.anchor)
}

function typeError(ctx: ReadContext, field: Field, expected: Message): void {
  ctx.report('wrong-type', 'error', wrongType(field.path, expected, describe(field.node as ValueNode)), field.span)
}

/** The field's value as a map view; `wrong-type` when it is something else. */
export function asMap(ctx: ReadContext, field: Field): MapView | undefined {
  if (field.node === null) return undefined
  if (isMap(field.node)) return { node: field.node, path: field.path, span: field.span, anchor: field.keySpan }
  typeError(ctx, field, msg('api-type-map'))
  return undefined
}

export function asSeq(ctx: ReadContext, field: Field): SeqView | undefined {
  if (field.node === null) return undefined
  if (isSeq(field.node)) return { node: field.node, path: field.path, span: field.span, anchor: field.keySpan }
  typeError(ctx, field, msg('api-type-list'))
  return undefined
}

export function asString(ctx: ReadContext, field: Field): Read<string> | undefined {
  const node = field.node
  if (node === null) return undefined
  if (isScalar(node) && typeof node.value === 'string') return { value: node.value, span: field.span, path: field.path }
  typeError(ctx, field, msg('api-type-string'))
  return undefined
}

/** An integer (int32 range); floats, strings and booleans are `wrong-type`, as Go's JSON decoding rejects them. */
export function asInt(ctx: ReadContext, field: Field): Read<number> | undefined {
  const node = field.node
  if (node === null) return undefined
  if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && Math.abs(node.value) < 2 ** 31) {
    return { value: node.value, span: field.span, path: field.path }
  }
  typeError(ctx, field, msg('api-type-integer'))
  return undefined
}

export function asBool(ctx: ReadContext, field: Field): Read<boolean> | undefined {
  const node = field.node
  if (node === null) return undefined
  if (isScalar(node) && typeof node.value === 'boolean') return { value: node.value, span: field.span, path: field.path }
  typeError(ctx, field, msg('api-type-boolean'))
  return undefined
}

/** An IntOrString (`intstr.IntOrString`): an integer or a string; anything else is `wrong-type`. */
export function asIntOrString(ctx: ReadContext, field: Field): Read<IntOrString> | undefined {
  const node = field.node
  if (node === null) return undefined
  if (isScalar(node)) {
    const value = node.value
    if (typeof value === 'string') return { value, span: field.span, path: field.path }
    if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31) return { value, span: field.span, path: field.path }
  }
  typeError(ctx, field, msg('api-type-int-or-string'))
  return undefined
}

type Reader<T> = (ctx: ReadContext, field: Field) => T | undefined

function readWith<T>(reader: Reader<T>): (ctx: ReadContext, map: MapView | undefined, key: string, required?: boolean | Message) => T | undefined {
  return (ctx, map, key, required) => {
    if (!map) return undefined
    const field = fieldOf(ctx, map, key)
    const value = field ? reader(ctx, field) : undefined
    if (value === undefined && required && (!field || field.node === null)) {
      reportRequired(ctx, map, key, typeof required === 'object' ? required : undefined)
    }
    return value
  }
}

/** Field readers: `readX(ctx, map, key, required?)`; `required` may be a detail message for the error. */
export const readMap = readWith(asMap)
export const readSeq = readWith(asSeq)
export const readString = readWith(asString)
export const readInt = readWith(asInt)
export const readBool = readWith(asBool)
export const readIntOrString = readWith(asIntOrString)

/** The items of a list, each resolved, with its path and span. */
export function itemsOf(ctx: ReadContext, seq: SeqView): Field[] {
  const out: Field[] = []
  const items = seq.node.items
  for (let i = 0; i < items.length; i++) {
    const raw = items[i]
    const node = resolve(ctx, raw)
    const span = node ? spanOf(node) : raw && (raw as Node).range ? spanOf(raw as Node) : seq.span
    // Errors about a list item's missing fields point at its first key: one short range, not the whole item.
    const first = node && isMap(node) ? (node.items[0] as Pair | undefined)?.key : undefined
    out.push({ node, path: [...seq.path, i], span, keySpan: first && isScalar(first) ? spanOf(first) : span })
  }
  return out
}

/** A string-to-string map entry with the ranges of its key and value. */
export interface StringEntry {
  readonly key: string
  readonly value: string
  readonly keySpan: Span
  readonly valueSpan: Span
}

/**
 * A `map[string]string` (labels, annotations, selectors, ConfigMap data). Keys that are numbers or booleans are
 * read as text, as sigs.k8s.io/yaml does; non-string values are `wrong-type` and left out.
 */
export function readStringMap(ctx: ReadContext, map: MapView | undefined, key: string): { view: MapView; entries: StringEntry[] } | undefined {
  const field = map && fieldOf(ctx, map, key)
  const view = field && asMap(ctx, field)
  if (!view) return undefined
  const entries: StringEntry[] = []
  for (const pair of view.node.items as Pair[]) {
    const k = resolve(ctx, pair.key)
    if (!k || !isScalar(k)) continue
    const name = String(k.value)
    const keySpan = spanOf(k)
    const entry: Field = { node: resolve(ctx, pair.value), path: [...view.path, name], span: keySpan, keySpan }
    const value = entry.node ? asString(ctx, { ...entry, span: spanOf(entry.node) }) : { value: '', span: keySpan, path: entry.path }
    if (value) entries.push({ key: name, value: value.value, keySpan, valueSpan: value.span })
  }
  return { view, entries }
}

/** Entries as a plain record (later entries win, as in Go's map decoding). */
export function toRecord(entries: readonly StringEntry[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of entries) out[entry.key] = entry.value
  return out
}
