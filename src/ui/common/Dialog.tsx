/**
 * A modal dialog on the native `<dialog>` element: the browser traps focus, Escape closes it, and the page
 * behind is inert. `onClose` runs however it closes (Escape, a close button, the backdrop).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'
import './dialog.css'

interface Props {
  readonly title: ReactNode
  readonly onClose: () => void
  readonly children: ReactNode
  readonly className?: string
  readonly testId?: string
  /** Shown in the header's corner; the dialog's own close button when absent. */
  readonly closeLabel: string
  /** `alertdialog` for questions that need an answer. Default: dialog. */
  readonly role?: 'dialog' | 'alertdialog'
}

export function Dialog({ title, onClose, children, className, testId, closeLabel, role }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    // The browser fires `close` in a later task. Under StrictMode React mounts, cleans up (closing the dialog)
    // and mounts again before that task runs, so the remounted dialog, open again, would receive the first
    // close and report itself closed. A `close` that arrives while the dialog is open is such a stale one.
    const close = () => {
      if (!dialog.open) onCloseRef.current()
    }
    dialog.addEventListener('close', close)
    return () => {
      dialog.removeEventListener('close', close)
      if (dialog.open) dialog.close()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`studio-dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      data-testid={testId}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) ref.current?.close()
      }}
    >
      <div className="dialog-frame">
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label={closeLabel} onClick={() => ref.current?.close()}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </header>
        <div className="dialog-body">{children}</div>
      </div>
    </dialog>
  )
}
