/**
 * The display settings: theme (remembered), presentation mode and its single pane, embed mode (fixed at load),
 * and which of the studio's dialogs is open. Reading the page's query (`?embed=1`, `?present=1`) happens once
 * at start.
 */
import type { DialogId, PresentationPane, ThemeChoice } from './slices/display-slice'
import { useStudioStore } from './store'

const { getState, setState } = useStudioStore

export const THEME_STORAGE_KEY = 'ingress-studio.theme.v1'

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark']
const PANES: readonly PresentationPane[] = ['main', 'editor', 'inspector']

let themeStorage: Pick<Storage, 'getItem' | 'setItem'> | undefined

/** Reads the remembered theme and the page's `embed`/`present` query flags into the store. */
export function startDisplay(search: string, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): void {
  themeStorage = storage
  let saved: string | null
  try {
    saved = storage?.getItem(THEME_STORAGE_KEY) ?? null
  } catch {
    saved = null
  }
  const query = new URLSearchParams(search)
  const flag = (name: string) => query.has(name) && query.get(name) !== '0' && query.get(name) !== 'false'
  setState({
    theme: THEMES.includes(saved as ThemeChoice) ? (saved as ThemeChoice) : 'system',
    embed: flag('embed'),
    presentation: flag('present') && !flag('embed'),
  })
}

export function setTheme(theme: ThemeChoice): void {
  setState({ theme })
  try {
    themeStorage?.setItem(THEME_STORAGE_KEY, theme)
  } catch {
    // Not remembering the theme is harmless.
  }
}

export function setPresentation(presentation: boolean): void {
  if (getState().embed) return
  setState({ presentation, presentationPane: 'main' })
}

export function togglePresentation(): void {
  setPresentation(!getState().presentation)
}

export function showPresentationPane(pane: PresentationPane): void {
  setState({ presentationPane: pane })
}

/** The next (`+1`) or previous (`-1`) pane in presentation mode, wrapping around. */
export function cyclePresentationPane(direction: 1 | -1): void {
  const at = PANES.indexOf(getState().presentationPane)
  setState({ presentationPane: PANES[(at + direction + PANES.length) % PANES.length] as PresentationPane })
}

export function openDialog(dialog: DialogId): void {
  setState({ openDialog: dialog })
}

export function closeDialog(): void {
  setState({ openDialog: null })
}
