/**
 * The header annotations of one Ingress as filters (docs/migration.md#annotations): upstream-vhost (the Host the
 * upstream receives) → URLRewrite hostname, x-forwarded-prefix → RequestHeaderModifier set, custom-headers (a
 * ConfigMap of response headers) → ResponseHeaderModifier set. The route stage does not read these annotations,
 * so they are read here, as their ingress-nginx parsers do (internal/ingress/annotations/upstreamvhost,
 * xforwardedprefix, customheaders, controller-v1.15.1).
 */
import { msg } from '../../messages/message'
import type { ConfigMap, Ingress } from '../../model/types'
import { ANNOTATION_PREFIX, goTrimSpace } from '../../route/annotation-validation'
import type { RouteEnvironment } from '../../route/environment'
import { annotationFinding } from './annotation-finding'
import type { DraftFilter } from './draft'
import type { ConversionFinding } from './types'

/** The annotation's value as parser.GetStringAnnotation reads it (lines trimmed), null when absent or empty. */
function stringAnnotation(ingress: Ingress, name: string): string | null {
  const raw = ingress.meta.annotations[ANNOTATION_PREFIX + name]
  if (raw === undefined) return null
  const value = raw.split('\n').map(goTrimSpace).join('\n')
  return value === '' ? null : value
}

/** A hostname a URLRewrite may write (shared_types.go PreciseHostname), lower case. */
const PRECISE_HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

/** upstream-vhost → the URLRewrite hostname; null when absent or not expressible (reported). */
export function upstreamHostname(ingress: Ingress, findings: ConversionFinding[]): string | null {
  const value = stringAnnotation(ingress, 'upstream-vhost')
  if (value === null) return null
  const host = value.toLowerCase()
  if (PRECISE_HOSTNAME.test(host) && host.length <= 253) return host
  findings.push(annotationFinding('annotation-not-converted', ingress, 'upstream-vhost', msg(value.includes('$') ? 'ma-vhost-variables' : 'ma-vhost-not-hostname', { value })))
  return null
}

/** x-forwarded-prefix → a RequestHeaderModifier setting X-Forwarded-Prefix (nginx.tmpl `proxy_set_header`). */
export function forwardedPrefixFilter(ingress: Ingress): DraftFilter | null {
  const value = stringAnnotation(ingress, 'x-forwarded-prefix')
  if (value === null) return null
  return { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-Forwarded-Prefix', value }] } }
}

// customheaders/main.go headerRegexp and valueRegexp.
const HEADER_NAME = /^[a-zA-Z\d\-_]+$/
const HEADER_VALUE = /^[a-zA-Z\d_ :;.,\\/"'?!(){}[\]@<>=\-+*#$&`|~^%]+$/

function findConfigMap(configMaps: readonly ConfigMap[], namespace: string, name: string): ConfigMap | undefined {
  return configMaps.find((cm) => cm.meta.namespace === namespace && cm.meta.name === name)
}

/**
 * custom-headers → a ResponseHeaderModifier setting the ConfigMap's headers. customheaders/main.go denies the
 * location (ingress-nginx answers 503) when the ConfigMap is missing, a name or value is refused, or a header is not
 * in the controller ConfigMap's `global-allowed-response-headers`; the route then sets nothing, and says so.
 */
export function customHeadersFilter(ingress: Ingress, env: RouteEnvironment, configMaps: readonly ConfigMap[] | undefined, findings: ConversionFinding[]): DraftFilter | null {
  const value = stringAnnotation(ingress, 'custom-headers')
  if (value === null) return null
  const report = (id: 'ma-custom-headers-missing' | 'ma-custom-headers-refused' | 'ma-custom-headers-not-allowed', header = ''): null => {
    findings.push(annotationFinding('annotation-not-converted', ingress, 'custom-headers', msg(id, { configMap: value, header })))
    return null
  }
  const slash = value.indexOf('/')
  const [namespace, name] = slash === -1 ? [ingress.meta.namespace, value] : [value.slice(0, slash), value.slice(slash + 1)]
  const source = configMaps ? findConfigMap(configMaps, namespace, name) : undefined
  if (!source) return report('ma-custom-headers-missing')
  const controller = env.configMap && configMaps ? findConfigMap(configMaps, env.configMap.namespace, env.configMap.name) : undefined
  const allowed = (controller?.data['global-allowed-response-headers'] ?? '').split(',').map((header) => header.trim()).filter((header) => header !== '')
  const set: { name: string; value: string }[] = []
  for (const [header, text] of Object.entries(source.data)) {
    if (!HEADER_NAME.test(header) || !HEADER_VALUE.test(text)) return report('ma-custom-headers-refused', header)
    if (!allowed.includes(header)) return report('ma-custom-headers-not-allowed', header)
    set.push({ name: header, value: text })
  }
  return set.length === 0 ? null : { type: 'ResponseHeaderModifier', responseHeaderModifier: { set } }
}
