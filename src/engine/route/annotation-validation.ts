/**
 * ingress-nginx's annotation validation and risk levels, in one table (docs/routing.md#annotation-validation).
 *
 * `ANNOTATIONS` lists every annotation the routing engine reads, each with the validator, risk level and parser
 * file ingress-nginx (controller v1.15.1) declares for it, and what that parser does when the validator refuses
 * a value: `rejects` (the parser returns the validation error; annotations.go Extract fails, so the admission
 * webhook denies the Ingress and the store skips it) or `defaults` (the parser logs it and uses the default).
 * `OTHER_ANNOTATION_RISKS` names the risk of every other ingress-nginx annotation above Low, because
 * `annotations-risk-level` rejects an Ingress for any annotation above it, read or not.
 *
 * The readers mirror parser.GetBoolAnnotation / GetStringAnnotation / GetIntAnnotation (parser/main.go,
 * parser/validators.go checkAnnotation): an absent key is `missing`; with `--enable-annotation-validation` on
 * (the default since v1.12.0) a non-empty value the validator refuses is `invalid`; a value Go cannot parse (an
 * empty string, `yes` for a bool) is `unreadable`; otherwise `ok`. With validation off nothing is `invalid`.
 *
 * For the other engineers' modules: read an annotation with `getStringAnnotation` / `getBoolAnnotation` /
 * `getIntAnnotation(annotations, name, env)` and treat `invalid` as the parser in `ANNOTATIONS[name].source`
 * does; whether an Ingress is rejected at all is decided once, in `annotations.ts` (`annotationRejections`),
 * before any module sees it, so a served Ingress never carries a rejecting `invalid`. `validatorOf(name)` and
 * `describeValidator(name)` give a validator for lints and docs.
 */
import type { RouteEnvironment } from './environment'
import { parseGoBool } from './environment'

/** The annotation prefix of kubernetes/ingress-nginx (`--annotations-prefix` default). */
export const ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/'

/** parser.AnnotationRisk (parser/validators.go), lowest first. */
export type AnnotationRisk = 'Low' | 'Medium' | 'High' | 'Critical'

export const RISK_ORDER: Readonly<Record<AnnotationRisk, number>> = { Low: 0, Medium: 1, High: 2, Critical: 3 }

/** parser.StringRiskToRisk: case-insensitive; anything else is Low. */
export function riskFromString(value: string): AnnotationRisk {
  const lower = value.toLowerCase()
  if (lower === 'critical') return 'Critical'
  if (lower === 'high') return 'High'
  if (lower === 'medium') return 'Medium'
  return 'Low'
}

// parser/validators.go: alphaNumericChars is `\-\.\_\~a-zA-Z0-9\/:`, regexEnabledChars is QuoteMeta(`^$[](){}*+?|&=\`),
// urlEnabledChars is QuoteMeta(`,:?&=`). Go's `$` (no multi-line flag) is the end of the text, as in JavaScript.
const URL_IS_VALID = /^[-._~a-zA-Z0-9/:,?&=]*$/
const REGEX_PATH_WITH_CAPTURE = /^\/?[-._~a-zA-Z0-9/:$]*$/
const BASIC_CHARS = /^[/\-._~a-zA-Z0-9:]*$/
const IS_VALID_REGEX = /^[/\-._~a-zA-Z0-9:^$[\](){}*+?|&=\\]*$/
/**
 * sessionaffinity/main.go affinityCookieExpiresRegex, unanchored as upstream wrote it; the parser also re-checks
 * session-cookie-expires and -max-age with it after reading them, validation on or off.
 */
export const AFFINITY_COOKIE_EXPIRES = /(^0|-?[1-9]\d*$)/
const COOKIE_EXPIRES = AFFINITY_COOKIE_EXPIRES
const MALICIOUS = /\r|\n/
/** Go's unicode.IsSpace (strings.TrimSpace). */
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
const GO_TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g')

