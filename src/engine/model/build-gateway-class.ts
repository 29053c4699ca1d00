/**
 * GatewayClass (gateway.networking.k8s.io v1 and v1beta1, one schema) → `GatewayClass`, validated as the CRD's
 * OpenAPI schema does (config/crd/standard/gateway.networking.k8s.io_gatewayclasses.yaml). Its one CEL rule
 * ("Value is immutable" on controllerName) only applies to updates. docs/gateway-api.md#model-and-validation.
 */
import type { ObjectInput } from './object-input'
import { createGwReader, gwMap, gwString, knownFields } from './read-gateway-fields'
import type { GatewayClass } from './types'
import { GW } from './validate-gateway-formats'

const specFields = knownFields(['controllerName', 'description', 'parametersRef'])
const parametersRefFields = knownFields(['group', 'kind', 'name', 'namespace'])

/** Builds the GatewayClass of `input`, reporting every validation problem. */
export function buildGatewayClass(input: ObjectInput): GatewayClass {
  const r = createGwReader(input)
  const spec = gwMap(r, input.root, 'spec', specFields, true)
  const controllerName = gwString(r, spec, 'controllerName', GW.controllerName, true)
  const description = gwString(r, spec, 'description', GW.description)
  const parametersRef = gwMap(r, spec, 'parametersRef', parametersRefFields)
  if (parametersRef) {
    gwString(r, parametersRef, 'group', GW.group, true)
    gwString(r, parametersRef, 'kind', GW.kind, true)
    gwString(r, parametersRef, 'name', GW.objectName, true)
    gwString(r, parametersRef, 'namespace', GW.namespace)
  }
  r.finish()
  return {
    kind: 'GatewayClass',
    ...input.base,
    controllerName: controllerName?.value ?? '',
    ...(description ? { description: description.value } : {}),
  }
}
