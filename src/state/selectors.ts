/**
 * Named selectors over the studio store. Each returns a stored value or a primitive, so components re-render
 * only when what they show changes; derived objects go through `useShallow` at the call site.
 */
import { isRejectedInput, type Diagnostic, type Severity } from '../engine/diagnostics'
import type { ClusterModel } from '../engine/model/types'
import type { StudioState } from './store'

const NO_DIAGNOSTICS: readonly Diagnostic[] = []

export const selectSource = (state: StudioState): string => state.source
export const selectAnalyzedSource = (state: StudioState): string => state.analyzedSource
export const selectRevision = (state: StudioState): number => state.revision
export const selectDiagnostics = (state: StudioState): readonly Diagnostic[] => state.analysis?.diagnostics ?? NO_DIAGNOSTICS
export const selectModel = (state: StudioState): ClusterModel | null => state.analysis?.model ?? null
export const selectAnalysisStatus = (state: StudioState) => state.analysisStatus
export const selectEngineFailure = (state: StudioState) => state.engineFailure
export const selectEngineMode = (state: StudioState) => state.engineMode
export const selectAnalyzeMillis = (state: StudioState) => state.analyzeMillis
export const selectReveal = (state: StudioState) => state.reveal
export const selectActiveView = (state: StudioState) => state.activeView
export const selectStorageProblem = (state: StudioState) => state.storageProblem
/** True while the text on screen is newer than the analysis shown. */
export const selectIsAnalysisBehind = (state: StudioState): boolean => state.analyzedRevision !== state.revision

export type SeverityCounts = Readonly<Record<Severity, number>>

/** Diagnostics per severity; use with `useShallow`. */
export function selectSeverityCounts(state: StudioState): SeverityCounts {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const diagnostic of selectDiagnostics(state)) counts[diagnostic.severity]++
  return counts
}

/** How many diagnostics are input the API server would reject (`isRejectedInput`: the CLI exits 2 for any). */
export function selectRejectedInputCount(state: StudioState): number {
  return selectDiagnostics(state).filter(isRejectedInput).length
}

/**
 * What the engine has said about the text on screen: `done` once an analysis of this very text is in, `failed`
 * when the engine gave no answer for it (timeout, crash), `running` otherwise (the first analysis, or an edit
 * the engine has not answered yet). Views say "no problems" only when `done`.
 */
export type WorkPhase = 'running' | 'failed' | 'done'

export function selectAnalysisPhase(state: StudioState): WorkPhase {
  if (state.analysisStatus === 'failed') return 'failed'
  return state.analysis !== null && state.analysisStatus === 'ready' && state.analyzedRevision === state.revision ? 'done' : 'running'
}

/** The same for the route view (graph, routes, nginx.conf), which the worker answers separately. */
export function selectRouteViewPhase(state: StudioState): WorkPhase {
  if (state.routeViewStatus === 'failed') return 'failed'
  return state.routeView !== null && state.routeViewStatus === 'ready' && state.routeView.revision === state.revision ? 'done' : 'running'
}
