import { beforeEach, describe, expect, it } from 'vitest'
import type { Analysis, GraphLayout, RouteView } from '../engine'
import { applyAnalysis, markAnalysisFailed, markAnalysisPending, setSource } from './actions'
import { applyRouteView, markRouteViewFailed, markRouteViewPending } from './graph-actions'
import { selectAnalysisPhase, selectRouteViewPhase } from './selectors'
import { useStudioStore } from './store'

const initial = useStudioStore.getState()
const analysis = { model: {}, diagnostics: [], documents: [] } as unknown as Analysis
const timeout = { code: 'timeout', message: 'The engine took longer than 15000 ms.' } as const
const phase = () => selectAnalysisPhase(useStudioStore.getState())
const routePhase = () => selectRouteViewPhase(useStudioStore.getState())

function routeViewOf(revision: number) {
  const view = { graph: { nodes: [], edges: [] } } as unknown as RouteView
  return { view, layout: {} as GraphLayout, layoutReused: false, layoutBy: 'elk' as const, source: 'x', revision, millis: { build: 1, layout: 1 } }
}

beforeEach(() => useStudioStore.setState(initial, true))

describe('the analysis phase the views show', () => {
  it('is running before the first answer, done once the text on screen is analysed, failed when the engine gave none', () => {
    setSource('a')
    expect(phase()).toBe('running')
    markAnalysisPending()
    expect(phase()).toBe('running')
    applyAnalysis(analysis, 'a', 1, 3)
    expect(phase()).toBe('done')
    markAnalysisPending()
    markAnalysisFailed(timeout)
    expect(phase()).toBe('failed')
  })

  it('is running again as soon as the text changes, even before the engine is asked (the debounce)', () => {
    setSource('a')
    applyAnalysis(analysis, 'a', 1, 3)
    setSource('ab')
    expect(useStudioStore.getState().analysisStatus).toBe('ready')
    expect(phase()).toBe('running')
  })

  it('a failure stays failed, with the earlier analysis kept, until a new run starts', () => {
    setSource('a')
    applyAnalysis(analysis, 'a', 1, 3)
    setSource('ab')
    markAnalysisFailed(timeout)
    expect(phase()).toBe('failed')
    expect(useStudioStore.getState().analysis).toBe(analysis)
    markAnalysisPending()
    expect(phase()).toBe('running')
  })
})

describe('the route view phase', () => {
  it('follows the route view of the text on screen', () => {
    setSource('a')
    expect(routePhase()).toBe('running')
    markRouteViewPending()
    applyRouteView(routeViewOf(1))
    expect(routePhase()).toBe('done')
    setSource('ab')
    expect(routePhase()).toBe('running')
    markRouteViewPending()
    markRouteViewFailed(timeout)
    expect(routePhase()).toBe('failed')
  })
})
