/**
 * Keeps the manifest text in the browser's storage so it survives a reload. Writes are debounced (a 2 MB
 * manifest is not rewritten on every keystroke) and flushed when the page is hidden or closed. In the studio the
 * storage is `DurableTexts` (IndexedDB behind a synchronous cache), which reports whether each write landed.
 */
import { SEED_MANIFEST } from '../presets/seed'
import { reportTextStorage, setSource } from './actions'
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

/**
 * Loads the saved text into the store; the seed scenario only on a true first visit (storage read, nothing in
 * it). When storage could not be read (`readable` false), what is on screen stays: showing the seed would look
 * as if the work had been thrown away.
 */
export function restoreSource(storage: TextStorage | undefined, readable = true): void {
  const saved = loadSavedSource(storage)
  if (saved !== null) setSource(saved)
  else if (readable) setSource(SEED_MANIFEST)
}

/** Saves the text after every change (debounced by `delayMs`); returns a function that flushes and stops. */
export function startSourcePersistence(storage: TextStorage | undefined, delayMs = 300): () => void {
  const save = debounce((text: string) => {
    try {
      storage?.setItem(SOURCE_STORAGE_KEY, text)
    } catch (error) {
      // A plain Storage refuses at once; DurableTexts reports its own outcome when the write lands (or not).
      reportTextStorage({ kind: 'unsaved', reason: error instanceof Error ? error.name : 'UnknownError' })
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
