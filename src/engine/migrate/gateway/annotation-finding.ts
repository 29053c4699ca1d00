/**
 * The findings the annotation mapping reports (docs/migration.md#annotations): their codes, a closed list the
 * converter's `CONVERSION_CODES` includes, and one way to make one.
 */
import type { Message } from '../../messages/message'
import type { Ingress } from '../../model/types'
import { ANNOTATION_PREFIX } from '../../route/annotation-validation'
import type { ConversionFinding } from './types'

/**
 * - `annotation-not-converted`: no Gateway API equivalent; the route does without it (the message says what it does).
 * - `annotation-partly-converted`: converted, but some requests are answered differently (the message says which).
 * - `annotation-implementation-specific`: converted to a RegularExpression match, whose dialect and precedence each
 *   Gateway API implementation chooses.
 * - `annotation-converted`: converted with the same answers; the message says what the rule does (worth knowing).
 * - `regex-host`: another annotation on the host made ingress-nginx match this Ingress's paths as regexes.
 */
export const ANNOTATION_CONVERSION_CODES = [
  'annotation-not-converted',
  'annotation-partly-converted',
  'annotation-implementation-specific',
  'annotation-converted',
  'regex-host',
] as const

export type AnnotationConversionCode = (typeof ANNOTATION_CONVERSION_CODES)[number]

const SEVERITY: Readonly<Record<AnnotationConversionCode, ConversionFinding['severity']>> = {
  'annotation-not-converted': 'warning',
  'annotation-partly-converted': 'warning',
  'annotation-implementation-specific': 'warning',
  'annotation-converted': 'info',
  'regex-host': 'warning',
}

/** A finding about `ingress`; `name` is the annotation without the prefix (null for a spec field). */
export function annotationFinding(code: AnnotationConversionCode, ingress: Ingress, name: string | null, text: Message): ConversionFinding {
  return {
    code,
    severity: SEVERITY[code],
    ingress: { namespace: ingress.meta.namespace, name: ingress.meta.name },
    annotation: name === null ? null : name.startsWith(ANNOTATION_PREFIX) ? name : ANNOTATION_PREFIX + name,
    text,
    source: ingress.source,
  }
}
