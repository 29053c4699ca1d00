/**
 * The comments a converted route carries over from its Ingress: the comment above the Ingress object and the one
 * above each path item (docs/migration.md#conversion). `yaml` keeps a leading comment in one of a few places
 * depending on where it sits: the document, the object's map, its first key, or — for the first item of a
 * sequence — the sequence itself; this module looks in each, in that order.
 */
import { isMap, isNode, isSeq, type Document, type Node } from 'yaml'
import type { FieldPath, SourceRef } from '../../model/types'
import type { ParsedSources } from '../../source/parse-sources'

/** Reads leading comments at field paths of the objects of one input. */
export interface CommentReader {
  /** The comment above the object itself (its document's, for a top-level object); null when none. */
  objectComment(source: SourceRef): string | null
  /** The comment above the sequence item at `path` of the object (a path item), null when none. */
  itemComment(source: SourceRef, path: FieldPath): string | null
}

function firstKeyComment(node: unknown): string | null {
  if (!isMap(node)) return null
  const first = node.items[0]
  return isNode(first?.key) ? ((first.key as Node).commentBefore ?? null) : null
}

function join(parts: readonly (string | null | undefined)[]): string | null {
  const kept = parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '')
  return kept.length > 0 ? kept.join('\n') : null
}

/** A reader over the parsed documents of `parsed`. */
export function commentReader(parsed: ParsedSources): CommentReader {
  const documentOf = (source: SourceRef): Document.Parsed | null =>
    parsed.files.find((file) => file.name === source.file)?.documents[source.doc]?.yaml ?? null

  const item = (doc: Document.Parsed, path: FieldPath): string | null => {
    const index = path[path.length - 1]
    const parent = doc.getIn(path.slice(0, -1), true)
    const node = doc.getIn(path, true)
    const fromSeq = isSeq(parent) && index === 0 ? parent.commentBefore : null
    return join([fromSeq, isNode(node) ? node.commentBefore : null, firstKeyComment(node)])
  }

  return {
    objectComment(source) {
      const doc = documentOf(source)
      if (!doc) return null
      if (source.path.length > 0) return item(doc, source.path)
      return join([doc.commentBefore, isNode(doc.contents) ? doc.contents.commentBefore : null, firstKeyComment(doc.contents)])
    },
    itemComment(source, path) {
      const doc = documentOf(source)
      return doc ? item(doc, [...source.path, ...path]) : null
    },
  }
}
