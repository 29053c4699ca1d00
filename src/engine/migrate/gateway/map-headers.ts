/**
 * The header annotations of one Ingress path as filters (docs/migration.md#annotations): upstream-vhost (the Host the
 * upstream receives) → URLRewrite hostname, x-forwarded-prefix → RequestHeaderModifier set (only beside an effective
 * rewrite, where nginx.tmpl writes it), custom-headers (response headers from a ConfigMap) → ResponseHeaderModifier
 * set. The values are the route stage's reading (route/annotations.ts; docs/routing.md#upstream-request-headers).
 */
import { msg } from '../../messages/message'
import type { Ingress } from '../../model/types'
import type { IngressAnnotations } from '../../route/annotations'
import { annotationFinding } from './annotation-finding'
import type { DraftFilter } from './draft'
import type { ConversionFinding } from './types'

/** A hostname a URLRewrite may write (shared_types.go PreciseHostname), lower case. */
const PRECISE_HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

/** upstream-vhost → the URLRewrite hostname; null when absent or not expressible (reported). */
export function upstreamHostname(ingress: Ingress, annotations: IngressAnnotations, findings: ConversionFinding[]): string | null {
  const value = annotations.upstreamVhost
  if (value === null) return null
  const host = value.toLowerCase()
  if (PRECISE_HOSTNAME.test(host) && host.length <= 253) return host
  findings.push(annotationFinding('annotation-not-converted', ingress, 'upstream-vhost', msg(value.includes('$') ? 'ma-vhost-variables' : 'ma-vhost-not-hostname', { value })))
  return null
}

/**
 * x-forwarded-prefix → a RequestHeaderModifier setting X-Forwarded-Prefix, on a rule whose path is rewritten (nginx.tmpl
 * writes the header only beside the rewrite; an empty value sends none). A value with nginx variables is reported.
 */
export function forwardedPrefixFilter(ingress: Ingress, annotations: IngressAnnotations, rewritten: boolean, findings: ConversionFinding[]): DraftFilter | null {
  const value = annotations.xForwardedPrefix
  if (value === null || value === '' || !rewritten) return null
  if (value.includes('$')) {
    findings.push(annotationFinding('annotation-not-converted', ingress, 'x-forwarded-prefix', msg('ma-forwarded-prefix-variables', { value })))
    return null
  }
  return { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-Forwarded-Prefix', value }] } }
}

const DENIED_MESSAGE = {
  'configmap-missing': 'ma-custom-headers-missing',
  'invalid-name': 'ma-custom-headers-refused',
  'invalid-value': 'ma-custom-headers-refused',
  'not-allowed': 'ma-custom-headers-not-allowed',
} as const

/**
 * custom-headers → a ResponseHeaderModifier setting the ConfigMap's headers. When customheaders/main.go denies the
 * location (ingress-nginx answers 503) the route sets nothing and proxies, and says so.
 */
export function customHeadersFilter(ingress: Ingress, annotations: IngressAnnotations, findings: ConversionFinding[]): DraftFilter | null {
  const custom = annotations.customHeaders
  if (custom === null) return null
  if (custom.kind === 'denied') {
    findings.push(annotationFinding('annotation-not-converted', ingress, 'custom-headers', msg(DENIED_MESSAGE[custom.reason], { configMap: custom.configMap, header: custom.header ?? '' })))
    return null
  }
  const set = Object.entries(custom.headers).map(([name, value]) => ({ name, value }))
  return set.length === 0 ? null : { type: 'ResponseHeaderModifier', responseHeaderModifier: { set } }
}
