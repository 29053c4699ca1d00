import type { StateCreator } from 'zustand'
import type { GraphLayout, RouteView } from '../../engine'
import type { EngineFailure } from '../../worker/protocol'
import type { StudioState } from '../store'

/** The worker's latest route view, with the text and revision it was computed from (spans are offsets into it). */
export interface RouteViewState {
  readonly view: RouteView
  readonly layout: GraphLayout
  /** True when the layout was reused because the graph's structure did not change. */
  readonly layoutReused: boolean
  /** Who placed the nodes: ELK, or the column layout (a large graph, or ELK could not run). */
  readonly layoutBy: 'elk' | 'columns'
  readonly source: string
  readonly revision: number
  readonly millis: { readonly build: number; readonly layout: number }
}

/** Which facet the graph's filter searches (`any`: all of them; `route`: HTTPRoutes). */
export type GraphFilterFacet = 'any' | 'host' | 'namespace' | 'ingress' | 'route' | 'service'

/** What the route graph is narrowed to: facet values containing `text`, and/or the route the tester lit. */
export interface GraphFilter {
  readonly facet: GraphFilterFacet
  readonly text: string
  readonly onlyTested: boolean
}

export const NO_GRAPH_FILTER: GraphFilter = { facet: 'any', text: '', onlyTested: false }

/** Who selected the node: the graph itself, the editor's cursor, the route table or the URL tester. */
export type NodeSelectionOrigin = 'graph' | 'editor' | 'table' | 'tester'

export interface GraphSlice {
  readonly routeView: RouteViewState | null
  readonly routeViewStatus: 'idle' | 'pending' | 'ready' | 'failed'
  /** Why the latest route view could not be made (timeout, crash); the previous one stays on screen. */
  readonly routeViewFailure: EngineFailure | null
  readonly selectedNodeId: string | null
  readonly selectionOrigin: NodeSelectionOrigin | null
  /** Workload node ids whose pods are all drawn instead of "+N pods". */
  readonly expandedWorkloads: readonly string[]
  /** Where the user left the graph's viewport, restored when the view is shown again; null until then. */
  readonly graphViewport: { readonly x: number; readonly y: number; readonly zoom: number } | null
  /** The graph's filter (a view setting: the graph itself is always whole). */
  readonly graphFilter: GraphFilter
  /** The manifest range to highlight in the editor (the selected node's text); `seq` grows per request. */
  readonly editorHighlight: { readonly start: number; readonly end: number; readonly seq: number } | null
}

export const createGraphSlice: StateCreator<StudioState, [], [], GraphSlice> = () => ({
  routeView: null,
  routeViewStatus: 'idle',
  routeViewFailure: null,
  selectedNodeId: null,
  selectionOrigin: null,
  expandedWorkloads: [],
  editorHighlight: null,
  graphViewport: null,
  graphFilter: NO_GRAPH_FILTER,
})
