/**
 * Runs the engine on the manifest text: at once on start, then ~200 ms after the last edit. Answers go into the
 * store whole; the client's latest-wins guard and the revision check keep an old answer from overwriting a newer one.
 */
import { SEED_FILE_NAME } from '../presets/seed'
import type { EngineClient } from '../worker/engine-client'
import { applyAnalysis, markAnalysisFailed, markAnalysisPending, setEngineMode } from './actions'
import { debounce } from './debounce'
import { analyzeOptions } from './rules'
import { useStudioStore } from './store'

/** Default pause after the last keystroke before analyzing. */
export const ANALYZE_DEBOUNCE_MS = 200

let analyzeNow: (() => void) | null = null

/** Analyzes the text on screen again (after the engine timed out or crashed on it). */
export function retryAnalysis(): void {
  analyzeNow?.()
}

/** Starts analyzing the store's text with `client`; returns a function that stops it. */
export function startAnalysisSync(client: Pick<EngineClient, 'analyze' | 'mode'>, debounceMs = ANALYZE_DEBOUNCE_MS): () => void {
  const run = async () => {
    const { source, revision } = useStudioStore.getState()
    markAnalysisPending()
    const outcome = await client.analyze([{ name: SEED_FILE_NAME, text: source }], analyzeOptions())
    setEngineMode(client.mode)
    if (outcome.kind === 'ok') applyAnalysis(outcome.value.analysis, source, revision, outcome.value.millis)
    else if (outcome.kind === 'failed' && useStudioStore.getState().revision === revision) markAnalysisFailed(outcome.error)
  }
  const scheduled = debounce(() => void run(), debounceMs)
  const unsubscribe = useStudioStore.subscribe((state, previous) => {
    if (state.revision !== previous.revision) scheduled()
    // Rule settings change the diagnostics, not the text: analyze again at once.
    else if (state.ruleSettings !== previous.ruleSettings) void run()
  })
  analyzeNow = () => void run()
  void run()
  return () => {
    scheduled.cancel()
    unsubscribe()
    analyzeNow = null
  }
}
