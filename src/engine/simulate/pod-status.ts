/**
 * A pod's observable state, kept consistent in one place: its display phase, Ready and Available conditions,
 * whether the app listens, and its membership in the Service's ready endpoints. Every change is recorded as an
 * interval and, where the Deployment controller would notice, triggers a sync.
 */
import { PodPhase, requestSync, scheduleKubelet, type PodPhaseCode, type PodState, type Sim } from './cluster-state'
import { Track } from './interval-recorder'

function phaseOf(pod: PodState): PodPhaseCode | null {
  if (pod.goneMs !== null) return null
  if (!pod.containerRunning) return pod.containerStarts === 0 ? PodPhase.pending : PodPhase.backOff
  if (pod.stopping) return pod.sigtermSent ? PodPhase.draining : PodPhase.preStop
  if (!pod.listening) return PodPhase.starting
  return pod.ready ? PodPhase.ready : PodPhase.notReady
}

/** Recomputes the display phase and the endpoint membership from the pod's fields. */
export function refreshPod(sim: Sim, pod: PodState): void {
  sim.stateChanges++
  const phase = phaseOf(pod)
  pod.phase = phase
  sim.record.set(pod.index, Track.phase, phase, sim.now)
  // EndpointSlice: ready = serving && !terminating (docs/rollout.md#endpoints-and-ingress-lag).
  const endpoint = pod.ready && pod.deletedMs === null && pod.goneMs === null
  sim.record.set(pod.index, Track.endpoint, endpoint ? 1 : null, sim.now)
}

export function setListening(sim: Sim, pod: PodState, listening: boolean): void {
  if (pod.listening === listening) return
  pod.listening = listening
  sim.record.set(pod.index, Track.listening, listening ? 1 : null, sim.now)
  refreshPod(sim, pod)
}

/** Sets the Available condition directly (minReadySeconds timers and settled old pods). */
export function setAvailable(sim: Sim, pod: PodState, available: boolean): void {
  if (pod.available === available) return
  pod.available = available
  sim.stateChanges++
  sim.record.set(pod.index, Track.available, available ? 1 : null, sim.now)
  requestSync(sim)
}

/** Sets the Ready condition; Available follows after minReadySeconds of uninterrupted readiness. */
export function setReady(sim: Sim, pod: PodState, ready: boolean): void {
  if (pod.ready === ready) return
  pod.ready = ready
  pod.readyEpoch++
  sim.record.set(pod.index, Track.ready, ready ? 1 : null, sim.now)
  if (ready) {
    pod.readySinceMs = sim.now
    if (sim.spec.minReadyMs === 0) setAvailable(sim, pod, true)
    else scheduleKubelet(sim, sim.now + sim.spec.minReadyMs, { kind: 'available', pod: pod.index, epoch: pod.readyEpoch })
  } else {
    setAvailable(sim, pod, false)
  }
  refreshPod(sim, pod)
  requestSync(sim)
}

/** A minReadySeconds timer fired: the pod becomes available if it stayed Ready all along. */
export function handleAvailableTimer(sim: Sim, pod: PodState, epoch: number): void {
  if (pod.readyEpoch === epoch && pod.ready && pod.goneMs === null) setAvailable(sim, pod, true)
}

/** The pod object is gone (its last container exited after deletion): every track ends now. */
export function markGone(sim: Sim, pod: PodState): void {
  sim.stateChanges++
  pod.goneMs = sim.now
  pod.gen++
  pod.containerRunning = false
  pod.listening = false
  pod.ready = false
  pod.available = false
  for (const track of [Track.phase, Track.ready, Track.available, Track.endpoint, Track.listening]) {
    sim.record.set(pod.index, track, null, sim.now)
  }
  requestSync(sim)
}
