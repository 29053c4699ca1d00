/**
 * Stopping a container (docs/rollout.md#termination): the preStop hook, SIGTERM, the grace period with the kubelet's
 * 2-second minimum, SIGKILL, and what the app does with SIGTERM (graceful drain, immediate exit, ignore). A
 * container stopped by a liveness/startup failure restarts with back-off (0 s, then 10 s doubling up to 300 s);
 * a deleted pod disappears once its container is gone.
 */
import { scheduleKubelet, type PodState, type Sim, type StopReason } from './cluster-state'
import { eventText } from './events'
import { markGone, refreshPod, setListening, setReady } from './pod-status'

/** kuberuntime_manager.go `minimumGracePeriodInSeconds`. */
const MINIMUM_GRACE_SECONDS = 2
const BACK_OFF_INITIAL_MS = 10_000
const BACK_OFF_MAX_MS = 300_000

function log(sim: Sim, pod: PodState, message: string): void {
  sim.logs.add({ timeMs: sim.now, pod: pod.index, container: sim.spec.container.name, message, kind: 'app' })
}

/**
 * How long the preStop hook runs when started now, before the grace period caps it: its own time when the
 * manifest says (`preStopDuration`, derived once by the model stage), else the assumed `--prestop-http` time.
 */
function hookDuration(sim: Sim, pod: PodState): number {
  const { preStop: hook, preStopDuration: duration } = sim.spec.container
  if (!hook || duration.kind === 'none') return 0
  if (duration.kind === 'known') {
    // The kubelet has no tcpSocket lifecycle handler: the hook fails at once.
    if (duration.from === 'tcpSocket-unsupported') hookFailed(sim, pod)
    return Math.round(duration.seconds * 1000)
  }
  // An httpGet hook against an app that is not listening is refused at once.
  if (hook.type === 'httpGet' && !pod.listening) {
    hookFailed(sim, pod)
    return 0
  }
  if (hook.type === 'httpGet') log(sim, pod, `GET ${hook.path} 200`)
  return sim.timing.preStopHttpMs
}

/**
 * The kubelet's event for a failed preStop hook: `executePreStopHook` (kuberuntime_container.go) leaves the error
 * out of the event, which may hold secrets, and logs it instead.
 */
function hookFailed(sim: Sim, pod: PodState): void {
  sim.events.add(sim.now, 'Warning', 'FailedPreStopHook', `pod/${pod.name}`, eventText.preStopHookFailed)
}

/**
 * Starts stopping the pod's container now. For `deleted` the pod is also marked terminating (it leaves the
 * ready endpoints at once). `graceMs` is the pod's (or the probe's) terminationGracePeriodSeconds.
 */
export function beginStop(sim: Sim, pod: PodState, reason: StopReason, graceMs: number): void {
  if (reason === 'deleted') {
    if (pod.deletedMs !== null) return
    pod.deletedMs = sim.now
    refreshPod(sim, pod)
    if (!pod.containerRunning) {
      markGone(sim, pod)
      return
    }
    sim.events.add(sim.now, 'Normal', 'Killing', `pod/${pod.name}`, eventText.killing(sim.spec.container.name))
  }
  if (pod.stopping || !pod.containerRunning) return
  pod.stopping = true
  const graceSeconds = Math.floor(graceMs / 1000)
  // The hook runs only with a grace period above 0, and the kubelet waits for it until the grace period ends;
  // its time counts against the grace period in whole seconds, and SIGTERM always gets at least 2 seconds
  // (docs/rollout.md#termination).
  const runMs = graceSeconds > 0 ? hookDuration(sim, pod) : 0
  const waitedMs = Math.min(runMs, graceSeconds * 1000)
  const stopGraceSeconds = Math.max(MINIMUM_GRACE_SECONDS, graceSeconds - Math.floor(waitedMs / 1000))
  const sigtermAt = sim.now + waitedMs
  pod.hookEndsMs = sim.now + runMs
  pod.sigkillAtMs = sigtermAt + stopGraceSeconds * 1000
  scheduleKubelet(sim, sigtermAt, { kind: 'sigterm', pod: pod.index, gen: pod.gen })
  scheduleKubelet(sim, pod.sigkillAtMs, { kind: 'sigkill', pod: pod.index, gen: pod.gen })
  sim.terminations.push({
    pod: pod.index,
    reason,
    startMs: sim.now,
    graceSeconds,
    hookEndMs: pod.hookEndsMs,
    hookCut: runMs > waitedMs,
    sigtermMs: sigtermAt,
    stopGraceSeconds,
    sigkillMs: pod.sigkillAtMs,
  })
  pod.stopReason = reason
  refreshPod(sim, pod)
}

