/**
 * Per-node reads of the store for the graph's memoised nodes: each returns a primitive, so a node re-renders
 * only when its own state changes (lit by the URL tester, faded beside a lit route, a pod's phase at the
 * rollout timeline's cursor).
 */
import type { DisplayPhase } from '../../engine'
import { selectPodIsNewAt, selectPodPhaseAt } from '../../state/slices/playback-slice'
import type { StudioState } from '../../state/store'

/** `lit`: on the tested request's route; `faded`: a route is lit elsewhere; `none`: nothing is tested. */
export type LitState = 'lit' | 'end' | 'faded' | 'none'

export function selectLitState(state: StudioState, id: string): LitState {
  const highlight = state.testOutcome?.highlight
  if (!highlight) return 'none'
  if (highlight.end === id) return 'end'
  return highlight.nodes.includes(id) ? 'lit' : 'faded'
}

/**
 * The phase of this pod node at the rollout timeline's cursor (the timeline maps pod node ids to the pods of
 * its run), or null when no run of the pod's Deployment exists: the graph then shows the manifests at rest.
 */
export function selectPodPhase(state: StudioState, id: string): DisplayPhase | null {
  return selectPodPhaseAt(state, id)
}

/** True when the pod node shows a pod of the new revision at the cursor; null at rest. */
export function selectPodIsNew(state: StudioState, id: string): boolean | null {
  return selectPodIsNewAt(state, id)
}

export function selectIsExpanded(state: StudioState, workloadId: string): boolean {
  return state.expandedWorkloads.includes(workloadId)
}
