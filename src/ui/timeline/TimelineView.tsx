/**
 * The rollout timeline: press play and watch a rolling update under load. The top bar picks the Deployment and
 * drives playback; above the split, a shared time axis over the pod lanes and three charts; below it, the
 * scenario's parameters, failed requests, events, logs, vegeta's report and the comparison with a pinned run.
 * Loaded lazily (uPlot stays out of the initial JavaScript). Keyboard shortcuts (Space, arrows, Home/End, +/−)
 * are the studio's own (src/ui/classroom/shortcuts.ts), on the same playback actions.
 */
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Group, Panel, Separator } from 'react-resizable-panels'
import { OUTCOMES } from '../../engine/simulate/request-outcome'
import { wantSimulation } from '../../state/playback-actions'
import { selectRun } from '../../state/slices/playback-slice'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { useStudioStore } from '../../state/store'
import { ExportReportButton } from '../report/ExportReportButton'
import { useEngineText } from '../i18n/engine-text'
import { TID } from '../test-ids'
import { LatencyLegend, OutcomesLegend, TrafficLegend } from './ChartLegends'
import { DetailTabs } from './DetailTabs'
import { LanesKey } from './LanesKey'
import { PodLanes } from './PodLanes'
import { DeploymentPick } from './ScenarioControls'
import { TimeChart } from './TimeChart'
import { TimeRuler } from './TimeRuler'
import { TransportBar } from './TransportBar'
import './timeline.css'

/** Series labels for the charts, translated once per language and run. */
function useChartLabels(run: SimulationRun | null): Record<string, string> {
  const { t } = useTranslation('timeline')
  return useMemo(() => {
    const labels: Record<string, string> = { p50: 'p50', p90: 'p90', p99: 'p99' }
    for (const o of OUTCOMES) labels[o] = t(`outcome.${o}`)
    for (const g of run?.view.groups ?? []) labels[`rev${g.replicaSet}`] = t(g.isNew ? 'lanes.newShort' : 'lanes.oldShort', { revision: g.revision })
    return labels
    // `t` changes with the language, so the labels follow it.
  }, [t, run])
}

function TimeArea({ run, labels }: { run: SimulationRun; labels: Record<string, string> }) {
  const { t } = useTranslation('timeline')
  return (
    <div className="time-area" data-testid={TID.timelineTimeArea}>
      <TimeRuler run={run} />
      <PodLanes run={run} />
      <div className="time-row chart-row traffic-row">
        <div className="row-label">
          <TrafficLegend run={run} />
        </div>
        <TimeChart kind="traffic" run={run} height={56} labels={labels} label={t('charts.traffic')} />
      </div>
      <div className="time-row chart-row">
        <div className="row-label">
          <OutcomesLegend run={run} />
        </div>
        <TimeChart kind="outcomes" run={run} height={72} labels={labels} label={t('charts.outcomes')} />
      </div>
      <div className="time-row chart-row">
        <div className="row-label">
          <LatencyLegend run={run} />
        </div>
        <TimeChart kind="latency" run={run} height={84} labels={labels} showX label={t('charts.latency')} />
      </div>
      <LanesKey />
    </div>
  )
}

function EmptyTimeArea() {
  const { t } = useTranslation('timeline')
  const say = useEngineText()
  const status = useStudioStore((s) => s.simulationStatus)
  const problems = useStudioStore((s) => s.simulationProblems)
  const hasModel = useStudioStore((s) => s.analysis !== null)
  return (
    <div className="time-area empty-time" data-testid={TID.timelineTimeArea}>
      {status === 'invalid' ? (
        <ul className="scenario-problems" role="alert">
          {problems.map((p) => (
            <li key={p.message}>{say(p.text)}</li>
          ))}
        </ul>
      ) : (
        <p className="empty">{hasModel ? t('empty.simulating') : t('empty.analyzing')}</p>
      )}
    </div>
  )
}

export default function TimelineView() {
  const { t } = useTranslation('timeline')
  const run = useStudioStore(selectRun)
  const labels = useChartLabels(run)
  useEffect(() => wantSimulation(), [])

  return (
    <div className="timeline-view" data-testid={TID.timelineView} role="region" aria-label={t('title')}>
      <div className="timeline-top">
        <DeploymentPick />
        <TransportBar />
        <ExportReportButton kind="rollout" />
      </div>
      <Group className="timeline-split" orientation="vertical">
        <Panel id="timeline-plots" defaultSize="58" minSize="25">
          {run ? <TimeArea run={run} labels={labels} /> : <EmptyTimeArea />}
        </Panel>
        <Separator className="separator separator-h" aria-label={t('details.resize')} />
        <Panel id="timeline-details-panel" defaultSize="42" minSize="15">
          <DetailTabs run={run} labels={labels} />
        </Panel>
      </Group>
    </div>
  )
}
