/** Dispatches an object of a modelled kind to its builder, after checking its top-level fields. */
import type { ModelledKind } from './api-versions'
import { buildConfigMap } from './build-config-map'
import { buildDeployment } from './build-deployment'
import { buildGateway } from './build-gateway'
import { buildGatewayClass } from './build-gateway-class'
import { buildHttpRoute } from './build-http-route'
import { buildReferenceGrant } from './build-reference-grant'
import { buildIngress } from './build-ingress'
import { buildIngressClass } from './build-ingress-class'
import { buildSecret } from './build-secret'
import { buildService } from './build-service'
import { checkKnownFields, knownFields } from './check-known-fields'
import type { ObjectInput } from './object-input'
import type { KnownObject } from './types'

const specKindFields = knownFields(['apiVersion', 'kind', 'metadata', 'spec', 'status'])

const builders: Readonly<Record<ModelledKind, (input: ObjectInput) => KnownObject>> = {
  Ingress: buildIngress,
  IngressClass: buildIngressClass,
  Service: buildService,
  Deployment: buildDeployment,
  Secret: buildSecret,
  ConfigMap: buildConfigMap,
  GatewayClass: buildGatewayClass,
  Gateway: buildGateway,
  HTTPRoute: buildHttpRoute,
  ReferenceGrant: buildReferenceGrant,
}

/** The typed object for `kind` (Secret and ConfigMap check their own top-level fields). */
export function buildKnownObject(kind: ModelledKind, input: ObjectInput): KnownObject {
  if (kind !== 'Secret' && kind !== 'ConfigMap') checkKnownFields(input.ctx, input.root, specKindFields)
  return builders[kind](input)
}
