/**
 * YAML anchors of one document, for the stages that resolve aliases themselves (the model reads the AST without
 * `toJS`; the share redactor follows every alias): each name's anchored nodes in text order, and the one an alias
 * names — the closest anchor of that name before it, as YAML defines.
 */
import { isAlias, isCollection, isPair, type Node } from 'yaml'

/** Anchored nodes by name, each list in text order. */
export type AnchorIndex = ReadonlyMap<string, readonly Node[]>

function startOf(node: Node): number {
  return (node.range as [number, number, number] | undefined)?.[0] ?? 0
}

/** Every anchored node of `root` by name; iterative, so nesting depth cannot overflow the stack. */
export function collectAnchors(root: unknown): AnchorIndex {
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
    if (isCollection(node)) for (const item of node.items) stack.push(item)
  }
  for (const list of anchors.values()) list.sort((a, b) => startOf(a) - startOf(b))
  return anchors
}

/** The node anchored as `name` closest before offset `at`, or null when there is none. */
export function anchorBefore(anchors: AnchorIndex, name: string, at: number): Node | null {
  const list = anchors.get(name) ?? []
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (startOf(list[mid] as Node) < at) low = mid + 1
    else high = mid
  }
  return low > 0 ? (list[low - 1] as Node) : null
}
