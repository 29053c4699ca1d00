import type { StateCreator } from 'zustand'
import type { StudioState } from '../store'

/** `system` follows the operating system's light or dark setting (the default). */
export type ThemeChoice = 'system' | 'light' | 'dark'

/** The pane shown in presentation mode, one at a time. */
export type PresentationPane = 'main' | 'editor' | 'inspector'

/** The studio's own dialogs (at most one open). */
export type DialogId = 'share' | 'presets' | 'scenarios' | 'shortcuts'

export interface DisplaySlice {
  readonly theme: ThemeChoice
  /** Presentation mode: large type, no editor, one pane at a time. */
  readonly presentation: boolean
  readonly presentationPane: PresentationPane
  /** Embed mode (`?embed=1`): a read-only view for iframes; nothing is saved. Fixed for the page's life. */
  readonly embed: boolean
  readonly openDialog: DialogId | null
}

export const createDisplaySlice: StateCreator<StudioState, [], [], DisplaySlice> = () => ({
  theme: 'system',
  presentation: false,
  presentationPane: 'main',
  embed: false,
  openDialog: null,
})
