/**
 * Keeps the manifest text in the browser's storage so it survives a reload. Writes are debounced (a 2 MB
 * manifest is not rewritten on every keystroke) and flushed when the page is hidden or closed.
 */
import { SEED_MANIFEST } from '../presets/seed'
import { setSource, setStorageProblem } from './actions'
import { debounce } from './debounce'
import { useStudioStore } from './store'

/** Versioned, so a later format can migrate or ignore older entries. */
export const SOURCE_STORAGE_KEY = 'ingress-studio.source.v1'

export type TextStorage = Pick<Storage, 'getItem' | 'setItem'>

/** The saved text, or null when nothing was saved or storage cannot be read. */
export function loadSavedSource(storage: TextStorage | undefined): string | null {
  try {
    return storage?.getItem(SOURCE_STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

/** Loads the saved text (or the seed scenario on first open) into the store. */
export function restoreSource(storage: TextStorage | undefined): void {
  setSource(loadSavedSource(storage) ?? SEED_MANIFEST)
}

/** Saves the text after every change (debounced by `delayMs`); returns a function that flushes and stops. */
export function startSourcePersistence(storage: TextStorage | undefined, delayMs = 300): () => void {
  const save = debounce((text: string) => {
    try {
      storage?.setItem(SOURCE_STORAGE_KEY, text)
      setStorageProblem(null)
    } catch (error) {
      setStorageProblem(`Your text could not be saved in this browser (${error instanceof Error ? error.name : 'storage error'}).`)
    }
  }, delayMs)
  const unsubscribe = useStudioStore.subscribe((state, previous) => {
    if (state.source !== previous.source) save(state.source)
  })
  const flush = () => save.flush()
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush()
  }
  const hasDom = typeof window !== 'undefined'
  if (hasDom) {
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onVisibility)
  }
  return () => {
    flush()
    unsubscribe()
    if (hasDom) {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }
}
