/**
 * Reads the ingress-nginx annotations that change routing (rewrite, regex, redirects, app-root, https
 * redirects, canary, affinity) the way the controller's annotation parsers do, through the validators and
 * readers of `annotation-validation.ts` (docs/routing.md#annotation-validation): a value a parser refuses is
 * reported and its default applies, never thrown. `annotationRejections` says whether the controller rejects
 * the Ingress outright (a rejecting parser's validation error, an annotation above annotations-risk-level, a
 * snippet the admission webhook refuses); `readAnnotations` is only asked about Ingresses it accepts.
 */
import { msg, type Message } from '../messages/message'
import type { MessageId } from '../messages/catalog'
import type { ConfigMap, Ingress } from '../model/types'
import { ANNOTATION_VALIDATION_FLAG, type RouteEnvironment } from './environment'
import { readAffinity, type AffinityRefusal, type IngressAffinity } from './affinity-annotations'
import {
  ANNOTATION_PREFIX, ANNOTATIONS, getBoolAnnotation, getIntAnnotation, getStringAnnotation, parsersSeeNothing, riskRejections, validationRejection,
  type AnnotationName, type AnnotationRead, type AnnotationRejection,
} from './annotation-validation'
import { parseNginxTemplate, unknownVariables } from './nginx-variables'
import type { CanaryPolicy, CustomHeaders, RouteIssue } from './types'
import { readServerAliases } from './host-aliases'

export { ANNOTATION_PREFIX }

/** The routing-relevant annotations of one Ingress, defaults applied. */
export interface IngressAnnotations {
  /** rewrite-target; `''` when absent or refused. */
  readonly rewriteTarget: string
  readonly useRegex: boolean
  /** app-root; `''` when absent or invalid. */
  readonly appRoot: string
  readonly sslRedirect: boolean
  readonly forceSslRedirect: boolean
  readonly preserveTrailingSlash: boolean
  readonly usePortInRedirects: boolean
  /**
   * `return <code> <url>` from temporal-redirect (first) or permanent-redirect (redirect.go); the URL as the
   * parser keeps it (trimmed), relative or with nginx variables when the controller lets it through.
   */
  readonly redirect: { readonly code: number; readonly url: string; readonly annotation: 'temporal-redirect' | 'permanent-redirect' } | null
  /** from-to-www-redirect (redirect.go); false too when the parser dropped the redirect configuration. */
  readonly fromToWwwRedirect: boolean
  /** The relative-redirects annotation: the locations render `absolute_redirect off` (nginx.tmpl). */
  readonly relativeRedirects: boolean
  /** Set when `canary: "true"`. */
  readonly canary: CanaryPolicy | null
  /** Session affinity (`affinity` and `session-cookie-*`), null when none of them is set (affinity-annotations.ts). */
  readonly affinity: IngressAffinity | null
  /** server-alias names, parsed as alias/main.go does (host-aliases.ts); empty when none. */
  readonly serverAliases: readonly string[]
  /**
   * upstream-vhost (upstreamvhost/main.go): the Host header sent upstream instead of `$best_http_host`, trimmed, nginx
   * variables unexpanded; null when absent (docs/routing.md#upstream-request-headers).
   */
  readonly upstreamVhost: string | null
  /** x-forwarded-prefix (xforwardedprefix/main.go): the X-Forwarded-Prefix header's value, trimmed; null when absent. */
  readonly xForwardedPrefix: string | null
  /**
   * custom-headers (customheaders/main.go): the ConfigMap's response headers, or why the controller denies every
   * location of the Ingress (503); null when absent or refused by the validator (the parser then sets none).
   */
  readonly customHeaders: CustomHeaders | null
}

function annotationPath(key: string): (string | number)[] {
  return ['metadata', 'annotations', ANNOTATION_PREFIX + key]
}

