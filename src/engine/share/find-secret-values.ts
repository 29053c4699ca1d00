/**
 * Which scalars of a YAML document hold Secret values, judged the way the API server would read the document,
 * and then some (docs/sharing.md#secret-redaction): every duplicate of a key counts (the server keeps the last,
 * but the earlier ones are in the text too), merge keys (`<<`) are followed as sigs.k8s.io/yaml's YAML decoder
 * applies them, any object with `items` is read as a list (kubectl's rule), field names match in any case, and an
 * object whose kind cannot be read for sure is treated as a Secret.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml'
import type { ResolveAlias } from './anchor-index'

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'
const SECRET_FIELDS = new Set(['data', 'stringdata'])

interface Field {
  /** Lower-cased key, or undefined when the key is not a plain scalar (e.g. `!!binary` or a collection). */
  readonly name: string | undefined
  readonly value: Node | null
}

interface Walk {
  readonly resolve: ResolveAlias
  /** True when the document parsed without errors; otherwise no kind is trusted. */
  readonly readable: boolean
  /** Objects already judged (a List item may be an alias to another). */
  readonly objects: Set<Node>
  /** Nodes whose scalars are already collected; each node is walked once, so aliases cannot blow the walk up. */
  readonly collected: Set<Node>
  readonly found: Set<Scalar>
}

function fieldName(key: unknown, resolve: ResolveAlias): string | undefined {
  const node = resolve(key as Node | null)
  if (!isScalar(node)) return undefined
  const value = node.value
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value).toLowerCase() : undefined
}

/** The maps `<<` merges in: its value, or each item of a list of them. */
function mergeSources(value: Node | null, resolve: ResolveAlias): (Node | null)[] {
  return isSeq(value) ? value.items.map((item) => resolve(item as Node | null)) : [value]
}

/**
 * A map's fields with those merged in by `<<` (a map or a list of maps), its own first. Iterative, with each map
 * read once: chains of merges are as long as the text allows, and aliases let them repeat.
 */
function fieldsOf(map: YAMLMap, resolve: ResolveAlias): Field[] {
  const fields: Field[] = []
  const seen = new Set<Node>()
  const queue: YAMLMap[] = [map]
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i] as YAMLMap
    if (seen.has(current)) continue
    seen.add(current)
    for (const pair of current.items) {
      const name = fieldName(pair.key, resolve)
      const value = resolve(pair.value as Node | null)
      fields.push({ name, value })
      if (name === '<<') for (const source of mergeSources(value, resolve)) if (isMap(source)) queue.push(source)
    }
  }
  return fields
}

/** True unless `kind` is a string that, however cased or padded, is not `Secret`. */
function mightBeSecretKind(kind: Node | null): boolean {
  if (!isScalar(kind) || typeof kind.value !== 'string') return true
  return kind.value.trim().toLowerCase() === 'secret'
}

/** Every scalar under `node`, keys of nested maps included. */
function collectAll(walk: Walk, node: Node | null): void {
  const stack: (Node | null)[] = [node]
  while (stack.length > 0) {
    const current = walk.resolve(stack.pop() ?? null)
    if (!current || walk.collected.has(current)) continue
    walk.collected.add(current)
    if (isScalar(current)) walk.found.add(current)
    else if (isMap(current)) for (const pair of current.items) stack.push(pair.key as Node | null, pair.value as Node | null)
    else if (isSeq(current)) for (const item of current.items) stack.push(item as Node | null)
  }
}

/** The values of a `data`/`stringData` map (any value, whatever its shape); plain keys stay readable. */
function collectValues(walk: Walk, node: Node | null): void {
  const stack: (Node | null)[] = [node]
  while (stack.length > 0) {
    const target = walk.resolve(stack.pop() ?? null)
    if (!isMap(target)) {
      collectAll(walk, target)
      continue
    }
    if (walk.collected.has(target)) continue
    walk.collected.add(target)
    for (const pair of target.items) {
      if (!isScalar(walk.resolve(pair.key as Node | null))) collectAll(walk, pair.key as Node | null)
      if (fieldName(pair.key, walk.resolve) !== '<<') collectAll(walk, pair.value as Node | null)
      else for (const source of mergeSources(walk.resolve(pair.value as Node | null), walk.resolve)) stack.push(source)
    }
  }
}

function collectLastApplied(walk: Walk, metadata: Node | null): void {
  if (!isMap(metadata)) return
  for (const field of fieldsOf(metadata, walk.resolve)) {
    if (field.name !== 'annotations' || !isMap(field.value)) continue
    for (const annotation of fieldsOf(field.value, walk.resolve)) {
      if (annotation.name === LAST_APPLIED || annotation.name === undefined) collectAll(walk, annotation.value)
    }
  }
}

/** Judges one object (a document's root or a List item); returns its `items` lists, to be walked next. */
function visitObject(walk: Walk, object: YAMLMap): Node[] {
  const fields = fieldsOf(object, walk.resolve)
  const kinds = fields.filter((field) => field.name === 'kind')
  const secret = !walk.readable || kinds.length === 0 || kinds.some((field) => mightBeSecretKind(field.value))
  const lists: Node[] = []
  for (const field of fields) {
    if (field.name === 'items' && isSeq(field.value)) lists.push(field.value)
    if (!secret) continue
    if (field.name === undefined || SECRET_FIELDS.has(field.name)) collectValues(walk, field.value)
    else if (field.name === 'metadata') collectLastApplied(walk, field.value)
  }
  return lists
}

/** Every object reachable from the root through lists and `items`, each judged once (aliases may repeat them). */
function visitObjects(walk: Walk, root: Node | null): void {
  const stack: (Node | null)[] = [root]
  while (stack.length > 0) {
    const node = walk.resolve(stack.pop() ?? null)
    if (!node || walk.objects.has(node)) continue
    walk.objects.add(node)
    if (isSeq(node)) for (const item of node.items) stack.push(item as Node | null)
    else if (isMap(node)) for (const list of visitObject(walk, node)) stack.push(list)
  }
}

/** The scalars holding Secret values in a document whose root is `contents`. */
export function findSecretValues(contents: unknown, resolve: ResolveAlias, readable: boolean): Scalar[] {
  const walk: Walk = { resolve, readable, objects: new Set(), collected: new Set(), found: new Set() }
  visitObjects(walk, contents as Node | null)
  return [...walk.found]
}
