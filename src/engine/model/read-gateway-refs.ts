/**
 * The Gateway API's object references as the CRDs define and default them: ParentReference (group
 * `gateway.networking.k8s.io`, kind `Gateway`), BackendObjectReference (group '', kind `Service`, the CEL rule
 * "Must have port for Service reference"), SecretObjectReference (group '', kind `Secret`), the
 * LocalObjectReference of `extensionRef`, and the namespaces selector of `allowedRoutes`.
 * docs/gateway-api.md#model-and-validation.
 */
import { msg } from '../messages/message'
import { formatPath } from './field-errors'
import { asMap, asString, itemsOf, readSeq, readStringMap, toRecord, type MapView } from './read-node'
import { celError, gwInt, gwString, knownFields, spanAt, type GwReader } from './read-gateway-fields'
import { checkKnownFields } from './check-known-fields'
import type { BackendObjectReference, CertificateRef, LabelSelector, LabelSelectorRequirement, ParentReference } from './types'
import { GATEWAY_DEFAULTS, GW, PORT } from './validate-gateway-formats'

export const parentRefFields = knownFields(['group', 'kind', 'name', 'namespace', 'port', 'sectionName'])
export const backendObjectRefFields = knownFields(['group', 'kind', 'name', 'namespace', 'port'])
const certificateRefFields = knownFields(['group', 'kind', 'name', 'namespace'])
const localRefFields = knownFields(['group', 'kind', 'name'])
const selectorFields = knownFields(['matchLabels', 'matchExpressions'])
const requirementFields = knownFields(['key', 'operator', 'values'])
const operators: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist']

/** `parentRefs[i]` with the CRD defaults. */
export function readParentRef(r: GwReader, view: MapView): ParentReference {
  const group = gwString(r, view, 'group', GW.group)
  const kind = gwString(r, view, 'kind', GW.kind)
  const name = gwString(r, view, 'name', GW.objectName, true)
  const namespace = gwString(r, view, 'namespace', GW.namespace)
  const sectionName = gwString(r, view, 'sectionName', GW.sectionName)
  const port = gwInt(r, view, 'port', PORT, false, 'invalid-port')
  return {
    group: group?.value ?? GATEWAY_DEFAULTS.parentRefGroup,
    kind: kind?.value ?? GATEWAY_DEFAULTS.parentRefKind,
    name: name?.value ?? '',
    ...(namespace ? { namespace: namespace.value } : {}),
    ...(sectionName ? { sectionName: sectionName.value } : {}),
    ...(port ? { port: port.value } : {}),
    at: view.path,
  }
}

/**
 * A BackendObjectReference (backendRefs, requestMirror.backendRef) with the CRD defaults, and its CEL rule
 * "Must have port for Service reference" queued.
 */
export function readBackendObjectRef(r: GwReader, view: MapView): BackendObjectReference {
  const group = gwString(r, view, 'group', GW.group)
  const kind = gwString(r, view, 'kind', GW.kind)
  const name = gwString(r, view, 'name', GW.objectName, true)
  const namespace = gwString(r, view, 'namespace', GW.namespace)
  const port = gwInt(r, view, 'port', PORT, false, 'invalid-port')
  const ref: BackendObjectReference = {
    group: group?.value ?? GATEWAY_DEFAULTS.backendRefGroup,
    kind: kind?.value ?? GATEWAY_DEFAULTS.backendRefKind,
    name: name?.value ?? '',
    ...(namespace ? { namespace: namespace.value } : {}),
    ...(port ? { port: port.value } : {}),
  }
  r.cel(() => {
    if (ref.group === '' && ref.kind === 'Service' && ref.port === undefined) {
      celError(r, view.path, 'object', msg('gw-cel-service-port'), spanAt(r, view.path), 'invalid-backend')
    }
  })
  return ref
}

/** `tls.certificateRefs[i]` with the CRD defaults. */
export function readCertificateRef(r: GwReader, view: MapView): CertificateRef {
  checkKnownFields(r.ctx, view, certificateRefFields)
  const group = gwString(r, view, 'group', GW.group)
  const kind = gwString(r, view, 'kind', GW.kind)
  const name = gwString(r, view, 'name', GW.objectName, true)
  const namespace = gwString(r, view, 'namespace', GW.namespace)
  return {
    group: group?.value ?? GATEWAY_DEFAULTS.certificateRefGroup,
    kind: kind?.value ?? GATEWAY_DEFAULTS.certificateRefKind,
    name: name?.value ?? '',
    ...(namespace ? { namespace: namespace.value } : {}),
    at: view.path,
  }
}

/** `extensionRef` (LocalObjectReference): group, kind and name all required, no defaults. */
export function readLocalObjectRef(r: GwReader, view: MapView): { group: string; kind: string; name: string } {
  checkKnownFields(r.ctx, view, localRefFields)
  const group = gwString(r, view, 'group', GW.group, true)
  const kind = gwString(r, view, 'kind', GW.kind, true)
  const name = gwString(r, view, 'name', GW.objectName, true)
  return { group: group?.value ?? '', kind: kind?.value ?? '', name: name?.value ?? '' }
}

/**
 * `allowedRoutes.namespaces.selector` (metav1.LabelSelector in the CRD schema: `key` and `operator` required,
 * nothing else checked by the API server). An operator no controller knows is kept as a requirement that
 * matches nothing, with a warning.
 */
export function readNamespaceSelector(r: GwReader, view: MapView): LabelSelector {
  checkKnownFields(r.ctx, view, selectorFields)
  const matchLabels = readStringMap(r.ctx, view, 'matchLabels')
  const seq = readSeq(r.ctx, view, 'matchExpressions')
  const matchExpressions: LabelSelectorRequirement[] = []
  for (const item of seq ? itemsOf(r.ctx, seq) : []) {
    const map = asMap(r.ctx, item)
    if (!map) continue
    checkKnownFields(r.ctx, map, requirementFields)
    const key = gwString(r, map, 'key', {}, true)
    const operator = gwString(r, map, 'operator', {}, true)
    const valuesSeq = readSeq(r.ctx, map, 'values')
    const values = (valuesSeq ? itemsOf(r.ctx, valuesSeq) : []).map((value) => asString(r.ctx, value)?.value ?? '')
    if (!key || !operator) continue
    if (!operators.includes(operator.value)) {
      r.ctx.report('invalid-value', 'warning', msg('gw-selector-operator', { path: formatPath(operator.path), value: JSON.stringify(operator.value) }), operator.span)
      matchExpressions.push({ key: key.value, operator: 'In', values: [] })
      continue
    }
    matchExpressions.push({ key: key.value, operator: operator.value as LabelSelectorRequirement['operator'], values })
  }
  return { matchLabels: matchLabels ? toRecord(matchLabels.entries) : {}, matchExpressions, defaulted: false }
}
