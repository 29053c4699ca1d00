/**
 * Playback controls: previous/next moment, play/pause, speed, and pinning the run for a comparison. Also the
 * simulation's status: the stage and elapsed time while the worker runs (with Cancel), or why it cannot run.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { pinCurrentRun, setSpeed, stepToMark, togglePlay, unpinRun } from '../../state/playback-actions'
import { cancelSimulation, retrySimulation } from '../../state/simulation-sync'
import { PLAYBACK_SPEEDS, selectPlaying, selectSpeed } from '../../state/slices/playback-slice'
import { useStudioStore } from '../../state/store'
import { describeEngineFailure } from '../common/EngineFailureNotice'
import { TID } from '../test-ids'

const SPEED_TEXT: Readonly<Record<number, string>> = { 0.25: '¼×', 0.5: '½×', 1: '1×', 2: '2×', 4: '4×', 8: '8×', 16: '16×' }

function SimulationStatus() {
  const { t } = useTranslation('timeline')
  const status = useStudioStore((s) => s.simulationStatus)
  const stage = useStudioStore((s) => s.simulationStage)
  const startedAt = useStudioStore((s) => s.simulationStartedAt)
  const millis = useStudioStore((s) => s.simulationRun?.millis ?? null)
  const runId = useStudioStore((s) => s.simulationRun?.id ?? 0)
  const failure = useStudioStore((s) => s.simulationFailure)
  const [now, setNow] = useState(() => performance.now())
  useEffect(() => {
    if (status !== 'running') return
    const timer = setInterval(() => setNow(performance.now()), 100)
    return () => clearInterval(timer)
  }, [status])
  if (status === 'running') {
    const elapsed = startedAt === null ? 0 : Math.max(0, now - startedAt) / 1000
    return (
      <span className="sim-status is-running" role="status" data-testid={TID.timelineStatus} data-status="running" data-run={runId}>
        <span className="spinner" aria-hidden="true" />
        {t(`status.stage.${stage ?? 'queued'}`)} · {elapsed.toFixed(1)} s
        <button type="button" className="link-button cancel" onClick={cancelSimulation}>
          {t('status.cancel')}
        </button>
      </span>
    )
  }
  return (
    <span className={`sim-status is-${status}`} role="status" data-testid={TID.timelineStatus} data-status={status} data-run={runId}>
      {status === 'ready' && millis !== null && t('status.ready', { ms: Math.max(1, Math.round(millis)) })}
      {status === 'failed' && (
        <>
          {t('status.failed', { message: failure ? describeEngineFailure(t, failure) : '' })}
          <button type="button" className="link-button" onClick={retrySimulation}>{t('app:engineFailure.retry')}</button>
        </>
      )}
      {status === 'invalid' && t('status.invalid')}
    </span>
  )
}

export function TransportBar() {
  const { t } = useTranslation('timeline')
  const playing = useStudioStore(selectPlaying)
  const speed = useStudioStore(selectSpeed)
  const hasRun = useStudioStore((s) => s.simulationRun !== null)
  const pinned = useStudioStore((s) => s.pinnedRun !== null)
  return (
    <div className="transport" role="toolbar" aria-label={t('transport.label')}>
      <button type="button" className="icon-button" disabled={!hasRun} onClick={() => stepToMark(-1)} aria-label={t('transport.previous')} title={t('transport.previous')}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3 3v10M13 3 6 8l7 5z" fill="currentColor" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" /></svg>
      </button>
      <button type="button" className="icon-button play" disabled={!hasRun} onClick={togglePlay} aria-label={playing ? t('transport.pause') : t('transport.play')} title={playing ? t('transport.pause') : t('transport.play')}>
        {playing ? (
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M4 3h3v10H4zM9 3h3v10H9z" fill="currentColor" /></svg>
        ) : (
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M4 2.5v11l9.5-5.5z" fill="currentColor" /></svg>
        )}
      </button>
      <button type="button" className="icon-button" disabled={!hasRun} onClick={() => stepToMark(1)} aria-label={t('transport.next')} title={t('transport.next')}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M13 3v10M3 3l7 5-7 5z" fill="currentColor" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" /></svg>
      </button>
      <label className="speed">
        <span className="visually-hidden">{t('transport.speed')}</span>
        <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))} aria-label={t('transport.speed')}>
          {PLAYBACK_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {SPEED_TEXT[s]}
            </option>
          ))}
        </select>
      </label>
      <span className="transport-spacer" />
      <SimulationStatus />
      {pinned ? (
        <button type="button" className="text-button" onClick={unpinRun}>
          {t('transport.unpin')}
        </button>
      ) : (
        <button type="button" className="text-button" disabled={!hasRun} onClick={pinCurrentRun} title={t('transport.pinHelp')}>
          {t('transport.pin')}
        </button>
      )}
    </div>
  )
}
