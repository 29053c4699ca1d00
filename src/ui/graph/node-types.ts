/** The graph's custom node and edge types, at module scope so React Flow never sees a new object (xyflow error002). */
import type { EdgeTypes, NodeTypes } from '@xyflow/react'
import { CardNode } from './nodes/CardNode'
import { PodNode } from './nodes/PodNode'
import { ReplicaSetNode } from './nodes/ReplicaSetNode'
import { RouteEdge } from './RouteEdge'

export const NODE_TYPES: NodeTypes = { card: CardNode, replicaSet: ReplicaSetNode, pod: PodNode }

export const EDGE_TYPES: EdgeTypes = { route: RouteEdge }
