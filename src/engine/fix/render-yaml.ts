/**
 * New YAML text for fixes, written by the `yaml` library's own stringifier and then indented to the place it
 * goes, so quoting (`"5"`, `"true"`), nesting and list style follow the document it lands in.
 */
import { Document, isMap, isPair, isScalar, isSeq, visit, type Node } from 'yaml'
import type { YamlValue } from './types'

/** How the surrounding document writes blocks. */
export interface BlockStyle {
  /** `key:\n  - item` (true) or `key:\n- item` (false, kubectl's style). */
  readonly indentSeq: boolean
  /** The document's line break. */
  readonly newline: '\n' | '\r\n' | '\r'
}

function stringify(value: unknown, style: BlockStyle, flow = false): string {
  const doc = new Document(value, { version: '1.2' })
  if (flow && doc.contents && (isMap(doc.contents) || isSeq(doc.contents))) doc.contents.flow = true
  return doc.toString({ indent: 2, indentSeq: style.indentSeq, lineWidth: 0, minContentWidth: 0 })
}

/** True for values written as a block (non-empty maps and lists). */
export function isBlockValue(value: YamlValue): boolean {
  if (Array.isArray(value)) return value.length > 0
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0
}

/** The line end a rendering finishes with, in any of the styles a file may use. */
const TRAILING_NEWLINE = /(?:\r\n|\r|\n)$/

/** One scalar (or an empty `{}` / `[]`) as inline text, e.g. `0`, `"80"`, `25%`, `{}`. */
export function renderInline(value: YamlValue, style: BlockStyle): string {
  return stringify(value, style, true).replace(TRAILING_NEWLINE, '')
}

/** Text of `value` as a block, every line indented by `indent` spaces and ended by a newline. */
export function renderBlock(value: YamlValue, indent: number, style: BlockStyle): string {
  const pad = ' '.repeat(indent)
  return stringify(value, style)
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join(style.newline) + style.newline
}

/** `{key: value}` as block lines indented by `indent`: the entry to insert into a block map. */
export function renderEntry(key: string, value: YamlValue, indent: number, style: BlockStyle): string {
  return renderBlock({ [key]: value } as YamlValue, indent, style)
}

/** A value written after `key:` — inline for scalars, else a line break and the block one level deeper. */
export function renderValueAfterKey(value: YamlValue, keyColumn: number, style: BlockStyle): string {
  if (!isBlockValue(value)) return ` ${renderInline(value, style)}`
  const indent = Array.isArray(value) && !style.indentSeq ? keyColumn : keyColumn + 2
  return style.newline + renderBlock(value, indent, style).replace(TRAILING_NEWLINE, '')
}

/**
 * A block value replacing a node that starts at `column` (its first line continues where the old node
 * started; later lines are indented to `column`). No trailing newline.
 */
export function renderInPlace(value: YamlValue, column: number, style: BlockStyle): string {
  if (!isBlockValue(value)) return renderInline(value, style)
  return renderBlock(value, column, style).slice(column).replace(TRAILING_NEWLINE, '')
}

/** The column of `offset` in `text` (0-based, UTF-16 units). */
export function columnAt(text: string, offset: number): number {
  // A lone CR ends a line too, as the source stage reads it (source/line-breaks.ts).
  return offset - (Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1)
}

/** Reads the block style of the document `contents` as written in `text`: the first block list decides. */
export function detectStyle(text: string, contents: Node | null): BlockStyle {
  const newline = text.includes('\r\n') ? '\r\n' : /\r(?!\n)/.test(text) ? '\r' : '\n'
  let indentSeq: boolean | undefined
  if (contents) {
    visit(contents, {
      Pair(_, pair) {
        if (indentSeq !== undefined) return visit.BREAK
        if (isPair(pair) && isScalar(pair.key) && isSeq(pair.value) && !pair.value.flow && pair.key.range && pair.value.range) {
          indentSeq = columnAt(text, pair.value.range[0]) > columnAt(text, pair.key.range[0])
        }
        return undefined
      },
    })
  }
  return { indentSeq: indentSeq ?? false, newline }
}
