/**
 * The main area: a tab per view. It also says which state the engine's answer for the view is in, in one place
 * for all of them: a view of an earlier text is faded while the engine works on the text on screen, and when the
 * engine gave no answer the view says it is unavailable (with Retry) instead of "loading" or an empty result.
 */
import { setActiveView } from '../../state/actions'
import { retryAnalysis } from '../../state/analysis-sync'
import { selectActiveView, selectAnalysisPhase, selectEngineFailure, selectModel, selectRouteViewPhase } from '../../state/selectors'
import type { ViewId } from '../../state/slices/selection-slice'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { lazy, Suspense, type ReactNode } from 'react'
import { PlaybackMiniBar } from '../timeline/PlaybackMiniBar'
import { useTranslation } from 'react-i18next'
import { LazyRouteGraphView } from '../graph/LazyRouteGraphView'
import { RequestBar } from '../tester/RequestBar'
import { retryRouteView } from '../../state/route-sync'
import { EngineFailureNotice } from '../common/EngineFailureNotice'

/**
 * Every view but the first (the route graph, itself lazy for xyflow) loads when its tab opens, so the first paint
 * carries only what it shows (issue 18: initial JavaScript).
 */
const RouteTable = lazy(() => import('../routes/RouteTable').then((module) => ({ default: module.RouteTable })))
const NginxConfView = lazy(() => import('../nginx/NginxConfView').then((module) => ({ default: module.NginxConfView })))
const ObjectsView = lazy(() => import('../objects/ObjectsView').then((module) => ({ default: module.ObjectsView })))
const CertificatesView = lazy(() => import('../tls/CertificatesView').then((module) => ({ default: module.CertificatesView })))
const RulesView = lazy(() => import('../rules/RulesView').then((module) => ({ default: module.RulesView })))
/** The rollout timeline loads on first use: it brings uPlot and its own styles. */
const TimelineView = lazy(() => import('../timeline/TimelineView'))
/** The Gateway API migration loads when it opens (its own editor and graph load later still). */
const MigrationView = lazy(() => import('../migrate/MigrationView').then((module) => ({ default: module.MigrationView })))

/** Views that show routing get the URL tester's request line above them; they show the worker's route view. */
const ROUTING_VIEWS: readonly ViewId[] = ['graph', 'routes', 'nginx']
/** Views that show the analysis (the model and its findings). */
const ANALYSIS_VIEWS: readonly ViewId[] = ['objects', 'certificates']

/** `i18nKey`, when set, names the label in a feature's i18n namespace (`namespace:key`). */
const VIEWS: readonly { readonly id: ViewId; readonly label: string; readonly i18nKey?: string }[] = [
  { id: 'graph', label: 'Route graph', i18nKey: 'graph:tab' },
  { id: 'routes', label: 'Routes', i18nKey: 'routes:tab' },
  { id: 'nginx', label: 'nginx.conf', i18nKey: 'routes:nginxTab' },
  { id: 'timeline', label: 'Rollout', i18nKey: 'timeline:tab' },
  { id: 'objects', label: 'Objects', i18nKey: 'app:views.objects' },
  { id: 'certificates', label: 'Certificates', i18nKey: 'app:views.certificates' },
  { id: 'rules', label: 'Rules', i18nKey: 'app:views.rules' },
  // Shown once opened ("Migrate to Gateway API" in the editor's header, a link or a preset's step).
  { id: 'migration', label: 'To Gateway API', i18nKey: 'migrate:tab' },
]

export function MainArea() {
  const { t } = useTranslation()
  const stored = useStudioStore(selectActiveView)
  // A link or saved scenario may name a view this build does not have; show the first one instead.
  const active = VIEWS.some((view) => view.id === stored) ? stored : (VIEWS[0] as (typeof VIEWS)[number]).id
  const migrationOpen = useStudioStore((state) => state.migrationOpen)
  const tabs = VIEWS.filter((view) => view.id !== 'migration' || migrationOpen || active === 'migration')
  const routing = ROUTING_VIEWS.includes(active)
  const analysed = ANALYSIS_VIEWS.includes(active)
  const routePhase = useStudioStore(selectRouteViewPhase)
  const routeViewFailure = useStudioStore((state) => state.routeViewFailure)
  const hasRouteView = useStudioStore((state) => state.routeView !== null)
  const analysisPhase = useStudioStore(selectAnalysisPhase)
  const analysisFailure = useStudioStore(selectEngineFailure)
  const hasAnalysis = useStudioStore((state) => state.analysis !== null)
  const phase = routing ? routePhase : analysed ? analysisPhase : 'done'
  // Nothing of an earlier text to show: the notice above is the whole view, not a "loading" that never ends.
  const unavailable = phase === 'failed' && (routing ? !hasRouteView : !hasAnalysis)
  const objectCount = useStudioStore((state) => {
    const model = selectModel(state)
    return model ? Object.values(model).reduce((n, list) => n + list.length, 0) : null
  })
  return (
    <section className="pane main-pane" data-testid={TID.mainPane} aria-label={t('app:layout.views')}>
      <header className="pane-header tabs-header">
        <div role="tablist" aria-label={t('app:layout.views')} className="tabs">
          {tabs.map((view) => (
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
      {routing && <RequestBar />}
      {routing && routePhase === 'failed' && routeViewFailure && <EngineFailureNotice work="routeView" failure={routeViewFailure} onRetry={retryRouteView} />}
      {analysed && analysisPhase === 'failed' && analysisFailure && <EngineFailureNotice work="analysis" failure={analysisFailure} onRetry={retryAnalysis} />}
      <div
        className={`view-body view-body-${active}${phase !== 'done' ? ' is-behind' : ''}`}
        role="tabpanel"
        id={`view-${active}`}
        aria-labelledby={`tab-${active}`}
        aria-busy={phase === 'running'}
        data-phase={phase}
      >
        {!unavailable && <ActiveView active={active} />}
      </div>
      {active === 'graph' && <PlaybackMiniBar />}
    </section>
  )
}

function ActiveView({ active }: { readonly active: ViewId }) {
  const { t } = useTranslation()
  switch (active) {
    case 'graph':
      return <LazyRouteGraphView />
    case 'routes':
      return <Lazily><RouteTable /></Lazily>
    case 'nginx':
      return <Lazily><NginxConfView /></Lazily>
    case 'objects':
      return <Lazily><ObjectsView /></Lazily>
    case 'certificates':
      return <Lazily><CertificatesView /></Lazily>
    case 'rules':
      return <Lazily><RulesView /></Lazily>
    case 'migration':
      return (
        <Suspense fallback={<p className="empty">{t('migrate:working')}</p>}>
          <MigrationView />
        </Suspense>
      )
    case 'timeline':
      return (
        <Suspense fallback={<p className="empty">{t('timeline:loading')}</p>}>
          <TimelineView />
        </Suspense>
      )
  }
}

/** A view that loads on first use, with a line that says so meanwhile. */
function Lazily({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation()
  return <Suspense fallback={<p className="empty" data-testid={TID.viewLoading}>{t('app:layout.loadingView')}</p>}>{children}</Suspense>
}
