/**
 * Deployment in all four API versions → one `Deployment`, with each version's defaults (docs/rollout.md#defaults):
 *
 * | field                   | extensions/v1beta1 | apps/v1beta1 | apps/v1beta2, apps/v1 |
 * |-------------------------|--------------------|--------------|-----------------------|
 * | maxSurge/maxUnavailable | 1 / 1              | 25% / 25%    | 25% / 25%             |
 * | revisionHistoryLimit    | unlimited (null)   | 2            | 10                    |
 * | progressDeadlineSeconds | none (null)        | 600          | 600                   |
 * | selector                | template labels    | template labels | required           |
 *
 * Everywhere: replicas 1, strategy RollingUpdate, minReadySeconds 0; the old versions also default
 * `metadata.labels` from the template labels.
 */
import { checkKnownFields, knownFields } from './check-known-fields'
import { msg } from '../messages/message'
import { invalidValue, requiredValue } from './field-errors'
import type { ObjectInput } from './object-input'
import type { ReadContext } from './read-context'
import { fieldOf, readBool, readInt, readMap, type MapView, type Read } from './read-node'
import { readPodTemplate } from './read-pod-template'
import { matchesSelector, readSelector } from './read-selector'
import { readStrategy } from './read-strategy'
import type { Deployment, IntOrString, LabelSelector } from './types'

interface VersionDefaults {
  readonly surgeAndUnavailable: IntOrString
  readonly revisionHistoryLimit: number | null
  readonly progressDeadlineSeconds: number | null
  readonly selectorFromTemplate: boolean
}

const defaultsByVersion: Readonly<Record<string, VersionDefaults>> = {
  'extensions/v1beta1': { surgeAndUnavailable: 1, revisionHistoryLimit: null, progressDeadlineSeconds: null, selectorFromTemplate: true },
  'apps/v1beta1': { surgeAndUnavailable: '25%', revisionHistoryLimit: 2, progressDeadlineSeconds: 600, selectorFromTemplate: true },
  'apps/v1beta2': { surgeAndUnavailable: '25%', revisionHistoryLimit: 10, progressDeadlineSeconds: 600, selectorFromTemplate: false },
  'apps/v1': { surgeAndUnavailable: '25%', revisionHistoryLimit: 10, progressDeadlineSeconds: 600, selectorFromTemplate: false },
}

const MAX_INT32 = 2_147_483_647

const specFields = knownFields(['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit',
  'paused', 'progressDeadlineSeconds', 'rollbackTo'])

/** Builds the Deployment of `input`, reporting every validation problem. */
export function buildDeployment(input: ObjectInput): Deployment {
  const { ctx, root, base, version } = input
  const defaults = defaultsByVersion[version] ?? (defaultsByVersion['apps/v1'] as VersionDefaults)
  const spec = readMap(ctx, root, 'spec') ?? emptySpec(root)
  checkKnownFields(ctx, spec, specFields)
  const replicas = nonNegative(ctx, readInt(ctx, spec, 'replicas'))
  const minReady = nonNegative(ctx, readInt(ctx, spec, 'minReadySeconds'))
  const history = nonNegative(ctx, readInt(ctx, spec, 'revisionHistoryLimit'))
  const deadline = nonNegative(ctx, readInt(ctx, spec, 'progressDeadlineSeconds'))
  const paused = readBool(ctx, spec, 'paused')
  const template = readPodTemplate(ctx, spec)
  const templateLabels = template?.labels ?? {}
  const selector = readDeploymentSelector(ctx, spec, defaults, templateLabels)
  if (template && selector && !matchesSelector(selector, templateLabels)) {
    const metadata = readMap(ctx, readMap(ctx, spec, 'template'), 'metadata')
    const labelsField = metadata && fieldOf(ctx, metadata, 'labels')
    ctx.report('selector-mismatch', 'error',
      invalidValue([...spec.path, 'template', 'metadata', 'labels'], templateLabels, msg('api-selector-mismatch')),
      labelsField?.span ?? metadata?.anchor ?? fieldOf(ctx, spec, 'template')?.keySpan ?? spec.anchor)
  }
  // MaxInt32 means "no deadline" to the controller (deployment_util.go HasProgressDeadline); the API server stored
  // it for extensions/v1beta1 objects written without one, so migrated manifests carry it.
  const progressDeadlineSeconds = deadline?.value === MAX_INT32 ? null : (deadline?.value ?? defaults.progressDeadlineSeconds)
  const minReadySeconds = minReady?.value ?? 0
  if (progressDeadlineSeconds !== null && progressDeadlineSeconds <= minReadySeconds) {
    ctx.report('invalid-value', 'error',
      invalidValue([...spec.path, 'progressDeadlineSeconds'], progressDeadlineSeconds, msg('api-greater-than-min-ready')),
      deadline?.span ?? minReady?.span ?? spec.anchor)
  }
  const meta = defaults.selectorFromTemplate && Object.keys(base.meta.labels).length === 0 && Object.keys(templateLabels).length > 0
    ? { ...base.meta, labels: templateLabels }
    : base.meta
  return {
    kind: 'Deployment',
    ...base,
    meta,
    replicas: replicas?.value ?? 1,
    selector: selector ?? { matchLabels: {}, matchExpressions: [], defaulted: false },
    strategy: readStrategy(ctx, spec, defaults.surgeAndUnavailable),
    minReadySeconds,
    revisionHistoryLimit: history?.value ?? defaults.revisionHistoryLimit,
    progressDeadlineSeconds,
    paused: paused?.value ?? false,
    template: template ?? { labels: {}, annotations: {}, containers: [], terminationGracePeriodSeconds: 30, at: [...spec.path, 'template'] },
  }
}

/** A stand-in for a missing `spec`, so every "required" error below points at the object's head. */
function emptySpec(root: MapView): MapView {
  return { node: { items: [] } as unknown as MapView['node'], path: ['spec'], span: root.anchor, anchor: root.anchor }
}

function nonNegative(ctx: ReadContext, read: Read<number> | undefined): Read<number> | undefined {
  if (!read || read.value >= 0) return read
  ctx.report('invalid-value', 'error', invalidValue(read.path, read.value, msg('api-greater-or-equal-zero')), read.span)
  return undefined
}

function readDeploymentSelector(
  ctx: ReadContext,
  spec: MapView,
  defaults: VersionDefaults,
  templateLabels: Readonly<Record<string, string>>,
): LabelSelector | undefined {
  const view = readMap(ctx, spec, 'selector')
  if (!view) {
    if (defaults.selectorFromTemplate && Object.keys(templateLabels).length > 0) {
      return { matchLabels: templateLabels, matchExpressions: [], defaulted: true }
    }
    ctx.report('required', 'error', requiredValue([...spec.path, 'selector']), fieldOf(ctx, spec, 'selector')?.keySpan ?? spec.anchor)
    return undefined
  }
  const selector = readSelector(ctx, view)
  if (Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0) {
    ctx.report('invalid-value', 'error', invalidValue(view.path, {}, msg('api-empty-selector')), view.anchor)
    return undefined
  }
  return selector
}
