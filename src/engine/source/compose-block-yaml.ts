/**
 * The common shape of a Kubernetes document — block maps and sequences of one-line scalars, as `kubectl get -o
 * yaml`, Helm and most hand-written manifests are — composed straight from its lines into the `yaml` library's
 * Document, without its lexer, CST parser and composer (three passes and a token object per piece of text: most of
 * the time of linting a 2 MB manifest, issue 17). Written here rather than taken from a library because the answer
 * must be exactly the `yaml` library's — every node of the same class with the same value, range, scalar type, tag
 * format and source, the document's options, directives and schema — so later stages cannot tell which way a
 * document was read: scalars are resolved through the document's own schema tags, the nodes are the library's
 * classes, and `compose-block-yaml.test.ts` compares the two readings node for node on generated and real
 * manifests. Anything outside the shape returns null and the caller parses the document in full: comments (but
 * Helm's `# Source:` lines between `---` and the content), blank lines, tabs, CR, anchors, aliases, tags, block and multi-line scalars, flow collections other than `{}` and `[]`,
 * escapes in double quotes, empty values, explicit keys, directives, `...`, and any line that is not where the shape
 * puts it. So nothing with a YAML error is ever read this way: errors, warnings and their words stay the library's.
 * What the shape relies on, with its sources: docs/input-limits.md#cluster-size-input.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isScalar, type DocumentOptions, type ParseOptions, type Schema, type SchemaOptions } from 'yaml'

type ComposeOptions = ParseOptions & DocumentOptions & SchemaOptions

/** Thrown inside, caught at the top: the document leaves the shape. */
const LEAVE = Symbol('not the common shape')

/** The `yaml` library's `Directives` class (not exported): the composer hands each Document a fresh one. */
const Directives = Object.getPrototypeOf(new Document().directives).constructor as new (yaml: { version: '1.2' }) => Document['directives']

/** Deepest nesting read here; deeper documents are left to the parser, which cuts them at their cap (cap-depth.ts). */
const MAX_DEPTH = 64

/**
 * First characters of a plain scalar that some default tag of the YAML 1.2 core schema can match (null `~`/`null`,
 * booleans, integers, floats, `.inf`/`.nan`): any other plain scalar is a string without asking the tags
 * (the test pins the schema's patterns this is read from).
 */
const MAYBE_NOT_STRING = /^[-+.~0-9nNtTfF]/

/** Characters that cannot start a plain scalar here (YAML 1.2 §7.3.3 indicators, read conservatively). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/

/**
 * A plain key here: the characters Kubernetes keys use (labels, annotations, field names, and managedFields'
 * `f:spec` and `.`); a `:` inside is part of the key when a non-space follows it.
 */
const PLAIN_KEY = /^[A-Za-z0-9_.](?:[A-Za-z0-9_./:-]*[A-Za-z0-9_./-])?$/

type Range = [number, number, number]

interface Line {
  /** Offset in the source of the line's first character. */
  readonly start: number
  /** Offset of its first non-space character. */
  readonly content: number
  /** Offset of its end (its LF, or the source's end). */
  readonly end: number
  /** Offset after its LF (the next line's start), or the source's end. */
  readonly next: number
}

class BlockReader {
  private at = 0
  private readonly lines: Line[] = []
  /** Comment lines right after the `---` line, before the content. */
  private readonly leadingComments: string[] = []

  constructor(
    private readonly source: string,
    /** Added to every offset: where `source` stands in the file. */
    private readonly offset: number,
    private readonly doc: Document,
    /** Deepest collection nesting read here (the document's own cap applies beyond it in the parser). */
    private readonly maxDepth: number,
  ) {
    for (let start = 0; start < source.length;) {
      const lf = source.indexOf('\n', start)
      const end = lf === -1 ? source.length : lf
      let content = start
      while (content < end && source.charCodeAt(content) === 0x20) content++
      // Blank lines, comment lines and trailing spaces decorate nodes in ways not reproduced here.
      if (content === end || source.charCodeAt(end - 1) === 0x20) throw LEAVE
      if (source.charCodeAt(content) === 0x23 /* # */) {
        // Helm's `# Source: chart/templates/x.yaml` lines between `---` and the content: the content's commentBefore.
        if (content !== start || this.lines.length !== 1 || !source.startsWith('---', 0) || this.lines[0]?.end !== 3) throw LEAVE
        this.leadingComments.push(source.slice(start + 1, end) || ' ')
        start = lf === -1 ? end : lf + 1
        continue
      }
      // A marker line past the first (`---`, `...`): the cut keeps them out of a unit, but a caller may not have cut.
      if (this.lines.length > 0 && content === start && (source.startsWith('---', start) || source.startsWith('...', start))) throw LEAVE
      this.lines.push({ start, content, end, next: lf === -1 ? end : lf + 1 })
      start = lf === -1 ? end : lf + 1
    }
  }

