/**
 * Where a graph node's edges attach: the card's target handle on its left edge and source handle on its right,
 * both at mid-height (ReplicaSets and pods have none). The card draws them from `hasInput` / `hasOutput`; the
 * flow nodes carry the same handles as data (`handlesOf`), so React Flow places edges without measuring a node
 * in the DOM first — it otherwise renders every node that changed once to measure it, thousands on a big graph
 * after each edit, though only those on screen are shown.
 */
import { Position, type NodeHandle } from '@xyflow/react'
import type { GraphNode } from '../../engine'

const NO_INPUT: ReadonlySet<GraphNode['kind']> = new Set(['controller', 'gatewayClass'])
const NO_OUTPUT: ReadonlySet<GraphNode['kind']> = new Set(['defaultBackend', 'resource', 'workload'])
/** Cards only: ReplicaSets and pods sit inside a workload and take no edges. */
const NO_HANDLES: ReadonlySet<GraphNode['kind']> = new Set(['replicaSet', 'pod', 'morePods'])

/** The handle's box, as graph.css draws it (`.react-flow__handle`: 4 × 4 px, centred on the edge). */
const HANDLE_PX = 4

export const hasInput = (kind: GraphNode['kind']): boolean => !NO_HANDLES.has(kind) && !NO_INPUT.has(kind)
export const hasOutput = (kind: GraphNode['kind']): boolean => !NO_HANDLES.has(kind) && !NO_OUTPUT.has(kind)

/** The handles of `node`, in node coordinates, as React Flow would measure them. */
export function handlesOf(node: GraphNode): NodeHandle[] {
  const y = node.height / 2 - HANDLE_PX / 2
  const handles: NodeHandle[] = []
  if (hasInput(node.kind)) handles.push({ type: 'target', position: Position.Left, x: -HANDLE_PX / 2, y, width: HANDLE_PX, height: HANDLE_PX })
  if (hasOutput(node.kind)) handles.push({ type: 'source', position: Position.Right, x: node.width - HANDLE_PX / 2, y, width: HANDLE_PX, height: HANDLE_PX })
  return handles
}
