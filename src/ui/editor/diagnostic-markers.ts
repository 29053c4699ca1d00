/**
 * Engine diagnostics as Monaco markers on the manifest model, kept in step with the store and said in the
 * current language (re-set when it changes).
 */
import type { Diagnostic, Severity } from '../../engine/diagnostics'
import { engineText } from '../i18n/engine-text'
import { i18n } from '../i18n'
import { selectDiagnostics } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { monaco } from './monaco-setup'

/** The marker owner, so engine markers never collide with Monaco's or a language service's own. */
export const MARKER_OWNER = 'ingress-studio'

const SEVERITY: Record<Severity, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
}

/** One diagnostic as a marker; an empty range is widened to one character so it stays visible. */
export function toMarker(diagnostic: Diagnostic, say: (diagnostic: Diagnostic) => string = (d) => d.message): monaco.editor.IMarkerData {
  const empty = diagnostic.start.line === diagnostic.end.line && diagnostic.start.column >= diagnostic.end.column
  return {
    severity: SEVERITY[diagnostic.severity],
    message: say(diagnostic),
    code: diagnostic.code,
    source: 'ingress-studio',
    startLineNumber: diagnostic.start.line,
    startColumn: diagnostic.start.column,
    endLineNumber: diagnostic.end.line,
    endColumn: empty ? diagnostic.start.column + 1 : diagnostic.end.column,
  }
}

/** Sets the markers now and after every analysis; returns the unsubscribe function (which clears them). */
export function syncDiagnosticMarkers(model: monaco.editor.ITextModel): () => void {
  const say = (diagnostic: Diagnostic): string => engineText(i18n.t, diagnostic.text)
  const apply = (diagnostics: readonly Diagnostic[]) => monaco.editor.setModelMarkers(model, MARKER_OWNER, diagnostics.map((d) => toMarker(d, say)))
  apply(selectDiagnostics(useStudioStore.getState()))
  const unsubscribe = useStudioStore.subscribe((state, previous) => {
    const diagnostics = selectDiagnostics(state)
    if (diagnostics !== selectDiagnostics(previous)) apply(diagnostics)
  })
  const relabel = (): void => apply(selectDiagnostics(useStudioStore.getState()))
  i18n.on('languageChanged', relabel)
  return () => {
    unsubscribe()
    i18n.off('languageChanged', relabel)
    monaco.editor.setModelMarkers(model, MARKER_OWNER, [])
  }
}
