/**
 * Quick fixes at a diagnostic: the fixes the lint rules attached to it, plus fixes for a few model findings
 * (a removed API version → migrate that object; a regex in a Prefix path → ImplementationSpecific). The result
 * is plain data — titles and text edits into the file as given — so it crosses the worker boundary.
 */
import { analyzeDetailed, type AnalyzeOptions } from '../analyze'
import { createHas } from '../checks/field-exists'
import type { DiagnosticCode, Span } from '../diagnostics'
import { msg, type Message } from '../messages/message'
import { migrateDeployment } from '../migrate/migrate-deployment'
import { migrateIngress } from '../migrate/migrate-ingress'
import type { ClusterModel, SourceRef } from '../model/types'
import type { Locator } from '../source/locate'
import type { SourceFile } from '../source/parse-sources'
import { editsFor } from './apply-fix'
import type { BoundFix, FixOp, TextEdit } from './types'

/** Where the user asked: a diagnostic's file, code and range (offsets into the file's current text). */
export interface QuickFixTarget {
  readonly file: string
  readonly code: DiagnosticCode
  readonly span: Span
}

export interface QuickFix {
  /** What the editor's light bulb menu says, in the reader's language (docs/i18n.md). */
  readonly title: Message
  /** The diagnostic code it fixes. */
  readonly code: DiagnosticCode
  readonly edits: readonly TextEdit[]
  /** The fix to offer first (the first fix of a finding). */
  readonly preferred: boolean
}

const overlaps = (a: Span, b: Span): boolean => a.start === b.start || (a.start < b.end && b.start < a.end)

/** "Convert to apps/v1": the version the migration writes. */
function convertTitle(ops: readonly FixOp[]): Message {
  const set = ops.find((op) => op.op === 'set' && op.path.length === 1 && op.path[0] === 'apiVersion')
  return set?.op === 'set' && typeof set.value === 'string'
    ? msg('fix-convert-api-version', { apiVersion: set.value })
    : msg('fix-convert-current-version')
}

/** Fixes for diagnostics of the model stage, found by locating the field each one points at. */
function modelFixes(model: ClusterModel, locate: Locator, target: QuickFixTarget): BoundFix[] {
  const at = (source: SourceRef, path: (string | number)[]): boolean =>
    source.file === target.file && overlaps(locate.spanOf(source, path), target.span)
  if (target.code === 'removed-api-version' || target.code === 'deprecated-api-version') {
    const has = createHas(locate)
    const found = [
      ...model.ingresses.filter((i) => at(i.source, ['apiVersion'])).map((i) => migrateIngress(model, i)),
      ...model.deployments.filter((d) => at(d.source, ['apiVersion'])).map((d) => migrateDeployment(d, has)),
    ]
    return found.flatMap((migration) => (migration ? [{ title: convertTitle(migration.ops), ops: migration.ops, source: migration.source }] : []))
  }
  if (target.code === 'nginx-strict-path') {
    return model.ingresses.flatMap((ingress) => ingress.rules.flatMap((rule) => rule.paths
      .filter((path) => at(ingress.source, [...path.at, 'path']))
      .map((path) => ({ title: msg('fix-path-type-implementation-specific'), ops: [{ op: 'set' as const, path: [...path.at, 'pathType'], value: 'ImplementationSpecific' }], source: ingress.source }))))
  }
  return []
}

/** The quick fixes for the diagnostic at `target`, analysing `files` with the same `options` as the markers. */
export function findQuickFixes(files: readonly SourceFile[], options: AnalyzeOptions, target: QuickFixTarget): QuickFix[] {
  const file = files.find((f) => f.name === target.file)
  if (!file) return []
  const { analysis, locate, checked } = analyzeDetailed(files, options)
  const bound: { fix: BoundFix; preferred: boolean }[] = []
  for (const entry of checked) {
    const d = entry.diagnostic
    if (d.file !== target.file || d.code !== target.code || !overlaps(d.span, target.span)) continue
    entry.fixes.forEach((fix, i) => bound.push({ fix, preferred: i === 0 }))
  }
  for (const [i, fix] of modelFixes(analysis.model, locate, target).entries()) bound.push({ fix, preferred: i === 0 })
  const out: QuickFix[] = []
  for (const { fix, preferred } of bound) {
    const { edits, problems } = editsFor(file.text, fix.source.doc, fix.source.path, fix.ops)
    if (problems.length === 0 && edits.length > 0) out.push({ title: fix.title, code: target.code, edits, preferred })
  }
  return out
}
