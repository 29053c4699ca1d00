/** Flags objects defined twice: same kind, namespace and name (API group does not matter: one resource). */
import type { Span } from '../diagnostics'
import type { ReadContext } from './read-context'
import type { KnownObject, UnknownObject } from './types'

export function checkDuplicates(all: readonly { object: KnownObject | UnknownObject; nameSpan: Span; ctx: ReadContext }[]): void {
  const seen = new Map<string, KnownObject | UnknownObject>()
  for (const { object, nameSpan, ctx } of all) {
    if (object.meta.name === '') continue
    const key = `${object.kind}/${object.meta.namespace}/${object.meta.name}`
    const first = seen.get(key)
    if (!first) {
      seen.set(key, object)
      continue
    }
    const where = first.source.file === object.source.file
      ? `document ${first.source.doc + 1}`
      : `document ${first.source.doc + 1} of ${first.source.file}`
    ctx.report('duplicate-object', 'error',
      `${object.kind} "${object.meta.namespace}/${object.meta.name}" is defined twice (first in ${where}); ` +
      'applying both would let the later one replace the earlier.', nameSpan)
  }
}
