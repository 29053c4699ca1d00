/**
 * Fixes on whole files: parse the file with the `yaml` Document model, edit the one document the fix names, and
 * hand back text edits (or the new text). Pure; never throws — an operation that cannot be applied is reported.
 */
import { parseAllDocuments, type Document } from 'yaml'
import type { FieldPath } from '../model/types'
import { normalizeLoneCr } from '../source/line-breaks'
import { editDocument } from './edit-document'
import type { FixOp, TextEdit } from './types'

/** The edits of a fix on one file, and what could not be done. */
export interface FileEdits {
  readonly edits: readonly TextEdit[]
  readonly problems: readonly string[]
}

// The same reading options as the source stage, so document indexes and node ranges agree with the analysis.
const parseOptions = { merge: false, uniqueKeys: false, prettyErrors: false, version: '1.2' } as const

/** Parses `text` into its YAML documents (as the source stage does, a lone CR ending a line). */
export function parseDocuments(text: string): readonly Document.Parsed[] {
  const docs = parseAllDocuments(normalizeLoneCr(text), parseOptions)
  return Array.isArray(docs) ? (docs as Document.Parsed[]) : []
}

/**
 * The text edits that apply `ops` to the object at `path` of document `doc` in `text`. Offsets are into `text`;
 * edits are sorted and never overlap.
 */
export function editsFor(text: string, doc: number, path: FieldPath, ops: readonly FixOp[]): FileEdits {
  const parsed = parseDocuments(text)[doc]
  if (!parsed) return { edits: [], problems: [`Document ${doc + 1} is not in the text any more.`] }
  // The parse saw a lone CR as LF (same offsets); edits read line ends the same way and write the file's own.
  return editDocument(text, parsed, path, ops)
}

/** `text` with `edits` applied (edits as `editsFor` returns them: sorted, not overlapping). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = ''
  let at = 0
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + text.slice(at)
}

/**
 * One edit that turns `before` into `after`, trimmed to the part that differs (an empty list when they are
 * equal): what an editor applies so the cursor, folding and markers elsewhere stay put.
 */
export function diffAsEdit(before: string, after: string): TextEdit[] {
  if (before === after) return []
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let tail = 0
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++
  return [{ start, end: before.length - tail, text: after.slice(start, after.length - tail) }]
}
