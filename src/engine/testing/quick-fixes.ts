/**
 * Diagnostics and quick fixes of one text, the way the editor asks for them: codes, the fixes at a
 * diagnostic, and the text after applying one.
 */
import { analyze, type AnalyzeOptions } from '../analyze'
import type { DiagnosticCode } from '../diagnostics'
import { applyEdits } from '../fix/apply-fix'
import { findQuickFixes, type QuickFix } from '../fix/quick-fixes'

/** Codes of the diagnostics of `text`. */
export function codesOf(text: string, options: AnalyzeOptions = {}): DiagnosticCode[] {
  return analyze([{ name: 'test.yaml', text }], options).diagnostics.map((d) => d.code)
}

/** The quick fixes of the first diagnostic with `code`. */
export function fixesFor(text: string, code: DiagnosticCode, options: AnalyzeOptions = {}): QuickFix[] {
  const files = [{ name: 'test.yaml', text }]
  const diagnostic = analyze(files, options).diagnostics.find((d) => d.code === code)
  if (!diagnostic) throw new Error(`no ${code} in the text`)
  return findQuickFixes(files, options, { file: 'test.yaml', code, span: diagnostic.span })
}

/** `text` after applying fix `which` of the first `code` diagnostic. */
export function applyFix(text: string, code: DiagnosticCode, which = 0, options: AnalyzeOptions = {}): string {
  const fix = fixesFor(text, code, options)[which]
  if (!fix) throw new Error(`no fix ${which} for ${code}`)
  return applyEdits(text, fix.edits)
}
