/**
 * The preStop hook as a rollout result keeps it: the handler, its duration as the model stage derived it, and
 * how long the simulation ran it — its own time, or the `--prestop-http` time it assumed for a hook whose time is
 * the app's (docs/rollout.md#prestop-and-the-grace-period). Display text is made from this at the edge.
 */
import type { MessageLanguage } from '../messages/catalog'
import { msg, type Message } from '../messages/message'
import { formatMessage } from '../messages/render'
import { preStopRunSeconds } from '../model/prestop-duration'
import type { Handler, PreStopDuration } from '../model/types'
import type { ContainerModel } from './cluster-state'

export interface PreStopSummary {
  readonly handler: Handler
  readonly duration: PreStopDuration
  /** Seconds the simulation ran the hook for, before the grace period caps it. */
  readonly runSeconds: number
  /** True when `runSeconds` is the assumed `--prestop-http` time, not the manifest's. */
  readonly assumed: boolean
}

/** The serving container's hook; null without one. */
export function summarizePreStop(container: ContainerModel, preStopHttpSeconds: number): PreStopSummary | null {
  const { preStop: handler, preStopDuration: duration } = container
  if (!handler) return null
  return { handler, duration, runSeconds: preStopRunSeconds(duration, preStopHttpSeconds), assumed: duration.kind === 'unknown' }
}

const seconds = (n: number): number => Number(n.toFixed(3))

/** The handler as written, in code words: `sleep 5s`, `httpGet /prestop`, `exec ["sleep","10"]`. */
function describeHandler(handler: Handler): string {
  switch (handler.type) {
    case 'sleep':
      return `sleep ${handler.seconds}s`
    case 'httpGet':
      return `httpGet ${handler.path}`
    case 'exec':
      return `exec ${JSON.stringify(handler.command)}`
    default:
      return handler.type
  }
}

/** One line for a person: `exec ["sleep","10"] (10s)`, `httpGet /prestop (5s assumed, --prestop-http)`, `none`. */
export function preStopMessage(preStop: PreStopSummary | null): Message {
  if (!preStop) return msg('prestop-none')
  const hook = describeHandler(preStop.handler)
  if (preStop.assumed) return msg('prestop-assumed', { hook, seconds: seconds(preStop.runSeconds) })
  // A sleep action says its seconds itself.
  return preStop.handler.type === 'sleep' ? msg('prestop-sleep', { hook }) : msg('prestop-run', { hook, seconds: seconds(preStop.runSeconds) })
}

/** `preStopMessage` in words (English unless asked). */
export function formatPreStop(preStop: PreStopSummary | null, language: MessageLanguage = 'en'): string {
  return formatMessage(preStopMessage(preStop), language)
}