/** How annotation validation came to be on or off, as a phrase for messages. */
export function validationSetting(env: RouteEnvironment): Message {
  const source = env.sources[ANNOTATION_VALIDATION_FLAG] ?? 'default'
  if (source === 'deployment' && env.controllerDeployment) {
    const { namespace, name } = env.controllerDeployment
    return msg('annotation-validation-deployment', { value: String(env.annotationValidation), deployment: `${namespace}/${name}` })
  }
  if (source === 'override') return msg(env.annotationValidation ? 'annotation-validation-override-on' : 'annotation-validation-override-off')
  return msg('annotation-validation-default')
}

/** The outcome of redirect.go Parse. */
type RedirectParse =
  | { readonly kind: 'none' }
  | { readonly kind: 'config'; readonly url: string; readonly code: number; readonly annotation: 'temporal-redirect' | 'permanent-redirect' | null; readonly fromToWww: boolean; readonly relative: boolean }
  /** A validation error: Extract fails, the Ingress is rejected. */
  | { readonly kind: 'rejected'; readonly rejection: AnnotationRejection }
  /** Any other error: Extract skips the redirect parser, so the whole configuration is gone. */
  | { readonly kind: 'dropped'; readonly annotation: AnnotationName; readonly value: string; readonly why: 'unreadable' | 'not-http-url' }

/** Go's url.Parse followed by redirect.go isValidURL: the scheme (lower-cased) must start with "http". */
function isValidRedirectUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- net/url refuses ASCII control characters
  if (/[\u0000-\u001f\u007f]/.test(url)) return false
  if (/%(?![0-9A-Fa-f]{2})/.test(url)) return false
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)
  return scheme !== null && (scheme[1] as string).toLowerCase().startsWith('http')
}

/**
 * redirect.go Parse, step by step: from-to-www-redirect, relative-redirects, then temporal-redirect (with its
 * code, 300–307 else 302, and isValidURL) and only without it permanent-redirect (code 300–308 else 301).
 */
function parseRedirect(all: Readonly<Record<string, string>>, env: RouteEnvironment): RedirectParse {
  const failed = (name: AnnotationName, read: AnnotationRead<unknown>): RedirectParse | null => {
    const rejection = validationRejection(read)
    if (rejection) return { kind: 'rejected', rejection }
    if (read.kind === 'unreadable') return { kind: 'dropped', annotation: name, value: read.value, why: 'unreadable' }
    return null
  }
  const fromToWww = getBoolAnnotation(all, 'from-to-www-redirect', env)
  const r3w = failed('from-to-www-redirect', fromToWww)
  if (r3w) return r3w
  const relative = getBoolAnnotation(all, 'relative-redirects', env)
  const rr = failed('relative-redirects', relative)
  if (rr) return rr
  const flags = { fromToWww: fromToWww.kind === 'ok' && fromToWww.value, relative: relative.kind === 'ok' && relative.value }
  const temporal = getStringAnnotation(all, 'temporal-redirect', env)
  const tr = failed('temporal-redirect', temporal)
  if (tr) return tr
  if (temporal.kind === 'ok') {
    const code = getIntAnnotation(all, 'temporal-redirect-code', env)
    const trc = failed('temporal-redirect-code', code)
    if (trc) return trc
    const value = code.kind === 'ok' ? code.value : 0
    if (!isValidRedirectUrl(temporal.value)) return { kind: 'dropped', annotation: 'temporal-redirect', value: temporal.value, why: 'not-http-url' }
    return { kind: 'config', url: temporal.value, code: value >= 300 && value <= 307 ? value : 302, annotation: 'temporal-redirect', ...flags }
  }
  const permanent = getStringAnnotation(all, 'permanent-redirect', env)
  const pr = failed('permanent-redirect', permanent)
  if (pr) return pr
  const code = getIntAnnotation(all, 'permanent-redirect-code', env)
  const prc = failed('permanent-redirect-code', code)
  if (prc) return prc
  const value = code.kind === 'ok' ? code.value : 0
  if (permanent.kind === 'ok' || flags.fromToWww) {
    const url = permanent.kind === 'ok' ? permanent.value : ''
    return { kind: 'config', url, code: value >= 300 && value <= 308 ? value : 301, annotation: url === '' ? null : 'permanent-redirect', ...flags }
  }
  if (flags.relative) return { kind: 'config', url: '', code: 0, annotation: null, ...flags }
  return { kind: 'none' }
}

