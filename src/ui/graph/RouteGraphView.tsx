/**
 * The route graph: hosts, paths, Services, workloads and pods laid out by ELK in the worker, drawn with React
 * Flow. Updates in place on every analysis (the viewport stays where the user put it), lights up the route the
 * URL tester took, and keeps node selection and the editor in step.
 */
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type NodeChange } from '@xyflow/react'
import '@xyflow/react/dist/base.css'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GraphEdge, GraphNode } from '../../engine'
import { rememberGraphViewport, selectNode } from '../../state/graph-actions'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { buildFlowEdges, createNodeDescriber, FlowNodeCache, type StudioNode } from './flow-elements'
import { GraphToolbar } from './GraphToolbar'
import { EDGE_TYPES, NODE_TYPES } from './node-types'
import { NODE_SIZE_STYLE } from './node-size-style'
import './graph.css'

/** Above this many nodes only the ones on screen are rendered (xyflow's DOM renderer slows past ~1000). */
export const LARGE_GRAPH = 400
/** The minimap draws every node as SVG on every pan; above this it costs more frames than it is worth. */
const MINIMAP_MAX = 600
/** The smallest zoom a large graph opens at: labels still legible. */
const READABLE_ZOOM = 0.6

export function RouteGraphView() {
  return (
    <ReactFlowProvider>
      <GraphCanvas />
    </ReactFlowProvider>
  )
}

function useFlowElements(exporting: boolean) {
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
  const nodes = useMemo(
    () => (routeView ? cache.current.build(routeView.view.graph, routeView.layout, selected, (node) => describe(node, node.kind === 'path' ? hostOf(node) : undefined)) : []),
    [routeView, selected, describe, hostOf],
  )
  const edges = useMemo(() => {
    if (!graph) return []
    const name = (id: string) => labels.get(id)?.label ?? id
    return buildFlowEdges(graph, highlight, (edge: GraphEdge) => `${name(edge.source)} → ${name(edge.target)}`, graph.nodes.length > LARGE_GRAPH)
  }, [graph, highlight, labels])
  return { nodes, edges, routeView, large: nodes.length > LARGE_GRAPH && !exporting }
}

function GraphCanvas() {
  const { t } = useTranslation('graph')
  const [exporting, setExporting] = useState(false)
  const { nodes, edges, routeView, large } = useFlowElements(exporting)
  const flow = useReactFlow<StudioNode>()
  // The viewport the user left the graph at (another tab, then back), else fit on mount.
  const savedViewport = useRef(useStudioStore.getState().graphViewport).current
  const selected = useStudioStore((state) => state.selectedNodeId)
  const origin = useStudioStore((state) => state.selectionOrigin)


  // A node the editor's cursor selected is brought into view when it is off screen.
  useEffect(() => {
    if (!selected || origin === 'graph') return
    const node = flow.getInternalNode(selected)
    if (!node) return
    const { x, y, zoom } = flow.getViewport()
    const box = document.querySelector('.route-graph .react-flow')?.getBoundingClientRect()
    if (!box) return
    const p = node.internals.positionAbsolute
    const w = node.measured.width ?? node.width ?? 0
    const h = node.measured.height ?? node.height ?? 0
    const inside = p.x * zoom + x >= 0 && p.y * zoom + y >= 0 && (p.x + w) * zoom + x <= box.width && (p.y + h) * zoom + y <= box.height
    if (!inside) void flow.setCenter(p.x + w / 2, p.y + h / 2, { zoom: Math.max(zoom, 0.6), duration: 200 })
  }, [selected, origin, flow])

  const onNodesChange = useCallback((changes: NodeChange<StudioNode>[]) => {
    const picked = changes.find((change) => change.type === 'select' && change.selected)
    if (picked && 'id' in picked) selectNode(picked.id, 'graph')
  }, [])

  if (!routeView) {
    return <p className="empty graph-empty" data-testid={TID.graphView}>{t('loading')}</p>
  }
  const onlyController = routeView.view.graph.nodes.every((node) => node.kind === 'controller' || node.kind === 'defaultBackend')
  return (
    <section className={`route-graph${large ? ' is-large' : ''}`} style={NODE_SIZE_STYLE} data-testid={TID.graphView} aria-label={t('title')} data-layout-reused={routeView.layoutReused} data-revision={routeView.revision}>
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
        // Fitted while React Flow mounts (node sizes are known), so the first frame already shows the right
        // part; later updates keep the user's zoom and pan. A large graph is not shrunk to dust: it opens at a
        // readable zoom around its middle.
        fitView={savedViewport === null}
        fitViewOptions={{ padding: 0.08, maxZoom: 1, minZoom: nodes.length > LARGE_GRAPH ? READABLE_ZOOM : undefined }}
        defaultViewport={savedViewport ?? undefined}
        onMoveEnd={(_, viewport) => rememberGraphViewport(viewport)}
        minZoom={0.05}
        maxZoom={2.5}
        proOptions={{ hideAttribution: false }}
      >
        {/* The dot grid repaints the whole pane on every pan: a large graph pans without it. */}
        {!large && <Background gap={20} size={1} />}
        <Controls showInteractive={false} position="bottom-left" aria-label={t('controls')} />
        {nodes.length > 40 && nodes.length <= MINIMAP_MAX && <MiniMap pannable zoomable position="bottom-right" ariaLabel={t('minimap')} />}
        <GraphToolbar nodeCount={nodes.length} hiddenPods={routeView.view.graph.hiddenPods} entriesHidden={nodes.length > LARGE_GRAPH} onExporting={setExporting} />
      </ReactFlow>
      {onlyController && <p className="graph-hint">{t('noIngress')}</p>}
    </section>
  )
}
