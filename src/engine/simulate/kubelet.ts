/**
 * The kubelet side of a pod (docs/rollout.md#probes): scheduling and image pull, container start, the app
 * starting to listen, and the three probe workers with their real timing (attempts at container start +
 * initialDelaySeconds + k × periodSeconds) and thresholds. Liveness and startup failures hand the container to
 * `termination.ts`, which also restarts it with back-off.
 */
import { msg, type Message } from '../messages/message'
import type { Handler, Probe } from '../model/types'
import {
  PROBE_KIND_NAMES,
  ProbeKind,
  requestSync,
  scheduleKubelet,
  type PodState,
  type ProbeKindCode,
  type ReplicaSetState,
  type Sim,
} from './cluster-state'
import { eventText } from './events'
import { generatePodSuffix, podIp } from './naming'
import { refreshPod, setListening, setReady } from './pod-status'
import { beginStop } from './termination'

const NODES = ['node-1', 'node-2', 'node-3']

function probeOf(sim: Sim, kind: ProbeKindCode): Probe | undefined {
  const c = sim.spec.container
  return kind === ProbeKind.readiness ? c.readiness : kind === ProbeKind.liveness ? c.liveness : c.startup
}

function uniquePodName(sim: Sim, rs: ReplicaSetState): string {
  for (;;) {
    const name = `${rs.name}-${generatePodSuffix(sim.prng)}`
    if (!sim.pods.some((p) => p.name === name)) return name
  }
}

function jitter(sim: Sim): number {
  return sim.timing.jitterMs > 0 ? sim.prng.nextFloat() * sim.timing.jitterMs : 0
}

/** A new pod of `rs`, created now by the ReplicaSet controller; its container starts after the pod start delay. */
export function createPod(sim: Sim, rs: ReplicaSetState): PodState {
  const index = sim.pods.length
  const pod: PodState = {
    index,
    name: uniquePodName(sim, rs),
    rs: rs.index,
    ip: podIp(index),
    node: NODES[index % NODES.length]!,
    createdMs: sim.now,
    deletedMs: null,
    goneMs: null,
    gen: 0,
    containerStarts: 0,
    containerRunning: false,
    listening: false,
    stopping: false,
    stopReason: null,
    sigtermSent: false,
    sigkillAtMs: Infinity,
    hookEndsMs: -Infinity,
    ready: false,
    readySinceMs: 0,
    readyEpoch: 0,
    available: false,
    startupDone: false,
    readinessBroken: false,
    readinessOk: 0,
    readinessFail: 0,
    livenessFail: 0,
    startupFail: 0,
    restarts: 0,
    phase: null,
  }
  sim.pods.push(pod)
  rs.pods.push(index)
  const object = `pod/${pod.name}`
  sim.events.add(sim.now, 'Normal', 'SuccessfulCreate', `replicaset/${rs.name}`, eventText.createdPod(pod.name))
  sim.events.add(sim.now, 'Normal', 'Scheduled', object, eventText.scheduled(sim.spec.namespace, pod.name, pod.node))
  sim.events.add(sim.now, 'Normal', 'Pulling', object, eventText.pulling(rs.image))
  refreshPod(sim, pod)
  scheduleKubelet(sim, sim.now + sim.timing.podStartMs + jitter(sim), { kind: 'container-start', pod: index, gen: pod.gen })
  return pod
}

/** Starts (or restarts) the pod's container: the app begins starting and the probe workers begin. */
export function startContainer(sim: Sim, pod: PodState): void {
  const rs = sim.rss[pod.rs]!
  const c = sim.spec.container
  const object = `pod/${pod.name}`
  if (pod.containerStarts === 0) {
    const seconds = Math.round((sim.now - pod.createdMs) / 10) / 100
    sim.events.add(sim.now, 'Normal', 'Pulled', object, eventText.pulled(rs.image, seconds))
  }
  sim.events.add(sim.now, 'Normal', 'Created', object, eventText.created(c.name))
  sim.events.add(sim.now, 'Normal', 'Started', object, eventText.started(c.name))
  pod.containerStarts++
  pod.containerRunning = true
  pod.stopping = false
  pod.sigtermSent = false
  pod.sigkillAtMs = Infinity
  pod.startupDone = c.startup === undefined
  pod.readinessOk = 0
  pod.readinessFail = 0
  pod.livenessFail = 0
  pod.startupFail = 0
  sim.logs.add({ timeMs: sim.now, pod: pod.index, container: c.name, message: '', kind: 'start' })
  if (sim.timing.appStartMs !== null) {
    scheduleKubelet(sim, sim.now + sim.timing.appStartMs + jitter(sim), { kind: 'app-listen', pod: pod.index, gen: pod.gen })
  }
  for (const kind of [ProbeKind.readiness, ProbeKind.liveness, ProbeKind.startup] as const) {
    const probe = probeOf(sim, kind)
    if (!probe) continue
    const first = sim.now + probe.initialDelaySeconds * 1000 + sim.timing.probeOffsetMs
    scheduleKubelet(sim, first, { kind: 'probe', pod: pod.index, gen: pod.gen, probe: kind })
  }
  if (c.readiness === undefined && pod.startupDone) setReady(sim, pod, true)
  refreshPod(sim, pod)
  requestSync(sim)
}

