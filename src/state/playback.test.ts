import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { analyze, simulateScenario, type Analysis, type RolloutParameters, type ScenarioOutcome } from '../engine'
import { SEED_FILE_NAME, SEED_MANIFEST } from '../presets/seed'
import type { EngineOutcome } from '../worker/engine-client'
import { PROTOCOL_VERSION, type ReportedResponse, type SimulatedResponse } from '../worker/protocol'
import {
  applySimulation,
  pinCurrentRun,
  play,
  seek,
  selectFailure,
  setSimulationParameter,
  setSpeed,
  setTimelineTab,
  stepToMark,
  wantSimulation,
} from './playback-actions'
import { startReportSync } from './report-sync'
import { cancelSimulation, startSimulationSync, SUPERSEDE_AFTER_MS } from './simulation-sync'
import { selectPodPhaseAt, selectPodStateAt, selectTrafficShareAt } from './slices/playback-slice'
import { useStudioStore } from './store'

const initial = useStudioStore.getState()
const analysis = analyze([{ name: SEED_FILE_NAME, text: SEED_MANIFEST }]) as Analysis
const simulate = (parameters: Partial<RolloutParameters> = {}): ScenarioOutcome => simulateScenario({ model: analysis.model, deployment: null, parameters })

function loadRun(parameters: Partial<RolloutParameters> = {}) {
  applySimulation(simulate(parameters), { revision: 1, parameters }, 5)
  return useStudioStore.getState().simulationRun!
}

beforeEach(() => useStudioStore.setState(initial, true))

describe('playback actions', () => {
  it('keeps the cursor inside the run', () => {
    const run = loadRun()
    seek(-5)
    expect(useStudioStore.getState().cursorMs).toBe(0)
    seek(1e9)
    expect(useStudioStore.getState().cursorMs).toBe(run.view.endMs)
    seek(Number.NaN)
    expect(useStudioStore.getState().cursorMs).toBe(0)
  })

  it('plays from the start when the cursor is at the end, and not without a run', () => {
    play()
    expect(useStudioStore.getState().playing).toBe(false)
    const run = loadRun()
    seek(run.view.endMs)
    play()
    expect(useStudioStore.getState()).toMatchObject({ playing: true, cursorMs: 0 })
  })

  it('steps between marks and stops playing', () => {
    loadRun()
    seek(0)
    play()
    expect(stepToMark(1)).toBe(true)
    expect(useStudioStore.getState()).toMatchObject({ cursorMs: 5_000, playing: false })
    expect(stepToMark(-1)).toBe(true)
    expect(useStudioStore.getState().cursorMs).toBeLessThan(5_000)
    seek(0)
    expect(stepToMark(-1)).toBe(false)
  })

  it.each([
    [0.1, 0.25],
    [0.3, 0.25],
    [2.5, 2],
    [3.1, 4],
    [100, 16],
  ])('rounds speed %d to %d', (asked, speed) => {
    setSpeed(asked)
    expect(useStudioStore.getState().speed).toBe(speed)
  })

  it('drops a parameter set back to undefined', () => {
    setSimulationParameter('rps', 10)
    setSimulationParameter('preStopHttpSeconds', 5)
    setSimulationParameter('rps', undefined)
    expect(useStudioStore.getState().simulationParameters).toEqual({ preStopHttpSeconds: 5 })
  })

  it('selects a failed request and moves the cursor to when it was sent', () => {
    const run = loadRun({ sigterm: 'immediate' })
    const kept = run.result.failures.kept
    expect(kept.length).toBeGreaterThan(0)
    setTimelineTab('events')
    selectFailure(1)
    expect(useStudioStore.getState()).toMatchObject({ selectedFailure: 1, cursorMs: kept[1]!.sentMs, timelineTab: 'failures' })
    selectFailure(kept.length + 5)
    expect(useStudioStore.getState().selectedFailure).toBe(1)
  })

  it('keeps the cursor and the pinned run when a new run arrives', () => {
    loadRun()
    seek(12_000)
    pinCurrentRun()
    const pinned = useStudioStore.getState().pinnedRun
    const next = loadRun({ preStopHttpSeconds: 5 })
    expect(useStudioStore.getState()).toMatchObject({ cursorMs: 12_000, pinnedRun: pinned, timelineTab: 'compare' })
    expect(next.id).toBeGreaterThan(pinned!.id)
  })

  it('shows a scenario that cannot run as problems and keeps the last run', () => {
    const run = loadRun()
    applySimulation(simulateScenario({ model: analysis.model, deployment: 'default/none', parameters: {} }), { revision: 2, parameters: {} }, 1)
    expect(useStudioStore.getState()).toMatchObject({ simulationStatus: 'invalid', simulationRun: run })
    expect(useStudioStore.getState().simulationProblems.map((p) => p.code)).toEqual(['rollout-unknown-deployment'])
  })
})

