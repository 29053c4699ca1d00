/**
 * extensions/v1beta1, apps/v1beta1 and apps/v1beta2 Deployment → apps/v1, writing out every default that
 * apps/v1 would give differently, so the object (and so the rollout) stays the same (docs/rollout.md#defaults):
 *
 * | field                    | written when absent, from              | why                                            |
 * |--------------------------|----------------------------------------|------------------------------------------------|
 * | spec.selector            | the template labels (old defaulting)   | required in apps/v1                            |
 * | maxSurge, maxUnavailable | 1 / 1 (extensions/v1beta1 only)        | apps/v1 would default 25% / 25%                |
 * | revisionHistoryLimit     | 2147483647 (extensions), 2 (apps/v1beta1) | apps/v1 would keep 10; MaxInt32 is what the API server stored for "unlimited" |
 * | progressDeadlineSeconds  | 2147483647 (extensions/v1beta1)        | apps/v1 would set 600; MaxInt32 means no deadline to the controller |
 * | metadata.labels          | the template labels (extensions, apps/v1beta1) | the old defaulting copied them          |
 *
 * `spec.rollbackTo` (gone in apps/v1; `kubectl rollout undo` replaced it) is removed with a note.
 */
import { msg, type Message } from '../messages/message'
import type { FixOp, YamlValue } from '../fix/types'
import type { Deployment, FieldPath, SourceRef } from '../model/types'
import type { ObjectMigration } from './types'

export const MAX_INT32 = 2_147_483_647

export const OLD_DEPLOYMENT_VERSIONS = ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']

/** Tells whether a field is written in the manifest. */
export type HasField = (source: SourceRef, path: FieldPath) => boolean

export function migrateDeployment(deployment: Deployment, has: HasField): ObjectMigration | null {
  const version = deployment.apiVersion
  if (!OLD_DEPLOYMENT_VERSIONS.includes(version)) return null
  const written = (...path: (string | number)[]): boolean => has(deployment.source, path)
  const ops: FixOp[] = [{ op: 'set', path: ['apiVersion'], value: 'apps/v1' }]
  const notes: Message[] = [msg('migrate-api-version', { from: version, to: 'apps/v1' })]
  const set = (path: string[], value: YamlValue, note: Message): void => {
    ops.push({ op: 'set', path, value })
    notes.push(note)
  }
  const labels = deployment.template.labels
  if (!written('spec', 'selector') && Object.keys(labels).length > 0) {
    set(['spec', 'selector'], { matchLabels: { ...labels } }, msg('migrate-selector-written'))
  }
  const extensions = version === 'extensions/v1beta1'
  const { strategy } = deployment
  if (extensions && strategy.type === 'RollingUpdate') {
    if (!written('spec', 'strategy', 'rollingUpdate', 'maxSurge')) set(['spec', 'strategy', 'rollingUpdate', 'maxSurge'], 1, msg('migrate-max-surge-written'))
    if (!written('spec', 'strategy', 'rollingUpdate', 'maxUnavailable')) set(['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], 1, msg('migrate-max-unavailable-written'))
  }
  if (!written('spec', 'revisionHistoryLimit') && (extensions || version === 'apps/v1beta1')) {
    const limit = extensions ? MAX_INT32 : 2
    set(['spec', 'revisionHistoryLimit'], limit, msg(extensions ? 'migrate-history-unlimited' : 'migrate-history-old-default', { limit }))
  }
  if (extensions && !written('spec', 'progressDeadlineSeconds')) {
    set(['spec', 'progressDeadlineSeconds'], MAX_INT32, msg('migrate-no-deadline', { seconds: MAX_INT32 }))
  }
  if ((extensions || version === 'apps/v1beta1') && !written('metadata', 'labels') && Object.keys(labels).length > 0) {
    set(['metadata', 'labels'], { ...labels }, msg('migrate-labels-written'))
  }
  if (written('spec', 'rollbackTo')) {
    ops.push({ op: 'delete', path: ['spec', 'rollbackTo'] })
    notes.push(msg('migrate-rollback-to-removed'))
  }
  return { source: deployment.source, ops, notes }
}
