/**
 * The kinds the model knows, the API versions each was served in, and what replaced the old ones (from the
 * Kubernetes deprecated-API migration guide). Old versions are still read, with a warning.
 */

export type ModelledKind = 'Ingress' | 'IngressClass' | 'Service' | 'Deployment' | 'Secret' | 'ConfigMap'

export type VersionStatus =
  | { readonly status: 'current' }
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
}

export function isModelledKind(kind: string): kind is ModelledKind {
  return Object.prototype.hasOwnProperty.call(kindVersions, kind)
}
