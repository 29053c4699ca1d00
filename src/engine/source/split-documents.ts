/**
 * Cluster-size input, one document at a time: finds where each YAML document of a file begins and ends without
 * parsing it, and where each item of a `kubectl get -o yaml|json` export (`kind: List`) does, so the source stage
 * can parse, model and drop one at a time (docs/input-limits.md#cluster-size-input).
 *
 * Written here rather than taken from a library because the cut must be exactly where the YAML grammar puts it,
 * and offsets must stay those of the file: a `---` or `...` line at column 0 always ends a document (YAML 1.2
 * §9.1.4: document markers are forbidden content at the start of a line, even inside quoted or block scalars),
 * and in block YAML a line at column 0 that is not a comment ends the node above it, so the items of a block
 * sequence at column 0 start exactly at its `-` lines. JSON has no lines to trust: its List items are found by
 * tracking strings and brackets.
 */

/** One piece of a file to parse on its own: `[start, end)` of the file's text. */
export interface DocumentUnit {
  readonly start: number
  readonly end: number
  /**
   * An item of a block sequence at column 0: its `-` at `start` is read as a space, so the item parses as a
   * document of its own (a map indented by two) with the same offsets.
   */
  readonly listItem: boolean
}

interface Line {
  readonly start: number
  /** Offset after the line's break (the next line's start). */
  readonly next: number
  readonly text: string
}

function* linesOf(text: string, from: number, to: number): Generator<Line> {
  let start = from
  while (start < to) {
    const lf = text.indexOf('\n', start)
    const next = lf === -1 || lf >= to ? to : lf + 1
    yield { start, next, text: text.slice(start, lf === -1 || lf >= to ? to : lf) }
    start = next
  }
}

