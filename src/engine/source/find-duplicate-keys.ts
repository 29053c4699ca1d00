/**
 * Duplicate map keys, found in one linear pass. The `yaml` library's own check (`uniqueKeys`) compares every
 * new key with every earlier one, which takes minutes for a map of 100,000 keys; this uses a set per map.
 */
import { isCollection, isMap, isPair, isScalar, type Node, type Pair } from 'yaml'

/** The second and later occurrences of every scalar key, in every map of `root`, as key nodes. */
export function findDuplicateKeys(root: unknown): Node[] {
  const found: Node[] = []
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (isPair(node)) {
      stack.push(node.key, node.value)
      continue
    }
    if (!isCollection(node)) continue
    if (isMap(node) && node.items.length > 1) collectDuplicates(node.items as Pair[], found)
    for (const item of node.items) stack.push(item)
  }
  return found.sort((a, b) => (a.range as number[])[0]! - (b.range as number[])[0]!)
}

function collectDuplicates(items: readonly Pair[], found: Node[]): void {
  // Scalar keys compare by value, as YAML's equality of scalars does; collection keys are rare and skipped.
  const seen = new Set<unknown>()
  for (const pair of items) {
    const key = pair.key
    if (!isScalar(key)) continue
    if (seen.has(key.value)) found.push(key)
    else seen.add(key.value)
  }
}
