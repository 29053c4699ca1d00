import type { StateCreator } from 'zustand'
import type { StorageProblem } from '../durable-texts'
import type { StudioState } from '../store'

/** A place in the manifest: a 1-based line and column, or a UTF-16 offset (model spans use offsets). */
export type RevealTarget = { readonly line: number; readonly column: number } | { readonly offset: number }

/** The views of the main area. Later stages add the route graph, URL tester, nginx.conf and timeline. */
export type ViewId = 'graph' | 'routes' | 'nginx' | 'objects' | 'rules' | 'certificates' | 'timeline' | 'migration'

/** What the user looks at: the active view and the latest request to move the editor somewhere. */
export interface SelectionSlice {
  readonly activeView: ViewId
  /** `seq` grows with every request, so revealing the same place twice moves the editor twice. */
  readonly reveal: { readonly target: RevealTarget; readonly seq: number } | null
  /** Set when saved work could not be read, or the text could not be saved (quota, blocked site data). */
  readonly storageProblem: StorageProblem | null
  /** The error's name when the list of saved scenarios could not be written (the texts may still be saved). */
  readonly scenarioListProblem: string | null
}

export const createSelectionSlice: StateCreator<StudioState, [], [], SelectionSlice> = () => ({
  activeView: 'graph',
  reveal: null,
  storageProblem: null,
  scenarioListProblem: null,
})