/** strings.TrimSpace. */
export function goTrimSpace(value: string): string {
  return value.replace(GO_TRIM, '')
}

/** strconv.Atoi: optional sign, decimal digits, within int64. */
export function goAtoi(value: string): number | null {
  if (!/^[+-]?\d+$/.test(value)) return null
  const big = BigInt(value)
  return big >= -(2n ** 63n) && big < 2n ** 63n ? Number(value) : null
}

/** The validators of parser/validators.go the engine's annotations use, by their Go names. */
export type ValidatorName =
  | 'ValidateBool'
  | 'ValidateInt'
  | 'ValidateRegex(URLIsValidRegex)'
  | 'ValidateRegex(URLIsValidRegex, spaces removed)'
  | 'ValidateRegex(RegexPathWithCapture)'
  | 'ValidateRegex(RegexPathWithCapture, spaces removed)'
  | 'ValidateRegex(BasicCharsRegex, spaces removed)'
  | 'ValidateRegex(IsValidRegex)'
  | 'ValidateRegex(affinityCookieExpiresRegex)'
  | 'ValidateRegex(affinityCookieExpiresRegex, spaces removed)'
  | 'ValidateArrayOfServerName'
  | 'ValidateServiceName'
  | 'ValidateServerName'
  | 'ValidateOptions(cookie)'
  | 'ValidateOptions(balanced, persistent)'
  | 'ValidateOptions(sticky, legacy)'
  | 'ValidateOptions(none, lax, strict; any case)'
  | 'ValidateNull'

function regexValidator(regex: RegExp, removeSpace: boolean): (value: string) => boolean {
  return (value) => {
    const s = removeSpace ? value.replaceAll(' ', '') : value
    return regex.test(s) && !MALICIOUS.test(s)
  }
}

function options(list: readonly string[], caseSensitive: boolean): (value: string) => boolean {
  return (value) => {
    const s = caseSensitive ? goTrimSpace(value) : goTrimSpace(value).toLowerCase()
    return list.includes(s)
  }
}

/** machineryvalidation.NameIsDNS1035Label. */
function isDns1035Label(value: string): boolean {
  return value.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(value)
}

const VALIDATORS: Readonly<Record<ValidatorName, (value: string) => boolean>> = {
  'ValidateBool': (value) => parseGoBool(value) !== null,
  'ValidateInt': (value) => goAtoi(value) !== null,
  'ValidateRegex(URLIsValidRegex)': regexValidator(URL_IS_VALID, false),
  'ValidateRegex(URLIsValidRegex, spaces removed)': regexValidator(URL_IS_VALID, true),
  'ValidateRegex(RegexPathWithCapture)': regexValidator(REGEX_PATH_WITH_CAPTURE, false),
  'ValidateRegex(RegexPathWithCapture, spaces removed)': regexValidator(REGEX_PATH_WITH_CAPTURE, true),
  'ValidateRegex(BasicCharsRegex, spaces removed)': regexValidator(BASIC_CHARS, true),
  'ValidateRegex(IsValidRegex)': regexValidator(IS_VALID_REGEX, false),
  'ValidateRegex(affinityCookieExpiresRegex)': regexValidator(COOKIE_EXPIRES, false),
  'ValidateRegex(affinityCookieExpiresRegex, spaces removed)': regexValidator(COOKIE_EXPIRES, true),
  'ValidateArrayOfServerName': (value) => value.split(',').every((name) => IS_VALID_REGEX.test(goTrimSpace(name))),
  'ValidateServiceName': isDns1035Label,
  // parser.ValidateServerName: the trimmed value against IsValidRegex (no malicious-string check).
  'ValidateServerName': (value) => IS_VALID_REGEX.test(goTrimSpace(value)),
  'ValidateOptions(cookie)': options(['cookie'], true),
  'ValidateOptions(balanced, persistent)': options(['balanced', 'persistent'], true),
  'ValidateOptions(sticky, legacy)': options(['sticky', 'legacy'], true),
  'ValidateOptions(none, lax, strict; any case)': options(['none', 'lax', 'strict'], false),
  'ValidateNull': () => true,
}

