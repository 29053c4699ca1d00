import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { selectAnalysisStatus, selectEngineFailure, selectModel, selectSeverityCounts } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { describeEngineFailure } from '../common/EngineFailureNotice'
import { TID } from '../test-ids'

/**
 * One line on the state of the analysis: the problem counts, or the engine's own failure. While the engine works
 * on an edit the previous counts stay (only the dot pulses), so the header does not flicker on every keystroke.
 */
export function AnalysisStatus() {
  const { t } = useTranslation()
  const status = useStudioStore(selectAnalysisStatus)
  const failure = useStudioStore(selectEngineFailure)
  const hasAnalysis = useStudioStore((state) => selectModel(state) !== null)
  const counts = useStudioStore(useShallow(selectSeverityCounts))

  let text: string
  let tone: string
  if (status === 'failed') {
    text = t('status.engineFailed', { message: failure ? describeEngineFailure(t, failure) : t('status.unknownError') })
    tone = 'error'
  } else if (!hasAnalysis) {
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
    <p className={`status-pill tone-${tone}${status === 'pending' ? ' is-pending' : ''}`} role="status" aria-live="polite" data-testid={TID.status} data-status={status}>
      <span className="dot" aria-hidden="true" />
      {text}
    </p>
  )
}
