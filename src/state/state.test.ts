import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Analysis } from '../engine'
import { SEED_MANIFEST } from '../presets/seed'
import type { EngineOutcome } from '../worker/engine-client'
import type { AnalyzedResponse } from '../worker/protocol'
import { PROTOCOL_VERSION } from '../worker/protocol'
import { applyAnalysis, revealInEditor, setSource } from './actions'
import { retryAnalysis, startAnalysisSync } from './analysis-sync'
import { SOURCE_STORAGE_KEY, loadSavedSource, restoreSource, startSourcePersistence, type TextStorage } from './persistence'
import { selectIsAnalysisBehind, selectSeverityCounts } from './selectors'
import { useStudioStore } from './store'

const initial = useStudioStore.getState()

function fakeAnalysis(tag: string, severities: ('error' | 'warning' | 'info')[] = []): Analysis {
  const diagnostics = severities.map((severity) => ({ severity, code: 'yaml-syntax', message: tag }))
  return { model: tag, diagnostics, documents: [] } as unknown as Analysis
}

class MemoryStorage implements TextStorage {
  readonly items = new Map<string, string>()
  failWith: Error | undefined
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    if (this.failWith) throw this.failWith
    this.items.set(key, value)
  }
}

beforeEach(() => {
  useStudioStore.setState(initial, true)
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('actions', () => {
  it('setSource bumps the revision only when the text changes', () => {
    setSource('a')
    setSource('a')
    setSource('b')
    expect(useStudioStore.getState()).toMatchObject({ source: 'b', revision: 2 })
  })

  it('applyAnalysis replaces the analysis whole and ignores answers for older revisions', () => {
    const first = fakeAnalysis('r2')
    applyAnalysis(first, 'r2', 2, 5)
    applyAnalysis(fakeAnalysis('r1'), 'r1', 1, 5)
    expect(useStudioStore.getState().analysis).toBe(first)
    expect(useStudioStore.getState()).toMatchObject({ analyzedRevision: 2, analysisStatus: 'ready' })
  })

  it('revealInEditor numbers each request so the same place can be revealed twice', () => {
    revealInEditor({ line: 3, column: 1 })
    revealInEditor({ line: 3, column: 1 })
    expect(useStudioStore.getState().reveal).toEqual({ target: { line: 3, column: 1 }, seq: 2 })
  })
})

describe('selectors', () => {
  it('counts diagnostics per severity and tells when the analysis is behind the text', () => {
    setSource('x')
    expect(selectIsAnalysisBehind(useStudioStore.getState())).toBe(true)
    applyAnalysis(fakeAnalysis('x', ['error', 'warning', 'error', 'info']), 'x', 1, 1)
    expect(selectSeverityCounts(useStudioStore.getState())).toEqual({ error: 2, warning: 1, info: 1 })
    expect(selectIsAnalysisBehind(useStudioStore.getState())).toBe(false)
  })
})

describe('persistence', () => {
  it('loads the seed on first open and the saved text afterwards', () => {
    const storage = new MemoryStorage()
    restoreSource(storage)
    expect(useStudioStore.getState().source).toBe(SEED_MANIFEST)
    storage.items.set(SOURCE_STORAGE_KEY, 'kind: Service\n')
    restoreSource(storage)
    expect(useStudioStore.getState().source).toBe('kind: Service\n')
  })

  it('treats unreadable storage as empty', () => {
    const broken = { getItem: () => { throw new Error('denied') }, setItem: () => {} }
    expect(loadSavedSource(broken)).toBeNull()
    expect(loadSavedSource(undefined)).toBeNull()
  })

  it('saves the latest text once edits pause, and flushes when stopped', () => {
    const storage = new MemoryStorage()
    const stop = startSourcePersistence(storage, 300)
    setSource('one')
    setSource('two')
    vi.advanceTimersByTime(299)
    expect(storage.items.has(SOURCE_STORAGE_KEY)).toBe(false)
    vi.advanceTimersByTime(1)
    expect(storage.items.get(SOURCE_STORAGE_KEY)).toBe('two')
    setSource('three')
    stop()
    expect(storage.items.get(SOURCE_STORAGE_KEY)).toBe('three')
  })

  it('reports a storage that refuses the text instead of throwing', () => {
    const storage = new MemoryStorage()
    storage.failWith = new DOMException('full', 'QuotaExceededError')
    const stop = startSourcePersistence(storage, 10)
    setSource('big')
    vi.advanceTimersByTime(10)
    expect(useStudioStore.getState().storageProblem).toEqual({ kind: 'unsaved', reason: 'QuotaExceededError' })
    stop()
  })

  it('never puts the seed over work it could not read: what is on screen stays', () => {
    setSource('typed before\n')
    restoreSource(new MemoryStorage(), false)
    expect(useStudioStore.getState().source).toBe('typed before\n')
  })
})

describe('analysis sync', () => {
  function fakeClient() {
    const calls: { text: string; resolve: (outcome: EngineOutcome<AnalyzedResponse>) => void }[] = []
    const client = {
      mode: 'worker' as const,
      analyze: (files: readonly { name: string; text: string }[]) =>
        new Promise<EngineOutcome<AnalyzedResponse>>((resolve) => calls.push({ text: files[0]!.text, resolve })),
    }
    const ok = (text: string): EngineOutcome<AnalyzedResponse> => ({
      kind: 'ok',
      value: { v: PROTOCOL_VERSION, type: 'analyzed', id: 1, analysis: fakeAnalysis(text), millis: 2 },
    })
    return { client, calls, ok }
  }

  it('analyzes at once, then once per pause in typing, and stores the answer', async () => {
    setSource('start')
    const { client, calls, ok } = fakeClient()
    const stop = startAnalysisSync(client, 200)
    expect(calls.map((c) => c.text)).toEqual(['start'])
    expect(useStudioStore.getState().analysisStatus).toBe('pending')
    calls[0]!.resolve(ok('start'))
    await vi.runAllTimersAsync()
    expect(useStudioStore.getState()).toMatchObject({ analysisStatus: 'ready', analyzedSource: 'start' })
    expect(useStudioStore.getState().analysis?.model).toBe('start')

    setSource('a')
    vi.advanceTimersByTime(100)
    setSource('ab')
    vi.advanceTimersByTime(199)
    expect(calls).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(calls.map((c) => c.text)).toEqual(['start', 'ab'])
    calls[1]!.resolve(ok('ab'))
    await vi.runAllTimersAsync()
    expect(useStudioStore.getState()).toMatchObject({ analyzedRevision: 3, analysisStatus: 'ready', analyzeMillis: 2 })
    stop()
  })

  it('keeps the last analysis and reports an engine failure on the latest text', async () => {
    setSource('fine')
    const { client, calls, ok } = fakeClient()
    const stop = startAnalysisSync(client, 50)
    calls[0]!.resolve(ok('fine'))
    await vi.runAllTimersAsync()
    setSource('crashes the engine')
    vi.advanceTimersByTime(50)
    calls[1]!.resolve({ kind: 'failed', error: { code: 'worker-crashed', message: 'gone' } })
    await vi.runAllTimersAsync()
    expect(useStudioStore.getState()).toMatchObject({ analysisStatus: 'failed', engineFailure: { code: 'worker-crashed' } })
    expect(useStudioStore.getState().analysis?.model).toBe('fine')
    stop()
  })

  it('analyzes the same text again on Retry after a timeout, without waiting for a keystroke', async () => {
    setSource('slow')
    const { client, calls, ok } = fakeClient()
    const stop = startAnalysisSync(client, 50)
    calls[0]!.resolve({ kind: 'failed', error: { code: 'timeout', message: 'late' } })
    await vi.runAllTimersAsync()
    expect(useStudioStore.getState().analysisStatus).toBe('failed')
    retryAnalysis()
    expect(useStudioStore.getState().analysisStatus).toBe('pending')
    calls[1]!.resolve(ok('slow'))
    await vi.runAllTimersAsync()
    expect(calls.map((c) => c.text)).toEqual(['slow', 'slow'])
    expect(useStudioStore.getState()).toMatchObject({ analysisStatus: 'ready', engineFailure: null })
    stop()
  })

  it('ignores stale answers and stops listening when stopped', async () => {
    setSource('x')
    const { client, calls } = fakeClient()
    const stop = startAnalysisSync(client, 50)
    calls[0]!.resolve({ kind: 'stale' })
    await vi.runAllTimersAsync()
    expect(useStudioStore.getState().analysis).toBeNull()
    stop()
    setSource('y')
    vi.advanceTimersByTime(100)
    expect(calls).toHaveLength(1)
  })
})
