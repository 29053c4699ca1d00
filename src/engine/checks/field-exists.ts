/** Whether a field is written in the manifest, told by the Locator (the model only has defaulted values). */
import type { FieldPath, SourceRef } from '../model/types'
import type { Locator } from '../source/locate'

/**
 * A test for "`path` is written in the object at `source`": a missing field locates to an ancestor, so its
 * key span then equals its parent's value span.
 */
export function createHas(locate: Locator): (source: SourceRef, path: FieldPath) => boolean {
  return (source, path) => {
    if (path.length === 0) return true
    const own = locate.spanOf(source, path, 'key')
    const parent = locate.spanOf(source, path.slice(0, -1), 'value')
    return own.start !== parent.start || own.end !== parent.end
  }
}
