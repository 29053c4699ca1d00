/**
 * Secret redaction before sharing (docs/sharing.md#secret-redaction). Every value under `data` and `stringData`
 * of anything that is or might be a Secret (in every document, List and duplicate key), and the
 * `last-applied-configuration` annotation that repeats them, is replaced by `REDACTED` on the YAML ranges, so every
 * other byte (comments, keys, quoting, layout) stays as written. Text that cannot be read in full is refused,
 * never passed through: the caller then makes no default link or file.
 */
import { Scalar } from 'yaml'
import { exceedsUtf8Bytes, MAX_INPUT_BYTES, utf8ByteLength } from '../limits'
import { parseSources, type ParsedDocument } from '../source/parse-sources'
import { createAliasResolver } from './anchor-index'
import { findSecretValues } from './find-secret-values'

/** What replaces a secret value. Valid base64 (it decodes to junk bytes, which the model skips as binary). */
export const REDACTED = 'REDACTED'

/** Why a text could not be redacted: too large to parse, binary, nested past the parser's cap, or broken YAML near a Secret. */
export type RedactionRefusalReason = 'too-large' | 'binary' | 'too-deep' | 'unreadable'

export type RedactionResult =
  | {
      readonly kind: 'redacted'
      readonly text: string
      /** Values replaced; exactly the edits made to the text. */
      readonly redacted: number
    }
  | {
      readonly kind: 'refused'
      readonly reason: RedactionRefusalReason
      /** 1-based line the problem starts on, when it has one. */
      readonly line?: number
      readonly message: string
    }

interface Edit {
  readonly start: number
  readonly end: number
  readonly text: string
}

// Texts that are already empty: nothing to hide, nothing to count.
const EMPTY_SOURCES = new Set(['', '""', "''", '~', 'null', 'Null', 'NULL'])

// A broken document may hide a Secret from the parser (e.g. the second object of a JSON stream, which kubectl reads);
// one that names it, escapes characters or uses tags (`!!binary`) cannot be redacted with confidence.
const MAY_HIDE_SECRET = /secret|\\|!/i

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++
  return line
}

function refuse(reason: RedactionRefusalReason, message: string, line?: number): RedactionResult {
  return line === undefined ? { kind: 'refused', reason, message } : { kind: 'refused', reason, line, message }
}

function placeholderFor(node: Scalar): string {
  if (node.type === Scalar.QUOTE_DOUBLE) return `"${REDACTED}"`
  if (node.type === Scalar.QUOTE_SINGLE) return `'${REDACTED}'`
  return REDACTED
}

function editFor(text: string, node: Scalar): Edit | null {
  if (!node.range) return null
  const [start, valueEnd] = node.range
  // Block scalars (`|`, `>`) own their trailing line breaks; keep those so the next key stays on its line.
  let end = valueEnd
  while (end > start && /\s/.test(text[end - 1] as string)) end--
  return EMPTY_SOURCES.has(text.slice(start, end)) ? null : { start, end, text: placeholderFor(node) }
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  const parts: string[] = []
  let at = 0
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    // Ranges of scalars never overlap; if a broken document ever made them, the earlier edit already covers it.
    if (edit.end <= at) continue
    parts.push(text.slice(at, Math.max(at, edit.start)), edit.text)
    at = edit.end
  }
  parts.push(text.slice(at))
  return parts.join('')
}

/** The text a document owns: from its start (the file's start for the first) to the next document's start. */
function regionOf(documents: readonly ParsedDocument[], index: number, length: number): [number, number] {
  const start = index === 0 ? 0 : (documents[index]?.yaml.range[0] ?? 0)
  const next = documents[index + 1]
  return [start, next ? next.yaml.range[0] : length]
}

/** Returns `text` with every Secret value replaced by `REDACTED` and how many were replaced, or why it cannot. */
export function redactSecrets(text: string): RedactionResult {
  if (exceedsUtf8Bytes(text, MAX_INPUT_BYTES)) {
    return refuse('too-large', `The text has ${utf8ByteLength(text)} bytes of UTF-8; Secret values can be found in at most ${MAX_INPUT_BYTES}.`)
  }
  const nul = text.indexOf('\u0000')
  if (nul !== -1) return refuse('binary', 'The text contains a NUL byte, so it cannot be read as YAML.', lineAt(text, nul))
  const parsed = parseSources([{ name: 'share.yaml', text }], { maxDiagnosticsPerFile: Number.MAX_SAFE_INTEGER })
  const tooDeep = parsed.diagnostics.find((diagnostic) => diagnostic.code === 'yaml-too-deep')
  if (tooDeep) return refuse('too-deep', 'Part of the text is nested too deeply to be read.', tooDeep.start.line)
  const documents = parsed.files[0]?.documents ?? []
  const edits: Edit[] = []
  for (const [index, { yaml: doc }] of documents.entries()) {
    const readable = doc.errors.length === 0
    if (!readable) {
      const [start, end] = regionOf(documents, index, text.length)
      if (MAY_HIDE_SECRET.test(text.slice(start, end))) {
        const at = doc.errors[0]?.pos[0] ?? start
        return refuse('unreadable', 'A document with YAML errors may hold a Secret that cannot be found.', lineAt(text, at))
      }
    }
    for (const node of findSecretValues(doc.contents, createAliasResolver(doc.contents), readable)) {
      const edit = editFor(text, node)
      if (edit) edits.push(edit)
    }
  }
  return { kind: 'redacted', text: applyEdits(text, edits), redacted: edits.length }
}
