/**
 * Offsets ↔ lines and columns. Offsets are UTF-16 code units into the file's text (what JavaScript strings and
 * the `yaml` library use); lines and columns are 1-based and columns count UTF-16 code units, as Monaco does.
 * A line ends at `\n` or at a lone `\r` (as go-yaml, and so kubectl, reads it: `line-breaks.ts`); the `\r` of a
 * CRLF belongs to the line (so CRLF files keep their columns).
 */
import type { LineCol } from '../diagnostics'
import { isLoneCr } from './line-breaks'

/** Start offsets of every line of one text, ascending; `starts[0]` is 0. */
export interface LineIndex {
  readonly starts: readonly number[]
  readonly length: number
}

/** Indexes the line starts of `text` in one pass. */
export function indexLines(text: string): LineIndex {
  const starts = [0]
  if (text.indexOf('\r') === -1) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1)
  } else {
    for (let at = 0; at < text.length; at++) {
      if (text.charCodeAt(at) === 10 || isLoneCr(text, at)) starts.push(at + 1)
    }
  }
  return { starts, length: text.length }
}

/** The line and column of `offset`; offsets outside the text are clamped to it. */
export function lineColAt(index: LineIndex, offset: number): LineCol {
  const at = Math.max(0, Math.min(offset, index.length))
  const { starts } = index
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((starts[mid] as number) <= at) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: at - (starts[low] as number) + 1 }
}

/** The offset of a line and column; positions past a line's end are clamped to the end of the text. */
export function offsetAt(index: LineIndex, position: LineCol): number {
  const line = Math.max(1, Math.min(position.line, index.starts.length))
  return Math.min(index.length, (index.starts[line - 1] as number) + Math.max(0, position.column - 1))
}
