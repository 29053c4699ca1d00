/**
 * Flags objects defined twice: same kind, namespace and name (for a modelled kind the API group does not matter:
 * one resource). An unmodelled kind is keyed by its group too: Istio's Gateway is not the Gateway API's.
 */
import type { Span } from '../diagnostics'
import { msg } from '../messages/message'
import type { ReadContext } from './read-context'
import type { KnownObject, UnknownObject } from './types'

/** An object of the model in input order, the span of its name, and where to report into its file. */
export interface DuplicateCandidate {
  readonly object: KnownObject | UnknownObject
  readonly nameSpan: Span
  readonly report: ReadContext['report']
}

export function checkDuplicates(all: readonly DuplicateCandidate[]): void {
  const seen = new Map<string, KnownObject | UnknownObject>()
  for (const { object, nameSpan, report } of all) {
    if (object.meta.name === '') continue
    const key = `${object.kind}${groupOfUnknown(object)}/${object.meta.namespace}/${object.meta.name}`
    const first = seen.get(key)
    if (!first) {
      seen.set(key, object)
      continue
    }
    const { kind, meta: { namespace, name } } = object
    const doc = first.source.doc + 1
    report('duplicate-object', 'error', first.source.file === object.source.file
      ? msg('duplicate-object', { kind, namespace, name, doc })
      : msg('duplicate-object-other-file', { kind, namespace, name, doc, file: first.source.file }), nameSpan)
  }
}

/** `@group` of an unmodelled object's apiVersion; '' for a modelled one. */
function groupOfUnknown(object: KnownObject | UnknownObject): string {
  if (!('known' in object)) return ''
  const slash = object.apiVersion.indexOf('/')
  return `@${slash >= 0 ? object.apiVersion.slice(0, slash) : ''}`
}
