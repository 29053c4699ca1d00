/** Dispatches an object of a modelled kind to its builder. */
import type { ModelledKind } from './api-versions'
import type { ObjectInput } from './object-input'
import type { KnownObject } from './types'

/** The typed object for `kind`, or undefined while a kind has no builder yet. */
export function buildKnownObject(kind: ModelledKind, input: ObjectInput): KnownObject | undefined {
  void kind
  void input
  return undefined
}
