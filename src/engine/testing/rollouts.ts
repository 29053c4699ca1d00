/**
 * Rollout fixtures: the seed's `websample` Deployment as YAML with the parts a simulation test varies, modelled
 * through the model stage, and small readers of a simulation's result.
 */
import type { Deployment, IntOrString } from '../model/types'
import type { IntervalTrack } from '../simulate/interval-recorder'
import type { RolloutParameters } from '../simulate/parameters'
import { simulateRollout, type RolloutResult } from '../simulate/simulate-rollout'
import { deploymentYaml, type HandlerSpec, type ProbeSpec } from './manifests'
import { deploymentOf } from './models'

/** An httpGet probe on `path` with only the given timings (the rest are Kubernetes' defaults via the model). */
export function httpProbe(path: string, timings: Omit<ProbeSpec, 'handler'> = {}, port = 5000): ProbeSpec {
  return { handler: { type: 'httpGet', path, port }, ...timings }
}

export interface WebsampleOptions {
  readonly name?: string
  /** Default: extensions/v1beta1, the seed's (no progress deadline, unlimited history unless written). */
  readonly apiVersion?: string
  readonly replicas?: number
  readonly strategy?: 'RollingUpdate' | 'Recreate'
  /** Default 25%, as the seed writes it. */
  readonly maxSurge?: IntOrString
  /** Default 25%, as the seed writes it. */
  readonly maxUnavailable?: IntOrString
  readonly minReadySeconds?: number
  /** Unset (or null): the API version's default. */
  readonly progressDeadlineSeconds?: number | null
  readonly revisionHistoryLimit?: number | null
  readonly paused?: boolean
  readonly grace?: number
  readonly image?: string
  /** `null` removes the probe. Default: httpGet /readiness (and /liveness) on 5000. */
  readonly readinessProbe?: ProbeSpec | null
  readonly livenessProbe?: ProbeSpec | null
  readonly startupProbe?: ProbeSpec
  /** `null` removes the hook. Default: httpGet /prestop on 5000. */
  readonly preStop?: HandlerSpec | null
}

/** The seed's `websample` Deployment (label `run`, port 5000, probes and an httpGet preStop) with `o` applied. */
export function websampleYaml(o: WebsampleOptions = {}): string {
  const name = o.name ?? 'websample'
  return deploymentYaml(name, {
    apiVersion: o.apiVersion ?? 'extensions/v1beta1',
    podLabels: { run: name },
    ...(o.replicas !== undefined ? { replicas: o.replicas } : {}),
    strategy: o.strategy === 'Recreate'
      ? { type: 'Recreate' }
      : { type: 'RollingUpdate', maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' },
    ...(o.minReadySeconds !== undefined ? { minReadySeconds: o.minReadySeconds } : {}),
    ...(o.progressDeadlineSeconds != null ? { progressDeadlineSeconds: o.progressDeadlineSeconds } : {}),
    ...(o.revisionHistoryLimit != null ? { revisionHistoryLimit: o.revisionHistoryLimit } : {}),
    ...(o.paused !== undefined ? { paused: o.paused } : {}),
    ...(o.grace !== undefined ? { grace: o.grace } : {}),
    containers: [{
      name,
      image: o.image ?? 'acadx0/190713:v1',
      imagePullPolicy: 'Always',
      ports: [{ containerPort: 5000, protocol: 'TCP' }],
      ...(o.readinessProbe !== null ? { readinessProbe: o.readinessProbe ?? httpProbe('/readiness') } : {}),
      ...(o.livenessProbe !== null ? { livenessProbe: o.livenessProbe ?? httpProbe('/liveness') } : {}),
      ...(o.startupProbe ? { startupProbe: o.startupProbe } : {}),
      ...(o.preStop !== null ? { preStop: o.preStop ?? { type: 'httpGet', path: '/prestop', port: 5000 } } : {}),
    }],
  })
}

/** `websampleYaml(o)` through the model stage. */
export function websample(o: WebsampleOptions = {}): Deployment {
  return deploymentOf(websampleYaml(o), { file: 'manifest.yaml' })
}

/** Simulates a rollout of `websample(options)`; a rejected spec is a test bug, so it throws. */
export function simulateOk(options: WebsampleOptions = {}, parameters: Partial<RolloutParameters> = {}): RolloutResult {
  const outcome = simulateRollout({ deployment: websample(options), parameters })
  if (outcome.kind !== 'ok') throw new Error(outcome.problems.map((p) => p.message).join('; '))
  return outcome.result
}

/** Steps as `[old, new]` pairs. */
export function stepPairs(r: RolloutResult): [number, number][] {
  return r.steps.map((s) => [s.old, s.new])
}

/** Pod indexes of the new (or old) ReplicaSet, in creation order. */
export function podsOf(r: RolloutResult, which: 'new' | 'old'): number[] {
  const out: number[] = []
  r.timeline.pods.forEach((p, i) => {
    if (r.timeline.replicaSets[p.replicaSet]!.isNew === (which === 'new')) out.push(i)
  })
  return out
}

/** A pod's intervals on a track as `[startMs, endMs, value]`. */
export function intervalsOf(track: IntervalTrack, pod: number): [number, number, number][] {
  const out: [number, number, number][] = []
  for (let i = track.offsets[pod]!; i < track.offsets[pod + 1]!; i++) out.push([track.startMs[i]!, track.endMs[i]!, track.value[i]!])
  return out
}

/** Start of a pod's first interval on a track, or null. */
export function firstStart(track: IntervalTrack, pod: number): number | null {
  return track.offsets[pod]! < track.offsets[pod + 1]! ? track.startMs[track.offsets[pod]!]! : null
}
