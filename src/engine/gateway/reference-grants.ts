/**
 * ReferenceGrant (referencegrant_types.go; docs/gateway-api.md#referencegrant): a reference into another
 * namespace is permitted only when a ReferenceGrant in the *target* namespace lists the referrer's group, kind
 * and namespace in `from` and the target's group, kind and (absent: any) name in `to`. Same-namespace references
 * need none.
 */
import type { ClusterModel, ReferenceGrant } from '../model/types'

/** Who refers: an object's group, kind and namespace. */
export interface ReferenceFrom {
  readonly group: string
  readonly kind: string
  readonly namespace: string
}

/** What is referred to. */
export interface ReferenceTo {
  readonly group: string
  readonly kind: string
  readonly namespace: string
  readonly name: string
}

export interface ReferenceGrants {
  /** Whether `from` may refer to `to` (always true within one namespace). */
  permits(from: ReferenceFrom, to: ReferenceTo): boolean
}

/** The grants of `model`, indexed by the namespace they live in (the namespace they open). */
export function indexReferenceGrants(model: ClusterModel): ReferenceGrants {
  const byNamespace = new Map<string, ReferenceGrant[]>()
  for (const grant of model.referenceGrants) {
    const list = byNamespace.get(grant.meta.namespace)
    if (list) list.push(grant)
    else byNamespace.set(grant.meta.namespace, [grant])
  }
  return {
    permits(from, to) {
      if (from.namespace === to.namespace) return true
      const grants = byNamespace.get(to.namespace)
      if (!grants) return false
      return grants.some((grant) =>
        grant.from.some((f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace) &&
        grant.to.some((t) => t.group === to.group && t.kind === to.kind && (t.name === undefined || t.name === '' || t.name === to.name)))
    },
  }
}
