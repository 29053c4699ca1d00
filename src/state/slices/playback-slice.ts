/**
 * The playback clock of the rollout timeline and the selectors that answer "what is the cluster doing at the
 * cursor". The cursor is written every animation frame while playing, so every selector here returns a
 * primitive (or a value cached per cursor) and costs O(pods × log n) at most: subscribers re-render only when
 * what they show changes. The route graph reads `selectPodPhaseAt` and `selectTrafficShareAt`.
 */
import type { StateCreator } from 'zustand'
import type { CursorReport, DisplayPhase } from '../../engine'
// The seek queries from their own module, not the engine's index: importing a value from the index would put the
// whole engine into the page's initial JavaScript (the in-page fallback shares it).
import { countAtOrBefore, packPodStateAt, selectDisplayPhaseAt, selectNewTrafficShareAt } from '../../engine/simulate/timeline-queries'
import type { StudioState } from '../store'
import type { SimulationRun } from './simulation-slice'

/** The detail tabs under the timeline. */
export type TimelineTab = 'scenario' | 'failures' | 'events' | 'logs' | 'report' | 'compare'

/** Playback speeds offered, as factors of real time. */
export const PLAYBACK_SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const

export interface PlaybackSlice {
  /** Simulated time under the cursor, ms. */
  readonly cursorMs: number
  readonly playing: boolean
  /** Factor of real time (`PLAYBACK_SPEEDS`). */
  readonly speed: number
  /** Index into the current run's `failures.kept` of the failed request shown in detail. */
  readonly selectedFailure: number | null
  readonly timelineTab: TimelineTab
  /** Pod index whose logs are shown; `null` = every pod. */
  readonly logPod: number | null
  /** The report shows the requests sent before the cursor, or the whole run. */
  readonly reportScope: 'cursor' | 'run'
  /** The latest report up to the cursor (whole seconds), for the current run. */
  readonly cursorReport: { readonly runId: number; readonly report: CursorReport } | null
}

export const createPlaybackSlice: StateCreator<StudioState, [], [], PlaybackSlice> = () => ({
  cursorMs: 0,
  playing: false,
  speed: 1,
  selectedFailure: null,
  timelineTab: 'scenario',
  logPod: null,
  reportScope: 'cursor',
  cursorReport: null,
})

export const selectCursorMs = (state: StudioState): number => state.cursorMs
export const selectPlaying = (state: StudioState): boolean => state.playing
export const selectSpeed = (state: StudioState): number => state.speed
export const selectRun = (state: StudioState): SimulationRun | null => state.simulationRun
export const selectEndMs = (state: StudioState): number => state.simulationRun?.view.endMs ?? 0
/** The whole simulated second under the cursor (reports and per-second counts change only with it). */
export const selectCursorSecond = (state: StudioState): number => Math.floor(state.cursorMs / 1000)

/** Pod `pod` of the current run at the cursor, packed (`packPodStateAt`); -1 without a run. */
export function selectPodStateAt(state: StudioState, pod: number): number {
  const run = state.simulationRun
  return run ? packPodStateAt(run.result.timeline, run.view.killed, pod, state.cursorMs) : -1
}

/** How many events (or log lines, or failed requests) of the current run happened at or before the cursor. */
export const selectEventsSoFar = (state: StudioState): number => (state.simulationRun ? countAtOrBefore(state.simulationRun.view.eventTimes, state.cursorMs) : 0)
export const selectLogsSoFar = (state: StudioState): number => (state.simulationRun ? countAtOrBefore(state.simulationRun.view.logTimes, state.cursorMs) : 0)
export const selectFailuresSoFar = (state: StudioState): number => (state.simulationRun ? countAtOrBefore(state.simulationRun.view.failureTimes, state.cursorMs) : 0)

/** Pods of the run that exist at the cursor, in creation order (old revision first); cached per run and cursor. */
let liveCache: { runId: number; cursorMs: number; pods: number[] } | null = null
function livePodsAt(run: SimulationRun, cursorMs: number): number[] {
  if (liveCache && liveCache.runId === run.id && liveCache.cursorMs === cursorMs) return liveCache.pods
  const t = run.result.timeline
  const pods: number[] = []
  for (let p = 0; p < t.pods.length; p++) {
    const phase = selectDisplayPhaseAt(t, run.view.killed, p, cursorMs)
    if (phase !== 'absent' && phase !== 'gone' && phase !== 'killed') pods.push(p)
  }
  pods.sort((a, b) => t.pods[a]!.createdMs - t.pods[b]!.createdMs || a - b)
  liveCache = { runId: run.id, cursorMs, pods }
  return pods
}

/**
 * The phase at the cursor of the route graph's pod at place `podIndex` of Deployment `deployment`
 * (`namespace/name`; both are data on the pod node): the podIndex-th pod that exists then, oldest first, so a
 * node shows an old pod until it is gone and then a new one. `absent` when fewer pods exist; `null` when there
 * is no run of that Deployment (draw the static graph).
 */
export function selectPodPhaseAt(state: StudioState, deployment: string, podIndex: number): DisplayPhase | null {
  const run = state.simulationRun
  if (!run || run.deployment !== deployment) return null
  const pod = livePodsAt(run, state.cursorMs)[podIndex]
  return pod === undefined ? 'absent' : selectDisplayPhaseAt(run.result.timeline, run.view.killed, pod, state.cursorMs)
}

/** Whether the route graph's pod at that place shows a pod of the new revision at the cursor (`null` as above). */
export function selectPodIsNewAt(state: StudioState, deployment: string, podIndex: number): boolean | null {
  const run = state.simulationRun
  if (!run || run.deployment !== deployment) return null
  const pod = livePodsAt(run, state.cursorMs)[podIndex]
  if (pod === undefined) return null
  const t = run.result.timeline
  return t.replicaSets[t.pods[pod]!.replicaSet]!.isNew
}

/**
 * Share of the ingress's endpoints for `deployment` (`namespace/name`) that run the new revision at the cursor,
 * 0..1; `null` without a run of it or when the ingress has no endpoint at all.
 */
export function selectTrafficShareAt(state: StudioState, deployment: string): number | null {
  const run = state.simulationRun
  if (!run || run.deployment !== deployment) return null
  return selectNewTrafficShareAt(run.result.timeline, state.cursorMs)
}
