/**
 * The one studio store, combined from slices. Components read it through the named selectors in
 * `selectors.ts`; every change goes through the module-level functions in `actions.ts`.
 */
import { create } from 'zustand'
import { createAnalysisSlice, type AnalysisSlice } from './slices/analysis-slice'
import { createDocumentSlice, type DocumentSlice } from './slices/document-slice'
import { createRulesSlice, type RulesSlice } from './slices/rules-slice'
import { createSelectionSlice, type SelectionSlice } from './slices/selection-slice'
import { createDisplaySlice, type DisplaySlice } from './slices/display-slice'
import { createScenarioSlice, type ScenarioSlice } from './slices/scenario-slice'
import { createShareSlice, type ShareSlice } from './slices/share-slice'
import { createPlaybackSlice, type PlaybackSlice } from './slices/playback-slice'
import { createSimulationSlice, type SimulationSlice } from './slices/simulation-slice'
import { createGraphSlice, type GraphSlice } from './slices/graph-slice'
import { createTesterSlice, type TesterSlice } from './slices/tester-slice'
import { createMigrationSlice, type MigrationSlice } from './slices/migration-slice'

export type StudioState = DocumentSlice & RulesSlice & AnalysisSlice & SelectionSlice & ShareSlice & ScenarioSlice & DisplaySlice & GraphSlice & TesterSlice & SimulationSlice & PlaybackSlice & MigrationSlice

export const useStudioStore = create<StudioState>()((...args) => ({
  ...createDocumentSlice(...args),
  ...createRulesSlice(...args),
  ...createAnalysisSlice(...args),
  ...createSelectionSlice(...args),
  ...createShareSlice(...args),
  ...createScenarioSlice(...args),
  ...createDisplaySlice(...args),
  ...createGraphSlice(...args),
  ...createTesterSlice(...args),
  ...createSimulationSlice(...args),
  ...createPlaybackSlice(...args),
  ...createMigrationSlice(...args),
}))
