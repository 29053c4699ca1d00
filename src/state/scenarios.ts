/**
 * Saved scenarios: the current one is saved automatically (debounced, flushed when the page hides), and the
 * user can open, rename, duplicate and delete the others. Opening a scenario (from the list, a preset, a file
 * or a link) never overwrites another one: it becomes its own entry, and the previous work stays in the list.
 */
import type { SharePayload } from '../engine'
import { SEED_MANIFEST } from '../presets/seed'
import { reportScenarioListStorage, reportTextStorage } from './actions'
import { debounce, type Debounced } from './debounce'
import {
  createScenarioId,
  loadScenario,
  loadScenarioIndex,
  removeEntry,
  SCENARIO_INDEX_KEY,
  scenarioEntryKey,
  writeEntry,
  type ScenarioStorage,
} from './scenario-storage'
import { applyScenario, collectScenario, scenarioInputs } from './share-sections'
import type { ScenarioMeta } from './slices/scenario-slice'
import { useStudioStore } from './store'

const { getState, setState } = useStudioStore

let storage: ScenarioStorage | undefined
let pendingSave: Debounced<[]> | undefined

/** The clock, injectable for tests. */
let now = (): number => Date.now()

function writeIndex(): void {
  const { currentScenarioId, scenarios } = getState()
  const problem = writeEntry(storage, SCENARIO_INDEX_KEY, { current: currentScenarioId, items: scenarios })
  reportScenarioListStorage(problem)
}

/** Writes the current scenario and moves it to the top of the list. */
function saveCurrent(): void {
  const { currentScenarioId: id, scenarios } = getState()
  if (!id) return
  const problem = writeEntry(storage, scenarioEntryKey(id), collectScenario())
  if (problem) {
    reportTextStorage({ kind: 'unsaved', reason: problem })
    return
  }
  const meta = scenarios.find((item) => item.id === id)
  if (meta) setState({ scenarios: [{ ...meta, updatedAt: now() }, ...scenarios.filter((item) => item.id !== id)] })
  writeIndex()
}

/** Adds a scenario holding `payload`, makes it current and shows it. */
export function createScenario(payload: SharePayload, name: string): string {
  pendingSave?.flush()
  const id = createScenarioId(now())
  const meta: ScenarioMeta = { id, name, updatedAt: now() }
  setState((state) => ({ scenarios: [meta, ...state.scenarios], currentScenarioId: id }))
  applyScenario(payload)
  pendingSave?.cancel()
  saveCurrent()
  return id
}

/** Replaces the current scenario's content (used when it holds nothing worth keeping, e.g. the untouched seed). */
export function replaceCurrentScenario(payload: SharePayload, name: string): void {
  const id = getState().currentScenarioId
  if (!id) {
    createScenario(payload, name)
    return
  }
  setState((state) => ({ scenarios: state.scenarios.map((item) => (item.id === id ? { ...item, name } : item)) }))
  applyScenario(payload)
  pendingSave?.cancel()
  saveCurrent()
}

/** Shows a saved scenario (after saving the current one). */
export function openScenario(id: string): void {
  if (id === getState().currentScenarioId) return
  const payload = loadScenario(storage, id)
  if (!payload) return
  pendingSave?.flush()
  setState({ currentScenarioId: id })
  applyScenario(payload)
  pendingSave?.cancel()
  saveCurrent()
}

export function renameScenario(id: string, name: string): void {
  setState((state) => ({ scenarios: state.scenarios.map((item) => (item.id === id ? { ...item, name: name.trim() } : item)) }))
  writeIndex()
}

/** Copies a scenario under `name` and opens the copy. */
export function duplicateScenario(id: string, name: string): void {
  pendingSave?.flush()
  const payload = id === getState().currentScenarioId ? collectScenario() : loadScenario(storage, id)
  if (payload) createScenario(payload, name)
}

/** Deletes a scenario; deleting the current one opens the most recent other (or a fresh seed scenario). */
export function deleteScenario(id: string, fallbackName: string): void {
  const { currentScenarioId, scenarios } = getState()
  const rest = scenarios.filter((item) => item.id !== id)
  removeEntry(storage, scenarioEntryKey(id))
  if (id !== currentScenarioId) {
    setState({ scenarios: rest })
    writeIndex()
    return
  }
  pendingSave?.cancel()
  const next = rest.find((item) => loadScenario(storage, item.id) !== null)
  setState({ scenarios: rest, currentScenarioId: null })
  if (next) {
    setState({ currentScenarioId: next.id })
    applyScenario(loadScenario(storage, next.id)!)
    writeIndex()
  } else {
    createScenario({ source: SEED_MANIFEST }, fallbackName)
  }
}

/** True when the scenario on screen holds nothing a user would miss: empty or the untouched seed. */
export function isCurrentWorkDisposable(): boolean {
  const { source } = getState()
  return source.trim() === '' || source === SEED_MANIFEST
}

/**
 * Loads the scenario list and starts saving the current scenario on every change (debounced by `delayMs`).
 * The first run adopts the text already on screen (restored by `restoreSource`) as the first scenario.
 * Returns a function that flushes and stops.
 */
export function startScenarioAutosave(target: ScenarioStorage | undefined, options: { delayMs?: number; clock?: () => number } = {}): () => void {
  storage = target
  if (options.clock) now = options.clock
  const index = loadScenarioIndex(storage)
  const current = index.current ?? index.items[0]?.id ?? null
  setState({ scenarios: index.items, currentScenarioId: current })
  if (current) {
    // The text from `restoreSource` is newer than the entry when the page closed between the two writes.
    const saved = loadScenario(storage, current)
    if (saved) applyScenario({ ...saved, source: getState().source })
  } else {
    createScenario(collectScenario(), '')
  }
  pendingSave = debounce(saveCurrent, options.delayMs ?? 500)
  const save = pendingSave
  const unsubscribe = useStudioStore.subscribe((state, previous) => {
    if (state.currentScenarioId !== previous.currentScenarioId) return
    const before = scenarioInputs(previous)
    if (scenarioInputs(state).some((value, i) => value !== before[i])) save()
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
    pendingSave = undefined
  }
}
