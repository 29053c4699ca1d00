/**
 * The last line of defence: if the studio fails to render, show the user's text (from the store, else from
 * storage) with a way to copy it and reload, instead of an empty page.
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { loadSavedSource } from '../../state/persistence'
import { useStudioStore } from '../../state/store'
import { ErrorBoundary } from '../common/ErrorBoundary'
import { TID } from '../test-ids'

export function AppErrorBoundary({ children }: { readonly children: ReactNode }) {
  return <ErrorBoundary fallback={(error) => <CrashScreen error={error} />}>{children}</ErrorBoundary>
}

function CrashScreen({ error }: { readonly error: Error }) {
  const { t } = useTranslation()
  const text = useStudioStore.getState().source || (loadSavedSource(safeStorage()) ?? '')
  return (
    <main className="crash-screen" data-testid={TID.crashScreen}>
      <h1>{t('crash.title')}</h1>
      <p>{t('crash.body', { message: error.message })}</p>
      <textarea readOnly aria-label={t('crash.manifest')} value={text} spellCheck={false} />
      <p className="actions">
        <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(text)}>{t('crash.copy')}</button>
        <button type="button" className="button button-primary" onClick={() => location.reload()}>{t('crash.reload')}</button>
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
