import type { StateCreator } from 'zustand'
import type { Analysis } from '../../engine'
import type { EngineFailure } from '../../worker/protocol'
import type { EngineMode } from '../../worker/engine-client'
import type { StudioState } from '../store'

/** `pending` while the engine works on the latest text; `failed` when the engine itself broke. */
export type AnalysisStatus = 'idle' | 'pending' | 'ready' | 'failed'

/** The engine's latest answer, replaced wholesale on every analysis (never mutated in place). */
export interface AnalysisSlice {
  readonly analysis: Analysis | null
  /** The document revision `analysis` was computed from. */
  readonly analyzedRevision: number
  /** The text `analysis` was computed from: its spans are offsets into this text, not into the current one. */
  readonly analyzedSource: string
  readonly analysisStatus: AnalysisStatus
  readonly engineFailure: EngineFailure | null
  readonly engineMode: EngineMode
  /** Time the engine took for the latest analysis. */
  readonly analyzeMillis: number | null
}

export const createAnalysisSlice: StateCreator<StudioState, [], [], AnalysisSlice> = () => ({
  analysis: null,
  analyzedRevision: -1,
  analyzedSource: '',
  analysisStatus: 'idle',
  engineFailure: null,
  engineMode: 'worker',
  analyzeMillis: null,
})
