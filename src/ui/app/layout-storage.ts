import type { LayoutStorage } from 'react-resizable-panels'

/** localStorage for pane sizes, silent where the browser refuses storage (pane sizes are a nicety). */
export const layoutStorage: LayoutStorage = {
  getItem(key) {
    try {
      return window.localStorage.getItem(key)
    } catch {
      return null
    }
  },
  setItem(key, value) {
    try {
      window.localStorage.setItem(key, value)
    } catch {
      // Not remembering a pane size is harmless.
    }
  },
}
