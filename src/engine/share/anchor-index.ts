/**
 * Alias resolution for redaction. Unlike the model's reader (`model/read-context.ts`), it has no dereference cap:
 * a capped lookup would give up on the 101st alias and leave a Secret value behind it in the text. Each node is
 * visited once by the redactor, so the walk stays linear even for "billion laughs" input.
 */
import { isAlias, type Node } from 'yaml'
import { anchorBefore, collectAnchors, type AnchorIndex } from '../source/anchors'

export type ResolveAlias = (node: Node | null | undefined) => Node | null

function startOf(node: Node): number {
  return (node.range as [number, number, number] | undefined)?.[0] ?? 0
}

/** A resolver for one document: follows aliases (chains too) to their anchored node; null when there is none. */
export function createAliasResolver(root: unknown): ResolveAlias {
  let anchors: AnchorIndex | undefined
  return (node) => {
    let current: Node | null = node ?? null
    for (let hops = 0; current && isAlias(current); hops++) {
      if (hops > 64) return null
      anchors ??= collectAnchors(root)
      current = anchorBefore(anchors, current.source, startOf(current))
    }
    return current
  }
}