/** One annotation as ingress-nginx declares it (parser.AnnotationConfig) and as its parser treats a refused value. */
export interface AnnotationSpec {
  readonly validator: ValidatorName
  readonly risk: AnnotationRisk
  /** `rejects`: the parser returns the validation error (the Ingress is rejected); `defaults`: it uses the default. */
  readonly onInvalid: 'rejects' | 'defaults'
  /** The ingress-nginx file that declares it (internal/ingress/annotations/…). */
  readonly source: string
}

const REDIRECT = 'redirect/redirect.go'
const REWRITE = 'rewrite/main.go'
const CANARY = 'canary/main.go'
const AFFINITY = 'sessionaffinity/main.go'

function spec(validator: ValidatorName, risk: AnnotationRisk, onInvalid: AnnotationSpec['onInvalid'], source: string): AnnotationSpec {
  return { validator, risk, onInvalid, source: `internal/ingress/annotations/${source}` }
}

/** Every annotation the routing engine reads (names without the prefix). */
export const ANNOTATIONS = {
  // rewrite/main.go: Parse logs a validation error and falls back to the default for each of these.
  'rewrite-target': spec('ValidateRegex(RegexPathWithCapture)', 'Medium', 'defaults', REWRITE),
  'use-regex': spec('ValidateBool', 'Low', 'defaults', REWRITE),
  'app-root': spec('ValidateRegex(RegexPathWithCapture)', 'Medium', 'defaults', REWRITE),
  'ssl-redirect': spec('ValidateBool', 'Low', 'defaults', REWRITE),
  'force-ssl-redirect': spec('ValidateBool', 'Medium', 'defaults', REWRITE),
  'preserve-trailing-slash': spec('ValidateBool', 'Medium', 'defaults', REWRITE),
  // portinredirect/main.go: any error gives the ConfigMap default.
  'use-port-in-redirects': spec('ValidateBool', 'Low', 'defaults', 'portinredirect/main.go'),
  // redirect/redirect.go: Parse returns every error, so a validation error rejects the Ingress.
  'from-to-www-redirect': spec('ValidateBool', 'Low', 'rejects', REDIRECT),
  'relative-redirects': spec('ValidateBool', 'Low', 'rejects', REDIRECT),
  'temporal-redirect': spec('ValidateRegex(URLIsValidRegex)', 'Medium', 'rejects', REDIRECT),
  'temporal-redirect-code': spec('ValidateInt', 'Low', 'rejects', REDIRECT),
  'permanent-redirect': spec('ValidateRegex(URLIsValidRegex)', 'Medium', 'rejects', REDIRECT),
  'permanent-redirect-code': spec('ValidateInt', 'Low', 'rejects', REDIRECT),
  // alias/main.go and defaultbackend/main.go return the error too.
  'server-alias': spec('ValidateArrayOfServerName', 'High', 'rejects', 'alias/main.go'),
  'default-backend': spec('ValidateServiceName', 'Low', 'rejects', 'defaultbackend/main.go'),
  // upstreamvhost/main.go and xforwardedprefix/main.go return GetStringAnnotation's error: a validation error rejects
  // the Ingress. customheaders/main.go only logs it and sets no headers (docs/routing.md#upstream-request-headers).
  'upstream-vhost': spec('ValidateServerName', 'Low', 'rejects', 'upstreamvhost/main.go'),
  'x-forwarded-prefix': spec('ValidateRegex(RegexPathWithCapture, spaces removed)', 'Medium', 'rejects', 'xforwardedprefix/main.go'),
  'custom-headers': spec('ValidateRegex(BasicCharsRegex, spaces removed)', 'Medium', 'defaults', 'customheaders/main.go'),
  // canary/main.go: each error is logged and the default used.
  'canary': spec('ValidateBool', 'Low', 'defaults', CANARY),
  'canary-weight': spec('ValidateInt', 'Low', 'defaults', CANARY),
  'canary-weight-total': spec('ValidateInt', 'Low', 'defaults', CANARY),
  'canary-by-header': spec('ValidateRegex(BasicCharsRegex, spaces removed)', 'Medium', 'defaults', CANARY),
  'canary-by-header-value': spec('ValidateRegex(BasicCharsRegex, spaces removed)', 'Medium', 'defaults', CANARY),
  'canary-by-header-pattern': spec('ValidateRegex(IsValidRegex)', 'Medium', 'defaults', CANARY),
  'canary-by-cookie': spec('ValidateRegex(BasicCharsRegex, spaces removed)', 'Medium', 'defaults', CANARY),
  // sessionaffinity/main.go: every error is ignored and the default used.
  'affinity': spec('ValidateOptions(cookie)', 'Low', 'defaults', AFFINITY),
  'affinity-mode': spec('ValidateOptions(balanced, persistent)', 'Medium', 'defaults', AFFINITY),
  'affinity-canary-behavior': spec('ValidateOptions(sticky, legacy)', 'Low', 'defaults', AFFINITY),
  'session-cookie-name': spec('ValidateRegex(BasicCharsRegex, spaces removed)', 'Medium', 'defaults', AFFINITY),
  'session-cookie-secure': spec('ValidateBool', 'Low', 'defaults', AFFINITY),
  'session-cookie-expires': spec('ValidateRegex(affinityCookieExpiresRegex, spaces removed)', 'Medium', 'defaults', AFFINITY),
  'session-cookie-max-age': spec('ValidateRegex(affinityCookieExpiresRegex)', 'Medium', 'defaults', AFFINITY),
  'session-cookie-path': spec('ValidateRegex(URLIsValidRegex, spaces removed)', 'Medium', 'defaults', AFFINITY),
  'session-cookie-domain': spec('ValidateRegex(BasicCharsRegex, spaces removed)', 'Medium', 'defaults', AFFINITY),
  'session-cookie-samesite': spec('ValidateOptions(none, lax, strict; any case)', 'Low', 'defaults', AFFINITY),
  'session-cookie-conditional-samesite-none': spec('ValidateBool', 'Low', 'defaults', AFFINITY),
  'session-cookie-change-on-failure': spec('ValidateBool', 'Low', 'defaults', AFFINITY),
  // The snippets: not validated at all (ValidateNull), hence Critical; the engine reads them only for their risk.
  'configuration-snippet': spec('ValidateNull', 'Critical', 'defaults', 'snippet/main.go'),
  'server-snippet': spec('ValidateNull', 'Critical', 'defaults', 'serversnippet/main.go'),
} as const satisfies Readonly<Record<string, AnnotationSpec>>

