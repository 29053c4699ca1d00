import type { StateCreator } from 'zustand'
import type { ShareFormat, SharePayload, ShareProblem, ShareWarning } from '../../engine'
import type { StudioState } from '../store'

/**
 * A share link the page was opened with (or that was pasted into the address bar), while it waits for the
 * user: `reading` while the engine decodes it, `ask` when opening it would replace different work, `error`
 * when it cannot be read (the studio keeps the user's work and explains).
 */
export type IncomingLink =
  | { readonly kind: 'reading' }
  | { readonly kind: 'ask'; readonly payload: SharePayload; readonly format: ShareFormat; readonly warnings: readonly ShareWarning[] }
  | { readonly kind: 'error'; readonly problem: ShareProblem }

/** Shown after a link was opened: what the sender left out or what could not be read. */
export interface OpenedLinkNotice {
  readonly redactedSecrets: number
  readonly warnings: readonly ShareWarning[]
}

export interface ShareSlice {
  readonly incomingLink: IncomingLink | null
  readonly openedLinkNotice: OpenedLinkNotice | null
}

export const createShareSlice: StateCreator<StudioState, [], [], ShareSlice> = () => ({
  incomingLink: null,
  openedLinkNotice: null,
})
