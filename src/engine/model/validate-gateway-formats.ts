/**
 * The OpenAPI constraints of the Gateway API CRDs (standard channel v1.6.1, `config/crd/standard/*.yaml`; the
 * same for v1 and v1beta1) as data: each pattern exactly as the CRD writes it (the API server quotes it in its
 * message), length and item limits, enums and integer ranges. One place: the builders read these, and the docs
 * table (docs/gateway-api.md#model-and-validation) names them.
 */

/** A string constraint of the CRD schema: `pattern`, `minLength`, `maxLength`, `enum`. */
export interface StringSchema {
  /** The pattern as the CRD writes it; matched unanchored, as Go's regexp.MatchString does. */
  readonly pattern?: string
  readonly minLength?: number
  readonly maxLength?: number
  readonly enum?: readonly string[]
}

/** An integer constraint: `minimum`, `maximum`, `enum`. */
export interface IntSchema {
  readonly minimum?: number
  readonly maximum?: number
  readonly enum?: readonly number[]
}

/** A list constraint: `minItems`, `maxItems`. */
export interface ListSchema {
  readonly minItems?: number
  readonly maxItems?: number
}

const dnsSubdomain = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'

/** The CRD schemas' named string types (apis/v1/shared_types.go and object_reference_types.go). */
export const GW = {
  /** `Group`: empty or a DNS subdomain. */
  group: { pattern: `^$|^${dnsSubdomain}$`, maxLength: 253 },
  /** `Kind`. */
  kind: { pattern: '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$', minLength: 1, maxLength: 63 },
  /** `ObjectName`. */
  objectName: { minLength: 1, maxLength: 253 },
  /** `Namespace`: a DNS label. */
  namespace: { pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', minLength: 1, maxLength: 63 },
  /** `SectionName` (also listener names and rule names). */
  sectionName: { pattern: `^${dnsSubdomain}$`, minLength: 1, maxLength: 253 },
  /** `Hostname`: a DNS name, optionally with a leading `*.` (listener hostname, route hostnames). */
  hostname: { pattern: `^(\\*\\.)?${dnsSubdomain}$`, minLength: 1, maxLength: 253 },
  /** `PreciseHostname`: no wildcard (redirect and rewrite hostnames). */
  preciseHostname: { pattern: `^${dnsSubdomain}$`, minLength: 1, maxLength: 253 },
  /** `GatewayController` (GatewayClass `controllerName`). */
  controllerName: { pattern: `^${dnsSubdomain}\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$`, minLength: 1, maxLength: 253 },
  /** `ProtocolType`. */
  protocol: { pattern: `^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|${dnsSubdomain}\\/[A-Za-z0-9]+$`, minLength: 1, maxLength: 255 },
  /** `HTTPHeaderName` (header matches, header modifiers, query parameter names). */
  headerName: { pattern: "^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$", minLength: 1, maxLength: 256 },
  /** A header match value and a header modifier value. */
  headerValue: { minLength: 1, maxLength: 4096 },
  /** A query parameter match value. */
  queryValue: { minLength: 1, maxLength: 1024 },
  /** `HTTPPathMatch.value`. */
  pathValue: { maxLength: 1024 },
  /** `HTTPPathModifier.replaceFullPath` / `replacePrefixMatch`. */
  pathModifier: { maxLength: 1024 },
  /** `Duration` (HTTPRoute timeouts): Go durations with at most four parts, no fractions. */
  duration: { pattern: '^([0-9]{1,5}(h|m|s|ms)){1,4}$' },
  /** GatewayClass `description`. */
  description: { maxLength: 64 },
  /** `AddressType`. */
  addressType: { pattern: `^Hostname|IPAddress|NamedAddress|${dnsSubdomain}\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$`, minLength: 1, maxLength: 253 },
  addressValue: { maxLength: 253 },
  /** A value of `tls.options` and of `infrastructure.annotations`. */
  longValue: { maxLength: 4096 },
  /** `infrastructure.labels` values. */
  labelValue: { pattern: '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$', maxLength: 63 },
  /** CORS `allowOrigins` items. */
  corsOrigin: { pattern: '(^\\*$)|(^(http(s)?):\\/\\/(((\\*\\.)?([a-zA-Z0-9\\-]+\\.)*[a-zA-Z0-9-]+|\\*)(:([0-9]{1,5}))?)$)', minLength: 1, maxLength: 253 },
} as const satisfies Readonly<Record<string, StringSchema>>

export const PORT: IntSchema = { minimum: 1, maximum: 65535 }
export const WEIGHT: IntSchema = { minimum: 0, maximum: 1000000 }
export const PERCENT: IntSchema = { minimum: 0, maximum: 100 }

/** Enums of the CRDs. */
export const ENUMS = {
  tlsMode: ['Terminate', 'Passthrough'],
  fromNamespaces: ['All', 'Selector', 'Same'],
  pathMatchType: ['Exact', 'PathPrefix', 'RegularExpression'],
  valueMatchType: ['Exact', 'RegularExpression'],
  method: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'],
  corsMethod: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', '*'],
  filterType: ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'RequestRedirect', 'URLRewrite', 'ExtensionRef', 'CORS'],
  pathModifierType: ['ReplaceFullPath', 'ReplacePrefixMatch'],
  scheme: ['http', 'https'],
  frontendValidationMode: ['AllowValidOnly', 'AllowInsecureFallback'],
  allowedListenersFrom: ['All', 'Selector', 'Same', 'None'],
} as const

