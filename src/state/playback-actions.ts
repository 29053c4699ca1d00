/**
 * Changes to the rollout scenario, its runs and the playback clock, as plain functions (the timeline, the
 * playback clock, the simulation sync and share links call them without a hook).
 */
import type { CursorReport, RolloutParameters, ScenarioOutcome, ScenarioStage } from '../engine'
import type { EngineFailure } from '../worker/protocol'
import { PLAYBACK_SPEEDS, type TimelineTab } from './slices/playback-slice'
import type { SimulationRun } from './slices/simulation-slice'
import { useStudioStore } from './store'

const { setState, getState } = useStudioStore

/** The timeline was opened: simulations may start. */
export function wantSimulation(): void {
  if (!getState().simulationWanted) setState({ simulationWanted: true })
}

/** Chooses the Deployment to roll out (`namespace/name`; `null` = the engine's pick). */
export function setSimulationDeployment(deployment: string | null): void {
  if (getState().simulationDeployment !== deployment) setState({ simulationDeployment: deployment })
}

/** Sets one parameter; `undefined` goes back to its default. */
export function setSimulationParameter<K extends keyof RolloutParameters>(name: K, value: RolloutParameters[K] | undefined): void {
  const current = getState().simulationParameters
  if (current[name] === value && (value !== undefined || !(name in current))) return
  const { [name]: _old, ...rest } = current
  setState({ simulationParameters: value === undefined ? rest : { ...rest, [name]: value } })
}

/** Replaces the whole scenario (a share link, a preset, "reset"). */
export function replaceSimulationSettings(settings: { deployment?: string | null; parameters?: Partial<RolloutParameters> }): void {
  setState({ simulationDeployment: settings.deployment ?? null, simulationParameters: { ...(settings.parameters ?? {}) } })
}

export function markSimulationRunning(startedAt: number): void {
  setState({ simulationStatus: 'running', simulationStage: null, simulationStartedAt: startedAt, simulationFailure: null })
}

export function setSimulationStage(stage: ScenarioStage): void {
  if (getState().simulationStatus === 'running') setState({ simulationStage: stage })
}

let runIds = 0

/** Stores the worker's answer for the scenario simulated from `revision`. */
export function applySimulation(outcome: ScenarioOutcome, request: { revision: number; parameters: Partial<RolloutParameters> }, millis: number): void {
  const done = { simulationStage: null, simulationStartedAt: null, simulationFailure: null }
  if (outcome.kind === 'invalid') {
    setState({ ...done, simulationStatus: 'invalid', simulationProblems: outcome.problems, playing: false })
    return
  }
  const run: SimulationRun = { id: ++runIds, deployment: outcome.deployment, parameters: request.parameters, revision: request.revision, result: outcome.result, view: outcome.view, millis }
  const state = getState()
  setState({
    ...done,
    simulationStatus: 'ready',
    simulationProblems: [],
    simulationRun: run,
    // The cursor stays where it was (comparing two runs at the same moment), within the new run.
    cursorMs: Math.min(state.cursorMs, run.view.endMs),
    selectedFailure: null,
    cursorReport: null,
    logPod: state.logPod !== null && state.logPod < run.result.timeline.pods.length ? state.logPod : null,
  })
}

/** The worker broke (not the scenario); the previous run stays on screen. */
export function markSimulationFailed(failure: EngineFailure): void {
  setState({ simulationStatus: 'failed', simulationStage: null, simulationStartedAt: null, simulationFailure: failure })
}

/** A running simulation was given up; the previous run (if any) stays. */
export function markSimulationCancelled(): void {
  setState((state) => ({ simulationStatus: state.simulationRun ? 'ready' : 'idle', simulationStage: null, simulationStartedAt: null }))
}

/** Keeps the current run to compare the next ones against. */
export function pinCurrentRun(): void {
  const run = getState().simulationRun
  if (run) setState({ pinnedRun: run, timelineTab: 'compare' })
}

export function unpinRun(): void {
  setState({ pinnedRun: null })
}

/** Moves the cursor, kept within the current run. */
export function seek(ms: number): void {
  const end = getState().simulationRun?.view.endMs ?? 0
  const cursorMs = Math.max(0, Math.min(end, Number.isFinite(ms) ? ms : 0))
  if (getState().cursorMs !== cursorMs) setState({ cursorMs })
}

export function play(): void {
  const { simulationRun: run, cursorMs, playing } = getState()
  if (!run || playing) return
  // Playing from the end starts over.
  setState({ playing: true, cursorMs: cursorMs >= run.view.endMs ? 0 : cursorMs })
}

export function pause(): void {
  if (getState().playing) setState({ playing: false })
}

export function togglePlay(): void {
  if (getState().playing) pause()
  else play()
}

/** Sets the speed to the nearest offered factor. */
export function setSpeed(speed: number): void {
  const nearest = PLAYBACK_SPEEDS.reduce((best, s) => (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(best / speed)) ? s : best), 1 as number)
  setState({ speed: nearest })
}

/**
 * Moves the cursor to the next (`1`) or previous (`-1`) moment worth seeing (an event, a step, a kill, the start
 * of a burst of failures). Returns whether it moved.
 */
export function stepToMark(direction: 1 | -1): boolean {
  const { simulationRun: run, cursorMs } = getState()
  if (!run) return false
  const marks = run.view.marks
  let target: number | undefined
  if (direction === 1) target = marks.find((m) => m > cursorMs + 0.5)
  else for (let i = marks.length - 1; i >= 0 && target === undefined; i--) if (marks[i]! < cursorMs - 0.5) target = marks[i]
  if (target === undefined) return false
  setState({ cursorMs: target, playing: false })
  return true
}

/** Shows a failed request in detail and moves the cursor to when it was sent. */
export function selectFailure(index: number | null): void {
  const run = getState().simulationRun
  const failure = index === null ? undefined : run?.result.failures.kept[index]
  if (index !== null && !failure) return
  setState(failure ? { selectedFailure: index, cursorMs: failure.sentMs, playing: false, timelineTab: 'failures' } : { selectedFailure: null })
}

export function setTimelineTab(timelineTab: TimelineTab): void {
  setState({ timelineTab })
}

export function setLogPod(logPod: number | null): void {
  setState({ logPod })
}

export function setReportScope(reportScope: 'cursor' | 'run'): void {
  setState({ reportScope })
}

/** Stores a report up to the cursor for run `runId` (dropped when another run replaced it meanwhile). */
export function applyCursorReport(runId: number, report: CursorReport): void {
  if (getState().simulationRun?.id === runId) setState({ cursorReport: { runId, report } })
}
