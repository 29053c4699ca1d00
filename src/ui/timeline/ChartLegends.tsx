/**
 * The left cell of each chart row: its title and, per series, a swatch and the value at the cursor. Each legend
 * re-renders only when its values at the cursor change (once per simulated second, or on a traffic change).
 */
import { useTranslation } from 'react-i18next'
import { OUTCOMES } from '../../engine/simulate/request-outcome'
import { countIngressEndpointsAt } from '../../engine/simulate/timeline-queries'
import { selectCursorSecond } from '../../state/slices/playback-slice'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { useStudioStore } from '../../state/store'
import { LATENCY_SERIES, STACK_ORDER } from './chart-options'

function TrafficValue({ run, replicaSet }: { run: SimulationRun; replicaSet: number }) {
  const count = useStudioStore((state) => countIngressEndpointsAt(run.result.timeline, replicaSet, state.cursorMs))
  return <span className="legend-value">{count}</span>
}

export function TrafficLegend({ run }: { readonly run: SimulationRun }) {
  const { t } = useTranslation('timeline')
  return (
    <div className="chart-legend">
      <div className="chart-title" title={t('charts.trafficHelp')}>{t('charts.traffic')}</div>
      {run.view.groups.map((g) => (
        <div key={g.replicaSet} className="legend-item">
          <span className={`swatch ${g.isNew ? 'rev-new' : 'rev-old'}`} aria-hidden="true" />
          <span className="legend-label">{t(g.isNew ? 'lanes.newShort' : 'lanes.oldShort', { revision: g.revision })}</span>
          <TrafficValue run={run} replicaSet={g.replicaSet} />
        </div>
      ))}
    </div>
  )
}

export function OutcomesLegend({ run }: { readonly run: SimulationRun }) {
  const { t } = useTranslation('timeline')
  const second = useStudioStore(selectCursorSecond)
  const s = Math.min(second, run.view.series.secondsX.length - 1)
  // Only the outcomes that happen in this run, successes first.
  const shown = [...STACK_ORDER].reverse().filter((o) => o === 'ok' || run.view.series.outcomes[OUTCOMES.indexOf(o)]!.some((v) => v > 0))
  return (
    <div className="chart-legend">
      <div className="chart-title" title={t('charts.outcomesHelp')}>{t('charts.outcomes')}</div>
      {shown.map((o) => (
        <div key={o} className="legend-item">
          <span className={`swatch outcome-${o}`} aria-hidden="true" />
          <span className="legend-label">{t(`outcome.${o}`)}</span>
          <span className="legend-value">{s >= 0 ? run.view.series.outcomes[OUTCOMES.indexOf(o)]![s] : 0}</span>
        </div>
      ))}
    </div>
  )
}

export function LatencyLegend({ run }: { readonly run: SimulationRun }) {
  const { t } = useTranslation('timeline')
  const second = useStudioStore(selectCursorSecond)
  const lat = run.result.timeline.seconds.latencyMs
  const s = Math.min(second, lat.p50.length - 1)
  return (
    <div className="chart-legend">
      <div className="chart-title" title={t('charts.latencyHelp')}>{t('charts.latency')}</div>
      {LATENCY_SERIES.map((p) => (
        <div key={p} className="legend-item">
          <span className={`swatch latency-${p}`} aria-hidden="true" />
          <span className="legend-label">{p}</span>
          <span className="legend-value">{s >= 0 && lat[p][s]! > 0 ? `${lat[p][s]!.toFixed(1)} ms` : '–'}</span>
        </div>
      ))}
    </div>
  )
}
