/**
 * The state the cluster simulation mutates: the Deployment as the controller sees it, its ReplicaSets and pods,
 * and the shared context every stage (controller, ReplicaSet controller, kubelet, termination) works on.
 */
import type { Handler, PreStopDuration, Probe } from '../model/types'
import type { EventQueue } from './event-queue'
import type { EventLog } from './events'
import type { IntervalRecorder } from './interval-recorder'
import type { SigtermBehaviour } from './parameters'
import type { Prng } from './prng'
import type { PodPhaseCode } from './pod-phases'
import type { LogSink } from './stern'

// The phase of a pod over time (the timeline colours pods by it) has its own module; re-exported for the stages.
export { PodPhase, POD_PHASE_NAMES, type PodPhaseCode, type PodPhaseName } from './pod-phases'

/** The kind of probe. */
export const ProbeKind = { readiness: 0, liveness: 1, startup: 2 } as const
export type ProbeKindCode = (typeof ProbeKind)[keyof typeof ProbeKind]
export const PROBE_KIND_NAMES = ['Readiness', 'Liveness', 'Startup'] as const

/** Why a container is being stopped. */
export type StopReason = 'deleted' | 'liveness' | 'startup'

/** The serving container as the simulation needs it; probes are the defaulted ones of the template. */
export interface ContainerModel {
  readonly name: string
  readonly port: number
  readonly readiness?: Probe
  readonly liveness?: Probe
  readonly startup?: Probe
  readonly preStop?: Handler
  /** How long `preStop` runs, as the model stage derived it. */
  readonly preStopDuration: PreStopDuration
}

/** The Deployment reduced to what the controller and kubelet read. Times in milliseconds. */
export interface RolloutSpec {
  readonly name: string
  readonly namespace: string
  readonly replicas: number
  readonly strategy: 'RollingUpdate' | 'Recreate'
  readonly maxSurge: number
  readonly maxUnavailable: number
  readonly minReadyMs: number
  /** `null` = no progress deadline. */
  readonly deadlineMs: number | null
  readonly revisionHistoryLimit: number | null
  readonly paused: boolean
  readonly graceMs: number
  readonly container: ContainerModel
  readonly oldImage: string
  readonly newImage: string
  readonly oldHash: string
  readonly newHash: string
}

/** The simulation's timing inputs, converted to milliseconds. */
export interface Timing {
  readonly rolloutAtMs: number
  readonly podStartMs: number
  readonly appStartMs: number | null
  readonly jitterMs: number
  readonly sigterm: SigtermBehaviour
  readonly drainMs: number
  readonly preStopHttpMs: number
  readonly probeOffsetMs: number
  readonly probesTestServing: boolean
  readonly syncDelayMs: number
  readonly oldUnready: number
}

export interface ReplicaSetState {
  readonly index: number
  readonly name: string
  readonly hash: string
  readonly image: string
  revision: number
  spec: number
  readonly createdMs: number
  /** Every pod the RS ever created, oldest first. */
  readonly pods: number[]
}

export interface PodState {
  readonly index: number
  readonly name: string
  readonly rs: number
  readonly ip: string
  readonly node: string
  readonly createdMs: number
  /** deletionTimestamp. */
  deletedMs: number | null
  /** When the pod object disappeared (all containers gone after deletion). */
  goneMs: number | null
  /** Container generation; events of an earlier container are ignored. */
  gen: number
  containerStarts: number
  containerRunning: boolean
  listening: boolean
  /** The current container is being stopped (preStop or after SIGTERM). */
  stopping: boolean
  /** Why the current container is stopping (null while it is not). */
  stopReason: StopReason | null
  sigtermSent: boolean
  sigkillAtMs: number
  /** When the running preStop hook returns on its own (it may outlive the grace period); -Infinity when none runs. */
  hookEndsMs: number
  ready: boolean
  readySinceMs: number
  /** Increments on every Ready change; stale minReadySeconds timers compare it. */
  readyEpoch: number
  available: boolean
  startupDone: boolean
  /** Injected failure: the readiness endpoint answers 503 although the app listens. */
  readinessBroken: boolean
  readinessOk: number
  readinessFail: number
  livenessFail: number
  startupFail: number
  restarts: number
  phase: PodPhaseCode | null
}

