/**
 * What the route graph is waiting for, said plainly with the time it has taken so far: the engine analysing the
 * text, or building and laying out the graph of N objects. Shown in place of the canvas before the first graph,
 * and in the graph's toolbar while a newer graph is on its way (the one on screen stays usable).
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { selectRouteViewPhase } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'

/** Below this the wait is not worth a word (a keystroke's update). */
const QUIET_MS = 600

/** Whole seconds since `since` (ms, performance clock), ticking while `since` is set. */
function useElapsedMs(since: number | null): number {
  const [now, setNow] = useState(() => performance.now())
  useEffect(() => {
    if (since === null) return
    setNow(performance.now())
    const timer = setInterval(() => setNow(performance.now()), 250)
    return () => clearInterval(timer)
  }, [since])
  return since === null ? 0 : Math.max(0, now - since)
}

/** When the route view started running (null when it is done or failed). */
function useRunningSince(): number | null {
  const running = useStudioStore((state) => selectRouteViewPhase(state) === 'running')
  const [since, setSince] = useState<number | null>(null)
  useEffect(() => setSince(running ? performance.now() : null), [running])
  return running ? since : null
}

function useProgressText(): string {
  const { t } = useTranslation('graph')
  const analysing = useStudioStore((state) => state.analyzedRevision !== state.revision || state.analysis === null)
  const objects = useStudioStore((state) => (state.analysis ? Object.values(state.analysis.model).reduce((n, list) => n + list.length, 0) : 0))
  return analysing ? t('progress.analysing') : t('progress.building', { count: objects })
}

/** The toolbar's line while a newer graph is on its way; nothing for a short wait. */
export function GraphProgressLine() {
  const { t } = useTranslation('graph')
  const since = useRunningSince()
  const elapsed = useElapsedMs(since)
  const text = useProgressText()
  if (since === null || elapsed < QUIET_MS) return null
  return (
    <span className="graph-progress" role="status" data-testid={TID.graphProgress}>
      <span className="graph-spinner" aria-hidden="true" />
      {text} <span className="graph-progress-time">{t('progress.elapsed', { seconds: Math.floor(elapsed / 1000) })}</span>
    </span>
  )
}

/** The whole view before the first graph arrives. */
export function GraphProgressPanel() {
  const { t } = useTranslation('graph')
  const since = useRunningSince()
  const elapsed = useElapsedMs(since)
  const text = useProgressText()
  return (
    <div className="graph-empty" data-testid={TID.graphView}>
      <div className="graph-progress-panel" role="status" data-testid={TID.graphProgress}>
        <span className="graph-spinner" aria-hidden="true" />
        <strong>{t('progress.title')}</strong>
        <span>{text}</span>
        {since !== null && elapsed >= QUIET_MS && <span className="graph-progress-time">{t('progress.elapsed', { seconds: Math.floor(elapsed / 1000) })}</span>}
      </div>
    </div>
  )
}
