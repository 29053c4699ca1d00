/**
 * The route graph: hosts, paths, Services, workloads and pods laid out in the worker, drawn with React Flow.
 * Updates in place on every analysis, lights up the route the URL tester took, keeps node selection and the
 * editor in step, and narrows to the user's filter. "Fit" (and the first view, presentation mode, a resize of an
 * untouched view) shows the graph at a readable scale: whole if it fits, else the part that matters
 * (fit-viewport.ts), the rest a pan or a minimap click away.
 */
import { Background, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type NodeChange, type Viewport } from '@xyflow/react'
import '@xyflow/react/dist/base.css'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GraphEdge, GraphNode, RouteGraph } from '../../engine'
import { rememberGraphViewport, selectNode } from '../../state/graph-actions'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { buildFlowEdges, createNodeDescriber, FlowNodeCache } from './flow-elements'
import { boundsOf, fitReadable, LABEL_PX, readableZoom, type Box } from './fit-viewport'
import { visibleNodeIds } from './graph-filter'
import { GraphProgressPanel } from './GraphProgress'
import { GraphToolbar } from './GraphToolbar'
import { EDGE_TYPES, NODE_TYPES } from './node-types'
import { NODE_SIZE_STYLE } from './node-size-style'
import './graph.css'

/** Above this many nodes only the ones on screen are rendered (xyflow's DOM renderer slows past ~1000). */
export const LARGE_GRAPH = 400
/** The largest zoom a small graph is blown up to when fitted: studio, presentation. */
const FIT_MAX_ZOOM = { studio: 1.25, presentation: 2 } as const
/** Screen px kept free around a fitted graph. */
const FIT_PADDING = 16
const SAME = 0.5
const MINIMAP_SIZE = { width: 168, height: 112 }
/** A canvas shorter than this shows no minimap: it would cover a quarter of it (1280×720, the tester's bar open). */
const MINIMAP_MIN_CANVAS_HEIGHT = 480
/**
 * What a fit shows first when nothing is lit: where requests enter ingress-nginx (the controller, its hosts), and
 * of Gateway API the HTTPRoutes and their rules — its entry (class, Gateway, listeners) is two columns wider than
 * ingress-nginx's, so a readable zoom shows the routes, with the listeners beside them, instead of the class.
 */
const FOCUS_KINDS: ReadonlySet<GraphNode['kind']> = new Set(['controller', 'host', 'defaultBackend', 'httpRoute', 'routeRule'])
/**
 * A large graph new to the view is drawn in two steps: first where requests enter (the controller, its hosts, the
 * Gateway side's classes, Gateways and listeners), a frame later the rest — a first picture sooner, and a graph
 * that grows from its entry. An update of the same shape (a reused layout) is drawn at once, in place.
 */
const ENTRY_KINDS: ReadonlySet<GraphNode['kind']> = new Set(['controller', 'host', 'defaultBackend', 'gatewayClass', 'gateway', 'listener'])

/** Whether `graph` is still to be drawn entry first (see ENTRY_KINDS): true until two frames after it came. */
function useEntryFirst(graph: RouteGraph | undefined, layoutReused: boolean): boolean {
  const [drawn, setDrawn] = useState<RouteGraph | null>(null)
  const shownOnce = useRef(false)
  const entryFirst = graph !== undefined && graph !== drawn && graph.nodes.length > LARGE_GRAPH && (!shownOnce.current || !layoutReused)
  useEffect(() => {
    if (!graph) return
    if (!entryFirst) {
      shownOnce.current = true
      return
    }
    // Two frames: the first paints the entry, the second starts on the rest.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        shownOnce.current = true
        setDrawn(graph)
      })
    })
    return () => cancelAnimationFrame(frame)
  }, [graph, entryFirst])
  return entryFirst
}

export function RouteGraphView() {
  return (
    <ReactFlowProvider>
      <GraphCanvas />
    </ReactFlowProvider>
  )
}