export type AnnotationName = keyof typeof ANNOTATIONS

/**
 * The other ingress-nginx annotations whose risk is above Low (each parser's AnnotationFields in
 * internal/ingress/annotations/<dir>/main.go, v1.15.1); every annotation not listed here or in `ANNOTATIONS` is Low.
 */
export const OTHER_ANNOTATION_RISKS: Readonly<Record<Exclude<AnnotationRisk, 'Low'>, readonly string[]>> = {
  Medium: [
    'auth-realm', // auth
    'auth-signin-redirect-param', 'auth-cache-key', 'auth-cache-duration', 'auth-response-headers', 'auth-proxy-set-headers', 'auth-request-redirect', // authreq
    'auth-tls-secret', 'auth-tls-verify-client', // authtls
    'cors-allow-origin', 'cors-allow-headers', 'cors-allow-methods', 'cors-expose-headers', // cors
    'fastcgi-index', 'fastcgi-params-configmap', // fastcgi
    'allowlist-source-range', 'whitelist-source-range', 'denylist-source-range', // ipallowlist (and its alias), ipdenylist
    'opentelemetry-operation-name', // opentelemetry
    'proxy-cookie-path', 'proxy-cookie-domain', 'proxy-body-size', 'proxy-next-upstream', 'proxy-redirect-from', 'proxy-redirect-to', // proxy
    'proxy-ssl-secret', 'proxy-ssl-ciphers', // proxyssl
  ],
  High: [
    'auth-url', 'auth-signin', // authreq
    'auth-tls-error-page', 'auth-tls-match-cn', // authtls
    'mirror-target', 'mirror-host', // mirror
    'modsecurity-transaction-id', // modsecurity
    'proxy-ssl-name', // proxyssl
    'upstream-hash-by', // upstreamhashby
  ],
  Critical: ['auth-snippet', 'modsecurity-snippet', 'stream-snippet'], // authreq, modsecurity, streamsnippet
}

