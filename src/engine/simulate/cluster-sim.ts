/**
 * The cluster half of a rollout simulation: a discrete-event loop over the Deployment controller, the
 * ReplicaSet controller and the kubelet, starting from a settled old ReplicaSet and changing the template at
 * `rolloutAtMs`. It knows nothing about load; `load.ts` replays requests over what it records.
 */
import {
  activePods,
  requestSync,
  type KillRecord,
  type TerminationRecord,
  type PodState,
  type ProbeRecord,
  type ReplicaSetState,
  type RolloutSpec,
  type Sim,
  type SimEvent,
  type Timing,
} from './cluster-state'
import { syncDeployment } from './controller'
import { availableCondition, computeStatus, progressedCondition, type ConditionRecord, type ControllerState, type StepRecord } from './deployment-status'
import { createEventLog, type ClusterEvent } from './events'
import { createEventQueue } from './event-queue'
import { createIntervalRecorder, type IntervalTrack } from './interval-recorder'
import { createPod, runProbe, startContainer, startListening } from './kubelet'
import { handleAvailableTimer, refreshPod, setAvailable, setListening, setReady } from './pod-status'
import { createPrng } from './prng'
import { createLogSink, type LogLine } from './stern'
import { deliverSigkill, deliverSigterm, exitGracefully } from './termination'

/** How long before time 0 the old pods were created (they are settled: running, Ready, available). */
export const OLD_PODS_CREATED_MS = -600_000

/** Counts per ReplicaSet after a change, for the timeline's ReplicaSet chart. */
export interface ReplicaSetRow {
  readonly timeMs: number
  /** Per ReplicaSet (by index): spec, live pods, Ready, available, terminating. */
  readonly counts: readonly (readonly [number, number, number, number, number])[]
}

/** Everything the cluster simulation observed, ready for the load replay and the timeline. */
export interface ClusterRecord {
  readonly endMs: number
  readonly pods: readonly PodState[]
  readonly replicaSets: readonly ReplicaSetState[]
  readonly deletedReplicaSets: ReadonlySet<number>
  readonly tracks: IntervalTrack[]
  readonly kills: readonly KillRecord[]
  readonly terminations: readonly TerminationRecord[]
  readonly probes: readonly ProbeRecord[]
  readonly steps: readonly StepRecord[]
  readonly conditions: readonly ConditionRecord[]
  readonly rows: readonly ReplicaSetRow[]
  readonly events: { events: ClusterEvent[]; dropped: number }
  readonly logs: { lines: LogLine[]; dropped: number }
  readonly completeMs: number | null
  /** When the rollout was complete and the last old pod had gone, or null. */
  readonly finishedMs: number | null
  readonly deadlineExceededMs: number | null
  readonly lastProgressMs: number
}

export interface ClusterRun {
  readonly sim: Sim
  readonly ctl: ControllerState
  /** Time of the next event (Infinity when none). */
  nextTime(): number
  /** Processes every event at or before `timeMs`, then sets the clock to `timeMs`. */
  runUntil(timeMs: number): void
  /** Processes the events of the next event time only. */
  step(): void
  finishedMs(): number | null
  finish(endMs: number): ClusterRecord
}

function settleOldPod(sim: Sim, rs: ReplicaSetState, unready: boolean): void {
  const pod = createPod(sim, rs)
  pod.gen++ // the pending start that createPod queued belongs to a container that started long ago
  pod.containerStarts = 1
  pod.containerRunning = true
  pod.startupDone = true
  pod.readinessBroken = unready
  setListening(sim, pod, true)
  if (!unready) {
    setReady(sim, pod, true)
    setAvailable(sim, pod, true)
  }
  refreshPod(sim, pod)
  // Old containers started at different times: their probes run at a seeded phase within one period.
  for (const [kind, probe] of [[0, sim.spec.container.readiness], [1, sim.spec.container.liveness]] as const) {
    if (!probe) continue
    const offset = sim.prng.nextFloat() * probe.periodSeconds * 1000
    sim.queue.push(Math.round(offset), 0, { kind: 'probe', pod: pod.index, gen: pod.gen, probe: kind })
  }
}

function dispatch(sim: Sim, ctl: ControllerState, deleted: Set<number>, event: SimEvent): void {
  if (event.kind === 'rollout') {
    sim.templateHash = sim.spec.newHash
    sim.stateChanges++
    ctl.rolloutStarted = true
    ctl.lastProgressMs = sim.now
    requestSync(sim)
    return
  }
  if (event.kind === 'sync' || event.kind === 'deadline') {
    if (event.kind === 'deadline') requestSync(sim)
    else syncDeployment(sim, ctl, deleted)
    return
  }
  const pod = sim.pods[event.pod]!
  if (event.kind === 'available') return handleAvailableTimer(sim, pod, event.epoch)
  if (event.gen !== pod.gen || pod.goneMs !== null) return
  switch (event.kind) {
    case 'container-start':
    case 'restart':
      if (pod.deletedMs === null) startContainer(sim, pod)
      return
    case 'app-listen':
      if (pod.containerRunning && !(pod.sigtermSent && sim.timing.sigterm !== 'ignore')) startListening(sim, pod)
      return
    case 'probe':
      return runProbe(sim, pod, event.probe)
    case 'sigterm':
      return deliverSigterm(sim, pod)
    case 'exit':
      return exitGracefully(sim, pod)
    case 'sigkill':
      return deliverSigkill(sim, pod)
  }
}