/** An abrupt end of a process: requests in flight on it are reset. */
export interface KillRecord {
  readonly pod: number
  readonly timeMs: number
  /** `sigterm`: the app exited at once on SIGTERM; `sigkill`: killed at the end of the grace period. */
  readonly signal: 'sigterm' | 'sigkill'
  readonly reason: StopReason
}

/**
 * One container stop as the kubelet runs it (kuberuntime_container.go `killContainer`, docs/rollout.md#termination):
 * the hook, then SIGTERM with what is left of the grace period but at least 2 s, then SIGKILL.
 */
export interface TerminationRecord {
  readonly pod: number
  readonly reason: StopReason
  readonly startMs: number
  /** The terminationGracePeriodSeconds that applied (the pod's, or a probe's). */
  readonly graceSeconds: number
  /** When the hook returns on its own (`startMs` without one); past the grace period when it outlives it. */
  readonly hookEndMs: number
  /** The hook outlived the grace period: the kubelet stopped waiting for it at its end ("PreStop hook not completed in grace period"). */
  readonly hookCut: boolean
  readonly sigtermMs: number
  /** The grace period SIGTERM came with ("Killing container with a grace period"): what was left, at least 2 s. */
  readonly stopGraceSeconds: number
  readonly sigkillMs: number
}

export interface ProbeRecord {
  readonly pod: number
  readonly timeMs: number
  readonly kind: ProbeKindCode
  readonly ok: boolean
}

export type SimEvent =
  | { readonly kind: 'rollout' }
  | { readonly kind: 'sync' }
  | { readonly kind: 'deadline' }
  | { readonly kind: 'container-start'; readonly pod: number; readonly gen: number }
  | { readonly kind: 'app-listen'; readonly pod: number; readonly gen: number }
  | { readonly kind: 'probe'; readonly pod: number; readonly gen: number; readonly probe: ProbeKindCode }
  | { readonly kind: 'available'; readonly pod: number; readonly epoch: number }
  | { readonly kind: 'sigterm'; readonly pod: number; readonly gen: number }
  | { readonly kind: 'exit'; readonly pod: number; readonly gen: number }
  | { readonly kind: 'sigkill'; readonly pod: number; readonly gen: number }
  | { readonly kind: 'restart'; readonly pod: number; readonly gen: number }

/** The mutable world of one simulation run. */
export interface Sim {
  now: number
  readonly spec: RolloutSpec
  readonly timing: Timing
  readonly rss: ReplicaSetState[]
  readonly pods: PodState[]
  readonly queue: EventQueue<SimEvent>
  readonly prng: Prng
  readonly record: IntervalRecorder
  readonly events: EventLog
  readonly logs: LogSink
  readonly kills: KillRecord[]
  readonly terminations: TerminationRecord[]
  readonly probes: ProbeRecord[]
  /** The template hash the Deployment currently asks for (old until the rollout starts). */
  templateHash: string
  /** Set by `requestSync`; cleared when the sync runs. */
  syncQueued: boolean
  /**
   * Bumped by every change the ReplicaSet counts and the end of the rollout depend on: a pod's state (created,
   * phase, Ready, Available, terminating, gone; `pod-status.ts`), a ReplicaSet created or scaled, the template
   * changed. The per-instant bookkeeping runs only when it moved.
   */
  stateChanges: number
}

/** Schedules a kubelet-side event (runs before controller syncs of the same millisecond). */
export function scheduleKubelet(sim: Sim, atMs: number, event: SimEvent): void {
  sim.queue.push(Math.max(atMs, sim.now), 0, event)
}

/** Asks for a Deployment controller sync after the configured sync latency; repeated requests coalesce. */
export function requestSync(sim: Sim): void {
  if (sim.syncQueued) return
  sim.syncQueued = true
  sim.queue.push(sim.now + sim.timing.syncDelayMs, 1, { kind: 'sync' })
}

/** Pods of `rs` that exist and are not being deleted (what ReplicaSet status counts). */
export function activePods(sim: Sim, rs: ReplicaSetState): PodState[] {
  const out: PodState[] = []
  for (const index of rs.pods) {
    const pod = sim.pods[index]!
    if (pod.deletedMs === null && pod.goneMs === null) out.push(pod)
  }
  return out
}
