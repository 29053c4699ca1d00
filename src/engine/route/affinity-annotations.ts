/**
 * The session-affinity annotations of ingress-nginx (`affinity: cookie` and its family) read as the
 * controller's parser reads them (internal/ingress/annotations/sessionaffinity/main.go). Validators and risks
 * are in the one table of `annotation-validation.ts`; the defaults are here. A value the validator refuses is
 * dropped and the default applies: the parser swallows the error, so it never gets the Ingress rejected.
 */
import { AFFINITY_COOKIE_EXPIRES, ANNOTATION_PREFIX, getBoolAnnotation, getStringAnnotation, type AnnotationName, type AnnotationRead } from './annotation-validation'
import type { RouteEnvironment } from './environment'

/** The cookie name when `session-cookie-name` is absent or refused (sessionaffinity/main.go). */
export const DEFAULT_AFFINITY_COOKIE = 'INGRESSCOOKIE'

/** The affinity annotations (names without the prefix); their validators live in `ANNOTATIONS`. */
export const AFFINITY_ANNOTATIONS = [
  'affinity', 'affinity-mode', 'affinity-canary-behavior', 'session-cookie-name', 'session-cookie-secure',
  'session-cookie-expires', 'session-cookie-max-age', 'session-cookie-path', 'session-cookie-domain',
  'session-cookie-samesite', 'session-cookie-conditional-samesite-none', 'session-cookie-change-on-failure',
] as const satisfies readonly AnnotationName[]

export type AffinityAnnotation = (typeof AFFINITY_ANNOTATIONS)[number]

/** The annotations' full keys, built once: every Ingress of a compile asks whether it has any. */
const AFFINITY_KEYS = AFFINITY_ANNOTATIONS.map((key) => ANNOTATION_PREFIX + key)

// sessionaffinity/main.go cookieAffinityParse checks Expires and Max-Age again with this regex, validation or not.

/** The cookie settings of one Ingress (sessionaffinity.Cookie); `''` = not set. */
export interface AffinityCookie {
  readonly name: string
  /** Seconds, as written (`''` = no Expires attribute). */
  readonly expires: string
  /** Seconds, as written (`''` = no Max-Age attribute). */
  readonly maxAge: string
  /** `''` = the location's path (ngx.var.location_path). */
  readonly path: string
  readonly domain: string
  readonly sameSite: string
  readonly secure: boolean
  readonly conditionalSameSiteNone: boolean
  readonly changeOnFailure: boolean
}

/** The affinity settings of one Ingress (sessionaffinity.Config), null when it has none of the annotations. */
export interface IngressAffinity {
  /** As parsed: `'cookie'`, `''` (absent or refused), or with validation off any other word (then no affinity). */
  readonly type: string
  /** `''` (absent: balanced), `balanced`, `persistent` or with validation off any word (balanced). */
  readonly mode: string
  /** `''` (absent: sticky), `sticky` or `legacy`. */
  readonly canaryBehavior: string
  /** Read only for `affinity: cookie` (otherwise every field is empty, as upstream leaves it). */
  readonly cookie: AffinityCookie
}

const NO_COOKIE: AffinityCookie = {
  name: '', expires: '', maxAge: '', path: '', domain: '', sameSite: '', secure: false, conditionalSameSiteNone: false, changeOnFailure: false,
}

/** A value the validator refused (validation on): the parser logs it and the default applies. */
export interface AffinityRefusal {
  readonly annotation: AffinityAnnotation
  readonly value: string
}

/**
 * Reads the affinity annotations of one Ingress as sessionaffinity/main.go `Parse` does, through the shared
 * readers of `annotation-validation.ts`. Every error is swallowed there (the default applies, the Ingress is
 * never rejected for them); the refused values go to `refused` so the studio can say so.
 */
export function readAffinity(annotations: Readonly<Record<string, string>>, env: Pick<RouteEnvironment, 'annotationValidation'>, refused: AffinityRefusal[]): IngressAffinity | null {
  if (!AFFINITY_KEYS.some((key) => annotations[key] !== undefined)) return null
  const note = (key: AffinityAnnotation, read: AnnotationRead<unknown>): void => {
    if (read.kind === 'invalid') refused.push({ annotation: key, value: read.value })
  }
  const text = (key: AffinityAnnotation): string | null => {
    const read = getStringAnnotation(annotations, key, env)
    note(key, read)
    return read.kind === 'ok' ? read.value : null
  }
  const bool = (key: AffinityAnnotation): boolean => {
    const read = getBoolAnnotation(annotations, key, env)
    note(key, read)
    return read.kind === 'ok' ? read.value : false
  }
  const type = text('affinity') ?? ''
  const mode = text('affinity-mode') ?? ''
  const canaryBehavior = text('affinity-canary-behavior') ?? ''
  if (type !== 'cookie') return { type, mode, canaryBehavior, cookie: NO_COOKIE }
  const seconds = (key: AffinityAnnotation): string => {
    const value = text(key)
    return value !== null && AFFINITY_COOKIE_EXPIRES.test(value) ? value : ''
  }
  return {
    type,
    mode,
    canaryBehavior,
    cookie: {
      name: text('session-cookie-name') ?? DEFAULT_AFFINITY_COOKIE,
      expires: seconds('session-cookie-expires'),
      maxAge: seconds('session-cookie-max-age'),
      path: text('session-cookie-path') ?? '',
      domain: text('session-cookie-domain') ?? '',
      sameSite: text('session-cookie-samesite') ?? '',
      secure: bool('session-cookie-secure'),
      conditionalSameSiteNone: bool('session-cookie-conditional-samesite-none'),
      changeOnFailure: bool('session-cookie-change-on-failure'),
    },
  }
}

/**
 * Characters a cookie name may not contain (RFC 6265 §4.1.1: a cookie-name is an RFC 2616 token): controls,
 * space and the separators. BasicCharsRegex lets `/` and `:` through (and spaces, which it removes before
 * checking), so a name the controller accepts can still be one a browser will not send back as written.
 */
export function cookieNameProblem(name: string): string | null {
  for (const ch of name) {
    const code = ch.codePointAt(0) as number
    if (code <= 32 || code >= 127 || '()<>@,;:\\"/[]?={}'.includes(ch)) return ch
  }
  return null
}
