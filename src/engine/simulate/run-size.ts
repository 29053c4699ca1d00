/**
 * How big a run is before it runs: probe attempts dominate the cluster simulation's cost (every pod is probed
 * every period, whether the rollout has started or not), so a run whose estimate is above
 * `ROLLOUT_LIMITS.maxProbeAttempts` is refused with the numbers and what to lower, instead of taking minutes.
 */
import type { RolloutSpec } from './cluster-state'
import { parameterRow } from './parameter-table'
import type { RolloutParameters } from './parameters'
import { ROLLOUT_LIMITS } from './rollout-limits'
import { problemText, type RolloutProblem } from './rollout-spec'
import { msg } from '../messages/message'

export interface RunSize {
  /** Pods alive at once at most: the replicas plus the surge. */
  readonly pods: number
  /** Simulated seconds at most: the load's length (or its ceiling) or the rollout's start, whichever is later. */
  readonly seconds: number
  /** Probe attempts per pod and second (readiness and liveness; startup probes stop at their first success). */
  readonly attemptsPerPodSecond: number
  readonly probeAttempts: number
  /** The parameter that sets `seconds`. */
  readonly longest: 'durationSeconds' | 'maxDurationSeconds' | 'rolloutAtSeconds'
}

export function estimateRunSize(spec: RolloutSpec, params: RolloutParameters): RunSize {
  const pods = spec.replicas + spec.maxSurge
  const load = params.durationSeconds ?? params.maxDurationSeconds
  const seconds = Math.max(load, params.rolloutAtSeconds)
  const longest = params.rolloutAtSeconds > load ? 'rolloutAtSeconds' : params.durationSeconds !== null ? 'durationSeconds' : 'maxDurationSeconds'
  const { readiness, liveness } = spec.container
  const attemptsPerPodSecond = (readiness ? 1 / readiness.periodSeconds : 0) + (liveness ? 1 / liveness.periodSeconds : 0)
  return { pods, seconds, attemptsPerPodSecond, probeAttempts: Math.ceil(pods * seconds * attemptsPerPodSecond), longest }
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US')

/** The refusal for a run above the limit, or null when it fits. */
export function checkRunSize(spec: RolloutSpec, params: RolloutParameters): RolloutProblem | null {
  const size = estimateRunSize(spec, params)
  const limit = ROLLOUT_LIMITS.maxProbeAttempts
  if (size.probeAttempts <= limit) return null
  return {
    code: 'rollout-too-large',
    ...problemText(
      msg('rollout-too-many-probe-attempts', {
        attempts: count(size.probeAttempts),
        pods: count(size.pods),
        seconds: count(size.seconds),
        perPodSecond: size.attemptsPerPodSecond.toFixed(2),
        max: count(limit),
        durationFlag: parameterRow('durationSeconds').flag ?? '',
        rolloutAtFlag: parameterRow('rolloutAtSeconds').flag ?? '',
      }),
    ),
    field: ['spec', 'replicas'],
    parameter: size.longest,
    limit: { measure: 'probe-attempts', value: size.probeAttempts, max: limit },
  }
}
