/**
 * The per-document context of the model stage: where to report, and alias resolution with a cap. The model is
 * built from the `yaml` AST directly (no `toJS`), so aliases are resolved here, lazily, and each dereference
 * counts against `MAX_ALIAS_COUNT`: a "billion laughs" input costs one diagnostic, not an exponential walk.
 */
import { isAlias, type Alias, type Node } from 'yaml'
import type { DiagnosticCode, Severity, Span } from '../diagnostics'
import { msg, type Message } from '../messages/message'
import { anchorBefore, collectAnchors, type AnchorIndex } from '../source/anchors'
import type { ParsedDocument } from '../source/parse-sources'
import type { DiagnosticSink } from '../source/make-diagnostic'
import type { RuleSettings } from '../checks/rule-settings'

export interface ReadContext {
  readonly file: string
  readonly doc: number
  /** The Kubernetes release the manifests are checked against (`1.NN`), or null: removed versions then warn. */
  readonly kubernetesVersion: string | null
  /** The user's rule settings: the model stage's one configurable rule, `removed-api-version`, reads them. */
  readonly rules: RuleSettings | undefined
  report(code: DiagnosticCode, severity: Severity, message: Message, span: Span): void
  /** The node an alias stands for, or undefined (with a diagnostic) when it is unknown or over the cap. */
  deref(alias: Alias): Node | undefined
}

/** A context for one document; `maxAliasCount` dereferences are allowed in it. */
export function createReadContext(sink: DiagnosticSink, parsedDoc: ParsedDocument, maxAliasCount: number, kubernetesVersion: string | null = null, rules?: RuleSettings): ReadContext {
  let anchors: AnchorIndex | undefined
  let derefs = 0
  let capReported = false
  const report = sink.report.bind(sink)
  const deref = (alias: Alias): Node | undefined => {
    const range = alias.range as [number, number, number]
    const span = { start: range[0], end: range[1] }
    if (++derefs > maxAliasCount) {
      if (!capReported) {
        capReported = true
        report('yaml-alias-limit', 'error', msg('yaml-alias-limit', { cap: maxAliasCount }), span)
      }
      return undefined
    }
    anchors ??= collectAnchors(parsedDoc.yaml.contents)
    const found = anchorBefore(anchors, alias.source, range[0])
    if (!found) {
      report('yaml-bad-alias', 'error', msg('yaml-alias-unknown', { name: alias.source }), span)
      return undefined
    }
    return isAlias(found) ? undefined : found
  }
  return { file: sink.file, doc: parsedDoc.index, kubernetesVersion, rules, report, deref }
}
