import type { StateCreator } from 'zustand'
import type { StudioState } from '../store'

/** The manifest text the user edits. `revision` grows by one on every change, so answers can be matched to it. */
export interface DocumentSlice {
  readonly source: string
  readonly revision: number
}

export const createDocumentSlice: StateCreator<StudioState, [], [], DocumentSlice> = () => ({
  source: '',
  revision: 0,
})
