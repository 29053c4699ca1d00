/**
 * Changes to the graph slice: the worker's route view, node selection (and the editor reveal it asks for) and
 * expanded pod groups.
 */
import type { EngineFailure } from '../worker/protocol'
import { revealInEditor } from './actions'
import type { GraphFilter, NodeSelectionOrigin, RouteViewState } from './slices/graph-slice'
import { useStudioStore } from './store'

const { setState, getState } = useStudioStore

export function markRouteViewPending(): void {
  setState({ routeViewStatus: 'pending' })
}

export function markRouteViewFailed(failure: EngineFailure): void {
  setState({ routeViewStatus: 'failed', routeViewFailure: failure })
}

/** Stores the worker's route view whole; an answer for an older revision than the one shown is ignored. */
export function applyRouteView(next: RouteViewState): void {
  const current = getState().routeView
  if (current && next.revision < current.revision) return
  const selected = getState().selectedNodeId
  const stillThere = selected !== null && next.view.graph.nodes.some((node) => node.id === selected)
  setState({ routeView: next, routeViewStatus: 'ready', routeViewFailure: null, ...(stillThere ? {} : { selectedNodeId: null, selectionOrigin: null }) })
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
 * The editor's cursor moved to `offset` (in the text the route view was built from): selects the innermost node
 * whose text holds it. Leaving every node's text clears a selection the cursor made, not one made elsewhere.
 */
export function selectNodeAtCursor(offset: number): void {
  const state = getState()
  const nodes = state.routeView?.view.graph.nodes
  if (!nodes) return
  let best: string | null = null
  let bestLength = Infinity
  for (const node of nodes) {
    for (const span of node.spans) {
      const length = span.end - span.start
      if (span.start <= offset && offset < span.end && length < bestLength) {
        best = node.id
        bestLength = length
      }
    }
  }
  if (best !== null) selectNode(best, 'editor')
  else if (state.selectionOrigin === 'editor') setState({ selectedNodeId: null, selectionOrigin: null })
}

/** Remembers the graph's viewport, so coming back to the graph view finds it where it was left. */
export function rememberGraphViewport(viewport: { x: number; y: number; zoom: number }): void {
  setState({ graphViewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } })
}

/** Narrows the route graph (or widens it again); the graph itself stays whole. */
export function setGraphFilter(change: Partial<GraphFilter>): void {
  setState((state) => ({ graphFilter: { ...state.graphFilter, ...change } }))
}
