/**
 * Fixes as data: what a lint rule or the migration wants changed, as operations on one object's YAML. The
 * operations name fields by `FieldPath` (relative to the object's root, like the model's `at` paths); turning
 * them into text edits that keep comments and layout is `applyFix`'s job.
 */
import type { Message } from '../messages/message'
import type { FieldPath, SourceRef } from '../model/types'

/** Plain YAML data: what a `set` writes (numbers, strings, booleans, lists and maps of them). */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue }

export type FixOp =
  /** Writes `value` at `path`, creating missing maps on the way; an existing node is replaced. */
  | { readonly op: 'set'; readonly path: FieldPath; readonly value: YamlValue }
  /** Removes the map entry or list item at `path` (nothing when it does not exist). */
  | { readonly op: 'delete'; readonly path: FieldPath }
  /** Renames the map key at `path` to `to`, keeping its value and comments. */
  | { readonly op: 'rename'; readonly path: FieldPath; readonly to: string }

/**
 * One change a person can choose, e.g. "Add a readinessProbe on port 8080": its title is a message of the
 * quick-fix family, said in the reader's language.
 */
export interface Fix {
  readonly title: Message
  readonly ops: readonly FixOp[]
}

/** A fix bound to the object it edits. */
export interface BoundFix extends Fix {
  readonly source: SourceRef
}

/** Replace `[start, end)` of a file's text (UTF-16 offsets into the text the fix was computed for) with `text`. */
export interface TextEdit {
  readonly start: number
  readonly end: number
  readonly text: string
}
