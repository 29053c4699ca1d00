/**
 * GatewayClass (gateway.networking.k8s.io v1 and v1beta1, one schema) → `GatewayClass`, validated as the CRD's
 * OpenAPI schema does (config/crd/standard/gateway.networking.k8s.io_gatewayclasses.yaml). Its one CEL rule
 * ("Value is immutable" on controllerName) only applies to updates. docs/gateway-api.md#model-and-validation.
 */
import type { ObjectInput } from './object-input'
import type { MapView } from './read-node'
import { createGwReader, gwMap, gwString, knownFields, type GwReader } from './read-gateway-fields'
import type { GatewayClass, ParametersReference } from './types'
import { GW } from './validate-gateway-formats'

const specFields = knownFields(['controllerName', 'description', 'parametersRef'])
const parametersRefFields = knownFields(['group', 'kind', 'name', 'namespace'])

/** Builds the GatewayClass of `input`, reporting every validation problem. */
export function buildGatewayClass(input: ObjectInput): GatewayClass {
  const r = createGwReader(input)
  const spec = gwMap(r, input.root, 'spec', specFields, true)
  const controllerName = gwString(r, spec, 'controllerName', GW.controllerName, true)
  const description = gwString(r, spec, 'description', GW.description)
  const parametersView = gwMap(r, spec, 'parametersRef', parametersRefFields)
  const parametersRef = parametersView && readParametersRef(r, parametersView)
  r.finish()
  return {
    kind: 'GatewayClass',
    ...input.base,
    controllerName: controllerName?.value ?? '',
    ...(description ? { description: description.value } : {}),
    ...(parametersRef ? { parametersRef } : {}),
  }
}

function readParametersRef(r: GwReader, view: MapView): ParametersReference {
  const group = gwString(r, view, 'group', GW.group, true)
  const kind = gwString(r, view, 'kind', GW.kind, true)
  const name = gwString(r, view, 'name', GW.objectName, true)
  const namespace = gwString(r, view, 'namespace', GW.namespace)
  return {
    group: group?.value ?? '',
    kind: kind?.value ?? '',
    name: name?.value ?? '',
    ...(namespace ? { namespace: namespace.value } : {}),
    at: view.path,
  }
}
