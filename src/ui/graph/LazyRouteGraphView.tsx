/**
 * The route graph view, loaded as its own chunk (React Flow and the graph's components): the page shell and the
 * editor do not wait for it, and it arrives while the worker lays the first graph out anyway.
 */
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBoundary } from '../common/ErrorBoundary'
import { GraphProgressPanel } from './GraphProgress'

const RouteGraphView = lazy(() => import('./RouteGraphView').then((module) => ({ default: module.RouteGraphView })))

export function LazyRouteGraphView() {
  const { t } = useTranslation('graph')
  return (
    <ErrorBoundary fallback={(error) => <p className="empty graph-empty" role="alert">{t('failed', { reason: error.message })}</p>}>
      <Suspense fallback={<GraphProgressPanel />}>
        <RouteGraphView />
      </Suspense>
    </ErrorBoundary>
  )
}
