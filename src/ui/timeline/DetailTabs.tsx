/** The panel under the timeline: the scenario's parameters, failed requests, events, logs, the report, the comparison. */
import { useTranslation } from 'react-i18next'
import { setTimelineTab } from '../../state/playback-actions'
import type { TimelineTab } from '../../state/slices/playback-slice'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { useStudioStore } from '../../state/store'
import { CompareRuns } from './CompareRuns'
import { EventsTable } from './EventsTable'
import { FailedRequests } from './FailedRequests'
import { ParametersPanel } from './ScenarioControls'
import { SternLogs } from './SternLogs'
import { VegetaReport } from './VegetaReport'

const TABS: readonly TimelineTab[] = ['scenario', 'failures', 'events', 'logs', 'report', 'compare']

export function DetailTabs({ run, labels }: { readonly run: SimulationRun | null; readonly labels: Record<string, string> }) {
  const { t } = useTranslation('timeline')
  const tab = useStudioStore((s) => s.timelineTab)
  const failed = run?.result.failures.total ?? 0
  const active = run === null ? 'scenario' : tab
  return (
    <section className="detail-tabs" aria-label={t('details.label')}>
      <div role="tablist" aria-label={t('details.label')} className="tabs detail-tablist">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`timeline-tab-${id}`}
            aria-selected={active === id}
            aria-controls={`timeline-panel-${id}`}
            className="tab"
            disabled={run === null && id !== 'scenario'}
            onClick={() => setTimelineTab(id)}
          >
            {t(`details.${id}`)}
            {id === 'failures' && run && <span className={`tab-count ${failed > 0 ? 'is-bad' : 'is-good'}`}>{failed}</span>}
          </button>
        ))}
      </div>
      <div className="detail-body" role="tabpanel" id={`timeline-panel-${active}`} aria-labelledby={`timeline-tab-${active}`}>
        {active === 'scenario' && <ParametersPanel />}
        {run && active === 'failures' && <FailedRequests run={run} />}
        {run && active === 'events' && <EventsTable run={run} />}
        {run && active === 'logs' && <SternLogs run={run} />}
        {run && active === 'report' && <VegetaReport run={run} />}
        {run && active === 'compare' && <CompareRuns run={run} labels={labels} />}
      </div>
    </section>
  )
}
