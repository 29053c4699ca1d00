import { useTranslation } from 'react-i18next'
import { selectAnalysisPhase, selectAnalyzeMillis, selectEngineMode, selectSource, selectStorageProblem } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'

/**
 * File facts, where and how fast the engine ran (the time only for an analysis of the text on screen; otherwise
 * whether it is running or gave no answer), and whether the text could be saved.
 */
export function StatusBar() {
  const { t } = useTranslation()
  const lines = useStudioStore((state) => countLines(selectSource(state)))
  const millis = useStudioStore(selectAnalyzeMillis)
  const phase = useStudioStore(selectAnalysisPhase)
  const mode = useStudioStore(selectEngineMode)
  const storageProblem = useStudioStore(selectStorageProblem)
  return (
    <footer className="status-bar">
      <span>{t('statusBar.lines', { count: lines })}</span>
      <span data-phase={phase}>
        {phase === 'running' ? t('statusBar.analyzing') : phase === 'failed' || millis === null ? t('statusBar.notAnalyzed') : t('statusBar.analyzedIn', { ms: millis < 10 ? millis.toFixed(1) : Math.round(millis) })}
      </span>
      <span title={mode === 'worker' ? t('statusBar.engineWorkerTitle') : t('statusBar.engineInPageTitle')}>
        {mode === 'worker' ? t('statusBar.engineWorker') : t('statusBar.engineInPage')}
      </span>
      {storageProblem ? (
        <span className="status-problem" data-testid={TID.storageProblem} data-kind={storageProblem.kind}>{t('statusBar.notSaved')}</span>
      ) : (
        <span className="saved">{t('statusBar.saved')}</span>
      )}
    </footer>
  )
}

let counted: { text: string; lines: number } = { text: '', lines: 1 }

/**
 * The text's line count, kept for the last text: the store calls a selector on every change of any field, and
 * counting 100,000 lines each time cost a few milliseconds per store update of an edit.
 */
function countLines(text: string): number {
  if (text === counted.text) return counted.lines
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  counted = { text, lines: n }
  return n
}
