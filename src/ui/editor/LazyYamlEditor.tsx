/**
 * The editor as the page first shows it: the text at once in a plain view while Monaco (about 1 MB gzip) loads
 * lazily, and a plain textarea if Monaco cannot load at all, so the text is always there and editable.
 */
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { setSource } from '../../state/actions'
import { selectSource } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { ErrorBoundary } from '../common/ErrorBoundary'
import { TID } from '../test-ids'
import { beforeMonaco } from './monaco-language'

const YamlEditor = lazy(() => beforeMonaco().then(() => import('./YamlEditor')))

export function LazyYamlEditor() {
  return (
    <ErrorBoundary fallback={(error) => <PlainTextEditor message={error.message} />}>
      <Suspense fallback={<LoadingText />}>
        <YamlEditor />
      </Suspense>
    </ErrorBoundary>
  )
}

/** The head of the text shown while Monaco loads: laying out a 10 MB `<pre>` would hold the page for seconds. */
const PREVIEW_CHARS = 64 * 1024

function LoadingText() {
  const { t } = useTranslation('editor')
  const preview = useStudioStore((state) => selectSource(state).slice(0, PREVIEW_CHARS))
  return (
    <pre className="editor-fallback" data-testid={TID.editorFallback} aria-busy="true" aria-label={t('loading')}>
      {preview}
    </pre>
  )
}

function PlainTextEditor({ message }: { readonly message: string }) {
  const { t } = useTranslation('editor')
  const source = useStudioStore(selectSource)
  return (
    <div className="editor-plain">
      <p className="notice notice-warning" role="status">{t('couldNotLoad', { message })}</p>
      <textarea
        className="editor-fallback"
        data-testid={TID.editorFallback}
        aria-label={t('label')}
        spellCheck={false}
        value={source}
        onChange={(event) => setSource(event.target.value)}
      />
    </div>
  )
}
