/**
 * Every change to the studio store, as plain functions: components, the analysis sync and later the share-link
 * code call these without a hook.
 */
import type { Analysis } from '../engine'
import type { EngineMode } from '../worker/engine-client'
import type { EngineFailure } from '../worker/protocol'
import type { StorageProblem } from './durable-texts'
import type { RevealTarget, ViewId } from './slices/selection-slice'
import { useStudioStore } from './store'

const { setState, getState } = useStudioStore

/** Replaces the manifest text (a no-op when it is unchanged, so echoes from the editor cost nothing). */
export function setSource(source: string): void {
  if (getState().source === source) return
  setState((state) => ({ source, revision: state.revision + 1 }))
}

/** The engine started on `revision`. */
export function markAnalysisPending(): void {
  setState({ analysisStatus: 'pending' })
}

/** Stores the engine's answer for `source` at `revision`, replacing the previous one whole. Older answers are ignored. */
export function applyAnalysis(analysis: Analysis, source: string, revision: number, millis: number): void {
  if (revision < getState().analyzedRevision) return
  setState({ analysis, analyzedSource: source, analyzedRevision: revision, analysisStatus: 'ready', engineFailure: null, analyzeMillis: millis })
}

/** The engine broke on the latest text; the previous analysis stays on screen, marked as out of date. */
export function markAnalysisFailed(failure: EngineFailure): void {
  setState({ analysisStatus: 'failed', engineFailure: failure })
}

export function setEngineMode(engineMode: EngineMode): void {
  setState({ engineMode })
}

/** Asks the editor to show and focus a place in the manifest. */
export function revealInEditor(target: RevealTarget): void {
  setState((state) => ({ reveal: { target, seq: (state.reveal?.seq ?? 0) + 1 } }))
}

export function setActiveView(activeView: ViewId): void {
  setState({ activeView })
}

/**
 * Whether the latest text reached the browser's storage. A start-up read failure stays for the session: nothing
 * is written after it (a write would replace work the studio could not read), so no later success can clear it.
 */
export function reportTextStorage(problem: StorageProblem | null): void {
  const current = getState().storageProblem
  if (current?.kind === 'unreadable') return
  if (current?.kind === problem?.kind && current?.reason === problem?.reason) return
  setState({ storageProblem: problem })
}

/** Whether the list of saved scenarios could be written (`null`: it was). */
export function reportScenarioListStorage(reason: string | null): void {
  if (getState().scenarioListProblem !== reason) setState({ scenarioListProblem: reason })
}
