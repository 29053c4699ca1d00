/**
 * Every `nginx.ingress.kubernetes.io/*` annotation the conversion does not map, with what the converted route does
 * instead (docs/migration.md#annotations). The annotations it maps are listed in `MAPPED`, so a new mapping is one
 * line here and one in `map-annotations.ts`.
 */
import { msg, type Message } from '../../messages/message'
import type { Ingress } from '../../model/types'
import { ANNOTATION_PREFIX } from '../../route/annotation-validation'
import type { IngressAnnotations } from '../../route/annotations'
import { parseGoBool } from '../../route/environment'
import { annotationFinding } from './annotation-finding'
import type { ConversionFinding } from './types'

/** What the conversion maps (map-annotations.ts and its modules), or the structure does (ssl-redirect). */
const MAPPED: ReadonlySet<string> = new Set([
  'rewrite-target', 'use-regex', 'app-root',
  'permanent-redirect', 'permanent-redirect-code', 'temporal-redirect', 'temporal-redirect-code',
  'from-to-www-redirect', 'server-alias', 'upstream-vhost', 'x-forwarded-prefix', 'custom-headers',
  'canary', 'canary-weight', 'canary-weight-total', 'canary-by-header', 'canary-by-header-value', 'canary-by-header-pattern', 'canary-by-cookie',
  // The structure converts these (the HTTP listener's redirect rule) and reports the trailing slash it keeps.
  'ssl-redirect', 'force-ssl-redirect', 'preserve-trailing-slash',
])

/** Switches whose `false` is ingress-nginx's default: nothing to convert. */
const OFF_BY_DEFAULT: ReadonlySet<string> = new Set(['enable-cors', 'ssl-passthrough', 'service-upstream', 'enable-modsecurity', 'enable-owasp-core-rules', 'enable-opentelemetry'])

/**
 * What a canary Ingress keeps of its own annotations: ingress-nginx ignores the rest, the primary's apply
 * (annotations.md "Canary": load-balance, upstream-hash-by and session stickiness).
 */
const CANARY_KEEPS = /^(load-balance|upstream-hash-by|affinity|session-cookie-)/

type UnconvertedId =
  | 'ma-not-converted' | 'ma-snippet' | 'ma-auth' | 'ma-auth-tls' | 'ma-rate-limit' | 'ma-affinity' | 'ma-source-range' | 'ma-cors'
  | 'ma-timeout' | 'ma-body-size' | 'ma-backend-protocol' | 'ma-ssl-passthrough' | 'ma-custom-http-errors' | 'ma-default-backend'
  | 'ma-port-in-redirects' | 'ma-relative-redirects' | 'ma-mirror' | 'ma-load-balancing' | 'ma-backend-tls'

/** The message for annotation `name` (without the prefix). */
function messageOf(name: string): UnconvertedId {
  if (name.endsWith('-snippet')) return 'ma-snippet'
  if (name.startsWith('auth-tls-')) return 'ma-auth-tls'
  if (name.startsWith('auth-') || name === 'enable-global-auth') return 'ma-auth'
  if (name.startsWith('limit-') || name.startsWith('global-rate-limit')) return 'ma-rate-limit'
  if (name.startsWith('affinity') || name.startsWith('session-cookie-')) return 'ma-affinity'
  if (name.endsWith('-source-range')) return 'ma-source-range'
  if (name === 'enable-cors' || name.startsWith('cors-')) return 'ma-cors'
  if (name === 'proxy-connect-timeout' || name === 'proxy-read-timeout' || name === 'proxy-send-timeout') return 'ma-timeout'
  if (name === 'proxy-body-size' || name === 'client-body-buffer-size') return 'ma-body-size'
  if (name === 'backend-protocol') return 'ma-backend-protocol'
  if (name === 'ssl-passthrough') return 'ma-ssl-passthrough'
  if (name === 'custom-http-errors') return 'ma-custom-http-errors'
  if (name === 'default-backend') return 'ma-default-backend'
  if (name === 'use-port-in-redirects') return 'ma-port-in-redirects'
  if (name === 'relative-redirects') return 'ma-relative-redirects'
  if (name.startsWith('mirror-')) return 'ma-mirror'
  if (name === 'load-balance' || name === 'service-upstream' || name.startsWith('upstream-hash-by')) return 'ma-load-balancing'
  if (name.startsWith('proxy-ssl-') || name === 'secure-verify-ca-secret') return 'ma-backend-tls'
  return 'ma-not-converted'
}

/** Whether the annotation, as set, changes nothing the converted route does differently. */
function changesNothing(name: string, value: string, annotations: IngressAnnotations): boolean {
  if (OFF_BY_DEFAULT.has(name)) return parseGoBool(value) === false
  if (name === 'backend-protocol') return value.trim().toUpperCase() === 'HTTP'
  // A RequestRedirect keeps the path as sent and leaves a well-known port out (docs/gateway-api.md#filters).
  if (name === 'use-port-in-redirects') return !annotations.usePortInRedirects
  if (name === 'relative-redirects') return !annotations.relativeRedirects
  return false
}

/**
 * One finding per `nginx.ingress.kubernetes.io/*` annotation of `ingress` that the conversion does not map and that
 * changes what ingress-nginx answers, in key order. `annotations` is the route stage's reading of the same Ingress.
 */
export function unconvertedAnnotationFindings(ingress: Ingress, annotations: IngressAnnotations): ConversionFinding[] {
  const out: ConversionFinding[] = []
  for (const key of Object.keys(ingress.meta.annotations).sort()) {
    if (!key.startsWith(ANNOTATION_PREFIX)) continue
    const name = key.slice(ANNOTATION_PREFIX.length)
    const value = ingress.meta.annotations[key] as string
    if (MAPPED.has(name) || changesNothing(name, value, annotations)) continue
    if (annotations.canary !== null && !CANARY_KEEPS.test(name)) continue
    const text: Message = msg(messageOf(name), { annotation: key, value })
    out.push(annotationFinding('annotation-not-converted', ingress, name, text))
  }
  return out
}
