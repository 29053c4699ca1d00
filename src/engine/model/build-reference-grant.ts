/**
 * ReferenceGrant (gateway.networking.k8s.io v1 and v1beta1, one schema) → `ReferenceGrant`, validated as the
 * CRD's OpenAPI schema does (config/crd/standard/gateway.networking.k8s.io_referencegrants.yaml; it has no CEL
 * rules). docs/gateway-api.md#model-and-validation.
 */
import type { ObjectInput } from './object-input'
import { createGwReader, gwList, gwMap, gwString, knownFields, mapItems } from './read-gateway-fields'
import type { ReferenceGrant, ReferenceGrantFrom, ReferenceGrantTo } from './types'
import { GW, LIMITS } from './validate-gateway-formats'

const specFields = knownFields(['from', 'to'])
const fromFields = knownFields(['group', 'kind', 'namespace'])
const toFields = knownFields(['group', 'kind', 'name'])

/** Builds the ReferenceGrant of `input`, reporting every validation problem. */
export function buildReferenceGrant(input: ObjectInput): ReferenceGrant {
  const r = createGwReader(input)
  const spec = gwMap(r, input.root, 'spec', specFields, true)
  const fromList = gwList(r, spec, 'from', LIMITS.grantPeers, true)
  const from: ReferenceGrantFrom[] = mapItems(r, fromList?.items ?? [], fromFields).map((view) => ({
    group: gwString(r, view, 'group', GW.group, true)?.value ?? '',
    kind: gwString(r, view, 'kind', GW.kind, true)?.value ?? '',
    namespace: gwString(r, view, 'namespace', GW.namespace, true)?.value ?? '',
    at: view.path,
  }))
  const toList = gwList(r, spec, 'to', LIMITS.grantPeers, true)
  const to: ReferenceGrantTo[] = mapItems(r, toList?.items ?? [], toFields).map((view) => {
    const group = gwString(r, view, 'group', GW.group, true)?.value ?? ''
    const kind = gwString(r, view, 'kind', GW.kind, true)?.value ?? ''
    const name = gwString(r, view, 'name', GW.objectName)
    return { group, kind, ...(name ? { name: name.value } : {}), at: view.path }
  })
  r.finish()
  return { kind: 'ReferenceGrant', ...input.base, from, to }
}
