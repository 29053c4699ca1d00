/** Flags objects defined twice: same kind, namespace and name (API group does not matter: one resource). */
import type { Span } from '../diagnostics'
import { msg } from '../messages/message'
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
    const { kind, meta: { namespace, name } } = object
    const doc = first.source.doc + 1
    ctx.report('duplicate-object', 'error', first.source.file === object.source.file
      ? msg('duplicate-object', { kind, namespace, name, doc })
      : msg('duplicate-object-other-file', { kind, namespace, name, doc, file: first.source.file }), nameSpan)
  }
}
