/**
 * Cuts collections nested deeper than a limit out of a CST document before it is composed. The `yaml` composer
 * recurses once per nesting level, so `[[[[…` twenty thousand deep would otherwise overflow the stack; here the
 * walk is iterative and each cut node becomes an empty (null) scalar with a `yaml-too-deep` diagnostic.
 */
import type { CST } from 'yaml'

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection
type Item = { key?: CST.Token | null; value?: CST.Token }

function isCollection(token: CST.Token | null | undefined): token is Collection {
  return token?.type === 'block-map' || token?.type === 'block-seq' || token?.type === 'flow-collection'
}

function emptyScalar(token: Collection): CST.FlowScalar {
  return { type: 'scalar', offset: token.offset, indent: token.indent, source: '' }
}

/**
 * Replaces every collection deeper than `maxDepth` in `document` (depth 1 = the document's root collection) and
 * returns the offsets of the replaced nodes, in document order. Mutates the token in place.
 */
export function capDepth(document: CST.Document, maxDepth: number): number[] {
  const cut: number[] = []
  const root = document.value
  if (!isCollection(root)) return cut
  const stack: { token: Collection; depth: number }[] = [{ token: root, depth: 1 }]
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: Collection; depth: number }
    for (const item of token.items as Item[]) {
      if (isCollection(item.key)) {
        if (depth >= maxDepth) {
          cut.push(item.key.offset)
          item.key = emptyScalar(item.key)
        } else stack.push({ token: item.key, depth: depth + 1 })
      }
      if (isCollection(item.value)) {
        if (depth >= maxDepth) {
          cut.push(item.value.offset)
          item.value = emptyScalar(item.value)
        } else stack.push({ token: item.value, depth: depth + 1 })
      }
    }
  }
  return cut.sort((a, b) => a - b)
}
