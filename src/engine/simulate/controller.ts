/**
 * The Deployment controller's sync (docs/rollout.md#rollingupdate, docs/rollout.md#recreate): RollingUpdate (create
 * the new ReplicaSet, scale it up within replicas + maxSurge, clean up unhealthy old pods, scale old ReplicaSets down
 * to minAvailable) and Recreate (old to zero, wait until every old pod is gone, then the new one to replicas). One
 * sync does at most one phase of work; any change queues the next sync, as the ReplicaSet update events do in a
 * cluster.
 */
import { activePods, requestSync, type ReplicaSetState, type Sim } from './cluster-state'
import { setProgressing, updateStatus, type ControllerState } from './deployment-status'
import { eventText } from './events'
import { msg } from '../messages/message'
import { formatMessage } from '../messages/render'
import { createReplicaSet, scaleReplicaSet } from './replica-set'

function sumSpec(list: readonly ReplicaSetState[]): number {
  return list.reduce((n, rs) => n + rs.spec, 0)
}

function availableOf(sim: Sim, rs: ReplicaSetState): number {
  return activePods(sim, rs).filter((p) => p.available).length
}

/** The new ReplicaSet (template equal to the Deployment's; the oldest if several) and the old ones, oldest first. */
export function splitReplicaSets(sim: Sim): { newRs: ReplicaSetState | undefined; oldRss: ReplicaSetState[] } {
  const byAge = [...sim.rss].sort((a, b) => a.createdMs - b.createdMs || a.index - b.index)
  const newRs = byAge.find((rs) => rs.hash === sim.templateHash)
  return { newRs, oldRss: byAge.filter((rs) => rs !== newRs) }
}

/** NewRSNewReplicas for RollingUpdate: grow the new RS up to replicas, within replicas + maxSurge in total. */
function newReplicaCount(sim: Sim, all: readonly ReplicaSetState[], newSpec: number): number {
  const { replicas, maxSurge } = sim.spec
  const total = sumSpec(all)
  const maxTotal = replicas + maxSurge
  if (total >= maxTotal) return newSpec
  return newSpec + Math.min(maxTotal - total, replicas - newSpec)
}

function nextRevision(sim: Sim): number {
  return sim.rss.reduce((max, rs) => Math.max(max, rs.revision), 0) + 1
}

function createNewReplicaSet(sim: Sim, ctl: ControllerState, replicas: number): ReplicaSetState {
  const rs = createReplicaSet(sim, sim.templateHash, sim.spec.newImage, nextRevision(sim), replicas)
  setProgressing(sim, ctl, 'True', 'NewReplicaSetCreated', msg('condition-new-replica-set-created', { replicaSet: rs.name }))
  return rs
}

/** reconcileOldReplicaSets: cleanupUnhealthyReplicas, then scale down to minAvailable. */
function scaleDownOld(sim: Sim, newRs: ReplicaSetState, oldRss: readonly ReplicaSetState[]): boolean {
  if (sumSpec(oldRss) === 0) return false
  const minAvailable = sim.spec.replicas - sim.spec.maxUnavailable
  // Status as read at the start of this step; scaling below does not change what was available.
  const available = new Map(sim.rss.map((rs) => [rs, availableOf(sim, rs)] as const))
  const newUnavailable = newRs.spec - available.get(newRs)!
  const maxScaledDown = sumSpec(oldRss) + newRs.spec - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return false

  let cleaned = 0
  for (const rs of oldRss) {
    if (cleaned >= maxScaledDown) break
    const avail = available.get(rs)!
    if (rs.spec === 0 || rs.spec === avail) continue
    const count = Math.min(maxScaledDown - cleaned, rs.spec - avail)
    scaleReplicaSet(sim, rs, rs.spec - count)
    cleaned += count
  }

  let scaled = 0
  const totalAvailable = [...available.values()].reduce((a, b) => a + b, 0)
  if (totalAvailable > minAvailable) {
    const toScale = totalAvailable - minAvailable
    for (const rs of oldRss) {
      if (scaled >= toScale) break
      if (rs.spec === 0) continue
      const count = Math.min(rs.spec, toScale - scaled)
      scaleReplicaSet(sim, rs, rs.spec - count)
      scaled += count
    }
  }
  return cleaned + scaled > 0
}

