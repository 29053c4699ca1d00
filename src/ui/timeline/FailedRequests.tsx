/**
 * The run's failed requests: a count per kind with the reason, a list (virtual; the ones sent after the cursor
 * dimmed) and, for the one selected, its pod, phase and cause and the configuration change that prevents it.
 */
import { useTranslation } from 'react-i18next'
import type { FailedRequest, FailureDetail } from '../../engine'
import { displayPhaseOf } from '../../engine/simulate/pod-phases'
import { selectFailure } from '../../state/playback-actions'
import { selectFailuresSoFar } from '../../state/slices/playback-slice'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { useStudioStore } from '../../state/store'
import { PHASE_DISPLAY } from '../common/phase-display'
import { useEngineText } from '../i18n/engine-text'
import { TID } from '../test-ids'
import { formatSeconds } from './time-format'
import { VirtualList } from './VirtualList'

function FailureCard({ run, index }: { run: SimulationRun; index: number }) {
  const { t } = useTranslation('timeline')
  const say = useEngineText()
  const f = run.result.failures.kept[index]!
  const pod = f.pod >= 0 ? run.result.timeline.pods[f.pod]! : null
  const advice = run.view.advice[f.detail]
  return (
    <article className="failure-card" data-testid={TID.timelineFailureDetail} data-detail={f.detail} aria-label={t('failures.detailTitle', { seq: f.seq })}>
      <header>
        <span className={`code-pill code-${f.code}`}>{f.code === 0 ? t('failures.noAnswer') : f.code}</span>
        <h3>{t(`detail.${f.detail}`)}</h3>
        <button type="button" className="icon-button close" onClick={() => selectFailure(null)} aria-label={t('failures.close')}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t('failures.request')}</dt>
        <dd>
          {t('failures.requestText', { seq: f.seq, sent: formatSeconds(f.sentMs), latency: f.latencyMs.toFixed(1), tries: f.tries })}
        </dd>
        <dt>{t('failures.pod')}</dt>
        <dd className="mono">{pod ? pod.name : t('failures.noPod')}</dd>
        <dt>{t('failures.phase')}</dt>
        <dd>
          {t(PHASE_DISPLAY[f.podPhase ? displayPhaseOf(f.podPhase) : 'gone'].labelKey)}
          {pod && (f.podReady ? ` · ${t('flag.ready')}` : ` · ${t('flag.notReady')}`)}
        </dd>
        <dt>{t('failures.cause')}</dt>
        <dd>{t(`cause.${f.cause}`)}</dd>
        <dt>{t('failures.preStop')}</dt>
        <dd className="mono">{say(run.view.preStop)}</dd>
      </dl>
      {advice && (
        <>
          <p className="why">{say(advice.why)}</p>
          <p className="fix">
            <strong>{t('failures.fix')}</strong> {say(advice.fix)}
          </p>
        </>
      )}
    </article>
  )
}

function FailureRow({ run, index, future }: { run: SimulationRun; index: number; future: boolean }) {
  const { t } = useTranslation('timeline')
  const f: FailedRequest = run.result.failures.kept[index]!
  const selected = useStudioStore((s) => s.selectedFailure === index)
  return (
    <button
      type="button"
      className={`failure-row ${future ? 'is-future' : ''} ${selected ? 'is-selected' : ''}`}
      onClick={() => selectFailure(index)}
      aria-pressed={selected}
      data-testid={TID.timelineFailure}
    >
      <span className="mono seq">#{f.seq}</span>
      <span className="mono at">{formatSeconds(f.sentMs)}s</span>
      <span className={`code-pill code-${f.code}`}>{f.code === 0 ? '—' : f.code}</span>
      {/* The code pill already says 502/503/504: the row keeps the words. */}
      <span className="what">{t(`detail.${f.detail}`).replace(/^\d{3}: /, '')}</span>
      <span className="mono pod">{f.pod >= 0 ? run.view.podLabels[f.pod] : '–'}</span>
    </button>
  )
}

export function FailedRequests({ run }: { readonly run: SimulationRun }) {
  const { t } = useTranslation('timeline')
  const soFar = useStudioStore(selectFailuresSoFar)
  const selected = useStudioStore((s) => s.selectedFailure)
  const { kept, total, dropped, byDetail } = run.result.failures
  if (total === 0) {
    return (
      <p className="empty good" data-testid={TID.timelineNoFailures}>
        {t('failures.none', { count: run.result.load.requests })}
      </p>
    )
  }
  return (
    <div className="failures">
      <ul className="failure-kinds" aria-label={t('failures.kinds')}>
        {(Object.entries(byDetail) as [FailureDetail, number][]).map(([detail, count]) => (
          <li key={detail}>
            <span className="count-badge">{count}</span> {t(`detail.${detail}`)}
          </li>
        ))}
        {dropped > 0 && <li className="muted">{t('failures.dropped', { dropped, kept: kept.length })}</li>}
      </ul>
      <div className="failures-body">
        <VirtualList
          className="failure-list"
          count={kept.length}
          rowHeight={28}
          label={t('failures.list', { count: total })}
          follow={selected ?? (soFar > 0 ? soFar - 1 : null)}
          renderRow={(i) => <FailureRow run={run} index={i} future={i >= soFar} />}
        />
        {selected !== null && kept[selected] && <FailureCard run={run} index={selected} />}
      </div>
    </div>
  )
}
