/**
 * Why requests failed and what to change, as data: one cause and one remedy per failure detail, with the run's
 * own numbers (endpoint lag, the preStop hook's duration, grace period, app start) as parameters, and the change
 * that applies the remedy — operations on the Deployment's YAML (`FixOp`s, applied as quick fixes are) or, when
 * the fix is in the app or outside the manifest, the simulation parameters that model it. The messages are made
 * from the data in `advice-text.ts`; `why` and `fix` carry them for the views, which say them in their language.
 */
import type { FixOp } from '../fix/types'
import { buildServiceTimes } from './latency'
import type { RolloutParameters, SigtermBehaviour } from './parameters'
import type { FailureDetail } from './request-outcome'
import type { RolloutResult } from './simulate-rollout'
import type { Message } from '../messages/message'
import { causeMessage, remedyMessage } from './advice-text'

/** Why one kind of failure happened: the failure detail and the numbers that explain it. */
export type FailureCause =
  | { readonly kind: 'no-endpoints' }
  | { readonly kind: 'app-not-started'; readonly hasReadinessProbe: boolean; readonly appStartSeconds: number | null }
  | { readonly kind: 'listener-closed'; readonly lagSeconds: number }
  | { readonly kind: 'pod-gone'; readonly lagSeconds: number }
  | { readonly kind: 'container-restarting' }
  | { readonly kind: 'killed-on-sigterm' }
  | {
      readonly kind: 'killed-at-grace-end'
      readonly sigterm: SigtermBehaviour
      readonly graceSeconds: number
      /** Seconds the hook ran (the grace period cuts it); `preStopAssumed` when that is the --prestop-http time. */
      readonly preStopSeconds: number
      readonly preStopAssumed: boolean
    }
  | { readonly kind: 'killed-by-probe' }
  | { readonly kind: 'upstream-timeout'; readonly proxyReadTimeoutSeconds: number }
  | { readonly kind: 'client-timeout'; readonly timeoutSeconds: number }

/** What the hook is today, for the preStop remedy. */
export type HookState = 'none' | 'sleep-action' | 'exec-sleep' | 'exec-script' | 'assumed'

/** The change that prevents a cause. */
export type FailureRemedy =
  | { readonly kind: 'rolling-update-instead-of-recreate' }
  | { readonly kind: 'keep-one-serving'; readonly replicas: number; readonly maxUnavailable: number }
  | { readonly kind: 'probe-the-serving-port' }
  | { readonly kind: 'add-readiness-probe'; readonly port: number }
  | { readonly kind: 'lengthen-prestop'; readonly hook: HookState; readonly lagSeconds: number; readonly currentSeconds: number; readonly suggestedSeconds: number }
  | { readonly kind: 'drain-on-sigterm' }
  | { readonly kind: 'receive-sigterm' }
  | { readonly kind: 'raise-grace'; readonly preStopSeconds: number; readonly longestRequestSeconds: number; readonly currentSeconds: number; readonly suggestedSeconds: number }
  | { readonly kind: 'add-startup-probe'; readonly appStartSeconds: number | null; readonly port: number; readonly periodSeconds: number; readonly failureThreshold: number }
  | { readonly kind: 'raise-proxy-read-timeout'; readonly currentSeconds: number; readonly suggestedSeconds: number }
  | { readonly kind: 'raise-client-timeout'; readonly currentSeconds: number; readonly suggestedSeconds: number }

export type RemedyKind = FailureRemedy['kind']

/** How to apply a remedy: edit the Deployment's YAML, or (a fix in the app or outside the manifest) run with these parameters. */
export type AdviceChange =
  | { readonly kind: 'manifest'; readonly source: RolloutResult['deployment']['source']; readonly ops: readonly FixOp[] }
  | { readonly kind: 'parameters'; readonly parameters: Partial<RolloutParameters> }

/** The explanation of one kind of failure and the configuration change that prevents it. */
export interface FailureAdvice {
  readonly cause: FailureCause
  readonly remedy: FailureRemedy
  readonly change: AdviceChange
  /** `causeMessage(cause)`. */
  readonly why: Message
  /** `remedyMessage(remedy)`. */
  readonly fix: Message
}

