/**
 * The editor's side of editor ↔ graph: moving the cursor (by keyboard or mouse) selects the graph node whose
 * text holds it; selecting a node elsewhere highlights that node's text here (the store's `editorHighlight`).
 */
import { selectNodeAtCursor } from '../../state/graph-actions'
import { useStudioStore } from '../../state/store'
import type { monaco } from './monaco-setup'

/** Pause after the cursor stops before the graph follows (arrow-key repeats would select every node on the way). */
const CURSOR_SETTLE_MS = 90

export function linkEditorToGraph(editor: monaco.editor.IStandaloneCodeEditor): () => void {
  const decorations = editor.createDecorationsCollection()
  let timer: ReturnType<typeof setTimeout> | undefined

  const cursor = editor.onDidChangeCursorPosition((event) => {
    // 'api' moves come from revealing a node: following them back would re-select a parent node.
    if (event.source === 'api' || event.source === 'model') return
    clearTimeout(timer)
    timer = setTimeout(() => {
      const model = editor.getModel()
      const position = editor.getPosition()
      if (model && position) selectNodeAtCursor(model.getOffsetAt(position))
    }, CURSOR_SETTLE_MS)
  })

  const unsubscribe = useStudioStore.subscribe((state, previous) => {
    const model = editor.getModel()
    if (!model) return
    if (state.editorHighlight && state.editorHighlight !== previous.editorHighlight) {
      const { start, end } = state.editorHighlight
      const from = model.getPositionAt(start)
      const after = model.getPositionAt(end)
      // A YAML node's range ends where the next line starts: that next line is not part of it.
      const to = after.column === 1 && after.lineNumber > from.lineNumber ? { lineNumber: after.lineNumber - 1 } : after
      decorations.set([{
        range: { startLineNumber: from.lineNumber, startColumn: 1, endLineNumber: to.lineNumber, endColumn: model.getLineMaxColumn(to.lineNumber) },
        options: { isWholeLine: true, className: 'graph-linked-range', linesDecorationsClassName: 'graph-linked-gutter' },
      }])
    } else if (state.selectedNodeId !== previous.selectedNodeId && (state.selectedNodeId === null || state.selectionOrigin === 'editor')) {
      decorations.clear()
    }
  })

  return () => {
    clearTimeout(timer)
    cursor.dispose()
    unsubscribe()
    decorations.clear()
  }
}
