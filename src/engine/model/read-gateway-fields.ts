/**
 * Reading a Gateway API object the way the apiextensions API server validates a custom resource: OpenAPI schema
 * checks (types, required, enum, pattern, lengths, item counts, ranges, list-map keys) as fields are read, then
 * the CRD's CEL rules (`x-kubernetes-validations`) on the defaulted object, queued by the builders and run at the
 * end, unless a schema error blocks them: the API server skips every CEL rule of an object with a type, required,
 * enum, too-long or too-many error and says so (apiextensions-apiserver `customresource_handler` /
 * `strategy.go` hasBlockingErr). docs/gateway-api.md#model-and-validation.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml'
import type { DiagnosticCode, Span } from '../diagnostics'
import type { MessageId } from '../messages/catalog'
import { msg, type Message } from '../messages/message'
import { checkKnownFields, knownFields, type KnownFields } from './check-known-fields'
import { formatPath, invalidValue, unsupportedValue } from './field-errors'
import type { ObjectInput } from './object-input'
import type { ReadContext } from './read-context'
import { asMap, asSeq, fieldOf, itemsOf, readInt, readMap, readString, reportRequired, spanOf, type Field, type MapView, type Read, type SeqView } from './read-node'
import type { FieldPath } from './types'
import { codePoints, matchesPattern, type IntSchema, type ListSchema, type StringSchema } from './validate-gateway-formats'

/** Schema errors after which the API server runs no CEL rule of the object. */
const blockingIds: ReadonlySet<MessageId> = new Set<MessageId>(['field-required', 'field-required-detail', 'field-unsupported', 'field-wrong-type', 'gw-too-long', 'gw-too-many'])

export interface GwReader {
  /** Reports like the model's context, remembering blocking schema errors. */
  readonly ctx: ReadContext
  readonly root: MapView
  /** Queues a CEL rule check (run by `finish` on the defaulted object). */
  cel(check: () => void): void
  /** Runs the queued CEL checks unless a schema error blocks them. */
  finish(): void
}

export function createGwReader(input: ObjectInput): GwReader {
  const outer = input.ctx
  let blocked = false
  const checks: (() => void)[] = []
  const ctx: ReadContext = {
    file: outer.file,
    doc: outer.doc,
    kubernetesVersion: outer.kubernetesVersion,
    rules: outer.rules,
    deref: outer.deref,
    report(code, severity, message, span) {
      if (severity === 'error' && blockingIds.has(message.id)) blocked = true
      outer.report(code, severity, message, span)
    },
  }
  return {
    ctx,
    root: input.root,
    cel: (check) => { checks.push(check) },
    finish() {
      if (checks.length === 0) return
      if (blocked) {
        ctx.report('invalid-value', 'info', msg('gw-cel-not-checked'), input.root.anchor)
        return
      }
      for (const check of checks) check()
    },
  }
}

/** Checks a read string against its CRD schema (maxLength, minLength, pattern in kube-openapi's order; enum). */
export function checkString(r: GwReader, read: Read<string>, schema: StringSchema, code: DiagnosticCode = 'invalid-value'): boolean {
  const { value, path, span } = read
  const length = schema.maxLength !== undefined || schema.minLength !== undefined ? codePoints(value) : 0
  const where = formatPath(path)
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    r.ctx.report(code, 'error', msg('gw-too-long', { path: where, max: schema.maxLength }), span)
    return false
  }
  if (schema.minLength !== undefined && length < schema.minLength) {
    r.ctx.report(code, 'error', invalidValue(path, value, msg('gw-body-min-length', { path: where, min: schema.minLength })), span)
    return false
  }
  if (schema.pattern !== undefined && !matchesPattern(schema.pattern, value)) {
    r.ctx.report(code, 'error', invalidValue(path, value, msg('gw-body-pattern', { path: where, pattern: schema.pattern })), span)
    return false
  }
  if (schema.enum !== undefined && !schema.enum.includes(value)) {
    r.ctx.report(code, 'error', unsupportedValue(path, value, schema.enum), span)
    return false
  }
  return true
}

/** Checks a read integer against its CRD schema (minimum, maximum, enum). */
export function checkInt(r: GwReader, read: Read<number>, schema: IntSchema, code: DiagnosticCode = 'invalid-value'): boolean {
  const { value, path, span } = read
  const where = formatPath(path)
  if (schema.minimum !== undefined && value < schema.minimum) {
    r.ctx.report(code, 'error', invalidValue(path, value, msg('gw-body-minimum', { path: where, min: schema.minimum })), span)
    return false
  }
  if (schema.maximum !== undefined && value > schema.maximum) {
    r.ctx.report(code, 'error', invalidValue(path, value, msg('gw-body-maximum', { path: where, max: schema.maximum })), span)
    return false
  }
  if (schema.enum !== undefined && !schema.enum.includes(value)) {
    r.ctx.report(code, 'error', unsupportedValue(path, value, schema.enum.map(String)), span)
    return false
  }
  return true
}

/** A string field, checked against its schema; `required` reports `Required value` when absent or null. */
export function gwString(r: GwReader, map: MapView | undefined, key: string, schema: StringSchema, required = false, code?: DiagnosticCode): Read<string> | undefined {
  const read = readString(r.ctx, map, key, required)
  if (read) checkString(r, read, schema, code)
  return read
}

