/**
 * The last line of defence: if the studio fails to render, show the user's text (from the store, else from
 * storage) with a way to copy it and reload, instead of an empty page.
 */
import type { ReactNode } from 'react'
import { loadSavedSource } from '../../state/persistence'
import { useStudioStore } from '../../state/store'
import { ErrorBoundary } from '../common/ErrorBoundary'
import { TID } from '../test-ids'

export function AppErrorBoundary({ children }: { readonly children: ReactNode }) {
  return <ErrorBoundary fallback={(error) => <CrashScreen error={error} />}>{children}</ErrorBoundary>
}

function CrashScreen({ error }: { readonly error: Error }) {
  const text = useStudioStore.getState().source || (loadSavedSource(safeStorage()) ?? '')
  return (
    <main className="crash-screen" data-testid={TID.crashScreen}>
      <h1>Ingress Studio stopped working</h1>
      <p>Something in the page broke ({error.message}). Your manifest is safe: it is below and saved in this browser.</p>
      <textarea readOnly aria-label="Your manifest" value={text} spellCheck={false} />
      <p className="actions">
        <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(text)}>Copy the manifest</button>
        <button type="button" className="button button-primary" onClick={() => location.reload()}>Reload the studio</button>
      </p>
    </main>
  )
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}
