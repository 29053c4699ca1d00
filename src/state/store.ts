/**
 * The one studio store, combined from slices. Components read it through the named selectors in
 * `selectors.ts`; every change goes through the module-level functions in `actions.ts`.
 */
import { create } from 'zustand'
import { createAnalysisSlice, type AnalysisSlice } from './slices/analysis-slice'
import { createDocumentSlice, type DocumentSlice } from './slices/document-slice'
import { createSelectionSlice, type SelectionSlice } from './slices/selection-slice'
import { createDisplaySlice, type DisplaySlice } from './slices/display-slice'
import { createScenarioSlice, type ScenarioSlice } from './slices/scenario-slice'
import { createShareSlice, type ShareSlice } from './slices/share-slice'

export type StudioState = DocumentSlice & AnalysisSlice & SelectionSlice & ShareSlice & ScenarioSlice & DisplaySlice

export const useStudioStore = create<StudioState>()((...args) => ({
  ...createDocumentSlice(...args),
  ...createAnalysisSlice(...args),
  ...createSelectionSlice(...args),
  ...createShareSlice(...args),
  ...createScenarioSlice(...args),
  ...createDisplaySlice(...args),
}))
