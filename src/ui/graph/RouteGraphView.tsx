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
import { selectNode } from '../../state/graph-actions'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { buildFlowEdges, describeNode, FlowNodeCache, type StudioNode } from './flow-elements'
import { GraphToolbar } from './GraphToolbar'
import { NODE_TYPES } from './node-types'
import './graph.css'

/** Above this many nodes only the ones on screen are rendered (xyflow's DOM renderer slows past ~1000). */
export const LARGE_GRAPH = 400

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
  const nodes = useMemo(
    () => (routeView ? cache.current.build(routeView.view.graph, routeView.layout, selected, (node) => describeNode(t, node, node.kind === 'path' ? hostOf(node) : undefined)) : []),
    [routeView, selected, t, hostOf],
  )
  const edges = useMemo(() => {
    if (!graph) return []
    const name = (id: string) => labels.get(id)?.label ?? id
    return buildFlowEdges(graph, highlight, (edge: GraphEdge) => `${name(edge.source)} → ${name(edge.target)}`)
  }, [graph, highlight, labels])
  return { nodes, edges, routeView, large: nodes.length > LARGE_GRAPH && !exporting }
}

function GraphCanvas() {
  const { t } = useTranslation('graph')
  const [exporting, setExporting] = useState(false)
  const { nodes, edges, routeView, large } = useFlowElements(exporting)
  const flow = useReactFlow<StudioNode>()
  const fitted = useRef(false)
  const selected = useStudioStore((state) => state.selectedNodeId)
  const origin = useStudioStore((state) => state.selectionOrigin)

  // Fit once, when the first graph arrives; later updates keep the user's zoom and pan.
  useEffect(() => {
    if (fitted.current || nodes.length === 0) return
    fitted.current = true
    requestAnimationFrame(() => void flow.fitView({ padding: 0.08, maxZoom: 1 }))
  }, [nodes.length, flow])

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
    <section className="route-graph" data-testid={TID.graphView} aria-label={t('title')} data-layout-reused={routeView.layoutReused} data-revision={routeView.revision}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeClick={(_, node) => selectNode(node.id, 'graph')}
        onPaneClick={() => selectNode(null, 'graph')}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onlyRenderVisibleElements={large}
        minZoom={0.05}
        maxZoom={2.5}
        proOptions={{ hideAttribution: false }}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} position="bottom-left" aria-label={t('controls')} />
        {nodes.length > 40 && <MiniMap pannable zoomable position="bottom-right" ariaLabel={t('minimap')} />}
        <GraphToolbar nodeCount={nodes.length} hiddenPods={routeView.view.graph.hiddenPods} onExporting={setExporting} />
      </ReactFlow>
      {onlyController && <p className="graph-hint">{t('noIngress')}</p>}
    </section>
  )
}
