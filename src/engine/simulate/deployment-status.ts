/**
 * Deployment status and conditions (docs/rollout.md#status-and-conditions): the counts `calculateStatus` derives from
 * the ReplicaSets' pods, the Available condition, and the Progressing condition with progressDeadlineSeconds
 * (progress.go): refreshed on every sign of progress, False/ProgressDeadlineExceeded when the deadline passes.
 */
import { msg, type Message } from '../messages/message'
import { formatMessage } from '../messages/render'
import { activePods, type ReplicaSetState, type Sim } from './cluster-state'

export interface DeploymentStatus {
  /** Live, non-terminating pods of every ReplicaSet. */
  readonly replicas: number
  /** Live pods of the new ReplicaSet. */
  readonly updated: number
  readonly ready: number
  readonly available: number
  /** max(0, Σ spec − available). */
  readonly unavailable: number
}

export interface ConditionRecord {
  readonly timeMs: number
  readonly type: 'Progressing' | 'Available'
  readonly status: 'True' | 'False' | 'Unknown'
  readonly reason: string
  /** The condition's message as a message of the catalog (English template: the controller's own words). */
  readonly text: Message
  /** Word for word as the Deployment controller sets it (`text` in English). */
  readonly message: string
}

/** [old ReplicaSets' total spec.replicas, new ReplicaSet spec.replicas] after a sync that changed something. */
export interface StepRecord {
  readonly timeMs: number
  readonly old: number
  readonly new: number
  /** What the sync did, as the controller's events word it. */
  readonly actions: readonly string[]
}

export interface ControllerState {
  readonly steps: StepRecord[]
  /** Every condition transition (and Progressing refreshes that change the reason), in time order. */
  readonly conditions: ConditionRecord[]
  progressing: { status: ConditionRecord['status']; reason: string; lastUpdateMs: number } | null
  available: ConditionRecord['status'] | null
  status: DeploymentStatus
  rolloutStarted: boolean
  /** First time the rollout was complete (every new pod available, no old pod counted). */
  completeMs: number | null
  deadlineExceededMs: number | null
  /** Last time progress was seen (the rollout start counts). */
  lastProgressMs: number
  /** The deadline check already queued, so syncs do not queue it again. */
  deadlineCheckMs: number | null
}

export function computeStatus(sim: Sim, newRs: ReplicaSetState | undefined): DeploymentStatus {
  let replicas = 0
  let updated = 0
  let ready = 0
  let available = 0
  let specTotal = 0
  for (const rs of sim.rss) {
    specTotal += rs.spec
    for (const pod of activePods(sim, rs)) {
      replicas++
      if (rs === newRs) updated++
      if (pod.ready) ready++
      if (pod.available) available++
    }
  }
  return { replicas, updated, ready, available, unavailable: Math.max(0, specTotal - available) }
}

/** DeploymentComplete: every wanted pod is updated and available and no other pod is counted. */
export function isComplete(replicas: number, s: DeploymentStatus): boolean {
  return s.updated === replicas && s.replicas === replicas && s.available === replicas
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available pods than last time. */
function isProgressing(prev: DeploymentStatus, next: DeploymentStatus): boolean {
  return (
    next.updated > prev.updated ||
    next.replicas - next.updated < prev.replicas - prev.updated ||
    next.ready > prev.ready ||
    next.available > prev.available
  )
}

/** A condition with its message (`message` rendered from `text`). */
export function conditionRecord(timeMs: number, type: ConditionRecord['type'], status: ConditionRecord['status'], reason: string, text: Message): ConditionRecord {
  return { timeMs, type, status, reason, text, message: formatMessage(text) }
}

/** The Available condition: whether at least replicas − maxUnavailable pods are available. */
export function availableCondition(timeMs: number, available: 'True' | 'False'): ConditionRecord {
  return available === 'True'
    ? conditionRecord(timeMs, 'Available', 'True', 'MinimumReplicasAvailable', msg('condition-minimum-replicas-available'))
    : conditionRecord(timeMs, 'Available', 'False', 'MinimumReplicasUnavailable', msg('condition-minimum-replicas-unavailable'))
}

/** The Progressing condition of a ReplicaSet that has rolled out. */
export function progressedCondition(timeMs: number, replicaSet: string): ConditionRecord {
  return conditionRecord(timeMs, 'Progressing', 'True', 'NewReplicaSetAvailable', msg('condition-new-replica-set-available', { replicaSet }))
}

function record(ctl: ControllerState, c: ConditionRecord): void {
  ctl.conditions.push(c)
}

/** Sets the Progressing condition (recording a transition only when status or reason changes). */
export function setProgressing(sim: Sim, ctl: ControllerState, status: ConditionRecord['status'], reason: string, text: Message): void {
  if (sim.spec.deadlineMs === null) return
  const current = ctl.progressing
  if (!current || current.status !== status || current.reason !== reason) {
    record(ctl, conditionRecord(sim.now, 'Progressing', status, reason, text))
  }
  ctl.progressing = { status, reason, lastUpdateMs: sim.now }
}

/** Stores the new status and updates both conditions; schedules the deadline check the controller requeues. */
export function updateStatus(sim: Sim, ctl: ControllerState, newRs: ReplicaSetState | undefined): void {
  const next = computeStatus(sim, newRs)
  const minAvailable = sim.spec.replicas - sim.spec.maxUnavailable
  const available = next.available >= minAvailable ? 'True' : 'False'
  if (available !== ctl.available) {
    ctl.available = available
    record(ctl, availableCondition(sim.now, available))
  }
  const complete = ctl.rolloutStarted && newRs !== undefined && isComplete(sim.spec.replicas, next)
  const progressing = ctl.rolloutStarted && isProgressing(ctl.status, next)
  if (progressing) ctl.lastProgressMs = sim.now
  if (complete && ctl.completeMs === null) ctl.completeMs = sim.now

  const deadline = sim.spec.deadlineMs
  const cond = ctl.progressing
  const settled = cond !== null && cond.reason === 'NewReplicaSetAvailable' && next.replicas === next.updated
  if (deadline !== null && newRs && ctl.rolloutStarted && !settled && !sim.spec.paused) {
    if (complete) {
      setProgressing(sim, ctl, 'True', 'NewReplicaSetAvailable', msg('condition-new-replica-set-available', { replicaSet: newRs.name }))
    } else if (progressing) {
      setProgressing(sim, ctl, 'True', 'ReplicaSetUpdated', msg('condition-replica-set-updated', { replicaSet: newRs.name }))
    } else if (cond && (cond.reason === 'ProgressDeadlineExceeded' || cond.lastUpdateMs + deadline < sim.now)) {
      if (cond.reason !== 'ProgressDeadlineExceeded') {
        setProgressing(sim, ctl, 'False', 'ProgressDeadlineExceeded', msg('condition-progress-deadline-exceeded', { replicaSet: newRs.name }))
        ctl.deadlineExceededMs = sim.now
      }
    }
    const current = ctl.progressing
    const checkAt = current ? current.lastUpdateMs + deadline + 1 : null
    if (!complete && current && current.reason !== 'ProgressDeadlineExceeded' && checkAt !== ctl.deadlineCheckMs) {
      ctl.deadlineCheckMs = checkAt
      sim.queue.push(checkAt!, 1, { kind: 'deadline' })
    }
  }
  ctl.status = next
}