function useFlowElements(visible: ReadonlySet<string> | null) {
  const { t } = useTranslation('graph')
  const routeView = useStudioStore((state) => state.routeView)
  const selected = useStudioStore((state) => state.selectedNodeId)
  const highlight = useStudioStore((state) => state.testOutcome?.highlight ?? null)
  const cache = useRef(new FlowNodeCache())
  const graph = routeView?.view.graph
  const labels = useMemo(() => new Map((graph?.nodes ?? []).map((node) => [node.id, node])), [graph])
  const hostOf = useMemo(() => {
    const hosts = new Map((graph?.edges ?? []).filter((e) => e.kind === 'route').map((e) => [e.target, e.source]))
    return (node: GraphNode) => labels.get(hosts.get(node.id) ?? '')?.label
  }, [graph, labels])
  const describe = useMemo(() => createNodeDescriber(t), [t])
  const allNodes = useMemo(
    () => (routeView ? cache.current.build(routeView.view.graph, routeView.layout, selected, (node) => describe(node, node.kind === 'path' ? hostOf(node) : undefined)) : []),
    [routeView, selected, describe, hostOf],
  )
  const entryFirst = useEntryFirst(graph, routeView?.layoutReused ?? false)
  const shown = useMemo(() => {
    if (!entryFirst || !graph) return visible
    const entry = new Set(graph.nodes.filter((node) => ENTRY_KINDS.has(node.kind)).map((node) => node.id))
    return visible ? new Set([...entry].filter((id) => visible.has(id))) : entry
  }, [entryFirst, graph, visible])
  const nodes = useMemo(() => (shown ? allNodes.filter((node) => shown.has(node.id)) : allNodes), [allNodes, shown])
  // What the filter shows, whether or not the entry is drawn first: the view is large (and says so) by it.
  const shownCount = useMemo(() => (visible ? allNodes.filter((node) => visible.has(node.id)).length : allNodes.length), [allNodes, visible])
  const large = shownCount > LARGE_GRAPH
  const edges = useMemo(() => {
    if (!graph) return []
    const name = (id: string) => labels.get(id)?.label ?? id
    const drawn = shown ? { ...graph, edges: graph.edges.filter((edge) => shown.has(edge.source) && shown.has(edge.target)) } : graph
    return buildFlowEdges(drawn, highlight, (edge: GraphEdge) => `${name(edge.source)} → ${name(edge.target)}`, large)
  }, [graph, highlight, labels, shown, large])
  return { nodes, edges, routeView, shownCount, large }
}

/** The boxes of the drawn top-level nodes (children sit inside them), and of the part that matters most. */
function useGraphBoxes(visible: ReadonlySet<string> | null) {
  const routeView = useStudioStore((state) => state.routeView)
  const highlight = useStudioStore((state) => state.testOutcome?.highlight ?? null)
  return useMemo(() => {
    if (!routeView) return { graph: null, focus: null }
    const boxes = new Map<string, Box>()
    for (const node of routeView.view.graph.nodes) {
      if (node.parent !== null || (visible && !visible.has(node.id))) continue
      const at = routeView.layout.positions[node.id] ?? { x: 0, y: 0 }
      boxes.set(node.id, { x: at.x, y: at.y, width: node.width, height: node.height })
    }
    const lit = (highlight?.nodes ?? []).map((id) => boxes.get(id)).filter((box): box is Box => box !== undefined)
    const entry = routeView.view.graph.nodes.filter((node) => FOCUS_KINDS.has(node.kind))
    const focus = lit.length > 0 ? boundsOf(lit) : boundsOf(entry.map((node) => boxes.get(node.id)).filter((box): box is Box => box !== undefined))
    return { graph: boundsOf(boxes.values()), focus }
  }, [routeView, highlight, visible])
}

