/**
 * The kinds the model knows, the API versions each was served in, and what replaced the old ones (from the
 * Kubernetes deprecated-API migration guide). Old versions are still read, with a warning. The Gateway API
 * kinds are known by group and kind (a `Gateway` of another group, e.g. Istio's, is not ours) and their versions
 * are those the standard-channel CRDs serve (docs/gateway-api.md#model-and-validation).
 */
import { GATEWAY_API_GROUP } from './gateway-types'

export type ModelledKind = 'Ingress' | 'IngressClass' | 'Service' | 'Deployment' | 'Secret' | 'ConfigMap'
  | 'GatewayClass' | 'Gateway' | 'HTTPRoute' | 'ReferenceGrant'

export type VersionStatus =
  | { readonly status: 'current' }
  /** An older version still served and not deprecated: read without a warning. */
  | { readonly status: 'served' }
  | {
      readonly status: 'removed'
      /** The Kubernetes release that announced the deprecation. */
      readonly deprecatedIn: string
      /** The first release that no longer serves it. */
      readonly removedIn: string
    }

export interface KindVersions {
  /** The version to migrate to. */
  readonly current: string
  /** The release since which `current` is available. */
  readonly currentSince: string
  readonly versions: Readonly<Record<string, VersionStatus>>
}

const current: VersionStatus = { status: 'current' }

export const kindVersions: Readonly<Record<ModelledKind, KindVersions>> = {
  Ingress: {
    current: 'networking.k8s.io/v1',
    currentSince: '1.19',
    versions: {
      'extensions/v1beta1': { status: 'removed', deprecatedIn: '1.14', removedIn: '1.22' },
      'networking.k8s.io/v1beta1': { status: 'removed', deprecatedIn: '1.19', removedIn: '1.22' },
      'networking.k8s.io/v1': current,
    },
  },
  IngressClass: {
    current: 'networking.k8s.io/v1',
    currentSince: '1.19',
    versions: {
      'networking.k8s.io/v1beta1': { status: 'removed', deprecatedIn: '1.19', removedIn: '1.22' },
      'networking.k8s.io/v1': current,
    },
  },
  Service: { current: 'v1', currentSince: '1.0', versions: { v1: current } },
  Deployment: {
    current: 'apps/v1',
    currentSince: '1.9',
    versions: {
      'extensions/v1beta1': { status: 'removed', deprecatedIn: '1.9', removedIn: '1.16' },
      'apps/v1beta1': { status: 'removed', deprecatedIn: '1.9', removedIn: '1.16' },
      'apps/v1beta2': { status: 'removed', deprecatedIn: '1.9', removedIn: '1.16' },
      'apps/v1': current,
    },
  },
  Secret: { current: 'v1', currentSince: '1.0', versions: { v1: current } },
  ConfigMap: { current: 'v1', currentSince: '1.2', versions: { v1: current } },
  // Gateway API v1.6.1 standard channel (config/crd/standard/*.yaml): v1 and v1beta1 both served, neither
  // deprecated; `currentSince` is the Gateway API release that made v1 available.
  GatewayClass: gatewayApiVersions('v1.0'),
  Gateway: gatewayApiVersions('v1.0'),
  HTTPRoute: gatewayApiVersions('v1.0'),
  ReferenceGrant: gatewayApiVersions('v1.5'),
}

function gatewayApiVersions(currentSince: string): KindVersions {
  return {
    current: `${GATEWAY_API_GROUP}/v1`,
    currentSince,
    versions: { [`${GATEWAY_API_GROUP}/v1beta1`]: { status: 'served' }, [`${GATEWAY_API_GROUP}/v1`]: current },
  }
}

/** The kinds whose group decides whether an object is ours: only `gateway.networking.k8s.io` is modelled. */
const groupedKinds: Readonly<Partial<Record<ModelledKind, string>>> = {
  GatewayClass: GATEWAY_API_GROUP,
  Gateway: GATEWAY_API_GROUP,
  HTTPRoute: GATEWAY_API_GROUP,
  ReferenceGrant: GATEWAY_API_GROUP,
}

export function isModelledKind(kind: string): kind is ModelledKind {
  return Object.prototype.hasOwnProperty.call(kindVersions, kind)
}

/**
 * The modelled kind of an object of `kind` written in `apiVersion`, or undefined when it is not modelled. A
 * Gateway API kind of another group (Istio's `networking.istio.io` Gateway) is someone else's kind; without an
 * apiVersion it is read as ours (the missing apiVersion is reported).
 */
export function modelledKindOf(kind: string, apiVersion: string | undefined): ModelledKind | undefined {
  if (!isModelledKind(kind)) return undefined
  const group = groupedKinds[kind]
  if (group === undefined || apiVersion === undefined) return kind
  const slash = apiVersion.indexOf('/')
  return slash >= 0 && apiVersion.slice(0, slash) === group ? kind : undefined
}