/** What a preStop sleep must outlast: twice the endpoint lag, at least 5 s. */
const suggestedPreStop = (lagSeconds: number): number => Math.max(5, Math.ceil(lagSeconds * 2))
const removeLag = (p: RolloutParameters): number => p.endpointRemoveLagSeconds ?? p.endpointLagSeconds

function hookState(r: RolloutResult): HookState {
  const hook = r.deployment.preStop
  if (!hook) return 'none'
  if (hook.duration.kind === 'unknown') return 'assumed'
  if (hook.handler.type === 'sleep') return 'sleep-action'
  if (hook.handler.type === 'exec' && !hook.handler.command.some((word) => word === '-c')) return 'exec-sleep'
  // A script, or a known hook another way (tcpSocket): replace it with the sleep action.
  return hook.handler.type === 'exec' ? 'exec-script' : 'none'
}

function lengthenPreStop(r: RolloutResult): { remedy: FailureRemedy; change: AdviceChange } {
  const lag = removeLag(r.parameters)
  const hook = hookState(r)
  const suggestedSeconds = suggestedPreStop(lag)
  const remedy: FailureRemedy = { kind: 'lengthen-prestop', hook, lagSeconds: lag, currentSeconds: r.deployment.preStop?.runSeconds ?? 0, suggestedSeconds }
  const at = [...r.deployment.container.at, 'lifecycle', 'preStop']
  const handler = r.deployment.preStop?.handler
  if (hook === 'assumed') return { remedy, change: { kind: 'parameters', parameters: { preStopHttpSeconds: suggestedSeconds } } }
  if (hook === 'exec-sleep' && handler?.type === 'exec') {
    // Keep the program (`sleep`, `/bin/sleep`, `busybox sleep`), give it one argument.
    const program = handler.command.slice(0, handler.command.findIndex((word) => word.endsWith('sleep')) + 1)
    return { remedy, change: manifest(r, [{ op: 'set', path: [...at, 'exec', 'command'], value: [...program, String(suggestedSeconds)] }]) }
  }
  // No hook, the sleep action, or a script (replaced: its other commands cannot be kept in a sleep action).
  const ops: FixOp[] = hook === 'sleep-action' ? [{ op: 'set', path: [...at, 'sleep', 'seconds'], value: suggestedSeconds }] : [{ op: 'set', path: at, value: { sleep: { seconds: suggestedSeconds } } }]
  return { remedy, change: manifest(r, ops) }
}

const manifest = (r: RolloutResult, ops: readonly FixOp[]): AdviceChange => ({ kind: 'manifest', source: r.deployment.source, ops })
const parameters = (p: Partial<RolloutParameters>): AdviceChange => ({ kind: 'parameters', parameters: p })

/** The longest a request takes through the ingress, in seconds (service time plus the ingress's overhead). */
function longestRequestSeconds(p: RolloutParameters): number {
  return Math.max(...buildServiceTimes(p.requestSeconds, p.latencySpread)) / 1e9 + p.ingressOverheadSeconds
}

function raiseGrace(r: RolloutResult): { remedy: FailureRemedy; change: AdviceChange } {
  const preStopSeconds = r.deployment.preStop?.runSeconds ?? 0
  const longest = longestRequestSeconds(r.parameters)
  const drain = r.parameters.drainSeconds ?? longest
  const suggestedSeconds = Math.ceil(preStopSeconds + Math.max(drain, longest * 2) + 5)
  const remedy: FailureRemedy = { kind: 'raise-grace', preStopSeconds, longestRequestSeconds: longest, currentSeconds: r.deployment.terminationGracePeriodSeconds, suggestedSeconds }
  return { remedy, change: manifest(r, [{ op: 'set', path: [...r.deployment.templateAt, 'spec', 'terminationGracePeriodSeconds'], value: suggestedSeconds }]) }
}

function addStartupProbe(r: RolloutResult): { remedy: FailureRemedy; change: AdviceChange } {
  const start = r.parameters.appStartSeconds
  const periodSeconds = 2
  // Room for the app's start twice over, and never fewer attempts than the default 3.
  const failureThreshold = Math.max(3, Math.ceil(((start ?? 0) * 2 + r.parameters.podStartSeconds) / periodSeconds))
  const { port, at } = r.deployment.container
  const remedy: FailureRemedy = { kind: 'add-startup-probe', appStartSeconds: start, port, periodSeconds, failureThreshold }
  return { remedy, change: manifest(r, [{ op: 'set', path: [...at, 'startupProbe'], value: { tcpSocket: { port }, periodSeconds, failureThreshold } }]) }
}

