/** A Deployment's current ReplicaSet: a box inside the Deployment's card holding its pod nodes. */
import type { NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { TID } from '../../test-ids'
import type { StudioNode } from '../flow-elements'
import { useNodeLit } from '../two-routes'
import { NodeIcon } from './node-icons'

function ReplicaSetNodeView({ id, data, selected }: NodeProps<StudioNode>) {
  const { t } = useTranslation('graph')
  const lit = useNodeLit(id)
  const g = data.g
  return (
    <div className={`gnode-rs ${lit}${selected ? ' is-selected' : ''}`} data-testid={TID.graphNode} data-node-id={id}>
      <div className="gnode-rs-head">
        <NodeIcon name="replicaSet" size={12} />
        <span>{t('replicaSet', { count: g.count ?? 0 })}</span>
      </div>
    </div>
  )
}

export const ReplicaSetNode = memo(ReplicaSetNodeView)
