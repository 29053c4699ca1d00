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

/** The rollout timeline loads on first use: it brings uPlot and its own styles. */
const TimelineView = lazy(() => import('../timeline/TimelineView'))

const VIEWS: readonly { readonly id: ViewId; readonly label: string }[] = [
  { id: 'timeline', label: 'Rollout' },
  { id: 'objects', label: 'Objects' },
  { id: 'certificates', label: 'Certificates' },
  { id: 'rules', label: 'Rules' },
]

export function MainArea() {
  const active = useStudioStore(selectActiveView)
  const objectCount = useStudioStore((state) => {
    const model = selectModel(state)
    return model ? Object.values(model).reduce((n, list) => n + list.length, 0) : null
  })
  return (
    <section className="pane main-pane" data-testid={TID.mainPane} aria-label="Views">
      <header className="pane-header tabs-header">
        <div role="tablist" aria-label="Views" className="tabs">
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
              {view.label}
              {view.id === 'objects' && objectCount !== null && <span className="tab-count">{objectCount}</span>}
            </button>
          ))}
        </div>
      </header>
      <div className="view-body" role="tabpanel" id={`view-${active}`} aria-labelledby={`tab-${active}`}>
        {active === 'objects' && <ObjectsView />}
        {active === 'certificates' && <CertificatesView />}
        {active === 'rules' && <RulesView />}
        {active === 'timeline' && (
          <Suspense fallback={<p className="empty">…</p>}>
            <TimelineView />
          </Suspense>
        )}
      </div>
    </section>
  )
}