/**
 * Why the controller rejects `ingress` (empty when it accepts it): every annotation above annotations-risk-level,
 * every `*-snippet` the admission webhook refuses, and the validation errors of the parsers that return them
 * (redirect.go, alias/main.go, defaultbackend/main.go), as annotations.go Extract meets them.
 */
export function annotationRejections(ingress: Ingress, env: RouteEnvironment): AnnotationRejection[] {
  const all = ingress.meta.annotations
  if (parsersSeeNothing(all)) return []
  const out = riskRejections(all, env)
  if (!env.annotationValidation) return [...out, ...nginxTestRejections(ingress, env)]
  const redirect = parseRedirect(all, env)
  if (redirect.kind === 'rejected') out.push(redirect.rejection)
  for (const name of ['server-alias', 'default-backend', 'upstream-vhost', 'x-forwarded-prefix'] as const) {
    const rejection = validationRejection(getStringAnnotation(all, name, env))
    if (rejection) out.push(rejection)
  }
  return [...out, ...nginxTestRejections(ingress, env)]
}

/**
 * What the admission webhook's `nginx -t` refuses (controller.go CheckIngress runs testTemplate on the configuration
 * with the new Ingress): a rewrite-target or (with validation off) a redirect URL naming a variable nginx does not
 * know, or a `$` nginx cannot read as one. Named groups count as variables; the studio takes those of the Ingress's
 * own paths (another Ingress's regex on the same controller would add its names too: docs/routing.md#annotation-validation).
 */
function nginxTestRejections(ingress: Ingress, env: RouteEnvironment): AnnotationRejection[] {
  const all = ingress.meta.annotations
  const scripts: { annotation: string; value: string; patterns: readonly string[] }[] = []
  const patterns = ingress.rules.flatMap((rule) => rule.paths.map((path) => path.path))
  const rewrite = getStringAnnotation(all, 'rewrite-target', env)
  if (rewrite.kind === 'ok' && rewrite.value.includes('$')) scripts.push({ annotation: 'rewrite-target', value: rewrite.value, patterns })
  const redirect = parseRedirect(all, env)
  if (redirect.kind === 'config' && redirect.annotation !== null && redirect.url.includes('$')) scripts.push({ annotation: redirect.annotation, value: redirect.url, patterns })
  // `proxy_set_header Host "<upstream-vhost>"` in every location; X-Forwarded-Prefix only beside a rewrite (nginx.tmpl).
  const vhost = getStringAnnotation(all, 'upstream-vhost', env)
  if (vhost.kind === 'ok' && vhost.value.includes('$')) scripts.push({ annotation: 'upstream-vhost', value: vhost.value, patterns })
  const prefix = getStringAnnotation(all, 'x-forwarded-prefix', env)
  if (prefix.kind === 'ok' && prefix.value.includes('$') && rewrite.kind === 'ok') scripts.push({ annotation: 'x-forwarded-prefix', value: prefix.value, patterns })
  const out: AnnotationRejection[] = []
  for (const script of scripts) {
    const template = parseNginxTemplate(script.value, 'value')
    const unknown = template.kind === 'invalid' ? [] : unknownVariables(script.value, script.patterns)
    if (template.kind === 'invalid' || unknown.length > 0) out.push({ kind: 'nginx-test', annotation: ANNOTATION_PREFIX + script.annotation, value: script.value, unknown })
  }
  return out
}

