/**
 * The `yaml` library's errors and warnings as our diagnostics: its error code picks our code and our message
 * (in every language, docs/i18n.md); its English text is kept only for a code this table does not know (one a
 * newer library version added). A few codes cover several mistakes; for those the library's wording picks a
 * more precise message when it is recognised, and the code's own message otherwise.
 */
import type { ErrorCode, YAMLError } from 'yaml'
import type { SourceCode } from '../diagnostics'
import type { MessageId } from '../messages/catalog'
import { msg, type Message } from '../messages/message'
import type { DiagnosticSink } from './make-diagnostic'

const codeOf: Partial<Record<ErrorCode, SourceCode>> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indent',
  RESOURCE_EXHAUSTION: 'yaml-too-deep',
  BAD_ALIAS: 'yaml-bad-alias',
}

const messageOf: Readonly<Record<ErrorCode, MessageId>> = {
  ALIAS_PROPS: 'yaml-alias-props',
  BAD_ALIAS: 'yaml-bad-alias-name',
  BAD_DIRECTIVE: 'yaml-bad-directive',
  BAD_DQ_ESCAPE: 'yaml-bad-escape',
  BAD_INDENT: 'yaml-bad-indent',
  BAD_PROP_ORDER: 'yaml-bad-prop-order',
  BAD_SCALAR_START: 'yaml-bad-scalar-start',
  BLOCK_AS_IMPLICIT_KEY: 'yaml-block-as-implicit-key',
  BLOCK_IN_FLOW: 'yaml-block-in-flow',
  DUPLICATE_KEY: 'yaml-duplicate-key',
  IMPOSSIBLE: 'yaml-impossible',
  KEY_OVER_1024_CHARS: 'yaml-key-too-long',
  MISSING_CHAR: 'yaml-missing-char',
  MULTILINE_IMPLICIT_KEY: 'yaml-multiline-key',
  MULTIPLE_ANCHORS: 'yaml-multiple-anchors',
  MULTIPLE_DOCS: 'yaml-multiple-docs',
  MULTIPLE_TAGS: 'yaml-multiple-tags',
  NON_STRING_KEY: 'yaml-non-string-key',
  RESOURCE_EXHAUSTION: 'yaml-resource-exhaustion',
  TAB_AS_INDENT: 'yaml-tab-indent',
  TAG_RESOLVE_FAILED: 'yaml-unknown-tag',
  UNEXPECTED_TOKEN: 'yaml-unexpected-token',
  BAD_COLLECTION_TYPE: 'yaml-bad-collection-type',
}

// Finer messages for codes that cover several mistakes, recognised by the library's wording (yaml 2.x).
const refinements: readonly { readonly code: ErrorCode; readonly text: RegExp; readonly id: MessageId }[] = [
  { code: 'MISSING_CHAR', text: /^Missing closing ["']quote/, id: 'yaml-missing-quote' },
  { code: 'MISSING_CHAR', text: /^Implicit map keys need to be followed by map values/, id: 'yaml-missing-map-value' },
  { code: 'MISSING_CHAR', text: /^Comments must be separated/, id: 'yaml-comment-needs-space' },
  { code: 'MISSING_CHAR', text: /^Missing (,|space after :)/, id: 'yaml-flow-missing-separator' },
  { code: 'BAD_INDENT', text: /^Flow (sequence|map) in block collection must be sufficiently indented and end with/, id: 'yaml-flow-unclosed' },
  { code: 'MISSING_CHAR', text: /^Flow (sequence|map) must end with/, id: 'yaml-flow-unclosed' },
]

/** Our message for one of the library's errors. */
export function yamlErrorMessage(error: Pick<YAMLError, 'code' | 'message'>): Message {
  const refined = refinements.find((r) => r.code === error.code && r.text.test(error.message))
  if (refined) return msg(refined.id)
  const id = Object.prototype.hasOwnProperty.call(messageOf, error.code) ? messageOf[error.code] : undefined
  return id ? msg(id) : msg('yaml-library-error', { text: error.message })
}

/** Reports the library's errors (`json-syntax` for a .json file when no finer code applies) and warnings. */
export function reportYamlProblems(sink: DiagnosticSink, errors: readonly YAMLError[], warnings: readonly YAMLError[], json: boolean): void {
  for (const error of errors) {
    const code = codeOf[error.code] ?? (json ? 'json-syntax' : 'yaml-syntax')
    sink.report(code, 'error', yamlErrorMessage(error), { start: error.pos[0], end: error.pos[1] })
  }
  for (const warning of warnings) {
    sink.report('yaml-warning', 'warning', yamlErrorMessage(warning), { start: warning.pos[0], end: warning.pos[1] })
  }
}
