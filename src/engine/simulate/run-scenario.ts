/**
 * One rollout scenario as the studio runs it: a cluster model (the latest analysis), which Deployment to update
 * (or the most interesting one) and the parameters, in; the run and its timeline view, or the reasons it cannot
 * run, out. Never throws on valid types.
 */
import type { ClusterModel, Deployment } from '../model/types'
import { resolveParameters, type RolloutParameters } from './parameters'
import { findRolloutTarget } from './rollout-target'
import { problemText, type RolloutProblem } from './rollout-spec'
import { msg, type Message } from '../messages/message'
import { simulateRollout, type RolloutResult } from './simulate-rollout'
import { buildTimelineView, type TimelineView } from './timeline-view'
import { objectKey } from '../model/object-key'

/** A Deployment the studio can roll out. `key` is `namespace/name`. */
export interface DeploymentChoice {
  readonly key: string
  readonly name: string
  readonly namespace: string
  readonly replicas: number
  /** The serving container's current image. */
  readonly image: string | null
  /** The URL the load is aimed at (through the Ingress when one routes to it). */
  readonly url: string
}

export interface ScenarioProblem {
  readonly code: RolloutProblem['code'] | 'rollout-no-deployment' | 'rollout-unknown-deployment' | 'rollout-rejected-input'
  /** Why, as a message the page says in its language. */
  readonly text: Message
  /** `text` in English. */
  readonly message: string
  /** The parameter at fault, when one is. */
  readonly parameter?: keyof RolloutParameters
  /** For `rollout-too-large`: what was measured, its value and the limit. */
  readonly limit?: RolloutProblem['limit']
}

export type ScenarioOutcome =
  | { readonly kind: 'ok'; readonly deployment: string; readonly result: RolloutResult; readonly view: TimelineView }
  | { readonly kind: 'invalid'; readonly deployment: string | null; readonly problems: readonly ScenarioProblem[] }

export interface ScenarioInput {
  readonly model: ClusterModel
  /** `namespace/name`; `null` = `pickDefaultDeployment`. */
  readonly deployment: string | null
  readonly parameters: Partial<RolloutParameters>
}

/** Where the work is; a long run reports each stage as it starts. */
export type ScenarioStage = 'simulate' | 'summarize'

const keyOf = (d: Deployment): string => objectKey(d.meta.namespace, d.meta.name)

/** Every Deployment of the model, in document order. */
export function listRolloutCandidates(model: ClusterModel): DeploymentChoice[] {
  return model.deployments.map((d) => ({
    key: keyOf(d),
    name: d.meta.name,
    namespace: d.meta.namespace,
    replicas: d.replicas,
    image: d.template.containers.find((c) => c.ports.length > 0)?.image ?? d.template.containers[0]?.image ?? null,
    url: findRolloutTarget(model, d).url,
  }))
}

/**
 * The Deployment a rollout lesson is most likely about: reached through an Ingress (+2), with a preStop hook
 * (+1) and a readinessProbe (+1); ties go to the first in the document. `null` when there is none.
 */
export function pickDefaultDeployment(model: ClusterModel): string | null {
  let best: Deployment | null = null
  let bestScore = -1
  for (const d of model.deployments) {
    const containers = d.template.containers
    const score =
      (findRolloutTarget(model, d).ingress ? 2 : 0) + (containers.some((c) => c.preStop) ? 1 : 0) + (containers.some((c) => c.readinessProbe) ? 1 : 0)
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best ? keyOf(best) : null
}

/** Runs the scenario; `onStage` hears each stage as it starts. */
export function simulateScenario(input: ScenarioInput, onStage: (stage: ScenarioStage) => void = () => {}): ScenarioOutcome {
  const key = input.deployment ?? pickDefaultDeployment(input.model)
  if (key === null) return { kind: 'invalid', deployment: null, problems: [{ code: 'rollout-no-deployment', ...problemText(msg('rollout-no-deployment')) }] }
  const deployment = input.model.deployments.find((d) => keyOf(d) === key)
  if (!deployment) return { kind: 'invalid', deployment: key, problems: [{ code: 'rollout-unknown-deployment', ...problemText(msg('rollout-unknown-deployment', { deployment: key })) }] }
  const resolved = resolveParameters(input.parameters)
  if (resolved.kind === 'error') {
    return { kind: 'invalid', deployment: key, problems: resolved.problems.map((p) => ({ code: 'rollout-invalid-parameter', text: p.text, message: p.message, parameter: p.name })) }
  }
  onStage('simulate')
  const outcome = simulateRollout({ deployment, target: findRolloutTarget(input.model, deployment), parameters: resolved.parameters })
  if (outcome.kind === 'invalid') {
    return { kind: 'invalid', deployment: key, problems: outcome.problems.map((p) => ({ code: p.code, text: p.text, message: p.message, ...(p.parameter ? { parameter: p.parameter } : {}), ...(p.limit ? { limit: p.limit } : {}) })) }
  }
  onStage('summarize')
  return { kind: 'ok', deployment: key, result: outcome.result, view: buildTimelineView(outcome.result) }
}