function syncRollingUpdate(sim: Sim, ctl: ControllerState): void {
  const split = splitReplicaSets(sim)
  const oldRss = split.oldRss
  const newRs = split.newRs ?? createNewReplicaSet(sim, ctl, newReplicaCount(sim, oldRss, 0))
  const all = [...oldRss, newRs]
  // reconcileNewReplicaSet
  if (newRs.spec > sim.spec.replicas) {
    scaleReplicaSet(sim, newRs, sim.spec.replicas)
    return
  }
  if (newRs.spec < sim.spec.replicas && scaleReplicaSet(sim, newRs, newReplicaCount(sim, all, newRs.spec))) return
  scaleDownOld(sim, newRs, oldRss)
}

function syncRecreate(sim: Sim, ctl: ControllerState): void {
  const { newRs, oldRss } = splitReplicaSets(sim)
  let scaledDown = false
  for (const rs of oldRss) if (rs.spec > 0) scaledDown = scaleReplicaSet(sim, rs, 0) || scaledDown
  if (scaledDown) return
  // Terminating old pods still count: Recreate waits until every old pod is gone.
  if (oldRss.some((rs) => rs.pods.some((p) => sim.pods[p]!.goneMs === null))) return
  if (!newRs) createNewReplicaSet(sim, ctl, sim.spec.replicas)
  else scaleReplicaSet(sim, newRs, sim.spec.replicas)
}

/** Deletes surplus old ReplicaSets (revisionHistoryLimit) that have no pods left, oldest revision first. */
function cleanupOldReplicaSets(sim: Sim, oldRss: readonly ReplicaSetState[], deleted: Set<number>): void {
  const limit = sim.spec.revisionHistoryLimit
  if (limit === null) return
  const live = oldRss.filter((rs) => !deleted.has(rs.index))
  let surplus = live.length - limit
  for (const rs of [...live].sort((a, b) => a.revision - b.revision)) {
    if (surplus <= 0) break
    if (rs.spec !== 0 || rs.pods.some((p) => sim.pods[p]!.goneMs === null)) continue
    deleted.add(rs.index)
    surplus--
  }
}

/**
 * One sync of the Deployment controller at `sim.now`: one phase of rollout work, then status and conditions.
 * Records a step when a ReplicaSet was created or scaled. `deletedRss` collects ReplicaSets removed by cleanup.
 */
export function syncDeployment(sim: Sim, ctl: ControllerState, deletedRss: Set<number>): void {
  sim.syncQueued = false
  const before = sim.rss.map((rs) => rs.spec)
  if (sim.spec.paused) {
    if (ctl.rolloutStarted && ctl.progressing?.reason !== 'DeploymentPaused') setProgressing(sim, ctl, 'Unknown', 'DeploymentPaused', msg('condition-deployment-paused'))
  } else if (sim.spec.strategy === 'Recreate') {
    syncRecreate(sim, ctl)
  } else {
    syncRollingUpdate(sim, ctl)
  }
  const { newRs, oldRss } = splitReplicaSets(sim)
  const actions: string[] = []
  // Newest first, as the controller's events come: the new ReplicaSet grows, then old ones shrink.
  for (let i = sim.rss.length - 1; i >= 0; i--) {
    const rs = sim.rss[i]!
    const was = before[i]
    if (was === rs.spec) continue
    if (was === undefined && rs.spec === 0) actions.push(`Created replica set ${rs.name}`)
    else actions.push(formatMessage(eventText.scaledReplicaSet(rs.spec > (was ?? 0), rs.name, rs.spec)))
  }
  if (actions.length > 0) {
    ctl.steps.push({ timeMs: sim.now, old: sumSpec(oldRss), new: newRs?.spec ?? 0, actions })
    requestSync(sim)
  }
  updateStatus(sim, ctl, newRs)
  if (ctl.completeMs !== null && newRs) cleanupOldReplicaSets(sim, oldRss, deletedRss)
}