describe('selectors at the cursor', () => {
  it('maps the graph\'s pod nodes to the pods that exist, oldest first', () => {
    loadRun({ preStopHttpSeconds: 5 })
    const at = (ms: number, deployment: string, podIndex: number) => {
      seek(ms)
      return selectPodPhaseAt(useStudioStore.getState(), deployment, podIndex)
    }
    expect(at(2_000, 'default/websample', 0)).toBe('ready')
    expect(at(2_000, 'default/websample', 1)).toBe('absent')
    expect(at(7_000, 'default/websample', 1)).toBe('starting')
    expect(at(16_500, 'default/websample', 0)).toBe('prestop')
    expect(at(30_000, 'default/websample', 0)).toBe('ready')
    expect(at(30_000, 'default/s1', 0)).toBeNull()
  })

  it('gives the new revision\'s share of the ingress endpoints', () => {
    loadRun({ preStopHttpSeconds: 5 })
    seek(2_000)
    expect(selectTrafficShareAt(useStudioStore.getState(), 'default/websample')).toBe(0)
    seek(20_000)
    expect(selectTrafficShareAt(useStudioStore.getState(), 'default/websample')).toBe(1)
    expect(selectTrafficShareAt(useStudioStore.getState(), 'default/s1')).toBeNull()
  })

  it('answers -1 for a pod without a run', () => {
    expect(selectPodStateAt(useStudioStore.getState(), 0)).toBe(-1)
  })
})

/** A client whose answers the test releases one by one. */
function fakeSimulationClient() {
  const calls: { parameters: Partial<RolloutParameters>; resolve: (o: EngineOutcome<SimulatedResponse>) => void }[] = []
  let cancelled = 0
  const client = {
    simulate: vi.fn((body: { parameters: Partial<RolloutParameters> }) => new Promise<EngineOutcome<SimulatedResponse>>((resolve) => calls.push({ parameters: body.parameters, resolve }))),
    cancel: vi.fn(() => {
      cancelled++
      calls.at(-1)?.resolve({ kind: 'stale' })
      return true
    }),
  }
  const answer = (i: number) =>
    calls[i]!.resolve({ kind: 'ok', value: { v: PROTOCOL_VERSION, type: 'simulated', id: i, outcome: simulate(calls[i]!.parameters), millis: 3 } })
  return { client, calls, answer, cancelled: () => cancelled }
}

describe('simulation sync', () => {
  let clock = 0
  beforeEach(() => {
    vi.useFakeTimers()
    clock = 0
  })
  afterEach(() => vi.useRealTimers())

  it('simulates only once the timeline wants runs and an analysis exists, then on every change', async () => {
    const { client, calls, answer } = fakeSimulationClient()
    const stop = startSimulationSync(client, { debounceMs: 10, now: () => clock })
    await vi.advanceTimersByTimeAsync(20)
    expect(calls).toHaveLength(0)
    useStudioStore.setState({ analysis, analyzedRevision: 3 })
    await vi.advanceTimersByTimeAsync(20)
    expect(calls).toHaveLength(0)
    wantSimulation()
    await vi.advanceTimersByTimeAsync(20)
    expect(calls).toHaveLength(1)
    expect(useStudioStore.getState().simulationStatus).toBe('running')
    answer(0)
    await vi.advanceTimersByTimeAsync(0)
    expect(useStudioStore.getState()).toMatchObject({ simulationStatus: 'ready', simulationRun: { revision: 3 } })
    setSimulationParameter('preStopHttpSeconds', 5)
    await vi.advanceTimersByTimeAsync(20)
    expect(calls.map((c) => c.parameters)).toEqual([{}, { preStopHttpSeconds: 5 }])
    // Setting the same value again changes nothing and simulates nothing.
    setSimulationParameter('preStopHttpSeconds', 5)
    await vi.advanceTimersByTimeAsync(20)
    expect(calls).toHaveLength(2)
    stop()
  })

  it('cancels a long-running simulation when a newer one is asked for, and on request', async () => {
    const { client, calls, cancelled } = fakeSimulationClient()
    useStudioStore.setState({ analysis, analyzedRevision: 1, simulationWanted: true })
    const stop = startSimulationSync(client, { debounceMs: 10, now: () => clock })
    await vi.advanceTimersByTimeAsync(20)
    expect(calls).toHaveLength(1)
    clock += SUPERSEDE_AFTER_MS / 2
    setSimulationParameter('rps', 20)
    await vi.advanceTimersByTimeAsync(20)
    expect(cancelled()).toBe(0)
    clock += SUPERSEDE_AFTER_MS * 2
    setSimulationParameter('rps', 30)
    await vi.advanceTimersByTimeAsync(20)
    expect(cancelled()).toBe(1)
    expect(calls).toHaveLength(3)
    cancelSimulation()
    await vi.advanceTimersByTimeAsync(0)
    expect(cancelled()).toBe(2)
    expect(useStudioStore.getState().simulationStatus).toBe('idle')
    stop()
  })
})

describe('report sync', () => {
  it('asks for a report only while the report tab is shown, once per whole second of the cursor', async () => {
    loadRun()
    const asked: (number | null)[] = []
    const client = {
      report: vi.fn(async (input: { untilMs: number | null }) => {
        asked.push(input.untilMs)
        const report = useStudioStore.getState().simulationRun!.view.report
        return { kind: 'ok', value: { v: PROTOCOL_VERSION, type: 'reported', id: 1, report: { ...report, untilMs: input.untilMs } } } as EngineOutcome<ReportedResponse>
      }),
    }
    const stop = startReportSync(client)
    seek(3_500)
    expect(asked).toEqual([])
    setTimelineTab('report')
    seek(3_900)
    seek(4_100)
    await Promise.resolve()
    expect(asked).toEqual([3_000, 4_000])
    expect(useStudioStore.getState().cursorReport?.report.untilMs).toBe(4_000)
    stop()
  })
})
