/** The graph's custom node types, at module scope so React Flow never sees a new object (xyflow error002). */
import type { NodeTypes } from '@xyflow/react'
import { CardNode } from './nodes/CardNode'
import { PodNode } from './nodes/PodNode'
import { ReplicaSetNode } from './nodes/ReplicaSetNode'

export const NODE_TYPES: NodeTypes = { card: CardNode, replicaSet: ReplicaSetNode, pod: PodNode }