/** Blank or comment-only: lines that belong to no node (a comment runs to the line's end, a CR of CRLF included). */
const NO_CONTENT = /^[ \t\r]*(?:#[^\n]*)?$/

/** What a line of a YAML stream is to the document cut, read from its first characters. */
type LineRole = 'directive' | 'start' | 'end' | 'blank' | 'content'

const SPACE = 0x20
const TAB = 0x09
const CR = 0x0d

/** The role of the line `[start, end)` (`end` at its LF or the text's end), without slicing it out. */
function lineRole(text: string, start: number, end: number): LineRole {
  const first = text.charCodeAt(start)
  if (first === 0x25 /* % */) return 'directive'
  if ((first === 0x2d /* - */ || first === 0x2e /* . */) && end - start >= 3
    && text.charCodeAt(start + 1) === first && text.charCodeAt(start + 2) === first) {
    const after = start + 3 === end ? SPACE : text.charCodeAt(start + 3)
    if (after === SPACE || after === TAB || after === CR) return first === 0x2d ? 'start' : 'end'
  }
  let i = start
  while (i < end) {
    const code = text.charCodeAt(i)
    if (code !== SPACE && code !== TAB && code !== CR) break
    i++
  }
  return i === end || text.charCodeAt(i) === 0x23 /* # */ ? 'blank' : 'content'
}

/**
 * The documents of a YAML stream: each `---` starts one, `...` ends one, and a stretch with nothing but comments
 * and blank lines joins the document after it (as the parser attaches such comments to the next document).
 * Returns null for a stream with directives (`%YAML`, `%TAG`), which bind to the document after them: such a
 * file is parsed whole. Reads each line's first characters only: the studio cuts its text on every edit.
 */
export function splitYamlDocuments(text: string): { start: number; end: number }[] | null {
  const units: { start: number; end: number }[] = []
  let start = 0
  let hasContent = false
  for (let lineStart = 0; lineStart < text.length;) {
    const lf = text.indexOf('\n', lineStart)
    const lineEnd = lf === -1 ? text.length : lf
    const next = lf === -1 ? text.length : lf + 1
    const role = lineRole(text, lineStart, lineEnd)
    if (role === 'directive') return null
    if (role === 'start') {
      if (hasContent) {
        units.push({ start, end: lineStart })
        start = lineStart
      }
      hasContent = true
    } else if (role === 'end') {
      units.push({ start, end: next })
      start = next
      hasContent = false
    } else if (role === 'content') {
      hasContent = true
    }
    lineStart = next
  }
  if (hasContent) units.push({ start, end: text.length })
  else if (units.length > 0) (units[units.length - 1] as { end: number }).end = text.length
  else units.push({ start: 0, end: text.length })
  return units
}

const LIST_KIND = /^kind:[ \t]*(["']?)[A-Za-z0-9]*List\1[ \t\r]*(?:#.*)?$/
const ITEMS_KEY = /^items:[ \t\r]*(?:#.*)?$/
const ITEM_START = /^-(?:[ \t\r]|$)/
/** `&name` or `*name` where a node may start (after a space, a line start, `-`, `[`, `{` or `,`); plain text rarely has it. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*][^\s,\]}]/m

/**
 * The items of a `kind: List` document written the way kubectl writes it (`items:` at column 0, its entries
 * `- ...` at column 0), or null when the document is not one. The List's own fields are left out: they are the
 * export's envelope, not objects.
 */
export function splitYamlListItems(text: string, from: number, to: number): DocumentUnit[] | null {
  let isList = false
  let inItems = false
  const items: { start: number; end: number; listItem: true }[] = []
  const close = (at: number): void => {
    const last = items[items.length - 1]
    if (last && last.end === -1) last.end = at
  }
  for (const line of linesOf(text, from, to)) {
    if (LIST_KIND.test(line.text)) isList = true
    if (NO_CONTENT.test(line.text) || line.text.startsWith(' ') || line.text.startsWith('\t')) continue
    if (inItems && ITEM_START.test(line.text)) {
      close(line.start)
      items.push({ start: line.start, end: -1, listItem: true })
      continue
    }
    close(line.start)
    inItems = ITEMS_KEY.test(line.text)
  }
  close(to)
  // Anchors and aliases reach across items (`- &a {…}` then `- *a`): such a List is parsed whole.
  return isList && items.length > 0 && !ANCHOR_OR_ALIAS.test(text.slice(from, to)) ? items : null
}

/**
 * The elements of a JSON `kind: List` object's `items` array, or null when the text is not one. A scan of
 * strings and brackets: a string at depth 1 followed by `:` is a key; `"kind"`'s value must end in `List`.
 */
export function splitJsonListItems(text: string, from: number, to: number): DocumentUnit[] | null {
  let depth = 0
  let lastKey: string | null = null
  let expectKey = false
  let kindIsList = false
  let itemsDepth = -1
  let itemStart = -1
  const items: DocumentUnit[] = []
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      let j = i + 1
      while (j < to && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1
      if (itemsDepth === 2 && depth === 2) return null // an item that is not an object: parse the file whole
      if (depth === 1) {
        const value = text.slice(i + 1, j)
        if (expectKey) lastKey = value
        else if (lastKey === 'kind' && value.endsWith('List')) kindIsList = true
        expectKey = false
      }
      i = j
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth === 1 && c === 0x5b && lastKey === 'items' && itemsDepth === -1) itemsDepth = 2
      else if (itemsDepth === 2 && depth === 2) {
        if (c !== 0x7b) return null
        itemStart = i
      }
      depth++
      if (depth === 1) expectKey = true
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--
      if (itemsDepth === 2 && depth === 2 && itemStart !== -1) {
        items.push({ start: itemStart, end: i + 1, listItem: false })
        itemStart = -1
      }
      if (itemsDepth === 2 && depth === 1) itemsDepth = 0
      if (depth < 0) return null
    } else if (c === 0x2c /* , */ && depth === 1) {
      expectKey = true
    }
  }
  return depth === 0 && kindIsList && items.length > 0 ? items : null
}

/**
 * Every unit of a file to parse on its own: its YAML documents, with each kubectl-style List replaced by its
 * items. `json`: the file is named .json (a JSON List is split by brackets). Null when the file must be parsed whole
 * (directives).
 */
export function splitDocuments(text: string, json: boolean): DocumentUnit[] | null {
  // A .json file that is not a List is read as the YAML it also is (a file named .json may hold YAML documents).
  const items = json ? splitJsonListItems(text, 0, text.length) : null
  if (items) return items
  const documents = splitYamlDocuments(text)
  if (documents === null) return null
  const units: DocumentUnit[] = []
  for (const document of documents) {
    const items = splitYamlListItems(text, document.start, document.end)
    if (items) units.push(...items)
    else units.push({ ...document, listItem: false })
  }
  return units
}
