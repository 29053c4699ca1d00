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
import type { ClusterModel, ConfigMap, Container, Deployment } from '../model/types'
import { riskFromString, type AnnotationRisk } from './annotation-validation'

/** Where a setting's value came from (`deployment`: the controller Deployment's container args). */
export type SettingSource = 'default' | 'configmap' | 'override' | 'deployment'

/** The controller flag `annotationValidation` stands for (its key in `RouteEnvironment.sources`). */
export const ANNOTATION_VALIDATION_FLAG = '--enable-annotation-validation'

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
  /**
   * Controller flag `--enable-annotation-validation` (docs/routing.md#annotation-validation): annotation values
   * go through their validators and a refused value can get the Ingress rejected. Default true (controller
   * v1.12.0 and later; false before). Read from the controller Deployment's args when the input has one.
   */
  readonly annotationValidation: boolean
  /**
   * ConfigMap `annotations-risk-level`: an Ingress with an annotation of a higher risk is rejected (the snippets
   * are Critical). Default High (controller v1.12.0 and later; Critical before). Unknown values read as Low.
   */
  readonly annotationsRiskLevel: AnnotationRisk
  /** ConfigMap `allow-snippet-annotations`: false makes the admission webhook deny any `*-snippet` annotation. Default false (v1.9.0 and later). */
  readonly allowSnippetAnnotations: boolean
  /**
   * ConfigMap `global-allowed-response-headers`: the header names the custom-headers annotation may set (comma-separated,
   * trimmed; a name customheaders.ValidHeader refuses is dropped). Default none, so custom-headers denies its locations
   * (docs/routing.md#upstream-request-headers).
   */
  readonly globalAllowedResponseHeaders: readonly string[]
  /** The controller Deployment whose args were read, if any. */
  readonly controllerDeployment: { readonly name: string; readonly namespace: string } | null
  /** The https port named in redirects with `use-port-in-redirects`. Default 443. */
  readonly httpsPort: number
  /** The controller ConfigMap that was read, if any. */
  readonly configMap: { readonly name: string; readonly namespace: string } | null
  /** Where each ConfigMap-backed setting came from, by ConfigMap key. */
  readonly sources: Readonly<Record<string, SettingSource>>
}

/** Settings a caller may force (the UI's environment panel); they win over the ConfigMap. */
export type EnvironmentOverrides = Partial<Omit<RouteEnvironment, 'configMap' | 'sources' | 'controllerDeployment'>>

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
  annotationValidation: true,
  annotationsRiskLevel: 'High',
  allowSnippetAnnotations: false,
  globalAllowedResponseHeaders: [],
  controllerDeployment: null,
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