function reasonOf(pod: PodState): StopReason {
  return pod.deletedMs !== null ? 'deleted' : (pod.stopReason ?? 'deleted')
}

/** SIGTERM reaches the app. */
export function deliverSigterm(sim: Sim, pod: PodState): void {
  if (!pod.containerRunning || !pod.stopping) return
  pod.sigtermSent = true
  refreshPod(sim, pod)
  switch (sim.timing.sigterm) {
    case 'graceful': {
      log(sim, pod, 'SIGTERM received: closing the listener, finishing in-flight requests')
      const drainMs = pod.listening ? sim.timing.drainMs : 0
      setListening(sim, pod, false)
      if (sim.now + drainMs < pod.sigkillAtMs) scheduleKubelet(sim, sim.now + drainMs, { kind: 'exit', pod: pod.index, gen: pod.gen })
      return
    }
    case 'immediate':
      log(sim, pod, 'SIGTERM received: exiting')
      if (pod.listening) sim.kills.push({ pod: pod.index, timeMs: sim.now, signal: 'sigterm', reason: reasonOf(pod) })
      finishContainer(sim, pod)
      return
    case 'ignore':
      return
  }
}

/** A graceful app finished its in-flight requests and exits. */
export function exitGracefully(sim: Sim, pod: PodState): void {
  if (!pod.containerRunning) return
  log(sim, pod, 'shutdown complete')
  finishContainer(sim, pod)
}

/**
 * The grace period is over: SIGKILL ends whatever is still running. A graceful app that closed its listener may
 * still be finishing requests it accepted before SIGTERM (a long hook cut by the grace period leaves it 2 s):
 * those are reset too, so the kill is recorded whenever the container still runs.
 */
export function deliverSigkill(sim: Sim, pod: PodState): void {
  if (!pod.containerRunning) return
  sim.kills.push({ pod: pod.index, timeMs: sim.now, signal: 'sigkill', reason: reasonOf(pod) })
  finishContainer(sim, pod)
}

function finishContainer(sim: Sim, pod: PodState): void {
  // A hook the kubelet stopped waiting for runs on until the container is gone; an exec (inside the container)
  // or an HTTP call (to its app) then fails, the kubelet's own sleep action does not.
  const hook = sim.spec.container.preStop
  if (pod.stopping && pod.hookEndsMs > sim.now && hook && hook.type !== 'sleep') hookFailed(sim, pod)
  pod.hookEndsMs = -Infinity
  pod.containerRunning = false
  pod.stopping = false
  pod.sigtermSent = false
  pod.gen++
  pod.stopReason = null
  setListening(sim, pod, false)
  setReady(sim, pod, false)
  sim.logs.add({ timeMs: sim.now, pod: pod.index, container: sim.spec.container.name, message: '', kind: 'stop' })
  if (pod.deletedMs !== null) {
    markGone(sim, pod)
    return
  }
  pod.restarts++
  const delay = pod.restarts === 1 ? 0 : Math.min(BACK_OFF_MAX_MS, BACK_OFF_INITIAL_MS * 2 ** (pod.restarts - 2))
  if (delay > 0) sim.events.add(sim.now, 'Warning', 'BackOff', `pod/${pod.name}`, eventText.backOff(sim.spec.container.name, pod.name))
  refreshPod(sim, pod)
  scheduleKubelet(sim, sim.now + delay, { kind: 'restart', pod: pod.index, gen: pod.gen })
}