/** The app opened its listener. */
export function startListening(sim: Sim, pod: PodState): void {
  sim.logs.add({ timeMs: sim.now, pod: pod.index, container: sim.spec.container.name, message: `listening on :${sim.spec.container.port}`, kind: 'app' })
  setListening(sim, pod, true)
}

function handlerPort(sim: Sim, handler: Handler): number {
  if (handler.type === 'exec' || handler.type === 'sleep') return sim.spec.container.port
  return typeof handler.port === 'number' ? handler.port : sim.spec.container.port
}

/** The probe failure the kubelet reports in its `Unhealthy` event (Go's words in English). */
function describeFailure(sim: Sim, pod: PodState, probe: Probe): Message {
  const h = probe.handler
  const address = `${pod.ip}:${handlerPort(sim, h)}`
  if (pod.listening) return msg('probe-error-http-status', { status: 503 })
  switch (h.type) {
    case 'httpGet':
      return msg('probe-error-http-refused', { url: `${h.scheme.toLowerCase()}://${address}${h.path}`, address })
    case 'tcpSocket':
      return msg('probe-error-tcp-refused', { address })
    case 'grpc':
      return msg('probe-error-grpc-timeout', { address, seconds: probe.timeoutSeconds })
    default:
      return msg('probe-error-exec-exit', { code: 1 })
  }
}

/** One probe attempt of the current container; reschedules itself every periodSeconds. */
export function runProbe(sim: Sim, pod: PodState, kind: ProbeKindCode): void {
  const probe = probeOf(sim, kind)
  if (!probe || !pod.containerRunning) return
  // Liveness and startup workers stop once the pod is being deleted; startup stops after its first success.
  if (kind !== ProbeKind.readiness && pod.deletedMs !== null) return
  if (kind === ProbeKind.startup && pod.startupDone) return
  const next = (): void => scheduleKubelet(sim, sim.now + probe.periodSeconds * 1000, { kind: 'probe', pod: pod.index, gen: pod.gen, probe: kind })
  if (kind !== ProbeKind.startup && !pod.startupDone) return next()

  const up = sim.timing.probesTestServing ? pod.listening : pod.containerRunning
  const ok = up && !(kind === ProbeKind.readiness && pod.readinessBroken)
  sim.probes.push({ pod: pod.index, timeMs: sim.now, kind, ok })
  if (ok && probe.handler.type === 'httpGet') {
    sim.logs.add({ timeMs: sim.now, pod: pod.index, container: sim.spec.container.name, message: `GET ${probe.handler.path} 200`, kind: 'app' })
  }
  if (!ok) {
    sim.events.add(sim.now, 'Warning', 'Unhealthy', `pod/${pod.name}`, eventText.probeFailed(PROBE_KIND_NAMES[kind], describeFailure(sim, pod, probe)))
  }
  if (kind === ProbeKind.readiness) {
    pod.readinessOk = ok ? pod.readinessOk + 1 : 0
    pod.readinessFail = ok ? 0 : pod.readinessFail + 1
    if (!pod.ready && pod.readinessOk >= probe.successThreshold) setReady(sim, pod, true)
    if (pod.ready && pod.readinessFail >= probe.failureThreshold) setReady(sim, pod, false)
    return next()
  }
  if (kind === ProbeKind.startup && ok) {
    pod.startupDone = true
    if (sim.spec.container.readiness === undefined) setReady(sim, pod, true)
    return
  }
  const failures = ok ? 0 : (kind === ProbeKind.liveness ? pod.livenessFail : pod.startupFail) + 1
  if (kind === ProbeKind.liveness) pod.livenessFail = failures
  else pod.startupFail = failures
  if (failures >= probe.failureThreshold) {
    const name = kind === ProbeKind.liveness ? 'liveness' : 'startup'
    sim.events.add(sim.now, 'Normal', 'Killing', `pod/${pod.name}`, eventText.probeKilling(sim.spec.container.name, name))
    const graceMs = (probe.terminationGracePeriodSeconds ?? sim.spec.graceMs / 1000) * 1000
    beginStop(sim, pod, name, graceMs)
    return
  }
  next()
}
