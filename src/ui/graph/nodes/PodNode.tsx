/**
 * A pod inside its ReplicaSet, or the "+N pods" node that stands for the rest (a button that shows them all).
 * A pod's dot shows its phase at the rollout timeline's cursor (`selectPodPhaseAt`), a calm green at rest.
 */
import type { NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { toggleWorkloadExpanded } from '../../../state/graph-actions'
import { useStudioStore } from '../../../state/store'
import { PHASE_DISPLAY, phaseColor } from '../../common/phase-display'
import { TID } from '../../test-ids'
import type { StudioNode } from '../flow-elements'
import { selectIsExpanded, selectPodIsNew, selectPodPhase } from '../graph-selectors'
import { useNodeLit } from '../two-routes'

function PodNodeView({ id, data }: NodeProps<StudioNode>) {
  const { t } = useTranslation('graph')
  const lit = useNodeLit(id)
  const g = data.g
  const workload = g.deployment?.nodeId ?? ''
  const phase = useStudioStore((state) => selectPodPhase(state, g))
  const isNew = useStudioStore((state) => selectPodIsNew(state, g))
  const expanded = useStudioStore((state) => selectIsExpanded(state, workload))
  if (g.kind === 'morePods') {
    return (
      <button
        type="button"
        className={`gnode-pod gnode-more nodrag nopan ${lit}`}
        data-testid={TID.graphNode}
        data-node-id={id}
        aria-expanded={expanded}
        onClick={(event) => {
          event.stopPropagation()
          toggleWorkloadExpanded(workload)
        }}
      >
        {t('morePods', { count: g.count ?? 0 })}
      </button>
    )
  }
  return (
    <div className={`gnode-pod ${lit}${isNew ? ' is-new' : ''}`} data-testid={TID.graphNode} data-node-id={id} data-phase={phase ?? 'rest'}>
      <span className={`pod-dot${phase ? '' : ' at-rest'}`} style={phase ? { background: phaseColor(phase) } : undefined} aria-hidden="true" />
      <span className="pod-name">{t('pod', { name: g.label, n: g.count ?? 0 })}</span>
      {phase && <span className="pod-phase">{t(PHASE_DISPLAY[phase].shortLabelKey)}</span>}
    </div>
  )
}

export const PodNode = memo(PodNodeView)
