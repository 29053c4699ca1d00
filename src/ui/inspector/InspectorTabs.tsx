/**
 * The inspector pane: the diagnostics, and the URL tester's result with its trace. Sending a request opens
 * the Request tab; the Diagnostics tab shows how many problems wait there.
 */
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { selectSeverityCounts } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { setInspectorTab } from '../../state/tester-actions'
import { lazy, Suspense } from 'react'
import { DiagnosticsPanel } from './DiagnosticsPanel'
import { TID } from '../test-ids'

/** The Request tab loads when it opens (after a request is sent): the first paint shows the diagnostics. */
const TestResult = lazy(() => import('../tester/TestResult').then((module) => ({ default: module.TestResult })))

const TABS = ['diagnostics', 'request'] as const

export function InspectorTabs() {
  const { t } = useTranslation('tester')
  const active = useStudioStore((state) => state.inspectorTab)
  const counts = useStudioStore(useShallow(selectSeverityCounts))
  // Status 0 (no listener took a request through a Gateway) is no HTTP status: the result card says it in words.
  const status = useStudioStore((state) => state.testOutcome?.result.status ?? null)
  return (
    <div className="inspector-tabs">
      <header className="pane-header tabs-header">
        <div role="tablist" aria-label={t('inspector')} className="tabs">
          {TABS.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`inspector-tab-${tab}`}
              aria-selected={active === tab}
              aria-controls={`inspector-${tab}`}
              className="tab"
              onClick={() => setInspectorTab(tab)}
            >
              {t(`tab.${tab}`)}
              {tab === 'diagnostics' && counts.error + counts.warning > 0 && <span className="tab-count">{counts.error + counts.warning}</span>}
              {tab === 'request' && status !== null && status !== 0 && <span className={`tab-count status-${Math.floor(status / 100)}xx`}>{status}</span>}
            </button>
          ))}
        </div>
      </header>
      <div className="inspector-body" role="tabpanel" id={`inspector-${active}`} aria-labelledby={`inspector-tab-${active}`}>
        {active === 'diagnostics' ? <DiagnosticsPanel /> : <Suspense fallback={<p className="empty" data-testid={TID.viewLoading}>{t('app:layout.loadingView')}</p>}><TestResult /></Suspense>}
      </div>
    </div>
  )
}
