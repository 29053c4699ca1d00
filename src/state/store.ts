/**
 * The one studio store, combined from slices. Components read it through the named selectors in
 * `selectors.ts`; every change goes through the module-level functions in `actions.ts`.
 */
import { create } from 'zustand'
import { createAnalysisSlice, type AnalysisSlice } from './slices/analysis-slice'
import { createDocumentSlice, type DocumentSlice } from './slices/document-slice'
import { createSelectionSlice, type SelectionSlice } from './slices/selection-slice'

export type StudioState = DocumentSlice & AnalysisSlice & SelectionSlice

export const useStudioStore = create<StudioState>()((...args) => ({
  ...createDocumentSlice(...args),
  ...createAnalysisSlice(...args),
  ...createSelectionSlice(...args),
}))
