/**
 * Kubernetes-style events (what `kubectl get events` and `kubectl describe` show), recorded as the simulation
 * runs. Identical events on the same object are folded into one with a count, as the event recorder does.
 */
import { ROLLOUT_LIMITS } from './parameters'

export interface ClusterEvent {
  /** First occurrence. */
  readonly timeMs: number
  /** Last occurrence (equals `timeMs` when `count` is 1). */
  readonly lastMs: number
  readonly count: number
  readonly type: 'Normal' | 'Warning'
  readonly reason: string
  /** `kind/name`, e.g. `deployment/websample`, `replicaset/websample-5d8f7`, `pod/websample-5d8f7-q8zrt`. */
  readonly object: string
  readonly message: string
}

export interface EventLog {
  /** Records an event; events stamped before time 0 are ignored. */
  add(timeMs: number, type: ClusterEvent['type'], reason: string, object: string, message: string): void
  /** Events in order of first occurrence, and how many distinct events were left out past the cap. */
  finish(): { events: ClusterEvent[]; dropped: number }
}

export function createEventLog(cap: number = ROLLOUT_LIMITS.maxEvents): EventLog {
  const events: ClusterEvent[] = []
  const byKey = new Map<string, number>()
  let dropped = 0
  return {
    add(timeMs, type, reason, object, message) {
      // The settled state before the simulation starts (old pods created long ago) is not part of the record.
      if (timeMs < 0) return
      const key = `${object}\u0000${reason}\u0000${message}`
      const at = byKey.get(key)
      if (at !== undefined) {
        const e = events[at]!
        events[at] = { ...e, lastMs: timeMs, count: e.count + 1 }
        return
      }
      if (events.length >= cap) {
        dropped++
        return
      }
      byKey.set(key, events.length)
      events.push({ timeMs, lastMs: timeMs, count: 1, type, reason, object, message })
    },
    finish: () => ({ events, dropped }),
  }
}

/** Message texts, as the Kubernetes components word them. */
export const eventText = {
  scaledReplicaSet: (up: boolean, rs: string, replicas: number): string =>
    `Scaled ${up ? 'up' : 'down'} replica set ${rs} to ${replicas}`,
  createdPod: (pod: string): string => `Created pod: ${pod}`,
  deletedPod: (pod: string): string => `Deleted pod: ${pod}`,
  scheduled: (namespace: string, pod: string, node: string): string => `Successfully assigned ${namespace}/${pod} to ${node}`,
  pulling: (image: string): string => `Pulling image "${image}"`,
  pulled: (image: string, seconds: number): string => `Successfully pulled image "${image}" in ${seconds}s`,
  created: (container: string): string => `Created container ${container}`,
  started: (container: string): string => `Started container ${container}`,
  killing: (container: string): string => `Stopping container ${container}`,
  probeKilling: (container: string, probe: string): string => `Container ${container} failed ${probe} probe, will be restarted`,
  backOff: (container: string, pod: string): string => `Back-off restarting failed container ${container} in pod ${pod}`,
  /** Current kubelets leave the hook's error out of the event (it may hold secrets). */
  preStopHookFailed: 'PreStopHook failed',
}
