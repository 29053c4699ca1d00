/**
 * The studio's assumptions about the cluster and the controller (docs/routing.md#assumptions), in one place so
 * the UI can show them and users can change them. ingress-nginx ConfigMap keys that change routing are read
 * from a controller ConfigMap in the input when there is one.
 *
 * Which ConfigMap is the controller's: the first (in document order) named `ingress-nginx-controller` (the
 * Helm chart and the official manifests), `nginx-configuration` (old manifests) or `nginx-ingress-controller`,
 * or labelled `app.kubernetes.io/name: ingress-nginx` with `app.kubernetes.io/component: controller`.
 */
import { msg, type Message } from '../messages/message'
import type { ClusterModel, ConfigMap } from '../model/types'

/** Where a setting's value came from. */
export type SettingSource = 'default' | 'configmap' | 'override'

/** The settings routing depends on. */
export interface RouteEnvironment {
  /** `--controller-class`; IngressClasses naming another controller are not served. Default `k8s.io/ingress-nginx`. */
  readonly controllerClass: string
  /** `--ingress-class`, matched against the `kubernetes.io/ingress.class` annotation. Default `nginx`. */
  readonly ingressClass: string
  /** Assume an IngressClass `nginx` for this controller exists and is the cluster default. Default true. */
  readonly assumeDefaultClass: boolean
  /** ConfigMap `ssl-redirect`: redirect http to https on hosts with a certificate. Default true. */
  readonly sslRedirect: boolean
  /** ConfigMap `force-ssl-redirect`: redirect http to https everywhere. Default false. */
  readonly forceSslRedirect: boolean
  /** ConfigMap `http-redirect-code` (301, 302, 307 or 308). Default 308. */
  readonly httpRedirectCode: number
  /** ConfigMap `preserve-trailing-slash`: keep a trailing `/` in the https redirect. Default false. */
  readonly preserveTrailingSlash: boolean
  /** ConfigMap `use-port-in-redirects`: add `:443` to https redirects. Default false. */
  readonly usePortInRedirects: boolean
  /** ConfigMap `no-tls-redirect-locations`: location prefixes never redirected to https. */
  readonly noTlsRedirectLocations: readonly string[]
  /** ConfigMap `use-forwarded-headers`: trust X-Forwarded-Proto/Host for the https redirect. Default false. */
  readonly useForwardedHeaders: boolean
  /** ConfigMap `relative-redirects`: nginx's own 301 (`/foo` → `/foo/`) uses a relative Location. Default false. */
  readonly relativeRedirects: boolean
  /**
   * ConfigMap `strict-validate-path-type`: the admission webhook rejects Exact and Prefix paths with characters
   * other than letters, digits and `._/-` (route/strict-path.ts). Default true (controller v1.12.0 and later).
   */
  readonly strictValidatePathType: boolean
  /** The https port named in redirects with `use-port-in-redirects`. Default 443. */
  readonly httpsPort: number
  /** The controller ConfigMap that was read, if any. */
  readonly configMap: { readonly name: string; readonly namespace: string } | null
  /** Where each ConfigMap-backed setting came from, by ConfigMap key. */
  readonly sources: Readonly<Record<string, SettingSource>>
}

/** Settings a caller may force (the UI's environment panel); they win over the ConfigMap. */
export type EnvironmentOverrides = Partial<Omit<RouteEnvironment, 'configMap' | 'sources'>>

/** The defaults of docs/routing.md#assumptions (ingress-nginx's config.go defaults, default controller flags). */
export const DEFAULT_ENVIRONMENT: RouteEnvironment = {
  controllerClass: 'k8s.io/ingress-nginx',
  ingressClass: 'nginx',
  assumeDefaultClass: true,
  sslRedirect: true,
  forceSslRedirect: false,
  httpRedirectCode: 308,
  preserveTrailingSlash: false,
  usePortInRedirects: false,
  noTlsRedirectLocations: ['/.well-known/acme-challenge'],
  useForwardedHeaders: false,
  relativeRedirects: false,
  strictValidatePathType: true,
  httpsPort: 443,
  configMap: null,
  sources: {},
}

const CONTROLLER_CONFIGMAP_NAMES = ['ingress-nginx-controller', 'nginx-configuration', 'nginx-ingress-controller']

/** True when `cm` looks like the ingress-nginx controller's ConfigMap (see the module comment). */
export function isControllerConfigMap(cm: ConfigMap): boolean {
  if (CONTROLLER_CONFIGMAP_NAMES.includes(cm.meta.name)) return true
  const labels = cm.meta.labels
  return labels['app.kubernetes.io/name'] === 'ingress-nginx' && labels['app.kubernetes.io/component'] === 'controller'
}

