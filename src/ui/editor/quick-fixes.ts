/**
 * Quick fixes in the editor: a Monaco code action provider that asks the engine (in the worker) for the fixes of
 * each studio marker under the cursor and offers them as edits, titled in the current language, and the "Convert to
 * current API versions" editor action. The edits come from the engine's `yaml` Document model, so comments and
 * layout stay; Monaco applies them as one undoable step.
 */
import { convertToCurrentVersions, requestQuickFixes } from '../../state/engine-requests'
import type { DiagnosticCode } from '../../engine/diagnostics'
import { i18n } from '../i18n'
import { engineText } from '../i18n/engine-text'
import { monaco } from './monaco-setup'

/** The `source` the studio's markers carry (diagnostic-markers.ts). */
const STUDIO_SOURCE = 'ingress-studio'

function rangeOf(model: monaco.editor.ITextModel, start: number, end: number): monaco.IRange {
  const from = model.getPositionAt(start)
  const to = model.getPositionAt(end)
  return { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column }
}

const none: monaco.languages.CodeActionList = { actions: [], dispose() {} }

/** Registers the provider for YAML models; dispose the result to remove it. */
export function registerQuickFixes(): monaco.IDisposable {
  return monaco.languages.registerCodeActionProvider('yaml', {
    async provideCodeActions(model, _range, context) {
      const markers = context.markers.filter((marker) => marker.source === STUDIO_SOURCE && typeof marker.code === 'string')
      if (markers.length === 0) return none
      const text = model.getValue()
      const versionId = model.getVersionId()
      const actions: monaco.languages.CodeAction[] = []
      for (const marker of markers) {
        const start = model.getOffsetAt({ lineNumber: marker.startLineNumber, column: marker.startColumn })
        const end = model.getOffsetAt({ lineNumber: marker.endLineNumber, column: marker.endColumn })
        const fixes = await requestQuickFixes(text, { code: marker.code as DiagnosticCode, span: { start, end } })
        // The user typed while the engine worked: these offsets belong to older text.
        if (model.isDisposed() || model.getVersionId() !== versionId) return none
        for (const fix of fixes) {
          actions.push({
            title: engineText(i18n.t, fix.title),
            kind: 'quickfix',
            diagnostics: [marker],
            isPreferred: fix.preferred,
            edit: { edits: fix.edits.map((edit) => ({ resource: model.uri, versionId, textEdit: { range: rangeOf(model, edit.start, edit.end), text: edit.text } })) },
          })
        }
      }
      return { actions, dispose() {} }
    },
  }, { providedCodeActionKinds: ['quickfix'] })
}

/** Adds "Convert to current API versions" to the editor's context menu and command palette. */
export function registerConvertAction(editor: monaco.editor.IStandaloneCodeEditor): monaco.IDisposable {
  return editor.addAction({
    id: 'ingress-studio.convert-api-versions',
    label: i18n.t('editor:convertAction'),
    contextMenuGroupId: '1_modification',
    run: () => void convertToCurrentVersions(),
  })
}