function snapshotRow(sim: Sim): ReplicaSetRow {
  return {
    timeMs: sim.now,
    counts: sim.rss.map((rs) => {
      const live = activePods(sim, rs)
      const terminating = rs.pods.filter((p) => sim.pods[p]!.deletedMs !== null && sim.pods[p]!.goneMs === null).length
      return [rs.spec, live.length, live.filter((p) => p.ready).length, live.filter((p) => p.available).length, terminating] as const
    }),
  }
}

const sameRow = (a: ReplicaSetRow, b: ReplicaSetRow): boolean =>
  a.counts.length === b.counts.length && a.counts.every((c, i) => c.every((v, j) => v === b.counts[i]![j]))

/** Sets up the settled old ReplicaSet at time 0 and queues the template change. */
export function createClusterRun(spec: RolloutSpec, timing: Timing, seed: number): ClusterRun {
  const sim: Sim = {
    now: OLD_PODS_CREATED_MS,
    spec,
    timing,
    rss: [],
    pods: [],
    queue: createEventQueue<SimEvent>(),
    prng: createPrng(seed),
    record: createIntervalRecorder(),
    events: createEventLog(),
    logs: createLogSink(),
    kills: [],
    terminations: [],
    probes: [],
    templateHash: spec.oldHash,
    syncQueued: true, // no sync for the settled past
    stateChanges: 0,
  }
  const old: ReplicaSetState = { index: 0, name: `${spec.name}-${spec.oldHash}`, hash: spec.oldHash, image: spec.oldImage, revision: 1, spec: spec.replicas, createdMs: OLD_PODS_CREATED_MS, pods: [] }
  sim.rss.push(old)
  // Settling happens before time 0; the event log and the log sink drop what is stamped before 0.
  for (let i = 0; i < spec.replicas; i++) settleOldPod(sim, old, i >= spec.replicas - timing.oldUnready)
  // Timers of the settled past (minReadySeconds of old pods) have long fired.
  while (sim.queue.peekTime() < 0) sim.queue.pop()
  sim.now = 0
  sim.syncQueued = false
  sim.queue.push(timing.rolloutAtMs, 1, { kind: 'rollout' })

  const status = computeStatus(sim, old)
  const ctl: ControllerState = {
    steps: [],
    conditions: [],
    progressing: spec.deadlineMs === null ? null : { status: 'True', reason: 'NewReplicaSetAvailable', lastUpdateMs: 0 },
    available: null,
    status,
    rolloutStarted: false,
    completeMs: null,
    deadlineExceededMs: null,
    lastProgressMs: 0,
    deadlineCheckMs: null,
  }
  if (spec.deadlineMs !== null) {
    ctl.conditions.push(progressedCondition(0, old.name))
  }
  const minAvailable = spec.replicas - spec.maxUnavailable
  ctl.available = status.available >= minAvailable ? 'True' : 'False'
  ctl.conditions.push(availableCondition(0, ctl.available))

  const deleted = new Set<number>()
  const rows: ReplicaSetRow[] = [snapshotRow(sim)]
  let finishedMs: number | null = null

  // Recounting every ReplicaSet's pods after each instant made runs quadratic in the replicas (1,000 pods probed
  // at their own phases give an instant every few milliseconds): count again only when something changed.
  let counted = sim.stateChanges
  let finishChecked = -1
  const afterTime = (): void => {
    if (sim.stateChanges === counted && sim.stateChanges === finishChecked) return
    if (sim.stateChanges !== counted) {
      counted = sim.stateChanges
      const row = snapshotRow(sim)
      if (!sameRow(row, rows[rows.length - 1]!)) rows.push(row)
    }
    if (finishedMs === null && ctl.completeMs !== null && sim.stateChanges !== finishChecked) {
      finishChecked = sim.stateChanges
      const newHash = sim.templateHash
      const oldLeft = sim.pods.some((p) => p.goneMs === null && sim.rss[p.rs]!.hash !== newHash)
      if (!oldLeft) finishedMs = sim.now
    }
  }

  const step = (): void => {
    const t = sim.queue.peekTime()
    if (t === Infinity) return
    while (sim.queue.peekTime() === t) {
      const next = sim.queue.pop()!
      sim.now = next.timeMs
      dispatch(sim, ctl, deleted, next.item)
    }
    afterTime()
  }

  return {
    sim,
    ctl,
    nextTime: () => sim.queue.peekTime(),
    step,
    runUntil(timeMs) {
      while (sim.queue.peekTime() <= timeMs) step()
      sim.now = Math.max(sim.now, timeMs)
    },
    finishedMs: () => finishedMs,
    finish(endMs) {
      return {
        endMs,
        pods: sim.pods,
        replicaSets: sim.rss,
        deletedReplicaSets: deleted,
        tracks: sim.record.finish(endMs),
        kills: sim.kills,
        terminations: sim.terminations,
        probes: sim.probes,
        steps: ctl.steps,
        conditions: ctl.conditions,
        rows,
        events: sim.events.finish(),
        logs: sim.logs.finish(),
        completeMs: ctl.completeMs,
        finishedMs,
        deadlineExceededMs: ctl.deadlineExceededMs,
        lastProgressMs: ctl.lastProgressMs,
      }
    },
  }
}
