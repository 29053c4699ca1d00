/**
 * Changes to the graph slice: the worker's route view, node selection (and the editor reveal it asks for),
 * expanded pod groups, and the pod phases the rollout timeline lends the graph.
 */
import type { PodPhaseName } from '../engine'
import { revealInEditor } from './actions'
import type { NodeSelectionOrigin, RouteViewState } from './slices/graph-slice'
import { useStudioStore } from './store'

const { setState, getState } = useStudioStore

export function markRouteViewPending(): void {
  setState({ routeViewStatus: 'pending' })
}

export function markRouteViewFailed(): void {
  setState({ routeViewStatus: 'failed' })
}

/** Stores the worker's route view whole; an answer for an older revision than the one shown is ignored. */
export function applyRouteView(next: RouteViewState): void {
  const current = getState().routeView
  if (current && next.revision < current.revision) return
  const selected = getState().selectedNodeId
  const stillThere = selected !== null && next.view.graph.nodes.some((node) => node.id === selected)
  setState({ routeView: next, routeViewStatus: 'ready', ...(stillThere ? {} : { selectedNodeId: null, selectionOrigin: null }) })
}

/**
 * Selects a graph node (null clears). Unless the editor's cursor asked for it, the editor moves to the node's
 * text and highlights it.
 */
export function selectNode(id: string | null, origin: NodeSelectionOrigin): void {
  const state = getState()
  if (state.selectedNodeId === id && state.selectionOrigin === origin && origin === 'editor') return
  setState({ selectedNodeId: id, selectionOrigin: id === null ? null : origin })
  if (id === null || origin === 'editor') return
  const reveal = state.routeView?.view.graph.nodes.find((node) => node.id === id)?.reveal
  if (!reveal) return
  revealInEditor({ offset: reveal.start })
  setState((s) => ({ editorHighlight: { start: reveal.start, end: reveal.end, seq: (s.editorHighlight?.seq ?? 0) + 1 } }))
}

/** Shows every pod of a workload instead of "+N pods", or collapses them again. */
export function toggleWorkloadExpanded(workloadId: string): void {
  const expanded = getState().expandedWorkloads
  setState({ expandedWorkloads: expanded.includes(workloadId) ? expanded.filter((id) => id !== workloadId) : [...expanded, workloadId] })
}

/**
 * For the rollout timeline: the phase of each pod node at the moment it shows (keys are pod node ids,
 * `pod:<namespace>/<deployment>:<ordinal>`); null returns the graph to the manifests at rest.
 */
export function setPodPhases(phases: Readonly<Record<string, PodPhaseName>> | null): void {
  setState({ podPhases: phases })
}
