/**
 * The main area: a tab per view. Only the Objects view exists yet; the route graph, URL tester, nginx.conf and
 * rollout timeline join this list in later stages.
 */
import { setActiveView } from '../../state/actions'
import { selectActiveView, selectModel } from '../../state/selectors'
import type { ViewId } from '../../state/slices/selection-slice'
import { useStudioStore } from '../../state/store'
import { ObjectsView } from '../objects/ObjectsView'
import { RulesView } from '../rules/RulesView'
import { CertificatesView } from '../tls/CertificatesView'
import { TID } from '../test-ids'
import { lazy, Suspense } from 'react'
import { PlaybackMiniBar } from '../timeline/PlaybackMiniBar'
import { useTranslation } from 'react-i18next'
import { LazyRouteGraphView } from '../graph/LazyRouteGraphView'
import { NginxConfView } from '../nginx/NginxConfView'
import { RouteTable } from '../routes/RouteTable'
import { RequestBar } from '../tester/RequestBar'
import { retryRouteView } from '../../state/route-sync'
import { EngineFailureNotice } from '../common/EngineFailureNotice'

/** The rollout timeline loads on first use: it brings uPlot and its own styles. */
const TimelineView = lazy(() => import('../timeline/TimelineView'))

/** Views that show routing get the URL tester's request line above them. */
const ROUTING_VIEWS: readonly ViewId[] = ['graph', 'routes', 'nginx']

/** `i18nKey`, when set, names the label in a feature's i18n namespace (`namespace:key`). */
const VIEWS: readonly { readonly id: ViewId; readonly label: string; readonly i18nKey?: string }[] = [
  { id: 'graph', label: 'Route graph', i18nKey: 'graph:tab' },
  { id: 'routes', label: 'Routes', i18nKey: 'routes:tab' },
  { id: 'nginx', label: 'nginx.conf', i18nKey: 'routes:nginxTab' },
  { id: 'timeline', label: 'Rollout', i18nKey: 'timeline:tab' },
  { id: 'objects', label: 'Objects', i18nKey: 'app:views.objects' },
  { id: 'certificates', label: 'Certificates', i18nKey: 'app:views.certificates' },
  { id: 'rules', label: 'Rules', i18nKey: 'app:views.rules' },
]

export function MainArea() {
  const { t } = useTranslation()
  const stored = useStudioStore(selectActiveView)
  // A link or saved scenario may name a view this build does not have; show the first one instead.
  const active = VIEWS.some((view) => view.id === stored) ? stored : (VIEWS[0] as (typeof VIEWS)[number]).id
  const routeViewFailure = useStudioStore((state) => (state.routeViewStatus === 'failed' ? state.routeViewFailure : null))
  const objectCount = useStudioStore((state) => {
    const model = selectModel(state)
    return model ? Object.values(model).reduce((n, list) => n + list.length, 0) : null
  })
  return (
    <section className="pane main-pane" data-testid={TID.mainPane} aria-label={t('app:layout.views')}>
      <header className="pane-header tabs-header">
        <div role="tablist" aria-label={t('app:layout.views')} className="tabs">
          {VIEWS.map((view) => (
            <button
              key={view.id}
              type="button"
              role="tab"
              id={`tab-${view.id}`}
              aria-selected={active === view.id}
              aria-controls={`view-${view.id}`}
              className="tab"
              onClick={() => setActiveView(view.id)}
            >
              {view.i18nKey ? t(view.i18nKey) : view.label}
              {view.id === 'objects' && objectCount !== null && <span className="tab-count">{objectCount}</span>}
            </button>
          ))}
        </div>
      </header>
      {ROUTING_VIEWS.includes(active) && <RequestBar />}
      {ROUTING_VIEWS.includes(active) && routeViewFailure && <EngineFailureNotice work="routeView" failure={routeViewFailure} onRetry={retryRouteView} />}
      <div className={`view-body view-body-${active}`} role="tabpanel" id={`view-${active}`} aria-labelledby={`tab-${active}`}>
        {active === 'graph' && <LazyRouteGraphView />}
        {active === 'routes' && <RouteTable />}
        {active === 'nginx' && <NginxConfView />}
        {active === 'objects' && <ObjectsView />}
        {active === 'certificates' && <CertificatesView />}
        {active === 'rules' && <RulesView />}
        {active === 'timeline' && (
          <Suspense fallback={<p className="empty">{t('timeline:loading')}</p>}>
            <TimelineView />
          </Suspense>
        )}
      </div>
      {active === 'graph' && <PlaybackMiniBar />}
    </section>
  )
}
