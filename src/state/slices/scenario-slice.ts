import type { StateCreator } from 'zustand'
import type { SharePreset } from '../../engine'
import type { StudioState } from '../store'

/** A scenario saved in this browser (its content lives in its own storage entry). */
export interface ScenarioMeta {
  readonly id: string
  readonly name: string
  /** ms since the epoch. */
  readonly updatedAt: number
}

/** A problem of the last import, for the UI to explain (`code` picks the sentence). */
export interface ImportProblem {
  readonly code: 'too-large' | 'binary' | 'unreadable' | 'not-a-file'
  readonly fileName: string
}

export interface ScenarioSlice {
  /** Saved scenarios, most recently changed first. Empty in embed mode (nothing is saved there). */
  readonly scenarios: readonly ScenarioMeta[]
  readonly currentScenarioId: string | null
  /** The preset whose guided steps are shown, and the step the class is on. */
  readonly activePreset: SharePreset | null
  readonly importProblem: ImportProblem | null
}

export const createScenarioSlice: StateCreator<StudioState, [], [], ScenarioSlice> = () => ({
  scenarios: [],
  currentScenarioId: null,
  activePreset: null,
  importProblem: null,
})