/** The message saying why `rejection` keeps the Ingress out (IngressStatus.reason, lint, trace). */
export function rejectionMessage(rejection: AnnotationRejection, env: RouteEnvironment): Message {
  const where = (key: string): Message => {
    const source = env.sources[key] ?? 'default'
    if (source === 'configmap' && env.configMap) return msg('annotation-setting-configmap', { key, configMap: `${env.configMap.namespace}/${env.configMap.name}` })
    if (source === 'override') return msg('annotation-setting-override', { key })
    return msg(key === 'annotations-risk-level' ? 'annotation-risk-level-default' : 'annotation-snippets-default')
  }
  if (rejection.kind === 'validation') {
    return msg('annotation-rejected-validation', { annotation: rejection.annotation, value: rejection.value, validator: rejection.validator, validation: validationSetting(env) })
  }
  if (rejection.kind === 'risk') {
    return msg('annotation-rejected-risk', { annotation: rejection.annotation, risk: rejection.risk, level: rejection.level, where: where('annotations-risk-level') })
  }
  if (rejection.kind === 'nginx-test') {
    return msg('annotation-rejected-nginx-test', { annotation: rejection.annotation, value: rejection.value, variables: rejection.unknown.map((name) => '$' + name).join(', ') || '$' })
  }
  return msg('annotation-rejected-snippet', { annotation: rejection.annotation, where: where('allow-snippet-annotations') })
}

/**
 * Parses the annotations of an Ingress the controller accepts; problems go to `issues`. `configMaps` are the input's
 * ConfigMaps, where custom-headers looks its `namespace/name` up.
 */
export function readAnnotations(ingress: Ingress, env: RouteEnvironment, issues: RouteIssue[], configMaps: readonly ConfigMap[] = []): IngressAnnotations {
  if (parsersSeeNothing(ingress.meta.annotations)) return defaultAnnotations(env)
  return readFrom(ingress, ingress.meta.annotations, env, issues, configMaps)
}

const defaults = new WeakMap<RouteEnvironment, IngressAnnotations>()

/** What the parsers give an Ingress without annotations under `env`: read once, shared (it is never changed). */
function defaultAnnotations(env: RouteEnvironment): IngressAnnotations {
  let answer = defaults.get(env)
  if (!answer) {
    answer = Object.freeze(readFrom(null, {}, env, [], []))
    defaults.set(env, answer)
  }
  return answer
}

function readFrom(ingress: Ingress | null, all: Readonly<Record<string, string>>, env: RouteEnvironment, issues: RouteIssue[], configMaps: readonly ConfigMap[]): IngressAnnotations {
  const report = (key: string, text: Message): void => {
    // Without annotations (ingress null) nothing is read, so nothing can be reported.
    if (ingress) issues.push({ code: 'invalid-annotation', severity: 'warning', text, source: ingress.source, at: annotationPath(key) })
  }
  // ValidateBool and ValidateInt refuse exactly what Go cannot parse: one message whether validation is on or off.
  const bool = (name: AnnotationName, fallback: boolean): boolean => {
    const read = getBoolAnnotation(all, name, env)
    if (read.kind === 'invalid' || read.kind === 'unreadable') report(name, msg('annotation-not-boolean', { annotation: ANNOTATION_PREFIX + name, value: read.value }))
    return read.kind === 'ok' ? read.value : fallback
  }
  const int = (name: AnnotationName): number | null => {
    const read = getIntAnnotation(all, name, env)
    if (read.kind === 'invalid' || read.kind === 'unreadable') report(name, msg('annotation-not-integer', { annotation: ANNOTATION_PREFIX + name, value: read.value }))
    return read.kind === 'ok' ? read.value : null
  }
  const text = (name: AnnotationName): string | null => {
    const read = getStringAnnotation(all, name, env)
    if (read.kind === 'invalid') {
      report(name, msg('annotation-refused-default', { annotation: ANNOTATION_PREFIX + name, value: read.value, validator: ANNOTATIONS[name].validator, validation: validationSetting(env) }))
    }
    return read.kind === 'ok' ? read.value : null
  }

  const rewriteTarget = text('rewrite-target') ?? ''
  let appRoot = text('app-root') ?? ''
  // rewrite/main.go: url.ParseRequestURI, then absolute URLs refused; a `$` would be an nginx variable in the
  // server-level `return 302 $scheme://$http_host<app-root>`, which the studio does not model.
  if (appRoot !== '' && (!appRoot.startsWith('/') || appRoot.includes('$'))) {
    report('app-root', msg('app-root-invalid', { value: appRoot }))
    appRoot = ''
  }
  const redirect = readRedirect(all, env, report)
  return {
    rewriteTarget,
    useRegex: bool('use-regex', false),
    appRoot,
    sslRedirect: bool('ssl-redirect', env.sslRedirect),
    forceSslRedirect: bool('force-ssl-redirect', env.forceSslRedirect),
    preserveTrailingSlash: bool('preserve-trailing-slash', env.preserveTrailingSlash),
    usePortInRedirects: bool('use-port-in-redirects', env.usePortInRedirects),
    ...redirect,
    canary: readCanary(bool, int, text, report),
    affinity: readAffinityOf(all, env, report),
    serverAliases: readServerAliases(all, env),
    // Both parsers return a validation error, which annotationRejections already turned into a rejection.
    upstreamVhost: text('upstream-vhost'),
    xForwardedPrefix: text('x-forwarded-prefix'),
    customHeaders: readCustomHeaders(all, env, configMaps, report),
  }
}

