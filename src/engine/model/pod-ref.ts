/**
 * How the studio names one pod of a Deployment: the route graph draws it as a node with this id and labels it
 * "<deployment> · pod <ordinal>", and the routing engine's session affinity names the same pod by the same
 * reference (docs/routing.md#session-affinity). Built here only, so the graph and the tester always agree.
 */
import { objectKey } from './object-key'
import type { Deployment } from './types'

/** One pod of a Deployment; the manifests give pods no names, so it is the Deployment and a place. */
export interface PodRef {
  /** The route graph's node id of the pod. */
  readonly id: string
  readonly namespace: string
  readonly deployment: string
  /** 0-based place among the Deployment's `replicas`. */
  readonly index: number
  /** 1-based, as the graph labels it ("web · pod 2"). */
  readonly ordinal: number
}

/** The graph node id of pod `index` (0-based) of `namespace/name`. */
export function podNodeId(namespace: string, name: string, index: number): string {
  return `pod:${objectKey(namespace, name)}:${index}`
}

/** Pod `index` (0-based) of `deployment`. */
export function podRefOf(deployment: Deployment, index: number): PodRef {
  return podRefAt(deployment.meta.namespace, deployment.meta.name, index)
}

/** Pod `index` (0-based) of the Deployment `namespace/name`. */
export function podRefAt(namespace: string, name: string, index: number): PodRef {
  return { id: podNodeId(namespace, name, index), namespace, deployment: name, index, ordinal: index + 1 }
}
