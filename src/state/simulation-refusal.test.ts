import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { analyze, type Analysis } from '../engine'
import { websampleManifest } from '../presets/websample-manifest'
import type { EngineOutcome } from '../worker/engine-client'
import type { SimulatedResponse } from '../worker/protocol'
import { wantSimulation } from './playback-actions'
import { selectRejectedInputCount } from './selectors'
import { startSimulationSync } from './simulation-sync'
import { useStudioStore } from './store'

const initial = useStudioStore.getState()
const analysisOf = (text: string) => analyze([{ name: 'manifest.yaml', text }]) as Analysis
const overGrace = analysisOf(websampleManifest('over grace', { preStopSeconds: 40, graceSeconds: 30 }))
const bothZero = analysisOf(websampleManifest('zero', { strategy: '  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n' }))

/** A client that never answers: the test only looks at what is asked. */
function silentClient() {
  return {
    simulate: vi.fn(() => new Promise<EngineOutcome<SimulatedResponse>>(() => {})),
    cancel: vi.fn(() => true),
  }
}

describe('the studio simulates what the rollout command simulates', () => {
  beforeEach(() => {
    useStudioStore.setState(initial, true)
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('simulates a manifest whose only error is a lint finding', async () => {
    const client = silentClient()
    useStudioStore.setState({ analysis: overGrace, analyzedRevision: 1 })
    const stop = startSimulationSync(client, { debounceMs: 10 })
    wantSimulation()
    await vi.advanceTimersByTimeAsync(20)
    expect(client.simulate).toHaveBeenCalledTimes(1)
    stop()
  })

  it('refuses a manifest the API server would reject, as rollout exits 2 for it', async () => {
    const client = silentClient()
    useStudioStore.setState({ analysis: bothZero, analyzedRevision: 1 })
    const stop = startSimulationSync(client, { debounceMs: 10 })
    wantSimulation()
    await vi.advanceTimersByTimeAsync(20)
    // The refusal's words load on first use (simulation-sync.ts): wait for them, never for the worker.
    await vi.waitFor(() => expect(useStudioStore.getState().simulationStatus).toBe('invalid'))
    expect(client.simulate).not.toHaveBeenCalled()
    expect(useStudioStore.getState().simulationProblems.map((p) => p.code)).toEqual(['rollout-rejected-input'])
    stop()
  })
})

describe('selectRejectedInputCount (the URL tester\'s notice)', () => {
  it('counts what the API server would reject, not lint errors', () => {
    useStudioStore.setState({ analysis: overGrace })
    expect(selectRejectedInputCount(useStudioStore.getState())).toBe(0)
    useStudioStore.setState({ analysis: bothZero })
    expect(selectRejectedInputCount(useStudioStore.getState())).toBe(1)
  })
})