function causeOf(detail: FailureDetail, r: RolloutResult): FailureCause {
  const p = r.parameters
  switch (detail) {
    case 'app-not-started':
      return { kind: detail, hasReadinessProbe: r.deployment.hasReadinessProbe, appStartSeconds: p.appStartSeconds }
    case 'listener-closed':
    case 'pod-gone':
      return { kind: detail, lagSeconds: removeLag(p) }
    case 'killed-at-grace-end':
      return {
        kind: detail,
        sigterm: p.sigterm,
        graceSeconds: r.deployment.terminationGracePeriodSeconds,
        preStopSeconds: Math.min(r.deployment.preStop?.runSeconds ?? 0, r.deployment.terminationGracePeriodSeconds),
        preStopAssumed: r.deployment.preStop?.assumed ?? false,
      }
    case 'upstream-timeout':
      return { kind: detail, proxyReadTimeoutSeconds: p.proxyReadTimeoutSeconds }
    case 'client-timeout':
      return { kind: detail, timeoutSeconds: p.timeoutSeconds }
    default:
      return { kind: detail }
  }
}

function remedyOf(detail: FailureDetail, r: RolloutResult): { remedy: FailureRemedy; change: AdviceChange } {
  const p = r.parameters
  const d = r.deployment
  const strategyAt = ['spec', 'strategy']
  switch (detail) {
    case 'no-endpoints':
      return d.strategy === 'Recreate'
        ? { remedy: { kind: 'rolling-update-instead-of-recreate' }, change: manifest(r, [{ op: 'set', path: strategyAt, value: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }]) }
        : {
            remedy: { kind: 'keep-one-serving', replicas: d.replicas, maxUnavailable: r.resolved.maxUnavailable },
            change: manifest(r, [
              { op: 'set', path: [...strategyAt, 'rollingUpdate', 'maxSurge'], value: 1 },
              { op: 'set', path: [...strategyAt, 'rollingUpdate', 'maxUnavailable'], value: 0 },
            ]),
          }
    case 'app-not-started':
      return d.hasReadinessProbe
        ? { remedy: { kind: 'probe-the-serving-port' }, change: parameters({ probesTestServing: true }) }
        : {
            remedy: { kind: 'add-readiness-probe', port: d.container.port },
            change: manifest(r, [{ op: 'set', path: [...d.container.at, 'readinessProbe'], value: { tcpSocket: { port: d.container.port }, periodSeconds: 2 } }]),
          }
    case 'listener-closed':
    case 'pod-gone':
      return lengthenPreStop(r)
    case 'killed-on-sigterm':
      return { remedy: { kind: 'drain-on-sigterm' }, change: parameters({ sigterm: 'graceful' }) }
    case 'killed-at-grace-end':
      return p.sigterm === 'ignore' ? { remedy: { kind: 'receive-sigterm' }, change: parameters({ sigterm: 'graceful' }) } : raiseGrace(r)
    case 'container-restarting':
    case 'killed-by-probe':
      return addStartupProbe(r)
    case 'upstream-timeout': {
      const suggestedSeconds = Math.ceil(longestRequestSeconds(p) * 2)
      return { remedy: { kind: 'raise-proxy-read-timeout', currentSeconds: p.proxyReadTimeoutSeconds, suggestedSeconds }, change: parameters({ proxyReadTimeoutSeconds: suggestedSeconds }) }
    }
    case 'client-timeout': {
      const suggestedSeconds = Math.ceil(Math.min(longestRequestSeconds(p), p.proxyReadTimeoutSeconds + p.ingressOverheadSeconds) * 2)
      return { remedy: { kind: 'raise-client-timeout', currentSeconds: p.timeoutSeconds, suggestedSeconds }, change: parameters({ timeoutSeconds: suggestedSeconds }) }
    }
  }
}

/** Cause, remedy and change for a failure detail, from the run's parameters and the Deployment's settings. */
export function adviseOn(detail: FailureDetail, r: RolloutResult): FailureAdvice {
  const cause = causeOf(detail, r)
  const { remedy, change } = remedyOf(detail, r)
  return { cause, remedy, change, why: causeMessage(cause), fix: remedyMessage(remedy) }
}
