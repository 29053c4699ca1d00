/**
 * Reads the ingress-nginx annotations that change routing (rewrite, regex, redirects, app-root, https
 * redirects, canary) the way the controller's annotation parsers do: invalid values are ignored (the default
 * applies) and reported, never thrown.
 */
import { msg, type Message } from '../messages/message'
import type { Ingress } from '../model/types'
import { parseGoBool, type RouteEnvironment } from './environment'
import type { CanaryPolicy, RouteIssue } from './types'

/** The annotation prefix of kubernetes/ingress-nginx (`--annotations-prefix` default). */
export const ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/'

/** The routing-relevant annotations of one Ingress, defaults applied. */
export interface IngressAnnotations {
  /** rewrite-target; `''` when absent or invalid. */
  readonly rewriteTarget: string
  readonly useRegex: boolean
  /** app-root; `''` when absent or invalid. */
  readonly appRoot: string
  readonly sslRedirect: boolean
  readonly forceSslRedirect: boolean
  readonly preserveTrailingSlash: boolean
  readonly usePortInRedirects: boolean
  readonly redirect: { readonly code: number; readonly url: string } | null
  /** Set when `canary: "true"`. */
  readonly canary: CanaryPolicy | null
}

/** Characters ingress-nginx's validator allows in rewrite-target and app-root (parser.RegexPathWithCapture). */
const PATH_WITH_CAPTURE = /^\/?[-._~a-zA-Z0-9/$:]*$/

function annotationPath(key: string): (string | number)[] {
  return ['metadata', 'annotations', ANNOTATION_PREFIX + key]
}

/** Parses the annotations of `ingress`; problems go to `issues`. */
export function readAnnotations(ingress: Ingress, env: RouteEnvironment, issues: RouteIssue[]): IngressAnnotations {
  const all = ingress.meta.annotations
  const get = (key: string): string | undefined => all[ANNOTATION_PREFIX + key]
  const invalid = (key: string, text: Message): void => {
    issues.push({ code: 'invalid-annotation', severity: 'warning', text, source: ingress.source, at: annotationPath(key) })
  }
  const bool = (key: string, fallback: boolean): boolean => {
    const raw = get(key)
    if (raw === undefined) return fallback
    const parsed = parseGoBool(raw)
    if (parsed === null) {
      invalid(key, msg('annotation-not-boolean', { annotation: ANNOTATION_PREFIX + key, value: raw }))
      return fallback
    }
    return parsed
  }
  const int = (key: string): number | null => {
    const raw = get(key)
    if (raw === undefined) return null
    if (!/^[+-]?\d+$/.test(raw.trim())) {
      invalid(key, msg('annotation-not-integer', { annotation: ANNOTATION_PREFIX + key, value: raw }))
      return null
    }
    return Number(raw.trim())
  }

  let rewriteTarget = get('rewrite-target') ?? ''
  if (rewriteTarget !== '' && !PATH_WITH_CAPTURE.test(rewriteTarget)) {
    invalid('rewrite-target', msg('rewrite-target-invalid', { value: rewriteTarget }))
    rewriteTarget = ''
  }
  let appRoot = get('app-root') ?? ''
  if (appRoot !== '' && (!appRoot.startsWith('/') || !PATH_WITH_CAPTURE.test(appRoot) || appRoot.includes('$'))) {
    invalid('app-root', msg('app-root-invalid', { value: appRoot }))
    appRoot = ''
  }

  return {
    rewriteTarget,
    useRegex: bool('use-regex', false),
    appRoot,
    sslRedirect: bool('ssl-redirect', env.sslRedirect),
    forceSslRedirect: bool('force-ssl-redirect', env.forceSslRedirect),
    preserveTrailingSlash: bool('preserve-trailing-slash', env.preserveTrailingSlash),
    usePortInRedirects: bool('use-port-in-redirects', env.usePortInRedirects),
    redirect: readRedirect(get, int, invalid),
    canary: readCanary(get, bool, int, invalid),
  }
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s]*$/i.test(url)
}

function readRedirect(
  get: (key: string) => string | undefined,
  int: (key: string) => number | null,
  invalid: (key: string, text: Message) => void,
): IngressAnnotations['redirect'] {
  // Temporal is evaluated first and wins when both are set (redirect.go).
  const temporal = get('temporal-redirect')
  if (temporal !== undefined && temporal !== '') {
    if (isHttpUrl(temporal)) {
      const code = int('temporal-redirect-code')
      return { url: temporal, code: code !== null && code >= 300 && code <= 307 ? code : 302 }
    }
    invalid('temporal-redirect', msg('redirect-not-url', { annotation: 'temporal-redirect', value: temporal }))
  }
  const permanent = get('permanent-redirect')
  if (permanent !== undefined && permanent !== '') {
    if (isHttpUrl(permanent)) {
      const code = int('permanent-redirect-code')
      return { url: permanent, code: code !== null && code >= 300 && code <= 308 ? code : 301 }
    }
    invalid('permanent-redirect', msg('redirect-not-url', { annotation: 'permanent-redirect', value: permanent }))
  }
  return null
}

function readCanary(
  get: (key: string) => string | undefined,
  bool: (key: string, fallback: boolean) => boolean,
  int: (key: string) => number | null,
  invalid: (key: string, text: Message) => void,
): CanaryPolicy | null {
  const enabled = bool('canary', false)
  const text = (key: string): string | null => {
    const value = get(key)
    return value === undefined || value === '' ? null : value
  }
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
    invalid('canary', msg('canary-not-enabled'))
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