const RISK_BY_NAME: ReadonlyMap<string, AnnotationRisk> = new Map<string, AnnotationRisk>([
  ...Object.entries(OTHER_ANNOTATION_RISKS).flatMap(([risk, names]) => names.map((name) => [name, risk as AnnotationRisk] as const)),
  ...Object.entries(ANNOTATIONS).map(([name, entry]) => [name, entry.risk] as const),
])

/**
 * The risk of the annotation `key` as parser.CheckAnnotationRisk sees it: the prefix trimmed when present, then
 * looked up by name; null for a name no parser declares.
 */
export function annotationRisk(key: string): AnnotationRisk | null {
  const name = key.startsWith(ANNOTATION_PREFIX) ? key.slice(ANNOTATION_PREFIX.length) : key
  return RISK_BY_NAME.get(name) ?? null
}

/** Whether `value` passes the validator of `name` (whatever the validation flag says). */
export function passesValidator(name: AnnotationName, value: string): boolean {
  return VALIDATORS[ANNOTATIONS[name].validator](value)
}

/** What one read of an annotation gives (parser.Get*Annotation). */
export type AnnotationRead<T> =
  | { readonly kind: 'missing' }
  /** Validation on and the validator refused the (non-empty) value: ing_errors.NewValidationError. */
  | { readonly kind: 'invalid'; readonly name: AnnotationName; readonly value: string }
  /** Go could not parse the value (InvalidContent): an empty string, `yes` for a bool, `30s` for an int. */
  | { readonly kind: 'unreadable'; readonly value: string }
  | { readonly kind: 'ok'; readonly value: T }

type Annotations = Readonly<Record<string, string>>
type ValidationSetting = Pick<RouteEnvironment, 'annotationValidation'>

/** Each annotation's full key, built once (a key concatenated per read is a new string to hash on every lookup). */
const FULL_KEYS = Object.fromEntries(Object.keys(ANNOTATIONS).map((name) => [name, ANNOTATION_PREFIX + name])) as Readonly<Record<AnnotationName, string>>

/**
 * Whether the controller's parsers see nothing in `annotations`: no key with the prefix, none a parser knows by
 * its bare name (parser.CheckAnnotationRisk trims the prefix only when present), none ending `-snippet`. Most
 * Ingresses of a large cluster carry only other tools' annotations; these need no reading at all.
 */
export function parsersSeeNothing(annotations: Annotations): boolean {
  for (const key in annotations) {
    if (key.startsWith(ANNOTATION_PREFIX) || RISK_BY_NAME.has(key) || key.endsWith('-snippet')) return false
  }
  return true
}

function checked(annotations: Annotations, name: AnnotationName, env: ValidationSetting): AnnotationRead<string> {
  const value = annotations[FULL_KEYS[name]]
  if (value === undefined) return { kind: 'missing' }
  // checkAnnotation: "We don't run validation against empty values".
  if (env.annotationValidation && value !== '' && !passesValidator(name, value)) return { kind: 'invalid', name, value }
  return { kind: 'ok', value }
}

