/**
 * The migration's graph: the originals and the conversion in one route graph, with one request's route through
 * ingress-nginx and its route through the converted Gateway API objects lit at once, each in its own style
 * (`two-routes.ts`), and a legend. Loaded lazily (React Flow); it reads nothing of the workspace graph.
 */
import { Background, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react'
import '@xyflow/react/dist/base.css'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { GraphEdge, GraphLayout, RouteView } from '../../engine'
import { boundsOf, LABEL_PX, readableZoom, type Box } from '../graph/fit-viewport'
import { createNodeDescriber, FlowNodeCache } from '../graph/flow-elements'
import { EDGE_TYPES, NODE_TYPES } from '../graph/node-types'
import { NODE_SIZE_STYLE } from '../graph/node-size-style'
import { buildTwoRouteEdges, TwoRoutesContext, type TwoRoutes } from '../graph/two-routes'
import '../graph/graph.css'

/** The fit's bounds: both routes are shown whole down to MIN_ZOOM (Enlarge gives them the traces' room); a small graph is not blown up past MAX_ZOOM. */
const MIN_ZOOM = 0.15
const MAX_ZOOM = 1.1
const PADDING = 12

interface Props {
  readonly view: RouteView
  readonly layout: GraphLayout
  readonly routes: TwoRoutes
  /** The graph fills the difference's pane (its traces hidden): the whole of both routes at a readable scale on a small screen. */
  readonly enlarged: boolean
  readonly onEnlarge: (enlarged: boolean) => void
}

export default function MigrationGraph(props: Props) {
  return (
    <ReactFlowProvider>
      <TwoRoutesContext.Provider value={props.routes}>
        <Canvas {...props} />
      </TwoRoutesContext.Provider>
    </ReactFlowProvider>
  )
}

function Canvas({ view, layout, routes, enlarged, onEnlarge }: Props) {
  const { t } = useTranslation('graph')
  const { t: tm } = useTranslation('migrate')
  const flow = useReactFlow()
  const host = useRef<HTMLDivElement>(null)
  const cache = useRef(new FlowNodeCache())
  const graph = view.graph
  const describe = useMemo(() => createNodeDescriber(t), [t])
  const nodes = useMemo(() => cache.current.build(graph, layout, null, (node) => describe(node)), [graph, layout, describe])
  const edges = useMemo(() => {
    const labels = new Map(graph.nodes.map((node) => [node.id, node.label]))
    return buildTwoRouteEdges(graph, routes, (edge: GraphEdge) => `${labels.get(edge.source) ?? edge.source} → ${labels.get(edge.target) ?? edge.target}`)
  }, [graph, routes])

  // Fits the two routes (or the whole graph when none is lit) at a readable scale.
  const fit = useCallback(() => {
    const pane = host.current?.getBoundingClientRect()
    if (!pane || pane.width === 0) return
    const boxes = new Map<string, Box>()
    for (const node of graph.nodes) {
      if (node.parent !== null) continue
      const at = layout.positions[node.id] ?? { x: 0, y: 0 }
      boxes.set(node.id, { x: at.x, y: at.y, width: node.width, height: node.height })
    }
    const litIds = [...(routes.ingress?.nodes ?? []), ...(routes.gateway?.nodes ?? [])]
    const lit = litIds.map((id) => boxes.get(id)).filter((box): box is Box => box !== undefined)
    // Both routes whole on screen, even below the readable scale (a zoom away); the whole graph when none is lit.
    const focus = boundsOf(lit.length > 0 ? lit : boxes.values())
    if (!focus) return
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min((pane.width - 2 * PADDING) / focus.width, (pane.height - 2 * PADDING) / focus.height)))
    const viewport = { x: pane.width / 2 - (focus.x + focus.width / 2) * zoom, y: pane.height / 2 - (focus.y + focus.height / 2) * zoom, zoom }
    void flow.setViewport(viewport, { duration: 150 })
  }, [flow, graph, layout, routes])

  useEffect(() => {
    const element = host.current
    if (!element) return
    let frame = 0
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => fit())
    })
    observer.observe(element)
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
    }
  }, [fit])

  return (
    <section className="route-graph migration-graph" style={NODE_SIZE_STYLE} aria-label={tm('graph.title')} data-testid="migration-graph">
      <div className="migration-legend" aria-label={tm('graph.legend')}>
        <span className="legend-item on-ingress"><span className="legend-swatch" aria-hidden="true" />{tm('graph.ingress')}</span>
        <span className="legend-item on-gateway"><span className="legend-swatch" aria-hidden="true" />{tm('graph.gateway')}</span>
        <span className="legend-item on-both"><span className="legend-swatch" aria-hidden="true" />{tm('graph.both')}</span>
        <span className="migration-legend-tools">
          <button type="button" className="tool-button" aria-pressed={enlarged} onClick={() => onEnlarge(!enlarged)}>{tm(enlarged ? 'graph.showTraces' : 'graph.enlarge')}</button>
          <button type="button" className="tool-button" onClick={fit}>{tm('graph.fit')}</button>
        </span>
      </div>
      <div className="graph-canvas" ref={host}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          defaultViewport={{ x: 0, y: 0, zoom: readableZoom(LABEL_PX.studio) }}
          onInit={() => fit()}
          minZoom={0.05}
          maxZoom={2.5}
          ariaLabelConfig={{
            'node.a11yDescription.default': t('a11y.node'),
            'node.a11yDescription.keyboardDisabled': t('a11y.node'),
            'edge.a11yDescription.default': t('a11y.edge'),
            'minimap.ariaLabel': t('minimap'),
          }}
        >
          <Background gap={20} size={1} />
        </ReactFlow>
      </div>
    </section>
  )
}
