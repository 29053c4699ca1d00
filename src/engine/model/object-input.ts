/** What every kind builder receives: the object's root map, its context and the fields common to all kinds. */
import type { ReadContext } from './read-context'
import type { MapView } from './read-node'
import type { ReadMeta } from './read-meta'
import type { ObjectMeta, SourceRef } from './types'

export interface ObjectBaseFields {
  readonly apiVersion: string
  readonly meta: ObjectMeta
  readonly source: SourceRef
  readonly order: number
}

export interface ObjectInput {
  readonly ctx: ReadContext
  readonly root: MapView
  readonly base: ObjectBaseFields
  /** The API version whose shape and defaults apply: the written one, or the current one if it is unknown. */
  readonly version: string
  readonly metaRead: ReadMeta
}
