/**
 * Pod templates indexed by namespace and label `key=value`, so a Service's selector finds its candidates through
 * one of its pairs instead of being compared with every workload: the cross-object checks stay linear in the
 * number of objects (plus the pairs they actually relate), even for tens of thousands of Services.
 */

/** `labels[key] === value` for every pair of a non-empty selector: how a Service selects pods (docs/input-limits.md#service-selectors). */
export function selects(selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return false
  const entries = Object.entries(selector)
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v)
}

export interface LabelIndex<T> {
  /** The items (in insertion order) whose labels carry every pair of `selector`; an empty or absent selector selects none. */
  selectedBy(namespace: string, selector: Readonly<Record<string, string>> | undefined): readonly T[]
}

type Buckets<T> = Map<string, Map<string, Map<string, T[]>>>

const NONE: readonly never[] = []

/** Indexes `items` by namespace, then by each label key and value; answers are cached per distinct selector. */
export function buildLabelIndex<T>(items: readonly T[], namespaceOf: (item: T) => string, labelsOf: (item: T) => Readonly<Record<string, string>>): LabelIndex<T> {
  const buckets: Buckets<T> = new Map()
  for (const item of items) {
    const byKey = getOrAdd(buckets, namespaceOf(item), () => new Map<string, Map<string, T[]>>())
    for (const [k, v] of Object.entries(labelsOf(item))) getOrAdd(getOrAdd(byKey, k, () => new Map<string, T[]>()), v, () => []).push(item)
  }
  // Services usually repeat a few selectors (one per app); equal selectors share one answer.
  const answers = new Map<string, readonly T[]>()
  return {
    selectedBy(namespace, selector) {
      if (!selector) return NONE
      const entries = Object.entries(selector)
      if (entries.length === 0) return NONE
      const cacheKey = JSON.stringify([namespace, entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))])
      let answer = answers.get(cacheKey)
      if (!answer) {
        answer = lookUp(buckets.get(namespace), entries, selector, labelsOf)
        answers.set(cacheKey, answer)
      }
      return answer
    },
  }
}

/** The smallest bucket among the selector's pairs, filtered by the rest of the selector. */
function lookUp<T>(byKey: Map<string, Map<string, T[]>> | undefined, entries: readonly [string, string][], selector: Readonly<Record<string, string>>, labelsOf: (item: T) => Readonly<Record<string, string>>): readonly T[] {
  if (!byKey) return NONE
  let smallest: T[] | undefined
  for (const [k, v] of entries) {
    const bucket = byKey.get(k)?.get(v)
    if (!bucket) return NONE
    if (!smallest || bucket.length < smallest.length) smallest = bucket
  }
  if (!smallest) return NONE
  return entries.length === 1 ? smallest : smallest.filter((item) => selects(selector, labelsOf(item)))
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    map.set(key, value)
  }
  return value
}