/** customheaders/main.go ValidHeader / ValidValue. */
const HEADER_NAME = /^[a-zA-Z\d\-_]+$/
const HEADER_VALUE = /^[a-zA-Z\d_ :;.,\\/"'?!(){}[\]@<>=\-+*#$&`|~^%]+$/

const CUSTOM_HEADERS_DENIED = {
  'configmap-missing': 'custom-headers-configmap-missing',
  'invalid-name': 'custom-headers-invalid-name',
  'invalid-value': 'custom-headers-invalid-value',
  'not-allowed': 'custom-headers-not-allowed',
} as const satisfies Readonly<Record<Extract<CustomHeaders, { kind: 'denied' }>['reason'], MessageId>>

/** Whether customheaders/main.go accepts `name` as a header name (also how the ConfigMap's allow-list is read). */
export function isValidCustomHeaderName(name: string): boolean {
  return HEADER_NAME.test(name)
}

/**
 * customheaders/main.go Parse: a refused or empty value is logged and sets no headers; otherwise the ConfigMap named
 * `namespace/name` (the store's key, as written) must exist and every key must be a valid header name in
 * global-allowed-response-headers with a valid value, else the location is denied (ing_errors.NewLocationDenied: 503).
 * Go ranges over the ConfigMap's data in random order, so which bad key is named first is the studio's (sorted) choice.
 */
function readCustomHeaders(
  all: Readonly<Record<string, string>>,
  env: RouteEnvironment,
  configMaps: readonly ConfigMap[],
  report: (key: string, text: Message) => void,
): CustomHeaders | null {
  const read = getStringAnnotation(all, 'custom-headers', env)
  if (read.kind === 'invalid') {
    report('custom-headers', msg('annotation-refused-default', { annotation: ANNOTATION_PREFIX + 'custom-headers', value: read.value, validator: ANNOTATIONS['custom-headers'].validator, validation: validationSetting(env) }))
  }
  if (read.kind !== 'ok') return null
  const name = read.value
  const slash = name.indexOf('/')
  const configMap = slash === -1 ? undefined : configMaps.find((cm) => cm.meta.namespace === name.slice(0, slash) && cm.meta.name === name.slice(slash + 1))
  const denied = (reason: Extract<CustomHeaders, { kind: 'denied' }>['reason'], header: string | null): CustomHeaders => {
    report('custom-headers', msg(CUSTOM_HEADERS_DENIED[reason], { annotation: ANNOTATION_PREFIX + 'custom-headers', configMap: name, header: header ?? '' }))
    return { kind: 'denied', configMap: name, reason, header }
  }
  if (!configMap) return denied('configmap-missing', null)
  const names = Object.keys(configMap.data).sort()
  for (const header of names) {
    if (!HEADER_NAME.test(header)) return denied('invalid-name', header)
    if (!HEADER_VALUE.test(configMap.data[header] as string)) return denied('invalid-value', header)
    if (!env.globalAllowedResponseHeaders.includes(header)) return denied('not-allowed', header)
  }
  const headers: Record<string, string> = {}
  for (const header of names) headers[header] = configMap.data[header] as string
  return { kind: 'headers', configMap: name, headers }
}

/** The affinity annotations (affinity-annotations.ts); a value the validator refused is reported, its default used. */
function readAffinityOf(all: Readonly<Record<string, string>>, env: RouteEnvironment, invalid: (key: string, text: Message) => void): IngressAffinity | null {
  const refused: AffinityRefusal[] = []
  const affinity = readAffinity(all, env, refused)
  for (const { annotation, value } of refused) {
    invalid(annotation, msg('affinity-annotation-refused', { annotation: ANNOTATION_PREFIX + annotation, value, validator: ANNOTATIONS[annotation].validator }))
  }
  return affinity
}

/** The redirect fields from redirect.go Parse; a dropped configuration is reported. */
function readRedirect(
  all: Readonly<Record<string, string>>,
  env: RouteEnvironment,
  report: (key: string, text: Message) => void,
): Pick<IngressAnnotations, 'redirect' | 'fromToWwwRedirect' | 'relativeRedirects'> {
  const parsed = parseRedirect(all, env)
  if (parsed.kind === 'dropped') {
    const said = { annotation: ANNOTATION_PREFIX + parsed.annotation, value: parsed.value }
    report(parsed.annotation, msg(parsed.why === 'not-http-url' ? 'redirect-dropped-not-http' : 'redirect-dropped-unreadable', said))
  }
  if (parsed.kind !== 'config') return { redirect: null, fromToWwwRedirect: false, relativeRedirects: false }
  for (const [name, low, high] of [['temporal-redirect-code', 300, 307], ['permanent-redirect-code', 300, 308]] as const) {
    const raw = all[ANNOTATION_PREFIX + name]
    if (raw === undefined || parsed.annotation !== name.replace('-code', '')) continue
    const code = Number(raw)
    if (!(code >= low && code <= high)) report(name, msg('redirect-code-out-of-range', { annotation: ANNOTATION_PREFIX + name, value: raw, low, high, code: parsed.code }))
  }
  return {
    redirect: parsed.url !== '' && parsed.annotation !== null ? { code: parsed.code, url: parsed.url, annotation: parsed.annotation } : null,
    fromToWwwRedirect: parsed.fromToWww,
    relativeRedirects: parsed.relative,
  }
}

/** canary/main.go Parse: every refused value gives its default; "configured but not enabled" drops the canary. */
function readCanary(
  bool: (name: AnnotationName, fallback: boolean) => boolean,
  int: (name: AnnotationName) => number | null,
  text: (name: AnnotationName) => string | null,
  report: (key: string, text: Message) => void,
): CanaryPolicy | null {
  const enabled = bool('canary', false)
  const policy: CanaryPolicy = {
    weight: Math.max(0, int('canary-weight') ?? 0),
    weightTotal: int('canary-weight-total') ?? 100,
    header: text('canary-by-header'),
    headerValue: text('canary-by-header-value'),
    headerPattern: text('canary-by-header-pattern'),
    cookie: text('canary-by-cookie'),
  }
  if (enabled) return policy
  const flagged = policy.weight > 0 || policy.header || policy.headerValue || policy.headerPattern || policy.cookie
  if (flagged) {
    report('canary', msg('canary-not-enabled'))
  }
  return null
}

/** Reports annotations of the other NGINX controller (nginx/kubernetes-ingress), which ingress-nginx ignores. */
export function reportForeignAnnotations(ingress: Ingress, issues: RouteIssue[]): void {
  for (const key of Object.keys(ingress.meta.annotations)) {
    if (!key.startsWith('nginx.org/') && !key.startsWith('nginx.com/')) continue
    issues.push({
      code: 'foreign-annotation',
      severity: 'info',
      text: msg('annotation-of-other-controller', { annotation: key, prefix: ANNOTATION_PREFIX }),
      source: ingress.source,
      at: ['metadata', 'annotations', key],
    })
  }
}
