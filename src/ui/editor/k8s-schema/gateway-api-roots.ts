/**
 * The Gateway API kinds the editor completes, from `@kubernetes-models/gateway-api` (declarations generated from
 * the Gateway API's experimental-channel CRDs, with their field documentation), and what of them the
 * standard channel v1.6.1 the studio models does not have: those fields and enum values are left out, so
 * completion offers only what the API server with the standard CRDs accepts (docs/gateway-api.md#model-and-validation).
 */
import type { SchemaRoot } from './generate-k8s-schema.ts'

const PACKAGE = '@kubernetes-models/gateway-api'
const GROUP = 'gateway.networking.k8s.io'

export const GATEWAY_API_ROOTS: readonly SchemaRoot[] = ['v1', 'v1beta1'].flatMap((version) =>
  ['GatewayClass', 'Gateway', 'HTTPRoute', 'ReferenceGrant'].map((kind) => ({
    apiVersion: `${GROUP}/${version}`, kind, module: `${GROUP}/${version}/${kind}`, package: PACKAGE,
  })))

/**
 * Per definition key: properties of the experimental channel that the v1.6.1 standard CRDs do not have
 * (found by comparing the declarations with config/crd/standard/*.yaml; generate-k8s-schema.test.ts keeps it true).
 */
export const GATEWAY_API_OMITTED: Readonly<Record<string, readonly string[]>> = {
  'gateway-api.gateway.networking.k8s.io.v1.GatewaySpec': ['defaultScope'],
  'gateway-api.gateway.networking.k8s.io.v1.HTTPRouteSpec': ['useDefaultGateways'],
  'gateway-api.gateway.networking.k8s.io.v1.HTTPRouteRule': ['retry', 'sessionPersistence'],
  'gateway-api.gateway.networking.k8s.io.v1.HTTPRouteFilter': ['externalAuth'],
}
