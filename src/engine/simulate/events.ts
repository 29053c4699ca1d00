/**
 * Kubernetes-style events (what `kubectl get events` and `kubectl describe` show), recorded as the simulation
 * runs. Identical events on the same object are folded into one with a count, as the event recorder does. Each
 * event's text is a message whose English template is Kubernetes' own wording (`messages/en/rollout.ts`), so
 * `message` is what kubectl prints and other languages explain it.
 */
import { msg, type Message } from '../messages/message'
import { formatMessage } from '../messages/render'
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
  /** The message as a message of the catalog: said in the reader's language beside `message`. */
  readonly text: Message
  /** Word for word as Kubernetes records it (`text` in English). */
  readonly message: string
}

export interface EventLog {
  /** Records an event; events stamped before time 0 are ignored. */
  add(timeMs: number, type: ClusterEvent['type'], reason: string, object: string, text: Message): void
  /** Events in order of first occurrence, and how many distinct events were left out past the cap. */
  finish(): { events: ClusterEvent[]; dropped: number }
}

/**
 * What makes two events the same one (the recorder folds them): object, reason and message. The message is
 * compared as its id and parameters, so only a new event is rendered (probe failures repeat thousands of times).
 */
function eventKey(object: string, reason: string, text: Message): string {
  let key = `${object}\u0000${reason}\u0000${text.id}`
  for (const value of Object.values(text.params)) key += `\u0000${typeof value === 'object' ? JSON.stringify(value) : value}`
  return key
}

export function createEventLog(cap: number = ROLLOUT_LIMITS.maxEvents): EventLog {
  const events: ClusterEvent[] = []
  const byKey = new Map<string, number>()
  let dropped = 0
  return {
    add(timeMs, type, reason, object, text) {
      // The settled state before the simulation starts (old pods created long ago) is not part of the record.
      if (timeMs < 0) return
      const key = eventKey(object, reason, text)
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
      events.push({ timeMs, lastMs: timeMs, count: 1, type, reason, object, text, message: formatMessage(text) })
    },
    finish: () => ({ events, dropped }),
  }
}

/** The events' messages (English: as the Kubernetes components word them). */
export const eventText = {
  scaledReplicaSet: (up: boolean, replicaSet: string, replicas: number): Message =>
    msg(up ? 'event-scaled-up-replica-set' : 'event-scaled-down-replica-set', { replicaSet, replicas }),
  createdPod: (pod: string): Message => msg('event-created-pod', { pod }),
  deletedPod: (pod: string): Message => msg('event-deleted-pod', { pod }),
  scheduled: (namespace: string, pod: string, node: string): Message => msg('event-scheduled', { namespace, pod, node }),
  pulling: (image: string): Message => msg('event-pulling', { image }),
  pulled: (image: string, seconds: number): Message => msg('event-pulled', { image, seconds }),
  created: (container: string): Message => msg('event-created-container', { container }),
  started: (container: string): Message => msg('event-started-container', { container }),
  killing: (container: string): Message => msg('event-stopping-container', { container }),
  probeKilling: (container: string, probe: 'liveness' | 'startup'): Message =>
    msg(probe === 'liveness' ? 'event-liveness-probe-restart' : 'event-startup-probe-restart', { container }),
  /** `detail` is the probe's error as the kubelet reports it (a `probe-error-*` message). */
  probeFailed: (probe: 'Readiness' | 'Liveness' | 'Startup', detail: Message): Message =>
    msg(probe === 'Readiness' ? 'event-readiness-probe-failed' : probe === 'Liveness' ? 'event-liveness-probe-failed' : 'event-startup-probe-failed', { detail }),
  backOff: (container: string, pod: string): Message => msg('event-back-off', { container, pod }),
  /** Current kubelets leave the hook's error out of the event (it may hold secrets). */
  preStopHookFailed: msg('event-prestop-hook-failed'),
}
