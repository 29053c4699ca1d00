import { useTranslation } from 'react-i18next'
import { selectAnalyzeMillis, selectEngineMode, selectSource, selectStorageProblem } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'

/** File facts, where and how fast the engine ran, and whether the text could be saved. */
export function StatusBar() {
  const { t } = useTranslation()
  const lines = useStudioStore((state) => countLines(selectSource(state)))
  const millis = useStudioStore(selectAnalyzeMillis)
  const mode = useStudioStore(selectEngineMode)
  const storageProblem = useStudioStore(selectStorageProblem)
  return (
    <footer className="status-bar">
      <span>{t('statusBar.lines', { count: lines })}</span>
      {millis !== null && <span>{t('statusBar.analyzedIn', { ms: millis < 10 ? millis.toFixed(1) : Math.round(millis) })}</span>}
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

function countLines(text: string): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}
