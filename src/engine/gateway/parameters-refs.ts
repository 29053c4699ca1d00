/**
 * `parametersRef` of a GatewayClass (`spec.parametersRef`) and of a Gateway (`spec.infrastructure.parametersRef`):
 * "If the referent cannot be found, refers to an unsupported kind, or when the data within that resource is
 * malformed", the object SHOULD be rejected with `Accepted: False` and reason `InvalidParameters`
 * (gateway_types.go `GatewayInfrastructure.ParametersRef`, gatewayclass_types.go `GatewayClassSpec.ParametersRef`;
 * conformance gateway-invalid-parameters-ref.go; docs/gateway-api.md#gatewayclass-and-gateway). The studio reads no
 * parameters object, so it can only tell whether the referent is in the input.
 */
import type { ClusterModel, ObjectBase, ParametersReference } from '../model/types'

/** The API group of an apiVersion (`v1` → the core group ''). */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/')
  return slash === -1 ? '' : apiVersion.slice(0, slash)
}

/** Whether the input holds the object a parametersRef names (`namespace` undefined: a cluster-scoped referent). */
export type ParametersLookup = (ref: ParametersReference, namespace: string | undefined) => boolean

export function indexParameters(model: ClusterModel): ParametersLookup {
  const keys = new Set<string>()
  const lists: readonly (readonly ObjectBase<string>[])[] = [
    model.unknown, model.configMaps, model.secrets, model.services, model.deployments, model.ingresses,
    model.ingressClasses, model.gatewayClasses, model.gateways, model.httpRoutes, model.referenceGrants,
  ]
  for (const list of lists) {
    for (const object of list) {
      const base = `${groupOf(object.apiVersion)}\u0000${object.kind}\u0000${object.meta.name}`
      keys.add(base)
      keys.add(`${base}\u0000${object.meta.namespace}`)
    }
  }
  return (ref, namespace) => keys.has(`${ref.group}\u0000${ref.kind}\u0000${ref.name}${namespace === undefined ? '' : `\u0000${namespace}`}`)
}
