/**
 * Builds `Diagnostic`s from spans. Stages work with offsets; line and column are computed here, once per
 * diagnostic, so clean input never pays for them.
 */
import { stageOf, type Diagnostic, type DiagnosticCode, type Severity, type Span } from '../diagnostics'
import { msg, type Message } from '../messages/message'
import { formatMessage } from '../messages/render'
import { lineColAt, type LineIndex } from './line-index'

/** What a diagnostic says: a catalog message (docs/i18n.md), never a finished sentence. */
export type DiagnosticText = Message

/** A diagnostic for `span` of `file`, with its line and column taken from `lines` (the file's own index). */
export function makeDiagnostic(
  file: string,
  lines: LineIndex,
  code: DiagnosticCode,
  severity: Severity,
  text: DiagnosticText,
  span: Span,
): Diagnostic {
  const start = Math.max(0, Math.min(span.start, lines.length))
  const end = Math.max(start, Math.min(span.end, lines.length))
  return {
    code,
    stage: stageOf(code),
    severity,
    text,
    message: formatMessage(text),
    file,
    span: { start, end },
    start: lineColAt(lines, start),
    end: lineColAt(lines, end),
  }
}

/** Collects the diagnostics of one file. */
export interface DiagnosticSink {
  readonly file: string
  report(code: DiagnosticCode, severity: Severity, text: DiagnosticText, span: Span): void
}

/**
 * A sink that appends to `out`, dropping exact repeats and keeping at most `cap` reports; past the cap one `diagnostics-truncated` info
 * counts the rest. `lines` is called on the first report only, so clean input never indexes its lines.
 */
export function createSink(file: string, lines: () => LineIndex, out: Diagnostic[], cap: number): DiagnosticSink {
  let kept = 0
  let dropped = 0
  let summaryAt = -1
  // The yaml parser can repeat one error many times at one place (e.g. for each unclosed bracket).
  const seen = new Set<string>()
  return {
    file,
    report(code, severity, text, span) {
      const key = `${code}\u0000${span.start}\u0000${span.end}\u0000${JSON.stringify(text)}`
      if (seen.has(key)) return
      seen.add(key)
      if (kept < cap) {
        kept++
        out.push(makeDiagnostic(file, lines(), code, severity, text, span))
        return
      }
      dropped++
      const summary = makeDiagnostic(file, lines(), 'diagnostics-truncated', 'info',
        msg('diagnostics-truncated', { count: dropped, cap }), span)
      if (summaryAt === -1) {
        summaryAt = out.length
        out.push(summary)
      } else {
        out[summaryAt] = { ...summary, span: (out[summaryAt] as Diagnostic).span, start: (out[summaryAt] as Diagnostic).start, end: (out[summaryAt] as Diagnostic).end }
      }
    },
  }
}
