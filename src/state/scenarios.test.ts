import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SEED_MANIFEST } from '../presets/seed'
import { PRESETS } from '../presets/gallery'
import { setActiveView, setSource } from './actions'
import { goToPresetStep, openPreset, stepPreset } from './presets'
import { loadScenario, loadScenarioIndex, SCENARIO_INDEX_KEY, scenarioEntryKey, type ScenarioStorage } from './scenario-storage'
import { createScenario, deleteScenario, duplicateScenario, openScenario, renameScenario, startScenarioAutosave } from './scenarios'
import { useStudioStore } from './store'

class MemoryStorage implements ScenarioStorage {
  readonly items = new Map<string, string>()
  failWith: Error | undefined
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    if (this.failWith) throw this.failWith
    this.items.set(key, value)
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
}

const initial = useStudioStore.getState()
let storage: MemoryStorage
let stop: () => void
let clock = 1000

function start(): void {
  stop = startScenarioAutosave(storage, { delayMs: 100, clock: () => clock++ })
}

const state = () => useStudioStore.getState()
const names = () => state().scenarios.map((s) => s.name)

beforeEach(() => {
  useStudioStore.setState(initial, true)
  vi.useFakeTimers()
  storage = new MemoryStorage()
  setSource('my: work\n')
})
afterEach(() => {
  stop?.()
  vi.useRealTimers()
})

describe('scenario autosave', () => {
  it('adopts the text on screen as the first scenario', () => {
    start()
    expect(state().scenarios).toHaveLength(1)
    const id = state().currentScenarioId!
    expect(loadScenario(storage, id)).toMatchObject({ source: 'my: work\n', view: state().activeView })
    expect(loadScenarioIndex(storage)).toEqual({ current: id, items: state().scenarios })
  })

  it('saves edits after the pause, once', () => {
    start()
    const id = state().currentScenarioId!
    const writes = vi.spyOn(storage, 'setItem')
    setSource('a: 1\n')
    setSource('a: 2\n')
    expect(loadScenario(storage, id)?.source).toBe('my: work\n')
    vi.advanceTimersByTime(100)
    expect(loadScenario(storage, id)?.source).toBe('a: 2\n')
    expect(writes.mock.calls.filter(([key]) => key === scenarioEntryKey(id))).toHaveLength(1)
  })

  it('restores the list and the current scenario after a reload, the restored text winning', () => {
    start()
    const first = state().currentScenarioId!
    createScenario({ source: 'second: 1\n', view: 'objects' }, 'Second')
    stop()
    useStudioStore.setState(initial, true)
    setSource('second: 2\n') // what restoreSource found: written later than the entry
    start()
    expect(state().currentScenarioId).not.toBe(first)
    expect(names()).toEqual(['Second', ''])
    expect(state().source).toBe('second: 2\n')
  })

  it('opens, renames, duplicates and deletes scenarios without losing the other work', () => {
    start()
    const first = state().currentScenarioId!
    setSource('first: edited\n')
    const second = createScenario({ source: 'second: 1\n' }, 'Second')
    expect(loadScenario(storage, first)?.source).toBe('first: edited\n')
    expect(state().source).toBe('second: 1\n')

    openScenario(first)
    expect(state().source).toBe('first: edited\n')
    renameScenario(first, '  Mine  ')
    expect(state().scenarios.find((s) => s.id === first)?.name).toBe('Mine')

    duplicateScenario(first, 'Mine (copy)')
    expect(state().source).toBe('first: edited\n')
    expect(names()).toEqual(['Mine (copy)', 'Mine', 'Second'])
    const copy = state().currentScenarioId!

    deleteScenario(second, 'Untitled')
    expect(names()).toEqual(['Mine (copy)', 'Mine'])
    expect(storage.items.has(scenarioEntryKey(second))).toBe(false)
    deleteScenario(copy, 'Untitled')
    expect(state().currentScenarioId).toBe(first)
    deleteScenario(first, 'Untitled')
    expect(names()).toEqual(['Untitled'])
    expect(state().source).toBe(SEED_MANIFEST)
  })

  it('reports a refused write instead of throwing', () => {
    start()
    storage.failWith = new DOMException('full', 'QuotaExceededError')
    setSource('x: 1\n')
    vi.advanceTimersByTime(100)
    // The entry is written first: the text problem, which the notice shows with a download.
    expect(state().storageProblem).toEqual({ kind: 'unsaved', reason: 'QuotaExceededError' })
  })

  it('reports a list that could not be written apart from the texts, and clears it once written', () => {
    start()
    const failing = storage.setItem.bind(storage)
    storage.setItem = (key, value) => {
      if (key === SCENARIO_INDEX_KEY) throw new DOMException('blocked', 'SecurityError')
      failing(key, value)
    }
    renameScenario(state().currentScenarioId!, 'Renamed')
    expect(state().scenarioListProblem).toBe('SecurityError')
    expect(state().storageProblem).toBeNull()
    storage.setItem = failing
    renameScenario(state().currentScenarioId!, 'Again')
    expect(state().scenarioListProblem).toBeNull()
  })

  it('reads junk in storage as no scenarios', () => {
    storage.items.set(SCENARIO_INDEX_KEY, '{"items":[{"id":1}],"current":"nope"}')
    expect(loadScenarioIndex(storage)).toEqual({ current: null, items: [] })
    storage.items.set(SCENARIO_INDEX_KEY, 'not json')
    expect(loadScenarioIndex(storage)).toEqual({ current: null, items: [] })
  })
})

describe('presets and guided steps', () => {
  it('open a preset as its own scenario at step 1, keeping the work', () => {
    start()
    const mine = state().currentScenarioId!
    openPreset('canary-20', 'A canary at 20%')
    expect(state().source).toBe(PRESETS.find((p) => p.id === 'canary-20')!.manifest)
    expect(state().activePreset).toEqual({ id: 'canary-20', step: 0 })
    expect(loadScenario(storage, mine)?.source).toBe('my: work\n')
    expect(names()).toEqual(['A canary at 20%', ''])
  })

  it('move through the steps, clamped to the preset, applying each step\'s view', () => {
    start()
    openPreset('tls', 'TLS')
    setActiveView('objects')
    stepPreset(1)
    expect(state().activePreset).toEqual({ id: 'tls', step: 1 })
    expect(state().activeView).toBe('graph')
    goToPresetStep(99)
    expect(state().activePreset?.step).toBe(3)
    stepPreset(-1)
    goToPresetStep(-5)
    expect(state().activePreset?.step).toBe(0)
    expect(state().activeView).toBe('objects')
  })
})
