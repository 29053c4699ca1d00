/**
 * Test support: analyse one text and look at its diagnostics by code and by the exact text their range
 * covers, so tests assert codes and ranges rather than messages.
 */
import { analyze, type Analysis, type AnalyzeOptions } from '../analyze'
import type { DiagnosticCode, Severity } from '../diagnostics'

/** A diagnostic as tests look at it: code, severity, the source text its span covers, and where it starts. */
export interface Found {
  readonly code: DiagnosticCode
  readonly severity: Severity
  readonly text: string
  readonly line: number
  readonly column: number
  readonly message: string
}

export interface TextAnalysis extends Analysis {
  readonly found: readonly Found[]
  /** The found diagnostics with `code`. */
  readonly of: (code: DiagnosticCode) => Found[]
  /** Codes of every error and warning (infos left out), sorted, for "exactly these problems" assertions. */
  readonly problems: () => DiagnosticCode[]
}

export function analyzeText(text: string, options: AnalyzeOptions = {}, name = 'test.yaml'): TextAnalysis {
  const analysis = analyze([{ name, text }], options)
  const found = analysis.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    text: text.slice(d.span.start, d.span.end),
    line: d.start.line,
    column: d.start.column,
    message: d.message,
  }))
  return {
    ...analysis,
    found,
    of: (code) => found.filter((f) => f.code === code),
    problems: () => found.filter((f) => f.severity !== 'info').map((f) => f.code).sort(),
  }
}

/** Removes the common indentation of a template literal and its first newline. */
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ''), '')
  const lines = raw.replace(/^\n/, '').split('\n')
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => (/^ */.exec(line) as RegExpExecArray)[0].length))
  return lines.map((line) => line.slice(indent)).join('\n')
}
