import { selectAnalyzeMillis, selectEngineMode, selectSource, selectStorageProblem } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'

/** File facts, where and how fast the engine ran, and whether the text could be saved. */
export function StatusBar() {
  const lines = useStudioStore((state) => countLines(selectSource(state)))
  const millis = useStudioStore(selectAnalyzeMillis)
  const mode = useStudioStore(selectEngineMode)
  const storageProblem = useStudioStore(selectStorageProblem)
  return (
    <footer className="status-bar">
      <span>manifest.yaml · {lines} lines</span>
      {millis !== null && <span>analyzed in {millis < 10 ? millis.toFixed(1) : Math.round(millis)} ms</span>}
      <span title={mode === 'worker' ? 'The engine runs in a Web Worker' : 'Web Workers are unavailable; the engine runs in the page'}>
        engine: {mode === 'worker' ? 'worker' : 'in page'}
      </span>
      {storageProblem ? (
        <span className="status-problem" role="alert" data-testid={TID.storageProblem}>{storageProblem}</span>
      ) : (
        <span className="saved">saved in this browser</span>
      )}
    </footer>
  )
}

function countLines(text: string): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}