export function gwInt(r: GwReader, map: MapView | undefined, key: string, schema: IntSchema, required = false, code?: DiagnosticCode): Read<number> | undefined {
  const read = readInt(r.ctx, map, key, required)
  if (read) checkInt(r, read, schema, code)
  return read
}

export function gwMap(r: GwReader, map: MapView | undefined, key: string, known: KnownFields, required = false): MapView | undefined {
  const view = readMap(r.ctx, map, key, required)
  checkKnownFields(r.ctx, view, known)
  return view
}

/** A list field: its view and items, checked against `minItems` / `maxItems`. */
export function gwList(r: GwReader, map: MapView | undefined, key: string, schema: ListSchema, required = false): { view: SeqView; items: Field[] } | undefined {
  if (!map) return undefined
  const field = fieldOf(r.ctx, map, key)
  const view = field && asSeq(r.ctx, field)
  if (!view) {
    if (required && (!field || field.node === null)) reportRequired(r.ctx, map, key)
    return undefined
  }
  const items = itemsOf(r.ctx, view)
  checkListSize(r, view, items.length, schema)
  return { view, items }
}

export function checkListSize(r: GwReader, view: SeqView, size: number, schema: ListSchema): void {
  const where = formatPath(view.path)
  if (schema.maxItems !== undefined && size > schema.maxItems) {
    r.ctx.report('invalid-value', 'error', msg('gw-too-many', { path: where, size, max: schema.maxItems }), view.anchor)
  } else if (schema.minItems !== undefined && size < schema.minItems) {
    r.ctx.report('invalid-value', 'error', invalidValue(view.path, size, msg('gw-body-min-items', { path: where, min: schema.minItems })), view.span)
  }
}

/** The items of a list that are maps, each checked for unknown fields. */
export function mapItems(r: GwReader, items: readonly Field[], known: KnownFields): MapView[] {
  const out: MapView[] = []
  for (const item of items) {
    const view = asMap(r.ctx, item)
    if (!view) continue
    checkKnownFields(r.ctx, view, known)
    out.push(view)
  }
  return out
}

/**
 * `x-kubernetes-list-type: map`: a second item with the same key values is `Duplicate value`, printed as Go
 * prints the key map (`map[string]interface {}{"name":"http"}`).
 */
export function checkListMapKeys(r: GwReader, entries: readonly { key: string | number | undefined; at: FieldPath; span: Span }[], keyName = 'name'): void {
  const seen = new Set<string | number>()
  for (const entry of entries) {
    if (entry.key === undefined) continue
    if (seen.has(entry.key)) {
      const value = `map[string]interface {}{${JSON.stringify(keyName)}:${JSON.stringify(entry.key)}}`
      r.ctx.report('invalid-value', 'error', msg('gw-duplicate', { path: formatPath(entry.at), value }), entry.span)
    }
    seen.add(entry.key)
  }
}

/** `x-kubernetes-list-type: set`: a repeated item is `Duplicate value: "x"`. */
export function checkListSet(r: GwReader, entries: readonly Read<string>[]): void {
  const seen = new Set<string>()
  for (const entry of entries) {
    if (seen.has(entry.value)) r.ctx.report('invalid-value', 'error', msg('gw-duplicate', { path: formatPath(entry.path), value: JSON.stringify(entry.value) }), entry.span)
    seen.add(entry.value)
  }
}

/** A CEL rule's error: `path: Invalid value: "<schema type>": <the rule's message>`, at `span`. */
export function celError(r: GwReader, path: FieldPath, type: 'object' | 'array' | 'string', rule: Message, span: Span, code: DiagnosticCode = 'invalid-value'): void {
  r.ctx.report(code, 'error', invalidValue(path, type, rule), span)
}

/**
 * The span of the node at `path` under the object's root (for CEL errors found on the built object), or of its
 * deepest existing ancestor. Aliases are not followed (the read already counted them).
 */
export function spanAt(r: GwReader, path: FieldPath, part: 'value' | 'key' = 'value'): Span {
  let node: unknown = r.root.node
  let span = r.root.anchor
  for (let i = 0; i < path.length; i++) {
    const step = path[i] as string | number
    if (isAlias(node)) break
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((item) => isScalar(item.key) && String(item.key.value) === String(step))
      if (!pair || !isScalar(pair.key)) break
      const keySpan = spanOf(pair.key)
      if (part === 'key' && i === path.length - 1) return keySpan
      const value = pair.value as Node | null
      span = value && value.range ? spanOf(value) : keySpan
      if (span.end <= span.start) span = keySpan
      node = value
    } else if (isSeq(node) && typeof step === 'number' && step < node.items.length) {
      node = node.items[step]
      if (node && (node as Node).range) span = spanOf(node as Node)
    } else break
  }
  return span
}

/** True when the map has the key with a non-null value (CEL's `has()` after the API server pruned nulls). */
export function has(r: GwReader, map: MapView | undefined, key: string): boolean {
  if (!map) return false
  const field = fieldOf(r.ctx, map, key)
  return field !== undefined && field.node !== null
}

export { knownFields }
