/**
 * The ReplicaSet controller: keeps each ReplicaSet's live pod count at its spec, creating pods or deleting the ones
 * Kubernetes ranks first for deletion (controller_utils.go ActivePodsWithRanks; docs/rollout.md#pod-deletion-order).
 */
import { activePods, requestSync, type PodState, type ReplicaSetState, type Sim } from './cluster-state'
import { eventText } from './events'
import { createPod } from './kubelet'
import { beginStop } from './termination'

/** Creates a ReplicaSet for `hash`/`image` with `replicas` and its pods. The caller records the scaling event. */
export function createReplicaSet(sim: Sim, hash: string, image: string, revision: number, replicas: number): ReplicaSetState {
  const rs: ReplicaSetState = {
    index: sim.rss.length,
    name: `${sim.spec.name}-${hash}`,
    hash,
    image,
    revision,
    spec: replicas,
    createdMs: sim.now,
    pods: [],
  }
  sim.rss.push(rs)
  sim.stateChanges++
  if (replicas > 0) sim.events.add(sim.now, 'Normal', 'ScalingReplicaSet', `deployment/${sim.spec.name}`, eventText.scaledReplicaSet(true, rs.name, replicas))
  reconcileReplicaSet(sim, rs)
  return rs
}

/** Sets `rs.spec` (with the Deployment controller's event) and reconciles its pods. Returns whether it changed. */
export function scaleReplicaSet(sim: Sim, rs: ReplicaSetState, replicas: number): boolean {
  if (rs.spec === replicas) return false
  const up = replicas > rs.spec
  rs.spec = replicas
  sim.stateChanges++
  sim.events.add(sim.now, 'Normal', 'ScalingReplicaSet', `deployment/${sim.spec.name}`, eventText.scaledReplicaSet(up, rs.name, replicas))
  reconcileReplicaSet(sim, rs)
  return true
}

/** log2 of the time since Ready in nanoseconds, as `logarithmicRankDiff` compares it (-1 when not positive). */
function readyRank(pod: PodState, nowMs: number): number {
  const ns = (nowMs - pod.readySinceMs) * 1e6
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1
}

/**
 * Orders pods so that the first ones are deleted first: not started before started, not Ready before Ready,
 * Ready for a shorter time (on a logarithmic scale) first, more restarts first, newer first.
 */
export function rankPodsForDeletion(pods: readonly PodState[], nowMs: number): PodState[] {
  const started = (p: PodState): number => (p.containerStarts > 0 ? 1 : 0)
  return [...pods].sort((a, b) => {
    if (started(a) !== started(b)) return started(a) - started(b)
    if (a.ready !== b.ready) return a.ready ? 1 : -1
    if (a.ready && b.ready && a.readySinceMs !== b.readySinceMs) {
      const diff = readyRank(a, nowMs) - readyRank(b, nowMs)
      if (diff !== 0) return diff
    }
    if (a.restarts !== b.restarts) return b.restarts - a.restarts
    if (a.createdMs !== b.createdMs) return b.createdMs - a.createdMs
    return b.index - a.index
  })
}

/** Creates or deletes pods until the live (non-terminating) count equals the spec. */
export function reconcileReplicaSet(sim: Sim, rs: ReplicaSetState): void {
  const active = activePods(sim, rs)
  const object = `replicaset/${rs.name}`
  if (active.length < rs.spec) {
    for (let i = active.length; i < rs.spec; i++) createPod(sim, rs)
  } else if (active.length > rs.spec) {
    for (const pod of rankPodsForDeletion(active, sim.now).slice(0, active.length - rs.spec)) {
      sim.events.add(sim.now, 'Normal', 'SuccessfulDelete', object, eventText.deletedPod(pod.name))
      beginStop(sim, pod, 'deleted', sim.spec.graceMs)
    }
  }
  requestSync(sim)
}
