import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { retryAnalysis } from '../../state/analysis-sync'
import { selectAnalysisPhase, selectAnalysisStatus, selectEngineFailure, selectSeverityCounts } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { describeEngineFailure } from '../common/EngineFailureNotice'
import { TID } from '../test-ids'

/**
 * One line on the state of the analysis of the text on screen: "Analyzing…" until the engine has answered for
 * it, the problem counts (or "No problems") once it has, and "Analysis unavailable" with the reason and Retry
 * when it gave no answer. Counts of an earlier text are never shown as if they were about this one.
 */
export function AnalysisStatus() {
  const { t } = useTranslation()
  const phase = useStudioStore(selectAnalysisPhase)
  const status = useStudioStore(selectAnalysisStatus)
  const failure = useStudioStore(selectEngineFailure)
  const counts = useStudioStore(useShallow(selectSeverityCounts))

  let text: string
  let tone: string
  if (phase === 'failed') {
    text = t('status.engineFailed', { message: failure ? describeEngineFailure(t, failure) : t('status.unknownError') })
    tone = 'error'
  } else if (phase === 'running') {
    text = t('status.analyzing')
    tone = 'busy'
  } else if (counts.error + counts.warning === 0) {
    text = t('status.noProblems')
    tone = 'ok'
  } else {
    text = [counts.error > 0 ? t('status.errors', { count: counts.error }) : '', counts.warning > 0 ? t('status.warnings', { count: counts.warning }) : '']
      .filter(Boolean)
      .join(', ')
    tone = counts.error > 0 ? 'error' : 'warning'
  }
  return (
    <div className="analysis-status">
      <p className={`status-pill tone-${tone}`} role="status" aria-live="polite" data-testid={TID.status} data-status={status} data-phase={phase} title={text}>
        <span className="dot" aria-hidden="true" />
        <span className="status-text">{text}</span>
      </p>
      {phase === 'failed' && (
        <button type="button" className="tool-button status-retry" onClick={retryAnalysis}>{t('engineFailure.retry')}</button>
      )}
    </div>
  )
}