/** `requestRedirect.statusCode`: the enum and the default. */
export const REDIRECT_STATUS_CODES: IntSchema = { enum: [301, 302, 303, 307, 308] }

/** `maxItems` (and `minItems`) of the CRDs' lists. */
export const LIMITS = {
  listeners: { minItems: 1, maxItems: 64 },
  addresses: { maxItems: 16 },
  certificateRefs: { maxItems: 64 },
  caCertificateRefs: { minItems: 1, maxItems: 16 },
  routeKinds: { maxItems: 8 },
  parentRefs: { maxItems: 32 },
  hostnames: { maxItems: 16 },
  rules: { minItems: 1, maxItems: 16 },
  matches: { maxItems: 64 },
  filters: { maxItems: 16 },
  backendRefs: { maxItems: 16 },
  headerMatches: { maxItems: 16 },
  queryParamMatches: { maxItems: 16 },
  headerModifierList: { maxItems: 16 },
  corsHeaders: { maxItems: 64 },
  corsMethods: { maxItems: 9 },
  grantPeers: { minItems: 1, maxItems: 16 },
  perPort: { maxItems: 64 },
} as const satisfies Readonly<Record<string, ListSchema>>

/** The CEL rule on `spec.rules`: at most this many matches across all rules of a route (after defaulting). */
export const MAX_TOTAL_MATCHES = 128

/** The CRD defaults (`+kubebuilder:default`), one place for every consumer. */
export const GATEWAY_DEFAULTS = {
  parentRefGroup: 'gateway.networking.k8s.io',
  parentRefKind: 'Gateway',
  backendRefGroup: '',
  backendRefKind: 'Service',
  backendRefWeight: 1,
  certificateRefGroup: '',
  certificateRefKind: 'Secret',
  routeKindGroup: 'gateway.networking.k8s.io',
  tlsMode: 'Terminate',
  allowedRoutesFrom: 'Same',
  addressType: 'IPAddress',
  pathMatchType: 'PathPrefix',
  pathMatchValue: '/',
  valueMatchType: 'Exact',
  redirectStatusCode: 302,
  mirrorFractionDenominator: 100,
  corsMaxAge: 5,
} as const

const compiled = new Map<string, RegExp>()

/** True when `value` matches the CRD pattern (Go's regexp.MatchString: unanchored unless the pattern anchors). */
export function matchesPattern(pattern: string, value: string): boolean {
  let regex = compiled.get(pattern)
  if (!regex) {
    regex = new RegExp(pattern)
    compiled.set(pattern, regex)
  }
  return regex.test(value)
}

/** OpenAPI's string length: Unicode code points, as Go's utf8.RuneCountInString. */
export function codePoints(value: string): number {
  let n = 0
  for (const _ of value) n++
  return n
}
