/**
 * The graph's edge: a bezier path and, when it carries one, a label (a port, a canary weight) drawn as HTML
 * through React Flow's label layer. Unlike the built-in SVG label it measures nothing when it mounts, which
 * keeps panning a large graph smooth (the built-in one reads its text's bounding box on every mount).
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react'
import { memo } from 'react'

function RouteEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, style, markerEnd, data }: EdgeProps) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} />
      {label ? (
        <EdgeLabelRenderer>
          <div className={`edge-label ${String(data?.tone ?? '')}`} data-edge={id} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  )
}

export const RouteEdge = memo(RouteEdgeView)
