/**
 * Flags keys a map of a known shape does not have. Current kubectl applies with strict field validation, so
 * the API server rejects such objects ("strict decoding error: unknown field"); here it is a warning, since the
 * studio cannot know every field of every version. Only shapes whose full field list is known are checked.
 */
import { isScalar, type Pair } from 'yaml'
import { msg, type Message } from '../messages/message'
import { formatPath } from './field-errors'
import type { ReadContext } from './read-context'
import { spanOf, type MapView } from './read-node'

/** Keys of a known shape, with an optional hint per misplaced key (e.g. an old API version's field name). */
export interface KnownFields {
  readonly keys: ReadonlySet<string>
  readonly hints?: Readonly<Record<string, Message>>
}

export function knownFields(keys: readonly string[], hints?: Readonly<Record<string, Message>>): KnownFields {
  return { keys: new Set(keys), ...(hints ? { hints } : {}) }
}

/** Reports every key of `map` that `known` does not list. */
export function checkKnownFields(ctx: ReadContext, map: MapView | undefined, known: KnownFields): void {
  if (!map) return
  for (const pair of map.node.items as Pair[]) {
    const key = pair.key
    if (!isScalar(key)) continue
    const name = String(key.value)
    if (known.keys.has(name)) continue
    const hint = known.hints?.[name]
    const path = formatPath([...map.path, name])
    const message = name === '<<'
      ? msg('merge-key-ignored', { path })
      : hint ? msg('unknown-field-hint', { path, hint }) : msg('unknown-field', { path })
    ctx.report('unknown-field', 'warning', message, spanOf(key))
  }
}
