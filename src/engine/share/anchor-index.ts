/**
 * Alias resolution for redaction. Unlike the model's reader (`model/read-context.ts`), it has no dereference cap:
 * a capped lookup would give up on the 101st alias and leave a Secret value behind it in the text. Each node is
 * visited once by the redactor, so the walk stays linear even for "billion laughs" input.
 */
import { isAlias, isCollection, isPair, type Node } from 'yaml'

export type ResolveAlias = (node: Node | null | undefined) => Node | null

function startOf(node: Node): number {
  return (node.range as [number, number, number] | undefined)?.[0] ?? 0
}

/** Every anchored node of `root` by name, in text order; iterative, so depth cannot hurt it. */
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
    if (isCollection(node)) for (const item of node.items) stack.push(item)
  }
  for (const list of anchors.values()) list.sort((a, b) => startOf(a) - startOf(b))
  return anchors
}

/** The last node of `list` that starts before `at` (YAML: an alias names the closest anchor before it). */
function lastBefore(list: readonly Node[], at: number): Node | null {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (startOf(list[mid] as Node) < at) low = mid + 1
    else high = mid
  }
  return low > 0 ? (list[low - 1] as Node) : null
}

/** A resolver for one document: follows aliases (chains too) to their anchored node; null when there is none. */
export function createAliasResolver(root: unknown): ResolveAlias {
  let anchors: Map<string, Node[]> | undefined
  return (node) => {
    let current: Node | null = node ?? null
    for (let hops = 0; current && isAlias(current); hops++) {
      if (hops > 64) return null
      anchors ??= collectAnchors(root)
      current = lastBefore(anchors.get(current.source) ?? [], startOf(current))
    }
    return current
  }
}
