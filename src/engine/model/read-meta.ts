/**
 * `metadata` of any object: name (format per kind), namespace, labels, annotations, creationTimestamp, each
 * validated as the API server's `ValidateObjectMeta` does.
 */
import type { Span } from '../diagnostics'
import { checkKnownFields, knownFields } from './check-known-fields'
import { msg } from '../messages/message'
import { invalidValue, requiredValue } from './field-errors'
import type { ReadContext } from './read-context'
import { fieldOf, readMap, readString, readStringMap, toRecord, type MapView, type StringEntry } from './read-node'
import type { ObjectMeta } from './types'
import { checkDns1035Label, checkDns1123Label, checkDns1123Subdomain, checkLabelValue, checkQualifiedName } from './validate-names'

/** Every field of ObjectMeta (pod templates use the same shape). */
export const metadataFields = knownFields(['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion',
  'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations',
  'ownerReferences', 'finalizers', 'managedFields', 'clusterName'])

/** How an object's name is validated: most kinds take a DNS subdomain, a Service a DNS-1035 label. */
export type NameFormat = 'subdomain' | 'dns1035-label'

export interface ReadMeta {
  readonly meta: ObjectMeta
  /** The span of `metadata.name` (or of the place it is missing from). */
  readonly nameSpan: Span
  readonly labelsSpan?: Span
  /**
   * Whether the object has a name to be known by: `missing` (no name and no generateName, or empty ones),
   * `unreadable` (a name that is not a string, e.g. a map a YAML error made of `name: a: b`), else `ok`.
   */
  readonly name: 'ok' | 'missing' | 'unreadable'
}

/** Reads and validates `metadata`; missing names are reported and modelled as `''`. */
export function readMeta(ctx: ReadContext, root: MapView, format: NameFormat): ReadMeta {
  const metadata = readMap(ctx, root, 'metadata')
  checkKnownFields(ctx, metadata, metadataFields)
  const name = readString(ctx, metadata, 'name')
  const generateName = readString(ctx, metadata, 'generateName')
  // Only when there is no string name: where the name that could not be read is (an alias is dereferenced once more).
  const nameField = name ? undefined : metadata ? fieldOf(ctx, metadata, 'name') : fieldOf(ctx, root, 'metadata')
  const nameSpan = name?.span ?? (metadata ? nameField?.keySpan ?? metadata.anchor : root.anchor)
  if (!name && !generateName) {
    ctx.report('required', 'error', requiredValue(['metadata', 'name'], msg('api-name-or-generate-name')), nameSpan)
  } else if (name) {
    const bad = format === 'subdomain' ? checkDns1123Subdomain(name.value) : checkDns1035Label(name.value)
    if (bad) ctx.report('invalid-name', 'error', invalidValue(name.path, name.value, bad), name.span)
  }
  const namespace = readString(ctx, metadata, 'namespace')
  if (namespace && namespace.value !== '') {
    const bad = checkDns1123Label(namespace.value)
    if (bad) ctx.report('invalid-name', 'error', invalidValue(namespace.path, namespace.value, bad), namespace.span)
  }
  const labels = readStringMap(ctx, metadata, 'labels')
  if (labels) checkLabels(ctx, labels.entries, labels.view.path)
  const annotations = readStringMap(ctx, metadata, 'annotations')
  if (annotations) {
    for (const entry of annotations.entries) {
      const bad = checkQualifiedName(entry.key.toLowerCase())
      if (bad) ctx.report('invalid-label', 'error', invalidValue(annotations.view.path, entry.key, bad), entry.keySpan)
    }
  }
  const created = readString(ctx, metadata, 'creationTimestamp')
  const meta: ObjectMeta = {
    name: name?.value || generateName?.value || '',
    namespace: namespace?.value || 'default',
    labels: labels ? toRecord(labels.entries) : {},
    annotations: annotations ? toRecord(annotations.entries) : {},
    ...(created ? { creationTimestamp: created.value } : {}),
  }
  const state = meta.name !== '' ? 'ok' : nameField?.node != null ? 'unreadable' : 'missing'
  return { meta, nameSpan, name: state, ...(labels ? { labelsSpan: labels.view.span } : {}) }
}

/** Validates label keys and values (metadata labels, selectors, template labels). */
export function checkLabels(ctx: ReadContext, entries: readonly StringEntry[], path: readonly (string | number)[]): void {
  for (const entry of entries) {
    const badKey = checkQualifiedName(entry.key)
    if (badKey) ctx.report('invalid-label', 'error', invalidValue(path, entry.key, badKey), entry.keySpan)
    const badValue = checkLabelValue(entry.value)
    if (badValue) ctx.report('invalid-label', 'error', invalidValue([...path, entry.key], entry.value, badValue), entry.valueSpan)
  }
}