function boolKey(field: 'sslRedirect' | 'forceSslRedirect' | 'preserveTrailingSlash' | 'usePortInRedirects' | 'useForwardedHeaders' | 'relativeRedirects' | 'strictValidatePathType' | 'allowSnippetAnnotations'): KeyReader {
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
  'allow-snippet-annotations': boolKey('allowSnippetAnnotations'),
  // config.go keeps the string; parser.StringRiskToRisk reads it case-insensitively, anything unknown as Low.
  'annotations-risk-level': (env, value) => {
    env.annotationsRiskLevel = riskFromString(value)
    return true
  },
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
  // template/configmap.go: splitAndTrimSpace, then each name through customheaders.ValidHeader (a refused one is
  // logged and dropped); an empty value allows none.
  'global-allowed-response-headers': (env, value) => {
    env.globalAllowedResponseHeaders = value.split(',').map((item) => item.trim()).filter((item) => item !== '' && /^[a-zA-Z\d\-_]+$/.test(item))
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
  readControllerFlags(model, env, sources)
  for (const [field, value] of Object.entries(overrides)) {
    if (value === undefined) continue
    ;(env as unknown as Record<string, unknown>)[field] = value
    const key = FIELD_KEYS[field]
    if (key) sources[key] = 'override'
  }
  env.sources = sources
  return { environment: env, problems }
}

/** The controller container: the one whose args (or command) start with `/nginx-ingress-controller`. */
function controllerContainer(deployment: Deployment): Container | undefined {
  const isController = (container: Container): boolean =>
    container.args[0] === '/nginx-ingress-controller' || container.command[0] === '/nginx-ingress-controller'
  return deployment.template.containers.find(isController) ??
    (deployment.meta.name === 'ingress-nginx-controller' ? deployment.template.containers[0] : undefined)
}

/**
 * `--enable-annotation-validation` from the controller Deployment (the first named `ingress-nginx-controller`
 * or running `/nginx-ingress-controller`): the last occurrence wins, as in Go's flag parsing; `--flag` alone
 * is true, `--flag=<v>` is strconv.ParseBool (an unreadable value stops the controller, so it is ignored here).
 */
function readControllerFlags(model: ClusterModel, env: Mutable<RouteEnvironment>, sources: Record<string, SettingSource>): void {
  sources[ANNOTATION_VALIDATION_FLAG] = 'default'
  const deployment = model.deployments.find((candidate) => candidate.meta.name === 'ingress-nginx-controller' && controllerContainer(candidate)) ??
    model.deployments.find((candidate) => controllerContainer(candidate) !== undefined)
  const container = deployment ? controllerContainer(deployment) : undefined
  if (!deployment || !container) return
  env.controllerDeployment = { name: deployment.meta.name, namespace: deployment.meta.namespace }
  for (const arg of [...container.command, ...container.args]) {
    const match = /^--enable-annotation-validation(?:=(.*))?$/.exec(arg)
    if (!match) continue
    const value = match[1] === undefined ? true : parseGoBool(match[1])
    if (value === null) continue
    env.annotationValidation = value
    sources[ANNOTATION_VALIDATION_FLAG] = 'deployment'
  }
}

const FIELD_KEYS: Readonly<Record<string, string>> = {
  sslRedirect: 'ssl-redirect',
  forceSslRedirect: 'force-ssl-redirect',
  preserveTrailingSlash: 'preserve-trailing-slash',
  usePortInRedirects: 'use-port-in-redirects',
  useForwardedHeaders: 'use-forwarded-headers',
  relativeRedirects: 'relative-redirects',
  strictValidatePathType: 'strict-validate-path-type',
  allowSnippetAnnotations: 'allow-snippet-annotations',
  annotationsRiskLevel: 'annotations-risk-level',
  annotationValidation: ANNOTATION_VALIDATION_FLAG,
  httpRedirectCode: 'http-redirect-code',
  noTlsRedirectLocations: 'no-tls-redirect-locations',
  globalAllowedResponseHeaders: 'global-allowed-response-headers',
}

/** One line per setting, for the UI and the CLI: `ssl-redirect = true (default)`. */
export function describeEnvironment(env: RouteEnvironment): string[] {
  const lines = [
    `controller class = ${env.controllerClass}, ingress class = ${env.ingressClass}` +
      (env.assumeDefaultClass ? ` (IngressClass ${env.ingressClass} assumed to exist and be the cluster default)` : ''),
    // docs/routing.md#assumptions (backend-availability.ts): the rule, whatever the manifests hold.
    'Services: with no Service in the manifests, every referenced Service is assumed to exist with ready endpoints; ' +
      'with Services, a missing Service or port, or no pods behind it, means no endpoints: 503 (or the default-backend annotation\'s Service)',
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
    'allow-snippet-annotations': String(env.allowSnippetAnnotations),
    'annotations-risk-level': env.annotationsRiskLevel,
    'global-allowed-response-headers': env.globalAllowedResponseHeaders.join(','),
  }
  for (const key of ROUTING_CONFIGMAP_KEYS) {
    const source = env.sources[key] ?? 'default'
    const where = source === 'configmap' && env.configMap ? `ConfigMap ${env.configMap.namespace}/${env.configMap.name}` : source
    lines.push(`${key} = ${value[key]} (${where})`)
  }
  const flagSource = env.sources[ANNOTATION_VALIDATION_FLAG] ?? 'default'
  const flagWhere = flagSource === 'deployment' && env.controllerDeployment
    ? `Deployment ${env.controllerDeployment.namespace}/${env.controllerDeployment.name}`
    : flagSource === 'default' ? 'default: on since controller v1.12.0' : flagSource
  lines.push(`${ANNOTATION_VALIDATION_FLAG} = ${env.annotationValidation} (${flagWhere})`)
  return lines
}
