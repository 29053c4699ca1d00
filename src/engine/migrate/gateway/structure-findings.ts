/**
 * The findings of the conversion's structure (Gateway, listeners, routes, paths, backends, TLS, ssl-redirect):
 * their closed list of codes and the one way to make one, pointed at the Ingress field it is about
 * (docs/migration.md#conversion). The annotation mapping has its own codes (`map-annotations.ts`).
 */
import type { Message } from '../../messages/message'
import type { FieldPath, Ingress } from '../../model/types'
import type { Locator } from '../../source/locate'
import type { ConversionFinding } from './types'

/** Every code a structure finding may carry. */
export const STRUCTURE_CODES = [
  'ingress-not-served',
  'canary-not-merged',
  'path-shadowed',
  'implementation-specific-path',
  'prefix-trailing-slash',
  'path-as-regex',
  'wildcard-host-depth',
  'resource-backend',
  'backend-port-unresolved',
  'catch-all-route',
  'host-falls-through',
  'default-backend-unused',
  'tls-without-secret',
  'tls-secret-conflict',
  'tls-host-not-routed',
  'https-listener-missing',
  'https-redirect-trailing-slash',
  'gateway-listener-limit',
  'gateway-listener-missing',
  'gateway-routes-not-allowed',
] as const

export type StructureCode = (typeof STRUCTURE_CODES)[number]

/** Makes findings about the Ingresses of one input, each located at its field. */
export interface FindingMaker {
  (code: StructureCode, severity: ConversionFinding['severity'], ingress: Ingress, at: FieldPath, text: Message, annotation?: string): ConversionFinding
}

/** A maker whose findings point at the field's span (`locate`), or at the whole Ingress when it cannot. */
export function findingMaker(locate: Locator): FindingMaker {
  return (code, severity, ingress, at, text, annotation) => ({
    code,
    severity,
    ingress: { namespace: ingress.meta.namespace, name: ingress.meta.name },
    annotation: annotation ?? null,
    text,
    source: { ...ingress.source, span: at.length === 0 ? ingress.source.span : locate.spanOf(ingress.source, at) },
  })
}
