import type { RevealTarget } from '../../state/slices/selection-slice'
import type { monaco } from './monaco-setup'

/** Moves the cursor to the target, scrolls it into the middle of the view and focuses the editor. */
export function revealTarget(editor: monaco.editor.IStandaloneCodeEditor, target: RevealTarget): void {
  const model = editor.getModel()
  if (!model) return
  const position = 'offset' in target ? model.getPositionAt(target.offset) : model.validatePosition({ lineNumber: target.line, column: target.column })
  editor.setPosition(position)
  editor.revealPositionInCenterIfOutsideViewport(position)
  editor.focus()
}
