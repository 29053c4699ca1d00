/**
 * Keeps vegeta's report "up to the cursor" current while the report is on screen: a request to the engine
 * worker whenever the cursor enters another whole second (reports count whole seconds) or the run changes.
 * The client's latest-wins guard drops answers the cursor has already left behind, so playback never queues work.
 */
// A leaf module, not the engine's index: the page's initial JavaScript must not pull the whole engine in.
import { cursorReportInputOf } from '../engine/simulate/cursor-report-input'
import type { EngineClient } from '../worker/engine-client'
import { applyCursorReport } from './playback-actions'
import { selectCursorSecond } from './slices/playback-slice'
import { useStudioStore, type StudioState } from './store'

const keyOf = (s: StudioState): string | null =>
  s.simulationRun && s.timelineTab === 'report' && s.reportScope === 'cursor' ? `${s.simulationRun.id}:${selectCursorSecond(s)}` : null

/** Starts following the cursor with `client`; returns a function that stops it. */
export function startReportSync(client: Pick<EngineClient, 'report'>): () => void {
  let asked: string | null = null
  const update = async (state: StudioState) => {
    const key = keyOf(state)
    if (key === null || key === asked || !state.simulationRun) return
    asked = key
    const run = state.simulationRun
    const untilMs = selectCursorSecond(state) * 1000
    const outcome = await client.report(cursorReportInputOf(run.result, untilMs, run.view.bucketsNs))
    if (outcome.kind === 'ok') applyCursorReport(run.id, outcome.value.report)
    else if (outcome.kind === 'failed') asked = null
  }
  const unsubscribe = useStudioStore.subscribe((state) => void update(state))
  void update(useStudioStore.getState())
  return unsubscribe
}