/** Go's strconv.ParseBool, which ingress-nginx uses for boolean ConfigMap keys and annotations. */
export function parseGoBool(value: string): boolean | null {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false
  return null
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

type KeyReader = (env: Mutable<RouteEnvironment>, value: string) => boolean

function boolKey(field: 'sslRedirect' | 'forceSslRedirect' | 'preserveTrailingSlash' | 'usePortInRedirects' | 'useForwardedHeaders' | 'relativeRedirects' | 'strictValidatePathType'): KeyReader {
  return (env, value) => {
    const parsed = parseGoBool(value.trim())
    if (parsed === null) return false
    env[field] = parsed
    return true
  }
}

/** The ConfigMap keys that change routing, and how each is read; invalid values keep the default. */
const KEY_READERS: Readonly<Record<string, KeyReader>> = {
  'ssl-redirect': boolKey('sslRedirect'),
  'force-ssl-redirect': boolKey('forceSslRedirect'),
  'preserve-trailing-slash': boolKey('preserveTrailingSlash'),
  'use-port-in-redirects': boolKey('usePortInRedirects'),
  'use-forwarded-headers': boolKey('useForwardedHeaders'),
  'relative-redirects': boolKey('relativeRedirects'),
  'strict-validate-path-type': boolKey('strictValidatePathType'),
  'http-redirect-code': (env, value) => {
    const code = Number(value.trim())
    // config.go accepts only these; anything else falls back to 308 with a warning.
    if (![301, 302, 307, 308].includes(code)) return false
    env.httpRedirectCode = code
    return true
  },
  'no-tls-redirect-locations': (env, value) => {
    env.noTlsRedirectLocations = value.split(',').map((item) => item.trim()).filter((item) => item !== '')
    return true
  },
}

/** The ConfigMap keys `resolveEnvironment` reads. */
export const ROUTING_CONFIGMAP_KEYS: readonly string[] = Object.keys(KEY_READERS)

/** A ConfigMap key whose value could not be read (kept at its default). */
export interface EnvironmentProblem {
  readonly configMap: ConfigMap
  readonly key: string
  readonly text: Message
}

/**
 * The environment for `model`: defaults, then the controller ConfigMap's routing keys (if the input has one),
 * then `overrides`. Returns the unreadable keys too, so the caller can report them.
 */
export function resolveEnvironment(
  model: ClusterModel,
  overrides: EnvironmentOverrides = {},
): { environment: RouteEnvironment; problems: EnvironmentProblem[] } {
  const env: Mutable<RouteEnvironment> = { ...DEFAULT_ENVIRONMENT }
  const sources: Record<string, SettingSource> = {}
  for (const key of ROUTING_CONFIGMAP_KEYS) sources[key] = 'default'
  const problems: EnvironmentProblem[] = []
  const configMap = model.configMaps.find(isControllerConfigMap)
  if (configMap) {
    env.configMap = { name: configMap.meta.name, namespace: configMap.meta.namespace }
    for (const key of ROUTING_CONFIGMAP_KEYS) {
      const value = configMap.data[key]
      if (value === undefined) continue
      if ((KEY_READERS[key] as KeyReader)(env, value)) sources[key] = 'configmap'
      else problems.push({ configMap, key, text: msg('configmap-invalid-value', { key, value }) })
    }
  }
  for (const [field, value] of Object.entries(overrides)) {
    if (value === undefined) continue
    ;(env as unknown as Record<string, unknown>)[field] = value
    const key = FIELD_KEYS[field]
    if (key) sources[key] = 'override'
  }
  env.sources = sources
  return { environment: env, problems }
}

const FIELD_KEYS: Readonly<Record<string, string>> = {
  sslRedirect: 'ssl-redirect',
  forceSslRedirect: 'force-ssl-redirect',
  preserveTrailingSlash: 'preserve-trailing-slash',
  usePortInRedirects: 'use-port-in-redirects',
  useForwardedHeaders: 'use-forwarded-headers',
  relativeRedirects: 'relative-redirects',
  strictValidatePathType: 'strict-validate-path-type',
  httpRedirectCode: 'http-redirect-code',
  noTlsRedirectLocations: 'no-tls-redirect-locations',
}

/** One line per setting, for the UI and the CLI: `ssl-redirect = true (default)`. */
export function describeEnvironment(env: RouteEnvironment): string[] {
  const lines = [
    `controller class = ${env.controllerClass}, ingress class = ${env.ingressClass}` +
      (env.assumeDefaultClass ? ` (IngressClass ${env.ingressClass} assumed to exist and be the cluster default)` : ''),
    'every referenced Service exists and has ready endpoints',
  ]
  const value: Record<string, string> = {
    'ssl-redirect': String(env.sslRedirect),
    'force-ssl-redirect': String(env.forceSslRedirect),
    'http-redirect-code': String(env.httpRedirectCode),
    'preserve-trailing-slash': String(env.preserveTrailingSlash),
    'use-port-in-redirects': String(env.usePortInRedirects),
    'no-tls-redirect-locations': env.noTlsRedirectLocations.join(','),
    'use-forwarded-headers': String(env.useForwardedHeaders),
    'relative-redirects': String(env.relativeRedirects),
    'strict-validate-path-type': String(env.strictValidatePathType),
  }
  for (const key of ROUTING_CONFIGMAP_KEYS) {
    const source = env.sources[key] ?? 'default'
    const where = source === 'configmap' && env.configMap ? `ConfigMap ${env.configMap.namespace}/${env.configMap.name}` : source
    lines.push(`${key} = ${value[key]} (${where})`)
  }
  return lines
}