function GraphCanvas() {
  const { t } = useTranslation('graph')
  const [exporting, setExporting] = useState(false)
  const filter = useStudioStore((state) => state.graphFilter)
  const highlight = useStudioStore((state) => state.testOutcome?.highlight ?? null)
  const graph = useStudioStore((state) => state.routeView?.view.graph ?? null)
  const visible = useMemo(() => (graph ? visibleNodeIds(graph, filter, highlight) : null), [graph, filter, highlight])
  const { nodes, edges, routeView, shownCount, large: largeGraph } = useFlowElements(visible)
  const large = largeGraph && !exporting
  const flow = useReactFlow()
  const presenting = useStudioStore((state) => state.presentation)
  // The viewport the user left the graph at (another tab, then back); presentation mode always fits afresh.
  const savedViewport = useRef(presenting ? null : useStudioStore.getState().graphViewport).current
  const selected = useStudioStore((state) => state.selectedNodeId)
  const origin = useStudioStore((state) => state.selectionOrigin)
  const canvas = useRef<HTMLDivElement>(null)
  const boxes = useGraphBoxes(visible)
  // The minimap helps only while part of the graph is off screen (and it covers a corner of the canvas), and only
  // on a canvas tall enough to spare that corner.
  const offScreen = useStore((s) => {
    const box = boxes.graph
    if (!box || s.height < MINIMAP_MIN_CANVAS_HEIGHT) return false
    const [x, y, zoom] = s.transform
    return box.x * zoom + x < -1 || box.y * zoom + y < -1 || (box.x + box.width) * zoom + x > s.width + 1 || (box.y + box.height) * zoom + y > s.height + 1
  })
  const boxesRef = useRef(boxes)
  boxesRef.current = boxes
  // The viewport of the last fit; while the view is still there, a resize or a new layout fits again.
  const fitted = useRef<Viewport | null>(null)
  const untouched = useRef(savedViewport === null)

  const fit = useCallback((duration = 0) => {
    const pane = canvas.current?.getBoundingClientRect()
    const { graph: whole, focus } = boxesRef.current
    if (!pane || pane.width === 0 || !whole) return
    const labelPx = presenting ? LABEL_PX.presentation : LABEL_PX.studio
    const viewport = fitReadable({
      graph: whole,
      focus,
      pane,
      minZoom: readableZoom(labelPx),
      maxZoom: presenting ? FIT_MAX_ZOOM.presentation : FIT_MAX_ZOOM.studio,
      padding: FIT_PADDING,
    })
    fitted.current = viewport
    untouched.current = true
    void flow.setViewport(viewport, { duration })
  }, [flow, presenting])

  // A resize (the window, a pane divider, presentation's stage) refits a view the user has not moved.
  const hasGraph = routeView !== null
  useEffect(() => {
    const element = canvas.current
    if (!element) return
    let frame = 0
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        if (untouched.current) fit()
      })
    })
    observer.observe(element)
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
    }
  }, [fit, hasGraph])

  // A new filter result fits what it shows; a new layout (another shape) refits an untouched view.
  const visibleKey = visible ? [...visible].join('\u0000') : ''
  const layout = routeView?.layout
  const firstRun = useRef(true)
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false
      return
    }
    fit(200)
  }, [visibleKey, fit])
  useEffect(() => {
    if (untouched.current && fitted.current) fit()
  }, [layout, fit])

  // A node the editor's cursor selected is brought into view when it is off screen.
  useEffect(() => {
    if (!selected || origin === 'graph') return
    const node = flow.getInternalNode(selected)
    if (!node) return
    const { x, y, zoom } = flow.getViewport()
    const box = canvas.current?.getBoundingClientRect()
    if (!box) return
    const p = node.internals.positionAbsolute
    const w = node.measured.width ?? node.width ?? 0
    const h = node.measured.height ?? node.height ?? 0
    const inside = p.x * zoom + x >= 0 && p.y * zoom + y >= 0 && (p.x + w) * zoom + x <= box.width && (p.y + h) * zoom + y <= box.height
    if (!inside) void flow.setCenter(p.x + w / 2, p.y + h / 2, { zoom: Math.max(zoom, readableZoom(LABEL_PX.studio)), duration: 200 })
  }, [selected, origin, flow])

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const picked = changes.find((change) => change.type === 'select' && change.selected)
    if (picked && 'id' in picked) selectNode(picked.id, 'graph')
  }, [])

  const onMoveEnd = useCallback((_: unknown, viewport: Viewport) => {
    const last = fitted.current
    const moved = !last || Math.abs(last.x - viewport.x) > SAME || Math.abs(last.y - viewport.y) > SAME || Math.abs(last.zoom - viewport.zoom) > 0.001
    if (!moved) return
    untouched.current = false
    if (!presenting) rememberGraphViewport(viewport)
  }, [presenting])

  if (!routeView) return <GraphProgressPanel />
  const total = routeView.view.graph.nodes.length
  const onlyController = routeView.view.graph.nodes.every((node) => node.kind === 'controller' || node.kind === 'defaultBackend')
  return (
    <section className={`route-graph${large ? ' is-large' : ''}`} style={NODE_SIZE_STYLE} data-testid={TID.graphView} aria-label={t('title')} data-layout-reused={routeView.layoutReused} data-layout-by={routeView.layoutBy} data-revision={routeView.revision}>
      <GraphToolbar
        facets={routeView.view.graph.facets}
        nodeCount={total}
        shownCount={shownCount}
        hiddenPods={routeView.view.graph.hiddenPods}
        entriesHidden={largeGraph}
        onFit={() => fit(200)}
        onExporting={setExporting}
      />
      <div className="graph-canvas" ref={canvas}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onNodeClick={(_, node) => selectNode(node.id, 'graph')}
          onPaneClick={() => selectNode(null, 'graph')}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          onlyRenderVisibleElements={large}
          // The first view is fitted as soon as React Flow can move (onInit); a view the user left is restored.
          defaultViewport={savedViewport ?? { x: 0, y: 0, zoom: readableZoom(LABEL_PX.studio) }}
          onInit={() => {
            if (savedViewport === null) fit()
          }}
          onMoveEnd={onMoveEnd}
          minZoom={0.05}
          maxZoom={2.5}
          proOptions={{ hideAttribution: false }}
          // React Flow's own screen-reader texts, in the reader's language (its defaults are English only).
          ariaLabelConfig={{
            'node.a11yDescription.default': t('a11y.node'),
            'node.a11yDescription.keyboardDisabled': t('a11y.node'),
            'edge.a11yDescription.default': t('a11y.edge'),
            'minimap.ariaLabel': t('minimap'),
          }}
        >
          {/* The dot grid repaints the whole pane on every pan: a large graph pans without it. */}
          {!large && <Background gap={20} size={1} />}
          {!onlyController && offScreen && <MiniMap pannable zoomable position="bottom-right" ariaLabel={t('minimap')} style={MINIMAP_SIZE} />}
        </ReactFlow>
        {onlyController && <p className="graph-hint">{t('noIngress')}</p>}
        {visible && shownCount <= 1 && <p className="graph-hint">{t('filter.noMatch')}</p>}
      </div>
    </section>
  )
}
