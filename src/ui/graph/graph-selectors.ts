/**
 * Per-node reads of the store for the graph's memoised nodes: each returns a primitive, so a node re-renders
 * only when its own state changes (lit by the URL tester, faded beside a lit route, a pod's phase at the
 * rollout timeline's cursor).
 */
import type { DisplayPhase, GraphNode } from '../../engine'
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
 * The phase of this pod node at the rollout timeline's cursor (the timeline maps the node's Deployment and place
 * to the pods of its run), or null when no run of the pod's Deployment exists: the graph then shows the
 * manifests at rest. Null for nodes that are not pods.
 */
export function selectPodPhase(state: StudioState, node: GraphNode): DisplayPhase | null {
  return node.deployment && node.podIndex !== null ? selectPodPhaseAt(state, node.deployment.key, node.podIndex) : null
}

/** True when the pod node shows a pod of the new revision at the cursor; null at rest. */
export function selectPodIsNew(state: StudioState, node: GraphNode): boolean | null {
  return node.deployment && node.podIndex !== null ? selectPodIsNewAt(state, node.deployment.key, node.podIndex) : null
}

export function selectIsExpanded(state: StudioState, workloadId: string): boolean {
  return state.expandedWorkloads.includes(workloadId)
}