  /** The document's contents: one block map or sequence over every line after an optional `---` line. */
  contents(): { node: YAMLMap | YAMLSeq; docStart: boolean } {
    const first = this.lines[0]
    if (first === undefined) throw LEAVE
    let docStart = false
    if (this.source.startsWith('---', first.start)) {
      if (first.end !== first.start + 3) throw LEAVE // content after the marker, or `----`
      docStart = true
      this.at = 1
    }
    const line = this.lines[this.at]
    if (line === undefined) throw LEAVE
    const node = this.node(line, -1, 1)
    if (this.at !== this.lines.length) throw LEAVE
    if (this.leadingComments.length > 0) node.commentBefore = this.leadingComments.join('\n')
    return { node, docStart }
  }

  private indent(line: Line): number {
    return line.content - line.start
  }

  private isSeqEntry(line: Line, from = line.content): boolean {
    return this.source.charCodeAt(from) === 0x2d /* - */ && this.source.charCodeAt(from + 1) === 0x20
  }

  /** A block collection starting at `line`, more indented than `parent` (a sequence may sit at the parent's column). */
  private node(line: Line, parent: number, depth: number): YAMLMap | YAMLSeq {
    const indent = this.indent(line)
    if (this.isSeqEntry(line)) {
      if (indent < parent) throw LEAVE
      return this.sequence(indent, depth)
    }
    if (indent <= parent) throw LEAVE
    return this.map(line.content, indent, depth)
  }

  /** The offset of the `:` that ends a key starting at `from` on `line` (followed by a space or the line's end), or -1. */
  private keyEnd(from: number, line: Line): number {
    const quote = this.source.charCodeAt(from)
    if (quote === 0x22 /* " */ || quote === 0x27 /* ' */) {
      const close = this.source.indexOf(String.fromCharCode(quote), from + 1)
      const colon = close + 1
      if (close === -1 || colon >= line.end || this.source.charCodeAt(colon) !== 0x3a /* : */) return -1
      return colon + 1 === line.end || this.source.charCodeAt(colon + 1) === 0x20 ? colon : -1
    }
    for (let colon = this.source.indexOf(':', from); colon !== -1 && colon < line.end; colon = this.source.indexOf(':', colon + 1)) {
      if (colon + 1 === line.end || this.source.charCodeAt(colon + 1) === 0x20) return colon
    }
    return -1
  }

  /** A block map whose first key is at `from` on the current line, its keys at column `indent`. */
  private map(from: number, indent: number, depth: number): YAMLMap {
    if (depth > this.maxDepth) throw LEAVE
    const map = new YAMLMap(this.doc.schema)
    let end: number
    let keyAt = from
    for (;;) {
      const line = this.lines[this.at] as Line
      const colon = this.keyEnd(keyAt, line)
      if (colon === -1) throw LEAVE
      const key = this.key(this.source.slice(keyAt, colon), [this.offset + keyAt, this.offset + colon, this.offset + colon])
      let value: Scalar | YAMLMap | YAMLSeq
      if (colon + 1 === line.end) {
        // `key:` alone: its value is the block below (a sequence may start at the key's own column).
        this.at++
        const below = this.lines[this.at]
        if (below === undefined) throw LEAVE
        value = this.node(below, indent, depth + 1)
      } else {
        if (this.source.charCodeAt(colon + 1) !== 0x20 || this.source.charCodeAt(colon + 2) === 0x20) throw LEAVE
        value = this.inline(colon + 2, line, indent, depth)
        this.at++
      }
      map.items.push(new Pair(key, value))
      end = (value.range as Range)[2]
      const next = this.lines[this.at]
      if (next === undefined || this.indent(next) < indent) break
      if (this.indent(next) > indent || this.isSeqEntry(next)) throw LEAVE
      keyAt = next.content
    }
    map.range = [this.offset + from, end, end]
    return map
  }

