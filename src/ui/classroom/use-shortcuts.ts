/** Listens for the studio's keyboard shortcuts on the whole page (see shortcuts.ts). */
import { useEffect } from 'react'
import { useStudioStore } from '../../state/store'
import { runShortcut } from './shortcuts'

/** True when the key belongs to what has focus: typing in a field or the editor, or pressing a focused button. */
function belongsToTarget(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null
  if (!target || typeof target.closest !== 'function') return false
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor')) return true
  const activates = event.key === ' ' || event.key === 'Enter'
  return activates && target.closest('button, a[href], summary, [role="button"], [role="tab"], [role="slider"]') !== null
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return
      if (belongsToTarget(event)) return
      // With a dialog open only the sheet's own key works; Escape belongs to the dialog.
      if (useStudioStore.getState().openDialog !== null && event.key !== '?') return
      if (runShortcut({ key: event.key, shiftKey: event.shiftKey })) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
