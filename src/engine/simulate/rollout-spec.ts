/**
 * Turns a typed, defaulted Deployment and the simulation parameters into what the simulation runs on: the
 * validated strategy as pod counts, the serving container, both templates' hashes and the timing in milliseconds.
 * A spec the API server would reject comes back as problems with the API server's messages.
 */
import type { Container, Deployment, FieldPath } from '../model/types'
import type { ContainerModel, RolloutSpec, Timing } from './cluster-state'
import { computeFenceposts, validateStrategy } from './fenceposts'
import { buildServiceTimes } from './latency'
import { bumpImageTag, computeTemplateHash } from './naming'
import { ROLLOUT_LIMITS, type RolloutParameters } from './parameters'
import { msg, type Message } from '../messages/message'
import { formatMessage } from '../messages/render'

/** A problem's `text` and its English `message`. */
export function problemText(text: Message): { readonly text: Message; readonly message: string } {
  return { text, message: formatMessage(text) }
}

/** A reason the simulation cannot run; `field` points into the Deployment when the spec is at fault. */
export interface RolloutProblem {
  readonly code:
    | 'invalid-int-or-percent'
    | 'surge-and-unavailable-zero'
    | 'rollout-invalid-parameter'
    | 'rollout-no-container'
    | 'rollout-too-large'
  /** Why, as a message (`messages/{en,ko}/rollout.ts`). */
  readonly text: Message
  /** `text` in English (what the CLI prints). */
  readonly message: string
  readonly field?: FieldPath
  /** The parameter at fault, when one is (the studio shows the message beside its input). */
  readonly parameter?: keyof RolloutParameters
  /** For `rollout-too-large`: what was measured, its value and the limit (`ROLLOUT_LIMITS`). */
  readonly limit?: { readonly measure: 'replicas' | 'requests' | 'probe-attempts'; readonly value: number; readonly max: number }
}

/** The container the load hits: the one exposing `targetPort` if given, else the first with a port, else the first. */
export function pickServingContainer(containers: readonly Container[], targetPort?: number | string): Container | undefined {
  const byPort = containers.find((c) =>
    c.ports.some((p) => (typeof targetPort === 'number' ? p.containerPort === targetPort : p.name !== undefined && p.name === targetPort)),
  )
  return byPort ?? containers.find((c) => c.ports.length > 0) ?? containers[0]
}

function describeTemplate(d: Deployment, container: Container, image: string): string {
  const containers = d.template.containers.map((c) => (c === container ? { ...c, image } : c))
  return JSON.stringify({ labels: d.template.labels, containers, grace: d.template.terminationGracePeriodSeconds })
}

/** Validates the Deployment and builds the simulation's spec and timing. */
export function buildRolloutSpec(
  d: Deployment,
  p: RolloutParameters,
  targetPort?: number | string,
): { kind: 'ok'; spec: RolloutSpec; timing: Timing } | { kind: 'error'; problems: RolloutProblem[] } {
  const problems: RolloutProblem[] = validateStrategy(d.strategy).map((s) => ({
    code: s.code,
    // The API server's own words for the field, kept as it prints them.
    ...problemText(msg('rollout-deployment-invalid', { name: d.meta.name, detail: s.message })),
    field: ['spec', 'strategy', 'rollingUpdate', s.field],
  }))
  const container = pickServingContainer(d.template.containers, targetPort)
  if (!container) problems.push({ code: 'rollout-no-container', ...problemText(msg('rollout-no-container', { name: d.meta.name })), field: ['spec', 'template', 'spec', 'containers'] })
  if (d.replicas > ROLLOUT_LIMITS.maxReplicas) {
    problems.push({
      code: 'rollout-too-large',
      ...problemText(msg('rollout-too-many-replicas', { replicas: d.replicas, max: ROLLOUT_LIMITS.maxReplicas })),
      field: ['spec', 'replicas'],
      limit: { measure: 'replicas', value: d.replicas, max: ROLLOUT_LIMITS.maxReplicas },
    })
  }
  if (p.oldUnready > d.replicas) {
    problems.push({ code: 'rollout-invalid-parameter', ...problemText(msg('rollout-old-unready-above-replicas', { oldUnready: p.oldUnready, replicas: d.replicas })) })
  }
  const fenceposts = computeFenceposts(d.strategy, d.replicas)
  if (problems.length > 0 || !container || !fenceposts) return { kind: 'error', problems }

  const newImage = p.image ?? bumpImageTag(container.image)
  const model: ContainerModel = {
    name: container.name,
    port: container.ports[0]?.containerPort ?? 80,
    readiness: container.readinessProbe,
    liveness: container.livenessProbe,
    startup: container.startupProbe,
    preStop: container.preStop,
    preStopDuration: container.preStopDuration,
  }
  const spec: RolloutSpec = {
    name: d.meta.name,
    namespace: d.meta.namespace,
    replicas: d.replicas,
    strategy: d.strategy.type,
    maxSurge: fenceposts.maxSurge,
    maxUnavailable: fenceposts.maxUnavailable,
    minReadyMs: d.minReadySeconds * 1000,
    deadlineMs: d.progressDeadlineSeconds === null ? null : d.progressDeadlineSeconds * 1000,
    revisionHistoryLimit: d.revisionHistoryLimit,
    paused: d.paused,
    graceMs: d.template.terminationGracePeriodSeconds * 1000,
    container: model,
    oldImage: container.image,
    newImage,
    oldHash: computeTemplateHash(describeTemplate(d, container, container.image)),
    newHash: computeTemplateHash(describeTemplate(d, container, newImage)),
  }
  const longestRequestMs = Math.max(...buildServiceTimes(p.requestSeconds, p.latencySpread)) / 1e6
  const timing: Timing = {
    rolloutAtMs: p.rolloutAtSeconds * 1000,
    podStartMs: p.podStartSeconds * 1000,
    appStartMs: p.appStartSeconds === null ? null : p.appStartSeconds * 1000,
    jitterMs: p.startJitterSeconds * 1000,
    sigterm: p.sigterm,
    drainMs: p.drainSeconds === null ? longestRequestMs : p.drainSeconds * 1000,
    preStopHttpMs: p.preStopHttpSeconds * 1000,
    probeOffsetMs: p.probeOffsetSeconds * 1000,
    probesTestServing: p.probesTestServing,
    syncDelayMs: p.controllerSyncSeconds * 1000,
    oldUnready: p.oldUnready,
  }
  return { kind: 'ok', spec, timing }
}
