/**
 * Two runs side by side: the pinned one and the current one (after changing the YAML or a parameter) — what
 * differs between them, their outcome charts on the same y scale and their whole-run vegeta reports.
 */
import { useTranslation } from 'react-i18next'
import type { RolloutParameters } from '../../engine'
import type { Message } from '../../engine/messages/message'
import { parameterRow } from '../../engine/simulate/parameter-table'
import { DEFAULT_ROLLOUT_PARAMETERS } from '../../engine/simulate/parameters'
import { pinCurrentRun, unpinRun } from '../../state/playback-actions'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { useStudioStore } from '../../state/store'
import { useEngineText } from '../i18n/engine-text'
import { TID } from '../test-ids'
import { maxPerSecond } from './chart-options'
import { TimeChart } from './TimeChart'
import { ReportSummary } from './VegetaReport'

type Difference = { readonly key: string; readonly label: string; readonly before: string; readonly after: string }

function show(value: unknown): string {
  return value === null || value === undefined ? '—' : String(value)
}

/** What differs between two runs: the parameters, and the Deployment settings the engine read from the YAML. */
function differences(a: SimulationRun, b: SimulationRun, label: (key: string) => string, say: (message: Message) => string): Difference[] {
  const out: Difference[] = []
  const names = new Set([...Object.keys(a.parameters), ...Object.keys(b.parameters)]) as Set<keyof RolloutParameters>
  for (const name of names) {
    const before = a.parameters[name] ?? DEFAULT_ROLLOUT_PARAMETERS[name]
    const after = b.parameters[name] ?? DEFAULT_ROLLOUT_PARAMETERS[name]
    if (before !== after) out.push({ key: name, label: label(`${parameterRow(name).i18nKey}.label`), before: show(before), after: show(after) })
  }
  const da = a.result.deployment
  const db = b.result.deployment
  const fields = ['name', 'replicas', 'strategy', 'maxSurge', 'maxUnavailable', 'minReadySeconds', 'terminationGracePeriodSeconds', 'hasReadinessProbe'] as const
  for (const f of fields) if (da[f] !== db[f]) out.push({ key: f, label: f, before: show(da[f]), after: show(db[f]) })
  const [hookA, hookB] = [say(a.view.preStop), say(b.view.preStop)]
  if (hookA !== hookB) out.push({ key: 'preStop', label: 'preStop', before: hookA, after: hookB })
  return out
}

function RunColumn({ run, title, interactive, yMax, labels }: { run: SimulationRun; title: string; interactive: boolean; yMax: number; labels: Record<string, string> }) {
  const { t } = useTranslation('timeline')
  return (
    <section className="compare-col" aria-label={title} data-testid={TID.timelineCompareRun}>
      <h3>{title}</h3>
      <ReportSummary report={run.view.report} />
      <TimeChart kind="outcomes" run={run} height={110} labels={labels} showX yMax={yMax} interactive={interactive} label={t('charts.outcomes')} />
      <pre className="vegeta-text small" lang="en">{run.view.report.text}</pre>
    </section>
  )
}

export function CompareRuns({ run, labels }: { readonly run: SimulationRun; readonly labels: Record<string, string> }) {
  const { t } = useTranslation('timeline')
  const say = useEngineText()
  const pinned = useStudioStore((s) => s.pinnedRun)
  if (!pinned) {
    return (
      <div className="empty compare-empty">
        <p>{t('compare.empty')}</p>
        <button type="button" className="text-button" onClick={pinCurrentRun}>
          {t('transport.pin')}
        </button>
      </div>
    )
  }
  const diff = differences(pinned, run, (key) => t(key, { defaultValue: key.replace(/^param\.|\.label$/g, '') }), say)
  const yMax = Math.max(maxPerSecond(pinned), maxPerSecond(run)) * 1.1
  return (
    <div className="compare">
      <div className="compare-diff">
        {pinned.id === run.id ? (
          <p className="muted">{t('compare.same')}</p>
        ) : diff.length === 0 ? (
          <p className="muted">{pinned.revision !== run.revision ? t('compare.yamlOnly') : t('compare.noDifference')}</p>
        ) : (
          <ul aria-label={t('compare.differences')}>
            {diff.map((d) => (
              <li key={d.key}>
                <strong>{d.label}</strong> <span className="mono">{d.before}</span> → <span className="mono">{d.after}</span>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="text-button" onClick={unpinRun}>
          {t('transport.unpin')}
        </button>
      </div>
      <div className="compare-cols">
        <RunColumn run={pinned} title={t('compare.pinned', { id: pinned.id })} interactive={false} yMax={yMax} labels={labels} />
        <RunColumn run={run} title={t('compare.current', { id: run.id })} interactive yMax={yMax} labels={labels} />
      </div>
    </div>
  )
}