  /** A block sequence whose entries start at column `indent` on the current line and those after it. */
  private sequence(indent: number, depth: number): YAMLSeq {
    if (depth > this.maxDepth) throw LEAVE
    const seq = new YAMLSeq(this.doc.schema)
    const start = (this.lines[this.at] as Line).content
    let end: number
    for (;;) {
      const line = this.lines[this.at] as Line
      const item = line.content + 2
      const first = this.source.charCodeAt(item)
      if (first === 0x20 || this.isSeqEntry(line, item)) throw LEAVE
      let node: Scalar | YAMLMap | YAMLSeq
      const colon = this.keyEnd(item, line)
      if (colon !== -1 && this.isKey(this.source.slice(item, colon))) {
        node = this.map(item, indent + 2, depth + 1) // `- key: value`: a map whose keys line up after the dash
      } else {
        node = this.inline(item, line, indent, depth)
        this.at++
      }
      seq.items.push(node)
      end = (node.range as Range)[2]
      const next = this.lines[this.at]
      if (next === undefined || this.indent(next) < indent) break
      if (this.indent(next) > indent) throw LEAVE
      if (!this.isSeqEntry(next)) break // the map this sequence is a value of goes on
    }
    seq.range = [this.offset + start, end, end]
    return seq
  }

  /**
   * The one-line value from `from` to the end of `line`, in a collection at column `column` and nesting `depth`: a
   * line below it more indented than the column would continue it (or be an error), and leaves the shape.
   */
  private inline(from: number, line: Line, column: number, depth: number): Scalar | YAMLMap | YAMLSeq {
    const next = this.lines[this.at + 1]
    if (next !== undefined && this.indent(next) > column) throw LEAVE
    const text = this.source.slice(from, line.end)
    const range: Range = [this.offset + from, this.offset + line.end, this.offset + line.next]
    const first = text.charCodeAt(0)
    // A flow collection is a level of nesting too (the parser's cap counts it).
    if ((first === 0x7b /* { */ || first === 0x5b /* [ */) && depth + 1 > this.maxDepth) throw LEAVE
    if (text === '{}') {
      const empty = new YAMLMap(this.doc.schema)
      empty.flow = true
      empty.range = range
      return empty
    }
    if (first === 0x5b /* [ */) return this.flowSequence(from, line)
    return this.scalar(text, false, range)
  }

