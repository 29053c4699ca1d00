/**
 * The graph's edge: a bezier path and, when it carries one, a label (a port, a canary weight) drawn as HTML
 * through React Flow's label layer. Unlike the built-in SVG label it measures nothing when it mounts, which
 * keeps panning a large graph smooth (the built-in one reads its text's bounding box on every mount).
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { selectTrafficShareAt } from '../../state/slices/playback-slice'
import { useStudioStore } from '../../state/store'

function RouteEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, style, markerEnd, data }: EdgeProps) {
  const { t } = useTranslation('timeline')
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
  // Into a Deployment the rollout timeline is playing: the new revision's share of the ingress's endpoints at
  // the cursor, in whole percent (so the edge re-renders only when the share changes).
  const share = useStudioStore((state) => {
    const deployment = data?.deployment
    const value = typeof deployment === 'string' ? selectTrafficShareAt(state, deployment) : null
    return value === null ? null : Math.round(value * 100)
  })
  const text = share === null ? label : [label, t('graphShare', { percent: share })].filter(Boolean).join(' · ')
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} />
      {text ? (
        <EdgeLabelRenderer>
          <div className={`edge-label ${String(data?.tone ?? '')}`} data-edge={id} data-share={share ?? undefined} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {text}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  )
}

export const RouteEdge = memo(RouteEdgeView)