/** parser.GetStringAnnotation: each line trimmed (normalizeString); empty afterwards is unreadable. */
export function getStringAnnotation(annotations: Annotations, name: AnnotationName, env: ValidationSetting): AnnotationRead<string> {
  const read = checked(annotations, name, env)
  if (read.kind !== 'ok') return read
  const normalized = read.value.split('\n').map(goTrimSpace).join('\n')
  return normalized === '' ? { kind: 'unreadable', value: read.value } : { kind: 'ok', value: normalized }
}

/** parser.GetBoolAnnotation: strconv.ParseBool of the value as written. */
export function getBoolAnnotation(annotations: Annotations, name: AnnotationName, env: ValidationSetting): AnnotationRead<boolean> {
  const read = checked(annotations, name, env)
  if (read.kind !== 'ok') return read
  const parsed = parseGoBool(read.value)
  return parsed === null ? { kind: 'unreadable', value: read.value } : { kind: 'ok', value: parsed }
}

/** parser.GetIntAnnotation: strconv.Atoi of the value as written. */
export function getIntAnnotation(annotations: Annotations, name: AnnotationName, env: ValidationSetting): AnnotationRead<number> {
  const read = checked(annotations, name, env)
  if (read.kind !== 'ok') return read
  const parsed = goAtoi(read.value)
  return parsed === null ? { kind: 'unreadable', value: read.value } : { kind: 'ok', value: parsed }
}

/** Why the controller rejects an Ingress because of one annotation. */
export type AnnotationRejection =
  /** A rejecting parser's validator refused the value (validation on). */
  | { readonly kind: 'validation'; readonly annotation: string; readonly value: string; readonly validator: ValidatorName }
  /** The annotation's risk is above `annotations-risk-level` (parser.CheckAnnotationRisk, before any parsing). */
  | { readonly kind: 'risk'; readonly annotation: string; readonly value: string; readonly risk: AnnotationRisk; readonly level: AnnotationRisk }
  /** A `*-snippet` annotation while `allow-snippet-annotations` is false: the admission webhook denies it (controller.go CheckIngress). */
  | { readonly kind: 'snippets-disabled'; readonly annotation: string; readonly value: string }
  /**
   * The value reaches nginx.conf as a script nginx refuses (a variable it does not know, a `$` without a name): the
   * admission webhook runs `nginx -t` on the configuration with the Ingress (controller.go CheckIngress, testTemplate)
   * and denies it. `unknown` lists the unknown names (empty when the template itself cannot be read).
   */
  | { readonly kind: 'nginx-test'; readonly annotation: string; readonly value: string; readonly unknown: readonly string[] }

/** A validation rejection for `read` when it is `invalid`, else null. */
export function validationRejection(read: AnnotationRead<unknown>): AnnotationRejection | null {
  if (read.kind !== 'invalid') return null
  return { kind: 'validation', annotation: ANNOTATION_PREFIX + read.name, value: read.value, validator: ANNOTATIONS[read.name].validator }
}

/** The rejections every parser's `Validate` (risk) and the webhook's snippet check give, in key order. */
export function riskRejections(annotations: Annotations, env: Pick<RouteEnvironment, 'annotationsRiskLevel' | 'allowSnippetAnnotations'>): AnnotationRejection[] {
  const out: AnnotationRejection[] = []
  const level = RISK_ORDER[env.annotationsRiskLevel]
  for (const key of Object.keys(annotations).sort()) {
    const value = annotations[key] as string
    const risk = annotationRisk(key)
    if (risk !== null && RISK_ORDER[risk] > level) out.push({ kind: 'risk', annotation: key, value, risk, level: env.annotationsRiskLevel })
    else if (!env.allowSnippetAnnotations && key.endsWith('-snippet')) out.push({ kind: 'snippets-disabled', annotation: key, value })
  }
  return out
}