  /**
   * `[a, "b", 'c']` on one line: a flow sequence of scalars (`command: ["sh", "-c", "…"]`). Each item's range runs
   * over the spaces after it; the sequence's over the line's end.
   */
  private flowSequence(from: number, line: Line): YAMLSeq {
    const seq = new YAMLSeq(this.doc.schema)
    seq.flow = true
    const close = line.end - 1
    if (this.source.charCodeAt(close) !== 0x5d /* ] */) throw LEAVE
    let at = from + 1
    while (this.source.charCodeAt(at) === 0x20) at++
    while (at < close) {
      let valueEnd: number
      const quote = this.source.charCodeAt(at)
      if (quote === 0x22 || quote === 0x27) {
        valueEnd = this.source.indexOf(String.fromCharCode(quote), at + 1) + 1
        if (valueEnd === 0 || valueEnd > close) throw LEAVE
      } else {
        valueEnd = at
        while (valueEnd < close && this.source.charCodeAt(valueEnd) !== 0x2c /* , */) valueEnd++
        while (this.source.charCodeAt(valueEnd - 1) === 0x20) valueEnd--
      }
      const text = this.source.slice(at, valueEnd)
      // In a flow sequence `:` would make a pair and brackets would nest: left to the parser.
      if (/[:#[\]{}]/.test(text) && quote !== 0x22 && quote !== 0x27) throw LEAVE
      let end = valueEnd
      while (this.source.charCodeAt(end) === 0x20) end++
      seq.items.push(this.scalar(text, false, [this.offset + at, this.offset + valueEnd, this.offset + end]))
      if (end === close) break
      if (this.source.charCodeAt(end) !== 0x2c) throw LEAVE
      at = end + 1
      while (this.source.charCodeAt(at) === 0x20) at++
      if (at >= close) throw LEAVE // `[a, ]`
    }
    if (seq.items.length === 0 && close !== from + 1) throw LEAVE // `[ ]`
    seq.range = [this.offset + from, this.offset + line.end, this.offset + line.next]
    return seq
  }

  /** Whether `text` before a `:` is a key read here: quoted, or plain with the characters of `PLAIN_KEY`. */
  private isKey(text: string): boolean {
    const first = text.charCodeAt(0)
    return first === 0x22 || first === 0x27 || PLAIN_KEY.test(text)
  }

  private key(text: string, range: Range): Scalar {
    // Past 1,024 characters the library's strict mode reports the key (KEY_OVER_1024_CHARS).
    if (text.length > 1000 || !this.isKey(text)) throw LEAVE
    return this.scalar(text, true, range)
  }

  /**
   * A one-line scalar, double-quoted without escapes, single-quoted or plain, at `range`. Its fields are set in
   * the composer's order (range, source, type, format), so both readings' nodes share one shape for the engine.
   */
  private scalar(text: string, atKey: boolean, range: Range): Scalar {
    if (text === '') throw LEAVE // an empty node: null, with a range of its own
    let scalar: Scalar
    const first = text.charCodeAt(0)
    if (first === 0x22 /* " */) {
      const inner = text.slice(1, -1)
      if (text.length < 2 || text.charCodeAt(text.length - 1) !== 0x22 || inner.includes('"') || inner.includes('\\')) throw LEAVE
      scalar = new Scalar(inner)
      scalar.range = range
      scalar.source = inner
      scalar.type = Scalar.QUOTE_DOUBLE
    } else if (first === 0x27 /* ' */) {
      const inner = text.slice(1, -1)
      if (text.length < 2 || text.charCodeAt(text.length - 1) !== 0x27 || inner.replaceAll("''", '').includes("'")) throw LEAVE
      const value = inner.replaceAll("''", "'")
      scalar = new Scalar(value)
      scalar.range = range
      scalar.source = value
      scalar.type = Scalar.QUOTE_SINGLE
    } else {
      // `-` followed by a non-space starts a plain scalar (`-1`, `--flag`); the other indicators are left to the parser.
      if (INDICATOR_START.test(text) && !(first === 0x2d /* - */ && text.length > 1 && text.charCodeAt(1) !== 0x20)) throw LEAVE
      if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) throw LEAVE
      scalar = this.plain(text, atKey, range)
    }
    return scalar
  }

  /** A plain scalar resolved as the composer resolves it: the first default tag of the schema whose test matches. */
  private plain(text: string, atKey: boolean, range: Range): Scalar {
    const tag = MAYBE_NOT_STRING.test(text) ? defaultTagOf(this.doc.schema, text, atKey) : undefined
    const resolved: unknown = tag === undefined ? text : tag.resolve(text, () => { throw LEAVE }, this.doc.options)
    const scalar = isScalar(resolved) ? resolved : new Scalar(resolved)
    scalar.range = range
    scalar.source = text
    scalar.type = Scalar.PLAIN
    if (tag?.format) scalar.format = tag.format
    return scalar
  }
}

interface ScalarTagLike {
  readonly default?: boolean | 'key'
  readonly test?: RegExp
  readonly format?: string
  readonly resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown
}

function defaultTagOf(schema: Schema, text: string, atKey: boolean): ScalarTagLike | undefined {
  for (const tag of schema.tags as unknown as readonly ScalarTagLike[]) {
    if ((tag.default === true || (atKey && tag.default === 'key')) && tag.test?.test(text)) return tag
  }
  return undefined
}

/**
 * The Document the `yaml` library composes from `source` (parsed with its offsets starting at `offset`, as
 * `Parser.offset` does) when the document has the common shape; null otherwise.
 */
export function composeBlockDocument(source: string, offset: number, options: ComposeOptions, maxDepth = MAX_DEPTH): Document.Parsed | null {
  if (source.includes('\t') || source.includes('\r')) return null
  const directives = new Directives({ version: '1.2' })
  const doc = new Document(undefined, { _directives: directives, ...options } as ComposeOptions) as Document.Parsed
  try {
    const { node, docStart } = new BlockReader(source, offset, doc, Math.min(maxDepth, MAX_DEPTH)).contents()
    if (docStart) doc.directives.docStart = true
    doc.contents = node as Document.Parsed['contents']
    const end = (node.range as Range)[2]
    doc.range = [offset, end, end]
    return doc
  } catch (error) {
    if (error === LEAVE) return null
    throw error
  }
}
