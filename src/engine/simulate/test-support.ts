/**
 * Test builders for typed, defaulted Deployments (the shape `analyze` produces), so simulation tests can state
 * only what they vary. The defaults mirror the seed's `websample`: one container on port 5000 with httpGet
 * readiness and liveness probes (Kubernetes probe defaults), an httpGet preStop hook and a 30 s grace period.
 */
import type { Container, Deployment, Handler, IntOrString, Probe } from '../model/types'
import type { IntervalTrack } from './interval-recorder'
import type { RolloutParameters } from './parameters'
import { simulateRollout, type RolloutResult } from './simulate-rollout'

/** A probe with Kubernetes' defaults (period 10, timeout 1, success 1, failure 3, no initial delay). */
export function makeProbe(path: string, overrides: Partial<Omit<Probe, 'handler'>> = {}, port = 5000): Probe {
  return {
    handler: { type: 'httpGet', path, port, scheme: 'HTTP' },
    initialDelaySeconds: 0,
    periodSeconds: 10,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
    at: [],
    ...overrides,
  }
}

export interface DeploymentOptions {
  readonly name?: string
  readonly apiVersion?: string
  readonly replicas?: number
  readonly strategy?: 'RollingUpdate' | 'Recreate'
  readonly maxSurge?: IntOrString
  readonly maxUnavailable?: IntOrString
  readonly minReadySeconds?: number
  readonly progressDeadlineSeconds?: number | null
  readonly revisionHistoryLimit?: number | null
  readonly paused?: boolean
  readonly grace?: number
  readonly image?: string
  /** `null` removes the probe. */
  readonly readinessProbe?: Probe | null
  readonly livenessProbe?: Probe | null
  readonly startupProbe?: Probe
  /** `null` removes the hook. */
  readonly preStop?: Handler | null
}

/** A Deployment like the seed's `websample` (extensions/v1beta1 defaults: no deadline, unlimited history). */
export function makeDeployment(o: DeploymentOptions = {}): Deployment {
  const name = o.name ?? 'websample'
  const container: Container = {
    name,
    image: o.image ?? 'acadx0/190713:v1',
    imagePullPolicy: 'Always',
    ports: [{ containerPort: 5000, protocol: 'TCP' }],
    readinessProbe: o.readinessProbe === null ? undefined : (o.readinessProbe ?? makeProbe('/readiness')),
    livenessProbe: o.livenessProbe === null ? undefined : (o.livenessProbe ?? makeProbe('/liveness')),
    startupProbe: o.startupProbe,
    preStop: o.preStop === null ? undefined : (o.preStop ?? { type: 'httpGet', path: '/prestop', port: 5000, scheme: 'HTTP' }),
    at: ['spec', 'template', 'spec', 'containers', 0],
  }
  return {
    kind: 'Deployment',
    apiVersion: o.apiVersion ?? 'extensions/v1beta1',
    meta: { name, namespace: 'default', labels: {}, annotations: {} },
    source: { file: 'manifest.yaml', doc: 0, path: [], span: { start: 0, end: 0 } },
    order: 0,
    replicas: o.replicas ?? 1,
    selector: { matchLabels: { run: name }, matchExpressions: [], defaulted: false },
    strategy:
      o.strategy === 'Recreate'
        ? { type: 'Recreate' }
        : { type: 'RollingUpdate', maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' },
    minReadySeconds: o.minReadySeconds ?? 0,
    revisionHistoryLimit: o.revisionHistoryLimit ?? null,
    progressDeadlineSeconds: o.progressDeadlineSeconds ?? null,
    paused: o.paused ?? false,
    template: { labels: { run: name }, annotations: {}, containers: [container], terminationGracePeriodSeconds: o.grace ?? 30, at: ['spec', 'template'] },
  }
}

/** Runs `simulateRollout` on `makeDeployment(options)`; a rejected spec is a test bug, so it throws. */
export function simulateOk(options: DeploymentOptions = {}, parameters: Partial<RolloutParameters> = {}): RolloutResult {
  const outcome = simulateRollout({ deployment: makeDeployment(options), parameters })
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
